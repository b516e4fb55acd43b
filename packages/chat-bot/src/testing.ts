import type { ChatAction, ChatChoice, ChatDraft, ChatReply, ChatRequest } from '@hausportal/api';

// No DOM and no element here: tests and the stories' mock API import this file as `@hausportal/chat-bot/testing.js`.
// Answers shaped like the server's (server/src/chat/texts.ts and the own-data answers), and a small stand-in for the
// server's bot that picks them by keywords.

type Lang = 'de' | 'en';
const t = (lang: Lang, de: string, en: string) => (lang === 'en' ? en : de);

/** An answer of the bot: `text` for `intent`, nothing else unless `extra` says so. */
export function chatReply(intent: string, text: string, extra: Partial<ChatReply> = {}): ChatReply {
  return { conversationId: null, intent, score: 1, text, html: null, asOf: null, items: [], choices: [], actions: [], ...extra };
}

/** The demo units of the stand-in bot: Katharina Huber's Top 7, and a second one for people with two. */
export const chatUnits = [
  { id: 'u-0048-0007-t7', label: 'Linke Wienzeile 48, Top 7', cents: 12_840 },
  { id: 'u-0048-0002-w2', label: 'Linke Wienzeile 48, Top 2', cents: -4_500 },
];

/** The day own data is read in the stand-in's answers ("Stand 10.03.2026"). */
export const chatDay = '2026-03-10';

const euro = (cents: number, lang: Lang) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-AT', { style: 'currency', currency: 'EUR' }).format(Math.abs(cents) / 100);

const handover = (lang: Lang, draft: ChatDraft): ChatAction => ({ type: 'handover', label: t(lang, 'Frage an die Verwaltung senden', 'Send the question to the manager'), draft });
const signin = (lang: Lang): ChatAction => ({ type: 'signin', label: t(lang, 'Anmelden', 'Sign in') });

/** `data.balance` for `units`: one line each (owed or credit), "Stand", and the link to the statement. */
export function balanceReply(lang: Lang, units = chatUnits.slice(0, 1)): ChatReply {
  const items = units.map((u) => ({ label: u.label, detail: u.cents < 0 ? t(lang, `${euro(u.cents, lang)} offen`, `${euro(u.cents, lang)} owed`) : t(lang, `${euro(u.cents, lang)} Guthaben`, `${euro(u.cents, lang)} credit`) }));
  const navigate: ChatAction = { type: 'navigate', label: t(lang, 'Konto öffnen', 'Open the account'), widget: 'statement', params: { unit: units[0]!.id, view: 'ledger' } };
  return chatReply('data.balance', t(lang, 'Ihr Kontostand:', 'Your balance:'), { asOf: chatDay, items, actions: [navigate] });
}

/** `unit_choice`: which unit? One choice per unit, each naming the intent and the unit. */
export function unitChoiceReply(lang: Lang, intent = 'data.balance'): ChatReply {
  const choices: ChatChoice[] = chatUnits.map((u) => ({ label: u.label, value: { intent, unitId: u.id } }));
  return chatReply('unit_choice', t(lang, 'Für welche Einheit?', 'For which unit?'), { choices });
}

/** An FAQ answer with its sanitized HTML. */
export function faqReply(lang: Lang): ChatReply {
  const text = t(lang, 'Der Restmüll wird dienstags abgeholt.\nAltpapier: jeden zweiten Freitag.', 'General waste is collected on Tuesdays.\nPaper: every other Friday.');
  const html = t(lang, '<p>Der Restmüll wird <strong>dienstags</strong> abgeholt.</p><ul><li>Altpapier: jeden zweiten Freitag</li><li>Sperrmüll: <a href="https://www.wien.gv.at/">Mistplatz</a></li></ul>', '<p>General waste is collected on <strong>Tuesdays</strong>.</p><ul><li>Paper: every other Friday</li><li>Bulky waste: <a href="https://www.wien.gv.at/">recycling centre</a></li></ul>');
  return chatReply('faq.waste', text, { html, score: 0.82 });
}

/** "Meinten Sie …?" with two candidates, the hand-over as the last choice, and the hand-over action. */
export function clarifyReply(lang: Lang, question: string): ChatReply {
  const choices: ChatChoice[] = [
    { label: t(lang, 'Der Lift ist defekt – was tun?', 'The lift is broken – what to do?'), value: { intent: 'faq.lift_fault' } },
    { label: t(lang, 'Stand meiner Meldung', 'Status of my request'), value: { intent: 'data.ticket_status', ticketNumber: '2026-00017' } },
    { label: t(lang, 'Frage an die Verwaltung senden', 'Send the question to the manager'), value: { intent: 'handover' } },
  ];
  return chatReply('clarify', t(lang, 'Meinten Sie …?', 'Did you mean …?'), { choices, score: 0.41, actions: [handover(lang, { form: 'allgemeine-anfrage', subject: question, unitId: null, urgency: null })] });
}

