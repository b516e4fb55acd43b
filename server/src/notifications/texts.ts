import type { Mail } from './mail.ts';

// Mails about notifications (new documents, tickets' status changes and replies; later notices), in the user's language
// (users.locale), and the mail that tells the managers of a new ticket.
// A sensitive item (e.g. a Mahnung) is named by its category only: its title appears neither in the subject nor in
// the text. The link is the organization's portal page: there is no setting for it yet, so it is the first origin the
// organization allows (its homepage, where the widgets live); without one the text says where to look in words.

export type MailLocale = 'de' | 'en';

/** One thing to tell of. */
export interface NoticeItem {
  /** notifications.kind: document, ticket_status, ticket_comment. */
  kind: string;
  /** A document's category; for a ticket the status the recipient's role sees. */
  category: { de: string; en: string };
  /** Null for a sensitive category: the mail names the category only. */
  title: string | null;
  /** For the ticket kinds: the ticket's number and subject, and who wrote a comment (staff: the property manager). */
  ticket?: { number: string; subject: string; author?: 'staff' | 'resident' };
  /**
   * For the notice kinds (`post`, `post_reminder`): the notice's type (its label goes into the mail), why the send
   * went out (published, a "wesentliche Änderung", a reminder) and whether it asks to be acknowledged.
   */
  post?: {
    type: PostTypeName;
    reason: 'publish' | 'update' | 'reminder';
    requiresAck: boolean;
    /** Lines about its appointment and last day shown, per language (posts/facts.ts); none when it has neither. */
    facts?: Record<MailLocale, string[]>;
  };
}

/** The types of notices of the bulletin board (posts.type). */
export type PostTypeName = 'neutral' | 'info' | 'warning' | 'danger';

/** The text label of each notice type, as the widget shows it next to its colour and icon (WCAG 1.4.1). */
export const postTypeLabels: Readonly<Record<PostTypeName, { de: string; en: string }>> = {
  neutral: { de: 'Mitteilung', en: 'Notice' },
  info: { de: 'Info', en: 'Info' },
  warning: { de: 'Warnung', en: 'Warning' },
  danger: { de: 'Gefahrenhinweis', en: 'Danger' },
};

export interface NoticeMailInput {
  to: string;
  organization: { id: string; name: string; portalUrl: string | null };
  locale: MailLocale;
  channel: 'immediate' | 'digest';
  items: NoticeItem[];
  /** The person chose "none" and hears of these because their category is mandatory: the mail says why. */
  mandatoryOnly?: boolean;
  /** The person's name for the greeting ("Guten Tag, Katharina Huber,"); without it the greeting has none. */
  name?: string;
}

/** How a kind of item is counted and named, per language. */
interface KindWords {
  /** "1 neues Dokument", "3 neue Dokumente". */
  count(n: number): string;
  /** The line for a sensitive item: no title, the category only. */
  untitled(category: string): string;
  /** The item's line in a list, when the kind words it its own way. */
  line?(item: NoticeItem): string;
  /** What the subject says after the organization's name when the mail tells of this one item only. */
  single?(item: NoticeItem): string;
  /** The sentence that tells of this one item in a mail of its own, instead of a count and a list. */
  sentence?(item: NoticeItem): string;
  /** German only: the pronoun for one item ("Sie finden es", a document; "ihn", an Aushang); default "es". */
  pronoun?: string;
}

/** A ticket item's number, subject and visible status, each one line. */
const ticketParts = (item: NoticeItem, locale: MailLocale) => ({
  number: oneLine(item.ticket?.number ?? ''),
  subject: oneLine(item.ticket?.subject ?? item.title ?? ''),
  status: oneLine(item.category[locale]),
  staff: item.ticket?.author !== 'resident',
});

const ticketCount: Record<MailLocale, (n: number) => string> = {
  de: (n) => (n === 1 ? '1 Neuigkeit zu Ihren Anliegen' : `${n} Neuigkeiten zu Ihren Anliegen`),
  en: (n) => (n === 1 ? '1 update on your requests' : `${n} updates on your requests`),
};

