import type { EmergencyNumber, Form, FormCatalog, FormField, FormOption, ReportUnit, TicketDetail, TicketStatus, TicketSummary } from '@hausportal/api';

// No DOM and no element here: stories' mock API and Node scripts import this file as
// `@hausportal/message-form/testing.js`. The demo forms as the seed describes them (issue 11), for tests and stories.

const t = (de: string, en: string) => ({ de, en });
const opt = (value: string, de: string, en: string, extra: Partial<FormOption> = {}): FormOption => ({ value, label: t(de, en), ...extra });

const flat = t('Wohnung', 'Flat');
const common = t('Allgemeinfläche', 'Common area');
const privacy = (version: string, consent?: [string, string]): Form['privacy'] => ({
  notice: t(
    'Wir verarbeiten Ihre Angaben, um Ihr Anliegen zu bearbeiten (Art. 6 Abs. 1 lit. b DSGVO). Beauftragte Handwerker erhalten nur, was sie dafür brauchen. Die Daten werden nach Abschluss drei Jahre aufbewahrt.',
    'We process your details to handle your request (Art. 6(1)(b) GDPR). Contractors we engage receive only what they need for it. The data is kept for three years after closing.',
  ),
  consentRequired: !!consent,
  ...(consent ? { consentText: t(consent[0], consent[1]) } : {}),
  version,
});

/** A field as written here: `required` false unless said. */
type FieldSpec = Omit<FormField, 'required'> & { required?: boolean };
let sort = 0;

function form(key: string, id: string, title: [string, string], description: [string, string], fields: FieldSpec[], extra: Partial<Form> = {}): Form {
  return {
    id,
    version: 1,
    key,
    title: t(...title),
    description: t(...description),
    audience: { roles: ['tenant', 'owner'] },
    unitRequired: true,
    offer: 'always',
    sort: ++sort,
    fields: fields.map((f) => ({ ...f, required: f.required ?? false })),
    attachments: { maxFiles: 3, maxBytes: 10 * 1024 * 1024 },
    privacy: privacy('2026-01'),
    firstAnswerDays: 3,
    ...extra,
  };
}

const subject = (de = 'Betreff', en = 'Subject'): FieldSpec => ({ key: 'subject', type: 'text', label: t(de, en), required: true, maxLength: 120, mapsTo: 'subject' });
const message = (required = true): FieldSpec => ({ key: 'message', type: 'textarea', label: t('Ihre Nachricht', 'Your message'), required, maxLength: 2000 });

const problems: [category: string, value: string, de: string, en: string][] = [
  ['sanitaer', 'tropft', 'Wasserhahn oder Leitung tropft', 'Tap or pipe dripping'],
  ['sanitaer', 'verstopft', 'Abfluss verstopft', 'Drain blocked'],
  ['sanitaer', 'wc-spuelung', 'WC-Spülung defekt', 'Toilet flush broken'],
  ['heizung', 'kalt', 'Heizkörper bleibt kalt', 'Radiator stays cold'],
  ['heizung', 'kein-warmwasser', 'Kein Warmwasser', 'No hot water'],
  ['heizung', 'therme', 'Therme zeigt Störung', 'Boiler shows a fault'],
  ['elektro', 'stromausfall', 'Kein Strom', 'No power'],
  ['elektro', 'licht', 'Licht defekt', 'Light broken'],
  ['elektro', 'steckdose', 'Steckdose defekt', 'Socket broken'],
  ['fenster', 'schliesst-nicht', 'Schließt nicht', 'Does not close'],
  ['fenster', 'glasbruch', 'Glasbruch', 'Broken glass'],
  ['schliessanlage', 'schloss', 'Schloss klemmt', 'Lock jams'],
  ['schliessanlage', 'schluessel', 'Schlüssel verloren', 'Key lost'],
  ['feuchtigkeit', 'schimmel', 'Schimmel', 'Mould'],
  ['feuchtigkeit', 'wasserfleck', 'Wasserfleck', 'Water stain'],
  ['lift', 'steht', 'Lift steht', 'Lift stopped'],
  ['lift', 'tuer', 'Lifttür schließt nicht', 'Lift door does not close'],
  ['sonstiges', 'anderes', 'Anderes', 'Something else'],
];

