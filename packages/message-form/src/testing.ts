import type { EmergencyNumber, Form, FormCatalog, FormField, FormOption, ReportUnit, TicketDetail, TicketStatus, TicketSummary } from '@hausportal/api';

// No DOM and no element here: stories' mock API and Node scripts import this file as
// `@hausportal/message-form/testing.js`. The demo forms as the server's seed writes them (server/src/seed/forms-data.ts:
// the same keys, types and order of fields), as GET /forms answers them, for tests and stories.

const t = (de: string, en: string) => ({ de, en });
const opt = (value: string, de: string, en: string, extra: Partial<FormOption> = {}): FormOption => ({ value, label: t(de, en), ...extra });
const MB = 1024 * 1024;

const notice = (purposeDe: string, purposeEn: string) =>
  t(
    `Verantwortlich für die Verarbeitung ist Ihre Hausverwaltung. Zweck: ${purposeDe}. Rechtsgrundlage: Art. 6 Abs. 1 lit. b DSGVO. Ihre Angaben werden bis zum Ende der gesetzlichen Aufbewahrungsfristen gespeichert.`,
    `The controller is your property manager. Purpose: ${purposeEn}. Legal basis: Art. 6 para. 1 lit. b GDPR. Your data are kept until the statutory retention periods end.`,
  );

/** A field as written here: `required` false unless said. */
type FieldSpec = Omit<FormField, 'required'> & { required?: boolean };

function form(key: string, n: number, title: [string, string], description: [string, string], fields: FieldSpec[], extra: Partial<Form> = {}): Form {
  return {
    id: `0190a6b2-f001-7000-8000-00000000000${n}`,
    version: 1,
    key,
    title: t(...title),
    description: t(...description),
    audience: { roles: ['tenant', 'owner'] },
    unitRequired: false,
    offer: 'always',
    sort: n * 10,
    fields: fields.map((f) => ({ ...f, required: f.required ?? false })),
    attachments: { maxFiles: 3, maxBytes: 10 * MB },
    privacy: { notice: notice(title[0], title[1]), consentRequired: false, version: '2026-1' },
    firstAnswerDays: 5,
    ...extra,
  };
}

/** The form's own unit field (type `unit`, key `unit`): its value is also the request's `unit`. */
const unitField = (required: boolean, help?: [string, string]): FieldSpec => ({ key: 'unit', type: 'unit', label: t('Einheit', 'Unit'), required, ...(help ? { help: t(...help) } : {}) });

/** Allgemeine Anfrage: unit (optional), subject, text. */
export const allgemeineAnfrage: Form = form(
  'allgemeine-anfrage',
  1,
  ['Allgemeine Anfrage', 'General enquiry'],
  ['Ihr Anliegen an die Hausverwaltung, mit Betreff, Text und Dateien.', 'Your request to the property manager, with a subject, text and files.'],
  [
    unitField(false, ['Wählen Sie die Einheit, wenn Ihr Anliegen eine bestimmte Einheit betrifft.', 'Choose the unit when your request is about one.']),
    { key: 'subject', type: 'text', label: t('Betreff', 'Subject'), required: true, maxLength: 200, mapsTo: 'subject' },
    { key: 'text', type: 'textarea', label: t('Ihre Nachricht', 'Your message'), required: true, maxLength: 5000 },
  ],
);

/** Fragen zur Abrechnung: unit (required), which statement, year, question. */
export const fragenAbrechnung: Form = form(
  'fragen-abrechnung',
  2,
  ['Fragen zur Abrechnung', 'Questions about a statement'],
  ['Fragen zur Betriebskosten- oder Heizkostenabrechnung, zur Vorschreibung oder zu Ihrem Kontoauszug.', 'Questions about an operating-cost or heating statement, your charges or your account statement.'],
  [
    unitField(true),
    {
      key: 'statement',
      type: 'select',
      label: t('Welche Abrechnung?', 'Which statement?'),
      required: true,
      options: [
        opt('betriebskosten', 'Betriebskostenabrechnung', 'Operating-cost statement'),
        opt('heizkosten', 'Heizkostenabrechnung', 'Heating-cost statement'),
        opt('vorschreibung', 'Vorschreibung', 'Charges'),
        opt('kontoauszug', 'Kontoauszug', 'Account statement'),
        opt('sonstiges', 'Sonstiges', 'Other'),
      ],
    },
    { key: 'year', type: 'number', label: t('Abrechnungsjahr', 'Year'), required: true, min: 2000, max: 2100, decimals: 0 },
    { key: 'question', type: 'textarea', label: t('Ihre Frage', 'Your question'), required: true, maxLength: 5000, help: t('Nennen Sie bitte die Position, um die es geht.', 'Please name the item your question is about.') },
  ],
  { unitRequired: true },
);