// Tickets are "Anliegen 2026-00042" / "Request 2026-00042", as the widgets name them; the status is the one the
// recipient's role sees (tickets/notices.ts), never a reason.
const kindWords: Record<string, Record<MailLocale, KindWords>> = {
  document: {
    de: {
      count: (n) => (n === 1 ? '1 neues Dokument' : `${n} neue Dokumente`),
      untitled: (category) => `Ein neues Dokument in der Kategorie ${category}`,
    },
    en: {
      count: (n) => (n === 1 ? '1 new document' : `${n} new documents`),
      untitled: (category) => `A new document in the category ${category}`,
    },
  },
  ticket_status: {
    de: {
      count: ticketCount.de,
      untitled: (status) => `Ein Anliegen hat einen neuen Stand: ${status}`,
      line: (item) => { const t = ticketParts(item, 'de'); return `- Anliegen ${t.number}: ${t.subject} – neuer Stand: ${t.status}`; },
      single: (item) => { const t = ticketParts(item, 'de'); return `Anliegen ${t.number}: ${t.subject} – ${t.status}`; },
      sentence: (item) => { const t = ticketParts(item, 'de'); return `Ihr Anliegen ${t.number} („${t.subject}“) hat einen neuen Stand: ${t.status}.`; },
    },
    en: {
      count: ticketCount.en,
      untitled: (status) => `A request has a new status: ${status}`,
      line: (item) => { const t = ticketParts(item, 'en'); return `- Request ${t.number}: ${t.subject} – new status: ${t.status}`; },
      single: (item) => { const t = ticketParts(item, 'en'); return `Request ${t.number}: ${t.subject} – ${t.status}`; },
      sentence: (item) => { const t = ticketParts(item, 'en'); return `Your request ${t.number} ("${t.subject}") has a new status: ${t.status}.`; },
    },
  },
  ticket_comment: {
    de: {
      count: ticketCount.de,
      untitled: (status) => `Eine neue Antwort zu einem Anliegen (Stand: ${status})`,
      line: (item) => { const t = ticketParts(item, 'de'); return `- Anliegen ${t.number}: ${t.subject} – ${t.staff ? 'Antwort der Hausverwaltung' : 'neue Nachricht'} (Stand: ${t.status})`; },
      single: (item) => { const t = ticketParts(item, 'de'); return `Anliegen ${t.number}: ${t.subject} – ${t.staff ? 'neue Antwort' : 'neue Nachricht'}`; },
      sentence: (item) => {
        const t = ticketParts(item, 'de');
        const told = t.staff ? `die Hausverwaltung hat auf Ihr Anliegen ${t.number} („${t.subject}“) geantwortet.` : `zu Ihrem Anliegen ${t.number} („${t.subject}“) gibt es eine neue Nachricht.`;
        return `${told} Aktueller Stand: ${t.status}.`;
      },
    },
    en: {
      count: ticketCount.en,
      untitled: (status) => `A new reply to a request (status: ${status})`,
      line: (item) => { const t = ticketParts(item, 'en'); return `- Request ${t.number}: ${t.subject} – ${t.staff ? 'reply from the property manager' : 'new message'} (status: ${t.status})`; },
      single: (item) => { const t = ticketParts(item, 'en'); return `Request ${t.number}: ${t.subject} – ${t.staff ? 'new reply' : 'new message'}`; },
      sentence: (item) => {
        const t = ticketParts(item, 'en');
        const told = t.staff ? `The property manager has replied to your request ${t.number} ("${t.subject}").` : `There is a new message about your request ${t.number} ("${t.subject}").`;
        return `${told} Current status: ${t.status}.`;
      },
    },
  },
};

/** A notice item's title, type label and category, each one line, and the word for why it is sent. */
const postParts = (item: NoticeItem, locale: MailLocale) => {
  const reason = item.post?.reason ?? 'publish';
  return {
    title: oneLine(item.title ?? ''),
    label: postTypeLabels[item.post?.type ?? 'neutral'][locale],
    category: oneLine(item.category[locale]),
    // "Aktualisiert – " / "Erinnerung – " before the label of an update or a reminder.
    lead: reason === 'update' ? (locale === 'de' ? 'Aktualisiert – ' : 'Updated – ') : reason === 'reminder' ? (locale === 'de' ? 'Erinnerung – ' : 'Reminder – ') : '',
    reason,
    ack: item.post?.requiresAck === true,
    // The appointment and the last day, each on a line of its own under the notice.
    facts: (item.post?.facts?.[locale] ?? []).map(oneLine),
  };
};

/** The notice's facts as lines under it: indented in a list, after a blank line under a sentence. */
const factLines = (facts: string[], indent: string): string => facts.map((f) => `\n${indent}${f}`).join('');

const postCount: Record<MailLocale, (n: number) => string> = {
  de: (n) => (n === 1 ? '1 Aushang am Schwarzen Brett' : `${n} Aushänge am Schwarzen Brett`),
  en: (n) => (n === 1 ? '1 notice on the bulletin board' : `${n} notices on the bulletin board`),
};