/** Schadensmeldung: location → category → problem, since when, urgency (Notfall shows the emergency numbers), access, pets, time windows, photos. */
export const schadensmeldung: Form = form(
  'schadensmeldung',
  '0190a6b2-f001-7000-8000-000000000003',
  ['Schadensmeldung', 'Damage report'],
  ['Melden Sie einen Schaden in Ihrer Wohnung oder an einer Allgemeinfläche. Zwei aussagekräftige Fotos helfen uns sehr.', 'Report damage in your flat or in a common area. Two meaningful photos help us a lot.'],
  [
    {
      key: 'damage',
      type: 'cascade',
      label: t('Schaden', 'Damage'),
      required: true,
      levels: [
        {
          key: 'location',
          label: t('Schadensort', 'Location'),
          options: [
            ...[['kueche', 'Küche', 'Kitchen'], ['bad', 'Bad', 'Bathroom'], ['wc', 'WC', 'Toilet'], ['zimmer', 'Zimmer', 'Room'], ['balkon', 'Balkon', 'Balcony']].map(([v, de, en]) => opt(v!, de!, en!, { group: flat })),
            ...[['stiegenhaus', 'Stiegenhaus', 'Staircase'], ['keller', 'Keller', 'Cellar'], ['lift', 'Lift', 'Lift'], ['garage', 'Garage', 'Garage'], ['hof', 'Hof', 'Courtyard'], ['dach', 'Dach', 'Roof']].map(([v, de, en]) =>
              opt(v!, de!, en!, { group: common, shared: true }),
            ),
          ],
        },
        {
          key: 'category',
          label: t('Schadenskategorie', 'Category'),
          options: [
            opt('sanitaer', 'Sanitär', 'Plumbing'),
            opt('heizung', 'Heizung/Warmwasser', 'Heating/hot water'),
            opt('elektro', 'Elektro', 'Electrical'),
            opt('fenster', 'Fenster/Türen', 'Windows/doors'),
            opt('schliessanlage', 'Schließanlage', 'Locks'),
            opt('feuchtigkeit', 'Feuchtigkeit/Schimmel', 'Damp/mould'),
            opt('lift', 'Lift', 'Lift', { parents: ['lift', 'stiegenhaus'] }),
            opt('sonstiges', 'Sonstiges', 'Other'),
          ],
        },
        { key: 'problem', label: t('Schadensart', 'Problem'), options: problems.map(([parent, v, de, en]) => opt(v, de, en, { parents: [parent] })) },
      ],
    },
    subject('Kurzbeschreibung', 'Short description'),
    { key: 'details', type: 'textarea', label: t('Beschreibung', 'Description'), help: t('Was ist passiert, wo genau?', 'What happened, where exactly?'), maxLength: 2000 },
    { key: 'since', type: 'date', label: t('Seit wann?', 'Since when?') },
    {
      key: 'urgency',
      type: 'select',
      label: t('Dringlichkeit', 'Urgency'),
      required: true,
      mapsTo: 'urgency',
      help: t('Notfall: Gasgeruch, Wasserrohrbruch, Stromausfall.', 'Emergency: gas smell, burst pipe, power cut.'),
      options: [opt('normal', 'Normal', 'Normal'), opt('dringend', 'Dringend', 'Urgent'), opt('notfall', 'Notfall', 'Emergency', { emergency: true })],
    },
    { key: 'access', type: 'yesno', label: t('Zutritt in meiner Abwesenheit erlaubt', 'Access allowed while I am away'), required: true },
    { key: 'pets', type: 'yesno', label: t('Haustiere in der Wohnung', 'Pets in the flat'), showIf: { field: 'access', equals: true } },
    { key: 'slots', type: 'timeslots', label: t('Wann sind Sie erreichbar?', 'When can we reach you?'), help: t('Mindestens zwei Zeitfenster.', 'At least two time windows.'), required: true, minSlots: 2, maxSlots: 3, showIf: { field: 'access', equals: false } },
  ],
  { attachments: { maxFiles: 5, maxBytes: 20 * 1024 * 1024 }, firstAnswerDays: 2 },
);

