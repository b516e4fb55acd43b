import type { FormDefinition, FormField, FormOption } from '@hausportal/api';

// The demo's forms, the same five for both organizations: plain data (FormDefinition, openapi.yaml), which the seed
// writes as version 1 and a manager changes through PUT /admin/forms. Nothing here runs on import. The wording is
// Austrian German; {@link germanWording} gives the German (Germany) one for the Berlin organization.

const t = (de: string, en: string) => ({ de, en });
const option = (value: string, de: string, en: string, more: Partial<FormOption> = {}): FormOption => ({ value, label: t(de, en), ...more });

const MB = 1024 * 1024;

/** DSGVO Art. 13 information shared by the forms; `purpose` names what the form's data are used for. */
const notice = (purposeDe: string, purposeEn: string, legalDe = 'Art. 6 Abs. 1 lit. b DSGVO (Durchführung des Miet- bzw. Verwaltungsvertrags)', legalEn = 'Art. 6(1)(b) GDPR (performance of the lease or management contract)') => t(
  `Verantwortlich für die Verarbeitung ist Ihre Hausverwaltung (Kontakt siehe Impressum). Zweck: ${purposeDe}. `
  + `Rechtsgrundlage: ${legalDe}. Empfänger: die mit der Bearbeitung befassten Mitarbeiterinnen und Mitarbeiter und, `
  + 'soweit nötig, beauftragte Professionisten. Ihre Angaben werden bis zum Ende der gesetzlichen Aufbewahrungsfristen '
  + 'gespeichert. Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, '
  + 'Datenübertragbarkeit und Widerspruch sowie das Recht auf Beschwerde bei der Datenschutzbehörde.',
  `The controller is your property manager (contact: see the imprint). Purpose: ${purposeEn}. `
  + `Legal basis: ${legalEn}. Recipients: the staff handling your request and, where needed, contractors commissioned `
  + 'by the manager. Your data are kept until the statutory retention periods end. You have the right of access, '
  + 'rectification, erasure, restriction of processing, data portability and objection, and the right to lodge a '
  + 'complaint with the data protection authority.',
);

const both: FormDefinition['audience'] = { roles: ['tenant', 'owner'] };

const unitField = (required: boolean, help?: { de: string; en: string }): FormField => ({
  key: 'unit', type: 'unit', label: t('Einheit', 'Unit'), required, ...(help ? { help } : {}),
});

const allgemeineAnfrage: FormDefinition = {
  key: 'allgemeine-anfrage',
  title: t('Allgemeine Anfrage', 'General enquiry'),
  description: t('Ihr Anliegen an die Hausverwaltung, mit Betreff, Text und Dateien.', 'Your request to the property manager, with a subject, text and files.'),
  audience: both,
  unitRequired: false,
  offer: 'always',
  fields: [
    unitField(false, t('Wählen Sie die Einheit, wenn Ihr Anliegen eine bestimmte Einheit betrifft.', 'Choose the unit when your request is about one.')),
    { key: 'subject', type: 'text', label: t('Betreff', 'Subject'), required: true, maxLength: 200, mapsTo: 'subject' },
    { key: 'text', type: 'textarea', label: t('Ihre Nachricht', 'Your message'), required: true, maxLength: 5000 },
  ],
  attachments: { maxFiles: 3, maxBytes: 10 * MB },
  privacy: { notice: notice('Bearbeitung Ihrer Anfrage', 'handling your request'), consentRequired: false, version: '2026-1' },
  firstAnswerDays: 5,
  sort: 10,
};