// Notices of the bulletin board name their type label, title and category; an update says "aktualisiert", a reminder
// "Erinnerung" and what is still to do (read it, or confirm it with "Zur Kenntnis genommen").
const postWords: Record<MailLocale, KindWords> = {
  de: {
    count: postCount.de,
    untitled: (category) => `Ein Aushang in der Kategorie ${category}`,
    pronoun: 'ihn',
    line: (item) => { const p = postParts(item, 'de'); return `- ${p.lead}${p.label}: ${p.title} (Kategorie ${p.category})${factLines(p.facts, '  ')}`; },
    single: (item) => { const p = postParts(item, 'de'); return `${p.lead}${p.label}: ${p.title}`; },
    sentence: (item) => {
      const p = postParts(item, 'de');
      const named = `„${p.title}“ (${p.label}, Kategorie ${p.category})`;
      const facts = p.facts.length ? `\n${factLines(p.facts, '')}` : '';
      if (p.reason === 'update') return `der Aushang ${named} am Schwarzen Brett wurde aktualisiert.${p.ack ? ' Bitte bestätigen Sie ihn erneut mit „Zur Kenntnis genommen“.' : ''}${facts}`;
      if (p.reason === 'reminder') return `dies ist eine Erinnerung an den Aushang ${named} am Schwarzen Brett. ${p.ack ? 'Bitte lesen Sie ihn und bestätigen Sie ihn mit „Zur Kenntnis genommen“.' : 'Bitte lesen Sie ihn.'}${facts}`;
      return `am Schwarzen Brett gibt es einen neuen Aushang: ${named}.${p.ack ? ' Bitte bestätigen Sie ihn mit „Zur Kenntnis genommen“.' : ''}${facts}`;
    },
  },
  en: {
    count: postCount.en,
    untitled: (category) => `A notice in the category ${category}`,
    line: (item) => { const p = postParts(item, 'en'); return `- ${p.lead}${p.label}: ${p.title} (category ${p.category})${factLines(p.facts, '  ')}`; },
    single: (item) => { const p = postParts(item, 'en'); return `${p.lead}${p.label}: ${p.title}`; },
    sentence: (item) => {
      const p = postParts(item, 'en');
      const named = `"${p.title}" (${p.label}, category ${p.category})`;
      const facts = p.facts.length ? `\n${factLines(p.facts, '')}` : '';
      if (p.reason === 'update') return `The notice ${named} on the bulletin board has been updated.${p.ack ? ' Please confirm again in the portal that you have taken note of it.' : ''}${facts}`;
      if (p.reason === 'reminder') return `This is a reminder of the notice ${named} on the bulletin board. ${p.ack ? 'Please read it and confirm in the portal that you have taken note of it.' : 'Please read it.'}${facts}`;
      return `There is a new notice on the bulletin board: ${named}.${p.ack ? ' Please confirm in the portal that you have taken note of it.' : ''}${facts}`;
    },
  },
};
kindWords.post = postWords;
kindWords.post_reminder = postWords;

/** Items of a kind without words of its own (a kind added later) are counted as news. */
const anyKind: Record<MailLocale, KindWords> = {
  de: { count: (n) => (n === 1 ? '1 Neuigkeit' : `${n} Neuigkeiten`), untitled: (category) => `Eine Neuigkeit in der Kategorie ${category}` },
  en: { count: (n) => (n === 1 ? '1 new item' : `${n} new items`), untitled: (category) => `A new item in the category ${category}` },
};

/** The words of the items' one kind; items of the ticket kinds alone are counted as updates on requests; else news. */
const wordsFor = (items: NoticeItem[], locale: MailLocale): KindWords => {
  const kinds = new Set(items.map((i) => i.kind));
  if (kinds.size === 1) return kindWords[items[0]!.kind]?.[locale] ?? anyKind[locale];
  if ([...kinds].every((k) => k.startsWith('ticket_'))) return { ...anyKind[locale], count: ticketCount[locale] };
  if ([...kinds].every((k) => k === 'post' || k === 'post_reminder')) return postWords[locale];
  return anyKind[locale];
};

/**
 * A stored text as one plain line of a mail: control characters (line breaks that would start a new mail header or a
 * forged paragraph, escape codes) and the marks that reverse the writing direction become spaces, runs of spaces one.
 * New titles are refused with such characters (admin uploads); this also covers rows written before or by an import.
 */
export const oneLine = (text: string): string =>
  text.replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]+/gu, ' ').replace(/\s+/g, ' ').trim();

