import type { ChatAction, ChatChoice, ChatDraft } from '@hausportal/api';
import type { Organization } from '../organizations.ts';
import { intentLabels } from './nlu/labels.ts';
import type { ChatLang, ReplyParts } from './types.ts';

// The bot's fixed answers in German and English: emergencies, small talk, where to find things (nav.*), the
// clarifying question, the hand-over offer and the sign-in hint. Own-data answers are in chat/data/, FAQ answers are
// the organization's (faq_entries).

type Text = Record<ChatLang, string>;
const say = (lang: ChatLang, text: Text): string => text[lang];

/** The form a question goes to when handed over, and the one an emergency opens (server/src/seed/forms-data.ts). */
export const generalForm = 'allgemeine-anfrage';
export const damageForm = 'schadensmeldung';

/** A hand-over action: opens `<hp-message-form>` with this draft; the person edits and sends it. */
export function handoverAction(lang: ChatLang, draft: ChatDraft): ChatAction {
  return { type: 'handover', label: say(lang, { de: 'Frage an die Verwaltung senden', en: 'Send the question to the manager' }), draft };
}

/**
 * The draft of a question handed over: the general form, the question as subject (at most 200 characters, counted
 * as code points like the contract's maxLength, so that an emoji is never cut in half).
 */
export const questionDraft = (subject: string, unitId: string | null = null): ChatDraft => ({
  form: generalForm,
  subject: Array.from(subject.trim()).slice(0, 200).join(''),
  unitId,
  urgency: null,
});

const signInAction = (lang: ChatLang): ChatAction => ({ type: 'signin', label: say(lang, { de: 'Anmelden', en: 'Sign in' }) });

/** Which emergency numbers (by their label) fit a danger best. */
const relevant: Record<string, RegExp> = {
  gas: /gas/i,
  fire: /feuer|fire|brand/i,
  water: /wasser|rohr|installat|plumb|water/i,
  power: /rettung|ambulance|euro-notruf|european|strom|elektr/i,
  lift: /lift|aufzug|elevator/i,
};

/**
 * The emergency answer (safety rules before any matching): the organization's emergency numbers as call actions, and
 * the damage report with urgency "Notfall" to fill in once everyone is safe. `rule` is gas | fire | water | power | lift.
 */
export function emergencyReply(org: Organization, lang: ChatLang, rule: string, signedIn: boolean): ReplyParts {
  const first: Record<string, Text> = {
    gas: { de: 'Bei Gasgeruch: kein Licht schalten, keine Klingel, kein Feuer, Fenster öffnen, das Haus verlassen und von draußen den Gas-Notruf wählen.', en: 'If you smell gas: do not switch lights or ring bells, no open flames, open the windows, leave the building and call the gas emergency number from outside.' },
    fire: { de: 'Bei Feuer oder Rauch: bringen Sie sich in Sicherheit, schließen Sie die Türen hinter sich und rufen Sie die Feuerwehr. Benutzen Sie nicht den Lift.', en: 'In case of fire or smoke: get to safety, close the doors behind you and call the fire brigade. Do not use the lift.' },
    water: { de: 'Bei einem Wasserrohrbruch: drehen Sie, wenn möglich, den Hauptwasserhahn zu, schalten Sie den Strom in nassen Räumen ab und rufen Sie den Notdienst.', en: 'For a burst pipe: if you can, turn off the main water valve, switch off the power in wet rooms and call the emergency service.' },
    power: { de: 'Bei Stromschlag oder offenen Leitungen: nichts berühren, Sicherung ausschalten, wenn das gefahrlos geht, und bei Verletzten sofort den Notruf wählen.', en: 'For an electric shock or exposed wires: touch nothing, switch off the fuse if that is safe, and call the emergency number at once if anyone is hurt.' },
    lift: { de: 'Wenn Sie im Lift eingeschlossen sind: drücken Sie den Notrufknopf im Lift; er verbindet Sie rund um die Uhr mit dem Liftnotdienst. Bleiben Sie ruhig und öffnen Sie die Türen nicht selbst.', en: 'If you are trapped in the lift: press the alarm button in the lift; it connects you with the lift emergency service day and night. Stay calm and do not force the doors.' },
  };
  const all = org.emergencyNumbers.length > 0 ? org.emergencyNumbers : [{ label: { de: 'Euro-Notruf', en: 'European emergency number' }, phone: '112' }];
  // The numbers for this danger first (the fire brigade for a fire …), the others after them in the organization's order.
  const fits = (n: (typeof all)[number]) => (relevant[rule] ?? relevant.fire!).test(`${n.label.de} ${n.label.en}`);
  const numbers = [...all.filter(fits), ...all.filter((n) => !fits(n))];
  const actions: ChatAction[] = numbers.map((n) => ({ type: 'call', label: `${n.label[lang]}: ${n.phone}`, phone: n.phone }));
  const report: ChatDraft = { form: damageForm, subject: say(lang, { de: 'Notfall', en: 'Emergency' }), unitId: null, urgency: 'notfall' };
  actions.push(signedIn ? { type: 'handover', label: say(lang, { de: 'Notfall melden', en: 'Report the emergency' }), draft: report } : signInAction(lang));
  return {
    text: `${say(lang, first[rule] ?? first.fire!)}\n${say(lang, { de: 'Notrufnummern:', en: 'Emergency numbers:' })}`,
    items: numbers.map((n) => ({ label: n.label[lang], detail: n.phone })),
    actions,
  };
}