// Problems by category; `anderes` names no category and is offered under every one.
const problems: [category: string, value: string, de: string, en: string][] = [
  ['sanitaer', 'tropft', 'Wasserhahn oder Leitung tropft', 'Tap or pipe dripping'],
  ['sanitaer', 'verstopft', 'Abfluss verstopft', 'Drain blocked'],
  ['sanitaer', 'kein-wasser', 'Kein Wasser', 'No water'],
  ['sanitaer', 'wc-spuelung', 'WC-Spülung defekt', 'Toilet flush broken'],
  ['sanitaer', 'rohrbruch', 'Wasserrohrbruch', 'Burst pipe'],
  ['heizung-warmwasser', 'kalt', 'Heizung bleibt kalt', 'Heating stays cold'],
  ['heizung-warmwasser', 'geraeusche', 'Geräusche in der Heizung', 'Noise in the heating'],
  ['heizung-warmwasser', 'kein-warmwasser', 'Kein Warmwasser', 'No hot water'],
  ['heizung-warmwasser', 'therme-stoerung', 'Therme zeigt eine Störung', 'Boiler shows a fault'],
  ['elektro', 'kein-strom', 'Kein Strom', 'No power'],
  ['elektro', 'steckdose', 'Steckdose oder Schalter defekt', 'Socket or switch broken'],
  ['elektro', 'licht', 'Beleuchtung defekt', 'Light broken'],
  ['fenster-tueren', 'schliesst-nicht', 'Fenster oder Tür schließt nicht', 'Window or door does not close'],
  ['fenster-tueren', 'glasbruch', 'Glasbruch', 'Broken glass'],
  ['fenster-tueren', 'undicht', 'Undicht, es zieht', 'Leaky, draughty'],
  ['schliessanlage', 'schloss-defekt', 'Schloss defekt', 'Lock broken'],
  ['schliessanlage', 'schluessel-verloren', 'Schlüssel verloren', 'Key lost'],
  ['schliessanlage', 'gegensprechanlage', 'Gegensprechanlage oder Türöffner defekt', 'Intercom or door opener broken'],
  ['feuchtigkeit-schimmel', 'schimmel', 'Schimmel', 'Mould'],
  ['feuchtigkeit-schimmel', 'feuchte-wand', 'Feuchte Wand', 'Damp wall'],
  ['feuchtigkeit-schimmel', 'wasserfleck', 'Wasserfleck an der Decke', 'Water stain on the ceiling'],
  ['lift', 'steht', 'Lift steht', 'Lift out of service'],
  ['lift', 'tuer-klemmt', 'Lifttür klemmt', 'Lift door sticks'],
  ['lift', 'lift-geraeusche', 'Ungewöhnliche Geräusche', 'Unusual noise'],
  ['', 'anderes', 'Anderes Problem', 'Other problem'],
];

const flat = t('Wohnung', 'Apartment');
const common = t('Allgemeinfläche', 'Common area');