/** Guthabensanforderung: the credit read-only, payout or offset, IBAN and account holder only for a payout. */
export const guthabensanforderung: Form = form(
  'guthabensanforderung',
  '0190a6b2-f001-7000-8000-000000000005',
  ['Guthabensanforderung', 'Credit request'],
  ['Lassen Sie sich Ihr Guthaben auszahlen oder mit der nächsten Vorschreibung verrechnen.', 'Have your credit paid out or offset against the next charges.'],
  [
    { key: 'credit', type: 'amount', label: t('Ihr Guthaben', 'Your credit'), prefill: 'credit' },
    {
      key: 'choice',
      type: 'select',
      label: t('Wie möchten Sie Ihr Guthaben erhalten?', 'How would you like to receive your credit?'),
      required: true,
      help: t('Verrechnung: mit der nächsten Vorschreibung.', 'Offset: against the next charges.'),
      options: [opt('auszahlung', 'Auszahlung', 'Payout'), opt('verrechnung', 'Verrechnung', 'Offset')],
    },
    { key: 'iban', type: 'iban', label: t('IBAN', 'IBAN'), required: true, showIf: { field: 'choice', equals: 'auszahlung' } },
    { key: 'holder', type: 'text', label: t('Kontoinhaber', 'Account holder'), required: true, maxLength: 120, showIf: { field: 'choice', equals: 'auszahlung' } },
    { key: 'note', type: 'info', label: t('Hinweis', 'Note'), text: t('Offene Posten werden mit dem Guthaben verrechnet.', 'Open items are offset against the credit.') },
  ],
  {
    offer: 'credit',
    attachments: { maxFiles: 0, maxBytes: 1 },
    privacy: privacy('2026-01-bank', ['Ich willige ein, dass meine Bankverbindung für die Auszahlung gespeichert wird.', 'I agree that my bank details are stored for the payout.']),
    firstAnswerDays: 5,
  },
);

/** The five demo forms, in the catalog's order. */
export const demoForms: Form[] = [
  form('allgemeine-anfrage', '0190a6b2-f001-7000-8000-000000000001', ['Allgemeine Anfrage', 'General enquiry'], ['Ihr Anliegen an die Hausverwaltung.', 'Your request to the property management.'], [subject(), message()], { unitRequired: false }),
  form(
    'fragen-abrechnung',
    '0190a6b2-f001-7000-8000-000000000002',
    ['Fragen zur Abrechnung', 'Questions about a statement'],
    ['Fragen zur Betriebskosten- oder Heizkostenabrechnung und zur Vorschreibung.', 'Questions about the operating-cost or heating statement and the charges.'],
    [
      { key: 'statement', type: 'select', label: t('Abrechnung', 'Statement'), required: true, options: [opt('bk', 'Betriebskostenabrechnung', 'Operating-cost statement'), opt('hk', 'Heizkostenabrechnung', 'Heating statement'), opt('vs', 'Vorschreibung', 'Charges')] },
      { key: 'year', type: 'number', label: t('Jahr', 'Year'), required: true, min: 2000, max: 2100, decimals: 0 },
      { key: 'amount', type: 'amount', label: t('Betrag, um den es geht', 'Amount concerned'), min: 0 },
      message(),
      { key: 'callback', type: 'yesno', label: t('Rückruf erwünscht', 'Please call me back') },
      { key: 'phone', type: 'phone', label: t('Telefon', 'Phone'), required: true, showIf: { field: 'callback', equals: true } },
    ],
    { attachments: { maxFiles: 2, maxBytes: 10 * 1024 * 1024 } },
  ),
  schadensmeldung,
  form(
    'dokumentenanforderung',
    '0190a6b2-f001-7000-8000-000000000004',
    ['Dokumentenanforderung', 'Document request'],
    ['Fordern Sie Unterlagen an, z. B. einen Kontoauszug oder eine Vertragskopie.', 'Request documents, e.g. an account statement or a copy of a contract.'],
    [
      {
        key: 'documents',
        type: 'multiselect',
        label: t('Welche Dokumente?', 'Which documents?'),
        required: true,
        options: [
          opt('bk', 'BK-Abrechnung', 'Operating-cost statement'),
          opt('kontoauszug', 'Kontoauszug', 'Account statement'),
          opt('vorschreibung', 'Vorschreibung', 'Charges'),
          opt('vertrag', 'Vertragskopie', 'Copy of the contract'),
          opt('protokoll', 'Protokoll', 'Minutes'),
          opt('sonstiges', 'Sonstiges', 'Other'),
        ],
      },
      { key: 'period', type: 'text', label: t('Jahr oder Zeitraum', 'Year or period'), required: true, maxLength: 40 },
      { key: 'email', type: 'email', label: t('Zusendung an (E-Mail)', 'Send to (email)'), help: t('Leer lassen für das Portal.', 'Leave empty for the portal.') },
      message(false),
    ],
    { attachments: { maxFiles: 0, maxBytes: 1 } },
  ),
  guthabensanforderung,
];