const line = (item: NoticeItem, locale: MailLocale): string => {
  const category = oneLine(item.category[locale]);
  const own = kindWords[item.kind]?.[locale]?.line;
  if (own && item.title !== null) return own(item);
  // Under "1 neues Dokument liegt für Sie bereit:" a sensitive item is named by its category alone.
  if (item.title === null) return locale === 'en' ? `- Category ${category}` : `- Kategorie ${category}`;
  const title = oneLine(item.title);
  return locale === 'en' ? `- ${title} (category ${category})` : `- ${title} (Kategorie ${category})`;
};

/** Sensitive items last, otherwise by category and title. */
const byCategoryAndTitle = (locale: MailLocale) => (a: NoticeItem, b: NoticeItem) =>
  Number(a.title === null) - Number(b.title === null) ||
  a.category[locale].localeCompare(b.category[locale], locale) ||
  (a.title ?? '').localeCompare(b.title ?? '', locale);

function subject(input: NoticeMailInput, words: KindWords): string {
  const { items, locale, organization } = input;
  const count = words.count(items.length);
  if (input.channel === 'digest') return locale === 'en' ? `${organization.name}: your daily summary, ${count}` : `${organization.name}: Ihre tägliche Übersicht, ${count}`;
  if (items.length > 1) return `${organization.name}: ${count}`;
  const only = items[0]!;
  if (words.single && only.title !== null) return `${organization.name}: ${words.single(only)}`;
  if (only.title === null) return `${organization.name}: ${words.untitled(oneLine(only.category[locale]))}`;
  return locale === 'en'
    ? `${organization.name}: ${count} in the category ${oneLine(only.category.en)}: ${oneLine(only.title)}`
    : `${organization.name}: ${count} in der Kategorie ${oneLine(only.category.de)}: ${oneLine(only.title)}`;
}

function body(input: NoticeMailInput, words: KindWords): string {
  const { items, locale, organization } = input;
  const count = words.count(items.length);
  const lines = [...items].sort(byCategoryAndTitle(locale)).map((item) => line(item, locale));
  // One item in a mail of its own, of a kind that says it in a sentence.
  const only = input.channel === 'immediate' && items.length === 1 && items[0]!.title !== null ? items[0]! : null;
  const sentence = only && words.sentence ? words.sentence(only) : null;
  // A person who chose "none" hears of danger notices all the same.
  const danger = items.every((i) => i.post?.type === 'danger');
  if (locale === 'en') {
    const intro = input.channel === 'digest' ? `here is your daily summary: ${count} in the customer portal of ${organization.name}:` : `${count} ${items.length === 1 ? 'is' : 'are'} waiting for you in the customer portal of ${organization.name}:`;
    const where = organization.portalUrl ? `Sign in to read ${items.length === 1 ? 'it' : 'them'}: ${organization.portalUrl}` : `Sign in to the customer portal of ${organization.name} to read ${items.length === 1 ? 'it' : 'them'}.`;
    const why = input.mandatoryOnly
      ? `You receive this mail although you chose no notifications, because ${organization.name} always notifies about ${danger ? 'danger notices' : 'this category'}.`
      : `You can choose how you are notified (at once, once a day, or not at all) in your profile under "Email notifications".${danger && input.channel === 'immediate' ? ' Danger notices always reach you at once.' : ''}`;
    return `Hello${input.name ? ` ${oneLine(input.name)}` : ''},\n\n${sentence ?? `${intro}\n\n${lines.join('\n')}`}\n\n${where}\n\n${why}\n`;
  }
  const verb = items.length === 1 ? 'liegt' : 'liegen';
  const intro = input.channel === 'digest' ? `hier ist Ihre tägliche Übersicht: Im Kundenportal von ${organization.name} ${verb} ${count} für Sie bereit:` : `im Kundenportal von ${organization.name} ${verb} ${count} für Sie bereit:`;
  const them = items.length === 1 ? (words.pronoun ?? 'es') : 'sie';
  const where = organization.portalUrl ? `Sie finden ${them} nach der Anmeldung im Portal: ${organization.portalUrl}` : `Sie finden ${them} nach der Anmeldung im Kundenportal von ${organization.name}.`;
  const why = input.mandatoryOnly
    ? `Sie erhalten diese Nachricht, obwohl Sie keine Benachrichtigungen gewählt haben, weil ${organization.name} über ${danger ? 'Gefahrenhinweise' : 'diese Kategorie'} immer benachrichtigt.`
    : `Wie Sie benachrichtigt werden (sofort, täglich gesammelt oder gar nicht), stellen Sie in Ihrem Profil unter „Benachrichtigung per E-Mail“ ein.${danger && input.channel === 'immediate' ? ' Gefahrenhinweise erhalten Sie immer sofort.' : ''}`;
  return `Guten Tag${input.name ? `, ${oneLine(input.name)}` : ''},\n\n${sentence ?? `${intro}\n\n${lines.join('\n')}`}\n\n${where}\n\n${why}\n`;
}