/** Emergency: what to do, the numbers to call, and (signed in) the damage report with urgency "Notfall". */
export function emergencyReply(lang: Lang, signedIn = true): ChatReply {
  const numbers = [
    { label: t(lang, 'Gas-Notruf', 'Gas emergency'), phone: '128' },
    { label: t(lang, 'Feuerwehr', 'Fire brigade'), phone: '122' },
    { label: t(lang, 'Euro-Notruf', 'European emergency number'), phone: '112' },
  ];
  const report: ChatAction = { type: 'handover', label: t(lang, 'Notfall melden', 'Report the emergency'), draft: { form: 'schadensmeldung', subject: t(lang, 'Notfall', 'Emergency'), unitId: null, urgency: 'notfall' } };
  return chatReply(
    'emergency',
    t(lang, 'Bei Gasgeruch: kein Licht schalten, Fenster öffnen, das Haus verlassen und von draußen den Gas-Notruf wählen.\nNotrufnummern:', 'If you smell gas: do not switch lights, open the windows, leave the building and call the gas emergency number from outside.\nEmergency numbers:'),
    { items: numbers.map((n) => ({ label: n.label, detail: n.phone })), actions: [...numbers.map((n): ChatAction => ({ type: 'call', label: `${n.label}: ${n.phone}`, phone: n.phone })), signedIn ? report : signin(lang)] },
  );
}

/** Nothing matched (or the person asked for it): the offer to send the question to the manager; signed out the sign-in. */
export function handoverReply(lang: Lang, question: string, signedIn = true, asked = false): ChatReply {
  if (!signedIn) return chatReply('handover', t(lang, 'Darauf habe ich leider keine Antwort. Wenn Sie sich anmelden, kann ich Ihre Frage an die Verwaltung senden.', 'I am afraid I have no answer to that. If you sign in, I can send your question to the manager.'), { actions: [signin(lang)], score: 0 });
  const text = asked
    ? t(lang, 'Gern. Prüfen Sie den Entwurf und senden Sie ihn ab; die Verwaltung antwortet Ihnen im Portal.', 'Sure. Check the draft and send it; the manager will answer you in the portal.')
    : t(lang, 'Darauf habe ich leider keine sichere Antwort. Soll ich Ihre Frage an die Verwaltung senden? Sie sehen den Entwurf vorher.', 'I am afraid I have no reliable answer to that. Shall I send your question to the manager? You will see the draft first.');
  return chatReply('handover', text, { score: asked ? 1 : 0, actions: [handover(lang, { form: 'allgemeine-anfrage', subject: question.slice(0, 200), unitId: chatUnits[0]!.id, urgency: null })] });
}

/** Own data asked while signed out. */
export const signInReply = (lang: Lang): ChatReply =>
  chatReply('signin', t(lang, 'Dazu muss ich wissen, wer Sie sind. Bitte melden Sie sich an.', 'For that I need to know who you are. Please sign in.'), { actions: [signin(lang)] });

/** `nav.documents`: where the documents are, with the link. */
export const documentsReply = (lang: Lang): ChatReply =>
  chatReply('nav.documents', t(lang, 'Ihre Dokumente finden Sie unter „Dokumente“.', 'Your documents are under "Documents".'), { actions: [{ type: 'navigate', label: t(lang, 'Dokumente öffnen', 'Open the documents'), widget: 'documents', params: {} }] });

/** The contact of the property: a list and a number to call. */
export const contactReply = (lang: Lang): ChatReply =>
  chatReply('data.contact', t(lang, 'Ihre Ansprechpersonen:', 'Your contacts:'), {
    asOf: chatDay,
    items: [{ label: t(lang, 'Objektbetreuung', 'Property manager'), detail: 'Andrea Pichler, andrea.pichler@immopro.example' }],
    actions: [{ type: 'call', label: t(lang, 'Hausbetreuung anrufen: +43 1 505 66 77', 'Call the caretaker: +43 1 505 66 77'), phone: '+43 1 505 66 77' }],
  });

/** How the stand-in tells who asks: signed in or not, and with how many units. */
export interface FakeBotOptions {
  signedIn: boolean;
  /** Units of the person (default one: Top 7). */
  units?: number;
}

/**
 * A small stand-in for the server's bot: answers by keywords (German and English) in the request's language. A choice
 * answers its intent (a unit's balance for `unitId`); gas, fire or a burst pipe is an emergency; balance asks which
 * unit when the person has two; waste is an FAQ; the lift is unclear ("Meinten Sie …?"); documents and contacts have
 * their answers; own data signed out asks to sign in; everything else is offered to the manager.
 */
export function fakeBot(request: ChatRequest, options: FakeBotOptions): ChatReply {
  const lang: Lang = request.lang === 'en' ? 'en' : 'de';
  const text = request.text.toLowerCase();
  const own = (reply: () => ChatReply) => (options.signedIn ? reply() : signInReply(lang));
  const choice = request.choice;
  if (choice?.intent === 'data.balance') return own(() => balanceReply(lang, chatUnits.filter((u) => !choice.unitId || u.id === choice.unitId)));
  if (choice?.intent === 'handover') return handoverReply(lang, request.text, options.signedIn, true);
  if (choice) return faqReply(lang);
  if (/gas|feuer|fire|rohrbruch|burst/.test(text)) return emergencyReply(lang, options.signedIn);
  if (/kontostand|saldo|balance/.test(text)) return own(() => ((options.units ?? 1) > 1 ? unitChoiceReply(lang) : balanceReply(lang)));
  if (/müll|muell|waste/.test(text)) return faqReply(lang);
  if (/lift/.test(text)) return clarifyReply(lang, request.text);
  if (/dokument|document/.test(text)) return documentsReply(lang);
  if (/ansprech|kontakt|contact/.test(text)) return own(() => contactReply(lang));
  return handoverReply(lang, request.text, options.signedIn);
}