const smalltalk: Record<string, Text> = {
  'smalltalk.greeting': { de: 'Grüß Gott! Ich beantworte Fragen zu Ihrer Wohnung, Ihrem Konto, Ihren Meldungen und zum Haus. Was möchten Sie wissen?', en: 'Hello! I answer questions about your home, your account, your requests and the building. What would you like to know?' },
  'smalltalk.thanks': { de: 'Gern geschehen! Kann ich noch etwas für Sie tun?', en: 'You are welcome! Can I help with anything else?' },
  'smalltalk.bye': { de: 'Auf Wiedersehen! Sie finden mich hier, wann immer Sie eine Frage haben.', en: 'Goodbye! You will find me here whenever you have a question.' },
  'smalltalk.help': {
    de: 'Ich kann Ihnen zum Beispiel sagen, wie Ihr Kontostand ist, wann die nächste Vorschreibung fällig wird, wie es um Ihre Meldungen steht, wann der nächste Termin im Haus ist und wen Sie erreichen. Dazu beantworte ich Fragen zu Hausordnung, Müll, Schlüsseln und mehr. Was ich nicht weiß, schicke ich auf Wunsch an die Verwaltung.',
    en: 'I can tell you, for example, your account balance, when the next charges are due, how your requests are doing, the next appointment in the building and whom to contact. I also answer questions about house rules, waste, keys and more. What I do not know I can send to the manager for you.',
  },
};

const helpChoices = (lang: ChatLang): ChatChoice[] =>
  (['data.balance', 'data.tickets_open', 'data.next_appointment', 'data.contact'] as const).map((intent) => ({ label: choiceLabels[intent]![lang], value: { intent } }));

/** Short labels of the built-in intents for choice buttons (FAQ entries use their first question). */
export const choiceLabels = intentLabels;

/** Small talk; greeting and "help" offer the most asked own-data questions as choices once signed in. */
export function smalltalkReply(intent: string, lang: ChatLang, signedIn = true): ReplyParts {
  const text = smalltalk[intent] ?? smalltalk['smalltalk.help']!;
  const offer = signedIn && (intent === 'smalltalk.help' || intent === 'smalltalk.greeting');
  const hint = !signedIn && (intent === 'smalltalk.help' || intent === 'smalltalk.greeting') ? `\n${say(lang, { de: 'Zu Ihrem Konto, Ihren Meldungen und Terminen antworte ich, sobald Sie angemeldet sind.', en: 'I can answer about your account, your requests and appointments once you are signed in.' })}` : '';
  return { text: say(lang, text) + hint, choices: offer ? helpChoices(lang) : [] };
}

