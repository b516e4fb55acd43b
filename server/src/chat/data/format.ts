import type { ChatAction } from '@hausportal/api';
import type { Organization } from '../../organizations.ts';
import type { ContractRow } from '../../access/contracts.ts';
import { day as dayWords, euros } from '../../forms/display.ts';
import type { ChatLang, ReplyParts } from '../types.ts';

// How own-data answers speak: the session's language, the organization's locale (de-AT for Europe/Vienna, de-DE for
// other zones, en-GB for English), money and days written by hand as forms/display.ts does (the same text on every
// Node build), and the "Stand" day: the organization's day the data was read on (calendar.ts today()), sent as `asOf`.

/** The locale of an answer. */
export type ChatLocale = 'de-AT' | 'de-DE' | 'en-GB';

/** A text in both languages. */
export type Text = Record<ChatLang, string>;

/** de-AT for an organization in Europe/Vienna, de-DE for any other zone; en-GB for English. */
export const localeOf = (org: Pick<Organization, 'timeZone'>, lang: ChatLang): ChatLocale =>
  lang === 'en' ? 'en-GB' : org.timeZone === 'Europe/Vienna' ? 'de-AT' : 'de-DE';

/** Formatting bound to one answer: its language, locale and the organization's today (YYYY-MM-DD). */
export interface Speaker {
  lang: ChatLang;
  locale: ChatLocale;
  today: string;
}

/** The speaker of an answer for `org` in `lang` on `today`. */
export const speakerOf = (org: Pick<Organization, 'timeZone'>, lang: ChatLang, today: string): Speaker => ({ lang, locale: localeOf(org, lang), today });

/** The text in the speaker's language. */
export const say = (s: Speaker, text: Text): string => text[s.lang];

/** Cents as euros: 123456 → "1.234,56 €" (de, a no-break space before €, as the widgets write it) / "€1,234.56" (en). */
export const money = (s: Speaker, cents: number): string => euros(cents)[s.lang].replace(/ €$/, '\u00a0€');

/** A day (YYYY-MM-DD): "01.03.2026" (de) / "1 Mar 2026" (en). */
export const date = (s: Speaker, day: string): string => (s.lang === 'de' ? `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}` : dayWords(day).en);

/** A month (YYYY-MM) as the statements print it: "03/2026". */
export const month = (period: string): string => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

/** "Stand 01.03.2026" / "As of 1 Mar 2026": the day the answer's data was read. */
export const standLine = (s: Speaker): string => say(s, { de: `Stand ${date(s, s.today)}`, en: `As of ${date(s, s.today)}` });

/**
 * A unit as the person knows it: "Top 7, Kahlenberger Straße 12" in an Austrian property (Top is the Austrian door
 * number), "Einheit W5, Große Elbstraße 145" / "Unit W5, …" elsewhere.
 */
export const unitLabel = (s: Speaker, c: Pick<ContractRow, 'top' | 'street' | 'country'>): string =>
  `${c.country === 'AT' ? 'Top' : say(s, { de: 'Einheit', en: 'Unit' })} ${c.top}, ${c.street}`;

/** The words for a contract's account and its monthly charge, by role and locale (owners: Hausgeld, Eigentümer). */
export interface Wording {
  /** "Mietkonto", "Eigentümerkonto (Hausgeld)", … */
  account: string;
  /** "Ihre nächste Vorschreibung", "Ihr nächstes Hausgeld", … */
  nextCharge: string;
}

const wordings: Record<ChatLocale, Record<ContractRow['role'], Wording>> = {
  'de-AT': {
    tenant: { account: 'Mietkonto', nextCharge: 'Ihre nächste Vorschreibung' },
    owner: { account: 'Eigentümerkonto (Hausgeld)', nextCharge: 'Ihre nächste Hausgeld-Vorschreibung' },
  },
  'de-DE': {
    tenant: { account: 'Mietkonto', nextCharge: 'Ihre nächste Miete' },
    owner: { account: 'Hausgeldkonto (Eigentümer)', nextCharge: 'Ihr nächstes Hausgeld' },
  },
  'en-GB': {
    tenant: { account: 'Rent account', nextCharge: 'Your next rent and charges' },
    owner: { account: "Owner's account (Hausgeld)", nextCharge: 'Your next Hausgeld payment' },
  },
};

/** The {@link Wording} for a role in the speaker's locale. */
export const wordingOf = (s: Speaker, role: ContractRow['role']): Wording => wordings[s.locale][role];

/** A navigate action: opens `widget` with `params` in the portal. */
export const navigate = (label: string, widget: string, params?: Record<string, string>): ChatAction =>
  ({ type: 'navigate', label, widget, ...(params ? { params } : {}) });

/**
 * An own-data answer: the lines, and `asOf` the organization's today, which the widget shows as "Stand <Datum>"
 * ({@link standLine} is that line for plain-text uses).
 */
export const dataReply = (s: Speaker, lines: string[], parts: Omit<ReplyParts, 'text' | 'asOf'> = {}): ReplyParts =>
  ({ text: lines.join('\n'), asOf: s.today, ...parts });

/** At most `max` characters of a text on one line, cut at a word with "…". */
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