const fragenAbrechnung: FormDefinition = {
  key: 'fragen-abrechnung',
  title: t('Fragen zur Abrechnung', 'Questions about a statement'),
  description: t('Fragen zur Betriebskosten- oder Heizkostenabrechnung, zur Vorschreibung oder zu Ihrem Kontoauszug.', 'Questions about an operating-cost or heating statement, your charges or your account statement.'),
  audience: both,
  unitRequired: true,
  offer: 'always',
  fields: [
    unitField(true),
    {
      key: 'statement', type: 'select', label: t('Welche Abrechnung?', 'Which statement?'), required: true,
      options: [
        option('betriebskosten', 'Betriebskostenabrechnung', 'Operating-cost statement'),
        option('heizkosten', 'Heizkostenabrechnung', 'Heating-cost statement'),
        option('vorschreibung', 'Vorschreibung', 'Charges'),
        option('kontoauszug', 'Kontoauszug', 'Account statement'),
        option('sonstiges', 'Sonstiges', 'Other'),
      ],
    },
    { key: 'year', type: 'number', label: t('Abrechnungsjahr', 'Year'), required: true, min: 2000, max: 2100, decimals: 0 },
    { key: 'question', type: 'textarea', label: t('Ihre Frage', 'Your question'), required: true, maxLength: 5000, help: t('Nennen Sie bitte die Position, um die es geht.', 'Please name the item your question is about.') },
  ],
  attachments: { maxFiles: 3, maxBytes: 10 * MB },
  privacy: { notice: notice('Beantwortung Ihrer Frage zur Abrechnung', 'answering your question about the statement'), consentRequired: false, version: '2026-1' },
  firstAnswerDays: 5,
  sort: 20,
};

// Problems by category (`parents`); `anderes` has no parents and is offered under every category.
const problems: FormOption[] = [
  option('tropft', 'Wasserhahn oder Leitung tropft', 'Tap or pipe dripping', { parents: ['sanitaer'] }),
  option('verstopft', 'Abfluss verstopft', 'Drain blocked', { parents: ['sanitaer'] }),
  option('kein-wasser', 'Kein Wasser', 'No water', { parents: ['sanitaer'] }),
  option('wc-spuelung', 'WC-Spülung defekt', 'Toilet flush broken', { parents: ['sanitaer'] }),
  option('rohrbruch', 'Wasserrohrbruch', 'Burst pipe', { parents: ['sanitaer'] }),
  option('kalt', 'Heizung bleibt kalt', 'Heating stays cold', { parents: ['heizung-warmwasser'] }),
  option('geraeusche', 'Geräusche in der Heizung', 'Noise in the heating', { parents: ['heizung-warmwasser'] }),
  option('kein-warmwasser', 'Kein Warmwasser', 'No hot water', { parents: ['heizung-warmwasser'] }),
  option('therme-stoerung', 'Therme zeigt eine Störung', 'Boiler shows a fault', { parents: ['heizung-warmwasser'] }),
  option('kein-strom', 'Kein Strom', 'No power', { parents: ['elektro'] }),
  option('steckdose', 'Steckdose oder Schalter defekt', 'Socket or switch broken', { parents: ['elektro'] }),
  option('licht', 'Beleuchtung defekt', 'Light broken', { parents: ['elektro'] }),
  option('schliesst-nicht', 'Fenster oder Tür schließt nicht', 'Window or door does not close', { parents: ['fenster-tueren'] }),
  option('glasbruch', 'Glasbruch', 'Broken glass', { parents: ['fenster-tueren'] }),
  option('undicht', 'Undicht, es zieht', 'Leaky, draughty', { parents: ['fenster-tueren'] }),
  option('schloss-defekt', 'Schloss defekt', 'Lock broken', { parents: ['schliessanlage'] }),
  option('schluessel-verloren', 'Schlüssel verloren', 'Key lost', { parents: ['schliessanlage'] }),
  option('gegensprechanlage', 'Gegensprechanlage oder Türöffner defekt', 'Intercom or door opener broken', { parents: ['schliessanlage'] }),
  option('schimmel', 'Schimmel', 'Mould', { parents: ['feuchtigkeit-schimmel'] }),
  option('feuchte-wand', 'Feuchte Wand', 'Damp wall', { parents: ['feuchtigkeit-schimmel'] }),
  option('wasserfleck', 'Wasserfleck an der Decke', 'Water stain on the ceiling', { parents: ['feuchtigkeit-schimmel'] }),
  option('steht', 'Lift steht', 'Lift out of service', { parents: ['lift'] }),
  option('tuer-klemmt', 'Lifttür klemmt', 'Lift door sticks', { parents: ['lift'] }),
  option('lift-geraeusche', 'Ungewöhnliche Geräusche', 'Unusual noise', { parents: ['lift'] }),
  option('anderes', 'Anderes Problem', 'Other problem'),
];