/** Schadensmeldung: urgency (Notfall shows the emergency numbers), unit, location → category → problem, since, description, photos note, access, pets, time windows, phone. */
export const schadensmeldung: Form = form(
  'schadensmeldung',
  3,
  ['Schadensmeldung', 'Damage report'],
  ['Melden Sie einen Schaden in Ihrer Wohnung oder im Haus. Bei Gefahr (Gasgeruch, Wasserrohrbruch) rufen Sie bitte sofort den Notruf.', 'Report damage in your apartment or the building. In danger (smell of gas, burst pipe) call the emergency number at once.'],
  [
    {
      key: 'urgency',
      type: 'select',
      label: t('Dringlichkeit', 'Urgency'),
      required: true,
      mapsTo: 'urgency',
      options: [opt('normal', 'Normal', 'Normal'), opt('dringend', 'Dringend', 'Urgent'), opt('notfall', 'Notfall', 'Emergency', { emergency: true })],
      help: t('Bei einem Notfall zeigen wir Ihnen sofort die Notrufnummern.', 'For an emergency the emergency numbers are shown at once.'),
    },
    unitField(false, ['Für einen Schaden in der Wohnung wählen Sie bitte die Einheit; bei Allgemeinflächen ist sie nicht nötig.', 'For damage in the apartment choose the unit; for common areas it is not needed.']),
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
            ...[['stiegenhaus', 'Stiegenhaus', 'Staircase'], ['keller', 'Keller', 'Basement'], ['lift', 'Lift', 'Lift'], ['garage', 'Garage', 'Garage'], ['hof', 'Hof', 'Courtyard'], ['dach', 'Dach', 'Roof']].map(([v, de, en]) =>
              opt(v!, de!, en!, { group: common, shared: true }),
            ),
          ],
        },
        {
          key: 'category',
          label: t('Schadenskategorie', 'Category'),
          options: [
            opt('sanitaer', 'Sanitär', 'Plumbing'),
            opt('heizung-warmwasser', 'Heizung/Warmwasser', 'Heating/hot water'),
            opt('elektro', 'Elektro', 'Electrics'),
            opt('fenster-tueren', 'Fenster/Türen', 'Windows/doors'),
            opt('schliessanlage', 'Schließanlage', 'Locks'),
            opt('feuchtigkeit-schimmel', 'Feuchtigkeit/Schimmel', 'Damp/mould'),
            opt('lift', 'Lift', 'Lift', { parents: ['lift'] }),
            opt('sonstiges', 'Sonstiges', 'Other'),
          ],
        },
        { key: 'problem', label: t('Schadensart', 'Problem'), options: problems.map(([parent, v, de, en]) => opt(v, de, en, parent ? { parents: [parent] } : {})) },
      ],
    },
    { key: 'since', type: 'date', label: t('Seit wann?', 'Since when?') },
    { key: 'description', type: 'textarea', label: t('Beschreibung', 'Description'), required: true, maxLength: 5000, help: t('Was ist passiert, wo genau, und was haben Sie schon versucht?', 'What happened, where exactly, and what have you tried?') },
    {
      key: 'photos',
      type: 'info',
      label: t('Fotos', 'Photos'),
      text: t('Bitte hängen Sie 2 aussagekräftige Fotos an: eines aus der Nähe und eines, das zeigt, wo der Schaden ist (bis zu 5 Dateien, je 20 MB).', 'Please attach 2 meaningful photos: one close up and one that shows where the damage is (up to 5 files, 20 MB each).'),
      help: t('2 aussagekräftige Fotos', '2 meaningful photos'),
    },
    { key: 'access', type: 'yesno', label: t('Zutritt in meiner Abwesenheit erlaubt', 'Access allowed while I am away'), required: true, help: t('Darf der Professionist die Wohnung mit dem Schlüssel der Hausverwaltung betreten, wenn Sie nicht da sind?', "May the contractor enter with the manager's key when you are not there?") },
    { key: 'pets', type: 'yesno', label: t('Haustiere in der Wohnung', 'Pets in the apartment'), required: true, showIf: { field: 'access', equals: true } },
    {
      key: 'timeslots',
      type: 'timeslots',
      label: t('Wann sind Sie erreichbar?', 'When can you be reached?'),
      required: true,
      minSlots: 2,
      maxSlots: 3,
      showIf: { field: 'access', equals: false },
      help: t('Nennen Sie 2 bis 3 Zeitfenster, in denen jemand zu Hause ist.', 'Give 2 to 3 time windows when someone is at home.'),
    },
    { key: 'phone', type: 'phone', label: t('Telefon für Rückfragen', 'Phone for questions'), required: true },
  ],
  { attachments: { maxFiles: 5, maxBytes: 20 * MB }, firstAnswerDays: 2 },
);