/** The mail telling one person of `items` (at least one): immediately or as the day's digest. */
export function noticeMail(input: NoticeMailInput): Mail {
  if (input.items.length === 0) throw new Error('a notice mail needs at least one item');
  const words = wordsFor(input.items, input.locale);
  return { to: input.to, organizationId: input.organization.id, subject: subject(input, words), text: body(input, words) };
}

/** What the managers are told of a ticket just created (tickets/notices.ts announceNewTicket). */
export interface NewTicketMailInput {
  to: string;
  organizationId: string;
  locale: MailLocale;
  number: string;
  subject: string;
  form: { de: string; en: string };
  /** "<street>, Top <top>", or the street of a common area. */
  place: string;
  /** The label of the urgency chosen, and whether its option is marked `emergency`; null without an urgency field. */
  urgency: { label: { de: string; en: string }; emergency: boolean } | null;
  reporter: string;
  source: 'portal' | 'phone' | 'email' | 'visit';
  /** The ticket's fields as stored (TicketField): label, type, value and display text. */
  fields: { type: string; label: { de: string; en: string }; value: unknown; display: { de: string; en: string } }[];
  /** How many files came with it (they stay in the portal; the mail carries none). */
  files: number;
}

const sourceWords: Record<NewTicketMailInput['source'], { de: string; en: string }> = {
  portal: { de: 'im Portal', en: 'in the portal' },
  phone: { de: 'telefonisch aufgenommen', en: 'taken by phone' },
  email: { de: 'per E-Mail aufgenommen', en: 'taken by email' },
  visit: { de: 'persönlich aufgenommen', en: 'taken in person' },
};

/** A field's text for a mail: an IBAN by its last four characters only; further lines indented under the first. */
function fieldText(field: NewTicketMailInput['fields'][number], locale: MailLocale): string {
  if (field.type === 'iban') return `•••• ${String(field.value ?? '').replace(/\s/g, '').slice(-4)}`;
  return field.display[locale].replace(/\r\n?/g, '\n').split('\n').map((l, i) => (i === 0 ? l : `  ${l}`)).join('\n').replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, (c) => (c === '\n' ? c : ' '));
}

/**
 * The mail telling a manager of a new ticket: "Neues Anliegen 2026-00011: <subject>" ("NOTFALL – " before it when the
 * urgency chosen is an emergency), with the form, place, urgency, reporter and the values as the reporter sees them.
 * An IBAN shows its last four characters only; files are named by their count, never attached.
 */
export function newTicketMail(input: NewTicketMailInput): Mail {
  const { locale } = input;
  const de = locale === 'de';
  const emergency = input.urgency?.emergency === true;
  const title = `${de ? 'Neues Anliegen' : 'New request'} ${input.number}: ${oneLine(input.subject)}`;
  const subject = emergency ? `${de ? 'NOTFALL' : 'EMERGENCY'} – ${title}` : title;
  const facts = [
    [de ? 'Formular' : 'Form', oneLine(input.form[locale])],
    [de ? 'Ort' : 'Place', oneLine(input.place)],
    ...(input.urgency ? [[de ? 'Dringlichkeit' : 'Urgency', oneLine(input.urgency.label[locale])]] : []),
    [de ? 'Gemeldet von' : 'Reported by', `${oneLine(input.reporter)} (${sourceWords[input.source][locale]})`],
  ].map(([k, v]) => `${k}: ${v}`);
  const values = input.fields.map((f) => `- ${oneLine(f.label[locale])}: ${fieldText(f, locale)}`);
  const files = input.files === 0 ? [] : [de ? `${input.files === 1 ? '1 Datei liegt' : `${input.files} Dateien liegen`} dem Anliegen im Portal bei.` : `${input.files === 1 ? '1 file comes' : `${input.files} files come`} with the request in the portal.`];
  const intro = de
    ? (emergency ? 'ein NOTFALL wurde gemeldet, bitte kümmern Sie sich sofort darum:' : 'ein neues Anliegen ist eingegangen:')
    : (emergency ? 'an EMERGENCY was reported, please see to it at once:' : 'a new request came in:');
  const heading = de ? 'Angaben:' : 'Details:';
  const named = `${de ? 'Anliegen' : 'Request'} ${input.number}: ${oneLine(input.subject)}`;
  const text = [`${de ? 'Guten Tag' : 'Hello'},`, '', intro, '', named, ...facts, '', heading, ...values, ...(files.length ? ['', ...files] : []), ''].join('\n');
  return { to: input.to, organizationId: input.organizationId, subject, text };
}