const wohnung = t('Wohnung', 'Apartment');
const allgemein = t('Allgemeinfläche', 'Common area');

const schadensmeldung: FormDefinition = {
  key: 'schadensmeldung',
  title: t('Schadensmeldung', 'Damage report'),
  description: t('Melden Sie einen Schaden in Ihrer Wohnung oder im Haus. Bei Gefahr (Gasgeruch, Wasserrohrbruch) rufen Sie bitte sofort den Notruf.', 'Report damage in your apartment or the building. In danger (smell of gas, burst pipe) call the emergency number at once.'),
  audience: both,
  unitRequired: false,
  offer: 'always',
  fields: [
    {
      key: 'urgency', type: 'select', label: t('Dringlichkeit', 'Urgency'), required: true, mapsTo: 'urgency',
      options: [
        option('normal', 'Normal', 'Normal'),
        option('dringend', 'Dringend', 'Urgent'),
        option('notfall', 'Notfall', 'Emergency', { emergency: true }),
      ],
      help: t('Bei einem Notfall zeigen wir Ihnen sofort die Notrufnummern.', 'For an emergency the emergency numbers are shown at once.'),
    },
    unitField(false, t('Für einen Schaden in der Wohnung wählen Sie bitte die Einheit; bei Allgemeinflächen ist sie nicht nötig.', 'For damage in the apartment choose the unit; for common areas it is not needed.')),
    {
      key: 'damage', type: 'cascade', label: t('Schaden', 'Damage'), required: true,
      levels: [
        {
          key: 'location', label: t('Schadensort', 'Location'),
          options: [
            option('kueche', 'Küche', 'Kitchen', { group: wohnung }),
            option('bad', 'Bad', 'Bathroom', { group: wohnung }),
            option('wc', 'WC', 'Toilet', { group: wohnung }),
            option('zimmer', 'Zimmer', 'Room', { group: wohnung }),
            option('balkon', 'Balkon', 'Balcony', { group: wohnung }),
            option('stiegenhaus', 'Stiegenhaus', 'Staircase', { group: allgemein, shared: true }),
            option('keller', 'Keller', 'Basement', { group: allgemein, shared: true }),
            option('lift', 'Lift', 'Lift', { group: allgemein, shared: true }),
            option('garage', 'Garage', 'Garage', { group: allgemein, shared: true }),
            option('hof', 'Hof', 'Courtyard', { group: allgemein, shared: true }),
            option('dach', 'Dach', 'Roof', { group: allgemein, shared: true }),
          ],
        },
        {
          key: 'category', label: t('Schadenskategorie', 'Category'),
          options: [
            option('sanitaer', 'Sanitär', 'Plumbing'),
            option('heizung-warmwasser', 'Heizung/Warmwasser', 'Heating/hot water'),
            option('elektro', 'Elektro', 'Electrics'),
            option('fenster-tueren', 'Fenster/Türen', 'Windows/doors'),
            option('schliessanlage', 'Schließanlage', 'Locks'),
            option('feuchtigkeit-schimmel', 'Feuchtigkeit/Schimmel', 'Damp/mould'),
            option('lift', 'Lift', 'Lift', { parents: ['lift'] }),
            option('sonstiges', 'Sonstiges', 'Other'),
          ],
        },
        { key: 'problem', label: t('Schadensart', 'Problem'), options: problems },
      ],
    },
    { key: 'since', type: 'date', label: t('Seit wann?', 'Since when?'), required: false },
    {
      key: 'description', type: 'textarea', label: t('Beschreibung', 'Description'), required: true, maxLength: 5000,
      help: t('Was ist passiert, wo genau, und was haben Sie schon versucht?', 'What happened, where exactly, and what have you tried?'),
    },
    {
      key: 'photos', type: 'info', label: t('Fotos', 'Photos'), required: false,
      text: t('Bitte hängen Sie 2 aussagekräftige Fotos an: eines aus der Nähe und eines, das zeigt, wo der Schaden ist (bis zu 5 Dateien, je 20 MB).', 'Please attach 2 meaningful photos: one close up and one that shows where the damage is (up to 5 files, 20 MB each).'),
      help: t('2 aussagekräftige Fotos', '2 meaningful photos'),
    },
    {
      key: 'access', type: 'yesno', label: t('Zutritt in meiner Abwesenheit erlaubt', 'Access allowed while I am away'), required: true,
      help: t('Darf der Professionist die Wohnung mit dem Schlüssel der Hausverwaltung betreten, wenn Sie nicht da sind?', 'May the contractor enter with the manager\'s key when you are not there?'),
    },
    { key: 'pets', type: 'yesno', label: t('Haustiere in der Wohnung', 'Pets in the apartment'), required: true, showIf: { field: 'access', equals: true } },
    {
      key: 'timeslots', type: 'timeslots', label: t('Wann sind Sie erreichbar?', 'When can you be reached?'), required: true, minSlots: 2, maxSlots: 3,
      showIf: { field: 'access', equals: false },
      help: t('Nennen Sie 2 bis 3 Zeitfenster, in denen jemand zu Hause ist.', 'Give 2 to 3 time windows when someone is at home.'),
    },
    { key: 'phone', type: 'phone', label: t('Telefon für Rückfragen', 'Phone for questions'), required: true },
  ],
  attachments: { maxFiles: 5, maxBytes: 20 * MB },
  privacy: { notice: notice('Bearbeitung Ihrer Schadensmeldung und Beauftragung der Behebung', 'handling your damage report and commissioning the repair'), consentRequired: false, version: '2026-1' },
  firstAnswerDays: 2,
  sort: 30,
};