const navTargets: Record<string, { widget: string; params?: Record<string, string>; text: Text }> = {
  'nav.documents': { widget: 'documents', text: { de: 'Ihre Dokumente (BK-Abrechnung, Verträge, Protokolle, Hausordnung) finden Sie unter „Dokumente“, nach Liegenschaft, Einheit und Kategorie geordnet.', en: 'Your documents (service charge statement, contracts, minutes, house rules) are under "Documents", by property, unit and category.' } },
  'nav.statement': { widget: 'statement', text: { de: 'Vorschreibung, Kontoblatt und offene Posten mit Zahlschein finden Sie unter „Vorschreibung & Konto“.', en: 'Charges, account and open items with the payment code are under "Charges & account".' } },
  'nav.units': { widget: 'unit-list', text: { de: 'Ihre Einheiten mit Saldo und monatlicher Vorschreibung finden Sie unter „Einheiten“.', en: 'Your units with balance and monthly charges are under "Units".' } },
  'nav.tickets': { widget: 'ticket-list', text: { de: 'Ihre Meldungen und deren Stand finden Sie unter „Meldungen & Tickets“.', en: 'Your requests and their status are under "Requests & tickets".' } },
  'nav.bulletin_board': { widget: 'bulletin-board', text: { de: 'Aushänge und Termine der Verwaltung finden Sie am „Schwarzen Brett“.', en: 'The manager\'s notices and appointments are on the "Notice board".' } },
  'nav.profile': { widget: 'profile', text: { de: 'Telefonnummer, E-Mail-Adresse, Benachrichtigungen und Passwort ändern Sie unter „Profil“.', en: 'Change your phone number, email address, notifications and password under "Profile".' } },
  'nav.report': { widget: 'message-form', text: { de: 'Eine Meldung (Schaden, Anfrage, Dokument) schreiben Sie unter „Neue Meldung“.', en: 'Write a request (damage, question, document) under "New request".' } },
};

/** Where to find something: the text and a navigate action to the widget. Unknown nav.* falls back to the help text. */
export function navReply(intent: string, lang: ChatLang): ReplyParts {
  const target = navTargets[intent];
  if (!target) return smalltalkReply('smalltalk.help', lang, false);
  const label = choiceLabels[intent]?.[lang] ?? target.widget;
  return { text: say(lang, target.text), actions: [{ type: 'navigate', label, widget: target.widget, params: target.params ?? {} }] };
}

/** Own data asked while signed out: FAQ only, plus the sign-in hint. */
export const signInReply = (lang: ChatLang): ReplyParts => ({
  intent: 'signin',
  text: say(lang, { de: 'Dazu muss ich wissen, wer Sie sind. Bitte melden Sie sich an; dann beantworte ich Fragen zu Ihrem Konto, Ihren Meldungen und Terminen.', en: 'For that I need to know who you are. Please sign in; then I can answer questions about your account, your requests and appointments.' }),
  actions: [signInAction(lang)],
});

/** "Meinten Sie …?": one button per candidate, plus sending the question to the manager (or signing in). */
export function clarifyReply(lang: ChatLang, choices: ChatChoice[], question: string, signedIn: boolean): ReplyParts {
  const last: ChatChoice = signedIn ? { label: choiceLabels.handover![lang], value: { intent: 'handover' } } : { label: say(lang, { de: 'Nichts davon', en: 'None of these' }), value: { intent: 'handover' } };
  return {
    intent: 'clarify',
    text: say(lang, { de: 'Meinten Sie …?', en: 'Did you mean …?' }),
    choices: [...choices, last],
    actions: signedIn ? [handoverAction(lang, questionDraft(question))] : [],
  };
}

/** Nothing matched: never a dead end — the question goes to the manager if the person wants (signed in), else FAQ hint. */
export function handoverReply(lang: ChatLang, question: string, signedIn: boolean, asked: boolean): ReplyParts {
  if (!signedIn)
    return {
      intent: 'handover',
      text: say(lang, { de: 'Darauf habe ich leider keine Antwort. Wenn Sie sich anmelden, kann ich Ihre Frage an die Verwaltung senden.', en: 'I am afraid I have no answer to that. If you sign in, I can send your question to the manager.' }),
      actions: [signInAction(lang)],
    };
  const text = asked
    ? { de: 'Gern. Prüfen Sie den Entwurf und senden Sie ihn ab; die Verwaltung antwortet Ihnen im Portal.', en: 'Sure. Check the draft and send it; the manager will answer you in the portal.' }
    : { de: 'Darauf habe ich leider keine sichere Antwort. Soll ich Ihre Frage an die Verwaltung senden? Sie sehen den Entwurf vorher.', en: 'I am afraid I have no reliable answer to that. Shall I send your question to the manager? You will see the draft first.' };
  return { intent: 'handover', text: say(lang, text), actions: [handoverAction(lang, questionDraft(question))] };
}
