import type { ChatLang, FaqForChat } from '../types.ts';

// Short labels of intents for the choice chips of "Meinten Sie …?" (chat/service.ts).

/** Labels of the fixed intents, de and en. */
export const intentLabels: Readonly<Record<string, { de: string; en: string }>> = {
  'data.balance': { de: 'Mein Kontostand', en: 'My balance' },
  'data.next_charge': { de: 'Meine nächste Vorschreibung', en: 'My next charge' },
  'data.open_items': { de: 'Meine offenen Posten', en: 'My open items' },
  'data.last_payment': { de: 'Meine letzte Zahlung', en: 'My last payment' },
  'data.tickets_open': { de: 'Meine offenen Meldungen', en: 'My open requests' },
  'data.ticket_status': { de: 'Status meiner Meldung', en: 'Status of my request' },
  'data.next_appointment': { de: 'Nächster Termin im Haus', en: 'Next appointment in the building' },
  'data.contact': { de: 'Meine Ansprechpersonen', en: 'My contacts' },
  'data.new_documents': { de: 'Neue Dokumente', en: 'New documents' },
  'nav.documents': { de: 'Dokumente öffnen', en: 'Open documents' },
  'nav.statement': { de: 'Kontoauszug öffnen', en: 'Open account statement' },
  'nav.units': { de: 'Meine Einheiten öffnen', en: 'Open my units' },
  'nav.tickets': { de: 'Meine Meldungen öffnen', en: 'Open my requests' },
  'nav.bulletin_board': { de: 'Schwarzes Brett öffnen', en: 'Open the notice board' },
  'nav.profile': { de: 'Profil und Einstellungen', en: 'Profile and settings' },
  'nav.report': { de: 'Schaden melden', en: 'Report damage' },
  'smalltalk.greeting': { de: 'Begrüßung', en: 'Greeting' },
  'smalltalk.thanks': { de: 'Danke', en: 'Thanks' },
  'smalltalk.bye': { de: 'Verabschiedung', en: 'Goodbye' },
  'smalltalk.help': { de: 'Was kann der Chat?', en: 'What can the chat do?' },
  handover: { de: 'Frage an die Verwaltung senden', en: 'Send the question to the management' },
  emergency: { de: 'Notfall', en: 'Emergency' },
};

/** Longest label; a long FAQ question is cut at a word boundary and ends with "…". */
export const maxLabelLength = 60;

function shorten(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= maxLabelLength) return trimmed;
  const cut = trimmed.slice(0, maxLabelLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * A short human label of `intent` in `lang` for a choice chip: fixed texts for data.*, nav.*, smalltalk.*, handover
 * and emergency ("Mein Kontostand" / "My balance"); for `faq.<key>` the first question of the entry in `lang`, else
 * of the entry in the other language, at most `maxLabelLength` characters. An unknown intent comes back as is.
 */
export function labelOf(intent: string, lang: ChatLang, faq: readonly FaqForChat[] = []): string {
  const known = intentLabels[intent];
  if (known) return known[lang];
  if (intent.startsWith('faq.')) {
    const key = intent.slice(4);
    const entries = faq.filter((e) => e.key === key && e.questions.length > 0);
    const entry = entries.find((e) => e.lang === lang) ?? entries[0];
    if (entry) return shorten(entry.questions[0]!);
  }
  return intent;
}