const dokumentenanforderung: FormDefinition = {
  key: 'dokumentenanforderung',
  title: t('Dokumentenanforderung', 'Document request'),
  description: t('Fordern Sie ein Dokument an; es wird Ihnen im Portal bereitgestellt.', 'Request a document; it is released to you in the portal.'),
  audience: both,
  unitRequired: false,
  offer: 'always',
  fields: [
    unitField(false),
    {
      key: 'document', type: 'select', label: t('Dokument', 'Document'), required: true,
      options: [
        option('bk-abrechnung', 'BK-Abrechnung', 'Operating-cost statement'),
        option('kontoauszug', 'Kontoauszug', 'Account statement'),
        option('vorschreibung', 'Vorschreibung', 'Charges'),
        option('vertragskopie', 'Vertragskopie', 'Copy of the contract'),
        option('protokoll', 'Protokoll', 'Minutes'),
        option('sonstiges', 'Sonstiges', 'Other'),
      ],
    },
    { key: 'period', type: 'text', label: t('Zeitraum', 'Period'), required: true, maxLength: 100, help: t('z. B. 2025 oder 1–6/2026', 'e.g. 2025 or 1–6/2026') },
    { key: 'note', type: 'textarea', label: t('Anmerkung', 'Note'), required: false, maxLength: 2000 },
  ],
  attachments: { maxFiles: 0, maxBytes: 1 * MB },
  privacy: { notice: notice('Bereitstellung des angeforderten Dokuments', 'providing the document requested'), consentRequired: false, version: '2026-1' },
  firstAnswerDays: 5,
  sort: 40,
};