/** Dokumentenanforderung: unit (optional), which document, period, note; no files. */
export const dokumentenanforderung: Form = form(
  'dokumentenanforderung',
  4,
  ['Dokumentenanforderung', 'Document request'],
  ['Fordern Sie ein Dokument an; es wird Ihnen im Portal bereitgestellt.', 'Request a document; it is released to you in the portal.'],
  [
    unitField(false),
    {
      key: 'document',
      type: 'select',
      label: t('Dokument', 'Document'),
      required: true,
      options: [
        opt('bk-abrechnung', 'BK-Abrechnung', 'Operating-cost statement'),
        opt('kontoauszug', 'Kontoauszug', 'Account statement'),
        opt('vorschreibung', 'Vorschreibung', 'Charges'),
        opt('vertragskopie', 'Vertragskopie', 'Copy of the contract'),
        opt('protokoll', 'Protokoll', 'Minutes'),
        opt('sonstiges', 'Sonstiges', 'Other'),
      ],
    },
    { key: 'period', type: 'text', label: t('Zeitraum', 'Period'), required: true, maxLength: 100, help: t('z. B. 2025 oder 1–6/2026', 'e.g. 2025 or 1–6/2026') },
    { key: 'note', type: 'textarea', label: t('Anmerkung', 'Note'), maxLength: 2000 },
  ],
  { attachments: { maxFiles: 0, maxBytes: MB } },
);

/** Guthabensanforderung: unit (required; those with a credit), the credit read-only, payout or offset, IBAN and account holder only for a payout, consent. */
export const guthabensanforderung: Form = form(
  'guthabensanforderung',
  5,
  ['Guthabensanforderung', 'Credit request'],
  ['Ihr Konto weist ein Guthaben aus. Lassen Sie es auszahlen oder mit der nächsten Vorschreibung verrechnen.', 'Your account shows a credit. Have it paid out or offset against your next charges.'],
  [
    unitField(true),
    { key: 'credit', type: 'amount', label: t('Guthaben', 'Credit'), required: true, prefill: 'credit', help: t('Ihr Guthaben laut Kontoauszug von heute.', 'Your credit as your account shows it today.') },
    {
      key: 'choice',
      type: 'select',
      label: t('Was soll mit dem Guthaben geschehen?', 'What should happen with the credit?'),
      required: true,
      options: [opt('payout', 'Auszahlung', 'Pay out'), opt('offset', 'Verrechnung mit der nächsten Vorschreibung', 'Offset against the next charges')],
    },
    { key: 'iban', type: 'iban', label: t('IBAN', 'IBAN'), required: true, showIf: { field: 'choice', equals: 'payout' } },
    { key: 'account_holder', type: 'text', label: t('Kontoinhaber/in', 'Account holder'), required: true, maxLength: 100, showIf: { field: 'choice', equals: 'payout' } },
    {
      key: 'note',
      type: 'info',
      label: t('Hinweis', 'Note'),
      text: t('Die Auszahlung erfolgt in der Regel innerhalb von 14 Tagen. Offene Forderungen werden vorher verrechnet.', 'A payout is usually made within 14 days. Amounts still due are offset first.'),
    },
  ],
  {
    unitRequired: true,
    offer: 'credit',
    attachments: { maxFiles: 0, maxBytes: MB },
    privacy: {
      notice: notice('Auszahlung oder Verrechnung Ihres Guthabens', 'paying out or offsetting your credit'),
      consentRequired: true,
      consentText: t(
        'Ich willige ein, dass die Hausverwaltung meine Bankverbindung zur Auszahlung dieses Guthabens verarbeitet. Ich kann die Einwilligung jederzeit widerrufen.',
        'I consent to the property manager processing my bank details to pay out this credit. I may withdraw my consent at any time.',
      ),
      version: '2026-1',
    },
  },
);

/** The five demo forms, in the catalog's order. */
export const demoForms: Form[] = [allgemeineAnfrage, fragenAbrechnung, schadensmeldung, dokumentenanforderung, guthabensanforderung];

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