/** The organization's emergency numbers (Vienna). */
export const demoEmergencyNumbers: EmergencyNumber[] = [
  { label: t('Gas-Notruf', 'Gas emergency'), phone: '128' },
  { label: t('Wasserrohrbruch: Installateur-Notdienst', 'Burst pipe: plumber on call'), phone: '+43 1 505 66 77' },
  { label: t('Euro-Notruf', 'European emergency number'), phone: '112' },
];

/** A unit to report on: "<street>, Top <top>". */
export const reportUnit = (id: string, propertyId: string, label: string, role: ReportUnit['role'] = 'tenant'): ReportUnit => ({ id, propertyId, label, role });

/** Katharina Huber's unit Top 7 at the Naschmarkt, with a credit of 128,40 €. */
export const top7 = reportUnit('u-0048-0007-t7', 'nm-0190a6b2-7c1e', 'Linke Wienzeile 48, Top 7');

/** The catalog GET /forms answers: `forms` (the demo forms without the credit one unless there is a credit). */
export function demoCatalog(units: ReportUnit[] = [top7], credits: FormCatalog['credits'] = [{ unitId: top7.id, cents: 12_840 }], forms: Form[] = demoForms): FormCatalog {
  return { items: credits.length ? forms : forms.filter((f) => f.offer !== 'credit'), emergencyNumbers: demoEmergencyNumbers, units, credits };
}

/** A ticket as GET /tickets/duplicates lists it: building-wide, open. */
export function ticketSummary(id: string, number: string, subject: string, status: TicketStatus = 'in_progress', extra: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id,
    number,
    subject,
    form: { key: 'schadensmeldung', label: t('Schadensmeldung', 'Damage report') },
    category: { key: 'lift', label: t('Lift', 'Lift') },
    location: { key: 'lift', label: t('Lift', 'Lift') },
    status,
    place: 'Linke Wienzeile 48',
    shared: true,
    affected: false,
    affectedCount: 2,
    createdAt: '2026-03-09T07:40:00Z',
    changedAt: '2026-03-10T11:00:00Z',
    unread: false,
    ...extra,
  };
}

/** A ticket as POST /tickets (or /tickets/{id}/affected) answers it. */
export function ticketDetail(summary: TicketSummary, extra: Partial<TicketDetail> = {}): TicketDetail {
  return {
    ...summary,
    fields: [],
    files: [],
    thread: [],
    actions: { comment: true, withdraw: true, confirm: false, reopen: false, rate: false },
    reopenUntil: null,
    rating: null,
    firstAnswerBy: '2026-03-13',
    urgency: null,
    ...extra,
  };
}

/** The building-wide ticket of the demo seed that neighbours may join. */
export const liftTicket = ticketSummary('0190a6b2-7000-7000-8000-00000000a017', '2026-00017', 'Lift Stiege 2 steht');