const guthabensanforderung: FormDefinition = {
  key: 'guthabensanforderung',
  title: t('Guthabensanforderung', 'Credit request'),
  description: t('Ihr Konto weist ein Guthaben aus. Lassen Sie es auszahlen oder mit der nächsten Vorschreibung verrechnen.', 'Your account shows a credit. Have it paid out or offset against your next charges.'),
  audience: both,
  unitRequired: true,
  offer: 'credit',
  fields: [
    unitField(true),
    { key: 'credit', type: 'amount', label: t('Guthaben', 'Credit'), required: true, prefill: 'credit', help: t('Ihr Guthaben laut Kontoauszug von heute.', 'Your credit as your account shows it today.') },
    {
      key: 'choice', type: 'select', label: t('Was soll mit dem Guthaben geschehen?', 'What should happen with the credit?'), required: true,
      options: [
        option('payout', 'Auszahlung', 'Pay out'),
        option('offset', 'Verrechnung mit der nächsten Vorschreibung', 'Offset against the next charges'),
      ],
    },
    { key: 'iban', type: 'iban', label: t('IBAN', 'IBAN'), required: true, showIf: { field: 'choice', equals: 'payout' } },
    { key: 'account_holder', type: 'text', label: t('Kontoinhaber/in', 'Account holder'), required: true, maxLength: 100, showIf: { field: 'choice', equals: 'payout' } },
    {
      key: 'note', type: 'info', label: t('Hinweis', 'Note'), required: false,
      text: t('Die Auszahlung erfolgt in der Regel innerhalb von 14 Tagen. Offene Forderungen werden vorher verrechnet.', 'A payout is usually made within 14 days. Amounts still due are offset first.'),
    },
  ],
  attachments: { maxFiles: 0, maxBytes: 1 * MB },
  privacy: {
    notice: notice('Auszahlung oder Verrechnung Ihres Guthabens', 'paying out or offsetting your credit', 'Art. 6 Abs. 1 lit. a und b DSGVO (Einwilligung, Vertragserfüllung)', 'Art. 6(1)(a) and (b) GDPR (consent, performance of the contract)'),
    consentRequired: true,
    consentText: t(
      'Ich willige ein, dass die Hausverwaltung meine Bankverbindung zur Auszahlung dieses Guthabens verarbeitet. Ich kann die Einwilligung jederzeit widerrufen.',
      'I consent to the property manager processing my bank details to pay out this credit. I may withdraw my consent at any time.',
    ),
    version: '2026-1',
  },
  firstAnswerDays: 5,
  sort: 50,
};

/** The five demo forms, in their order. */
export const demoForms: FormDefinition[] = [allgemeineAnfrage, fragenAbrechnung, schadensmeldung, dokumentenanforderung, guthabensanforderung];

/**
 * German (Germany) words for the Austrian ones of the demo forms, longest phrase first: the common area, the
 * contractor, the monthly charges, the operating-cost statement and the data protection authority.
 */
const germanWords: readonly [string, string][] = [
  ['zur Vorschreibung', 'zu Hausgeld oder Miete'],
  ['mit der nächsten Vorschreibung', 'mit der nächsten Monatszahlung'],
  ['Vorschreibung', 'Hausgeld oder Miete'],
  ['Stiegenhaus', 'Treppenhaus'],
  ['Professionisten', 'Handwerker'],
  ['Professionist', 'Handwerker'],
  ['BK-Abrechnung', 'Nebenkostenabrechnung'],
  ['Betriebskostenabrechnung', 'Nebenkostenabrechnung'],
  ['Betriebskosten-', 'Nebenkosten-'],
  ['Datenschutzbehörde', 'Datenschutzaufsichtsbehörde'],
  ['Top ', 'Wohnung '],
];

const germanText = (text: string): string => germanWords.reduce((out, [at, de]) => out.split(at).join(de), text);

/** Every German text (a `de` of a label, help, notice …) of `value` in German (Germany) wording; keys and values stay. */
function germanTexts(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return key === 'de' ? germanText(value) : value;
  if (Array.isArray(value)) return value.map((v) => germanTexts(v));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, germanTexts(v, k)]));
  return value;
}

/** A demo form in German (Germany) wording (e.g. "Treppenhaus", "Handwerker"); option values and keys are unchanged. */
export const germanWording = (definition: FormDefinition): FormDefinition => germanTexts(definition) as FormDefinition;
