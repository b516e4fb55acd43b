import type { ChargeItem, ContractRole, DistributionKey, ExpenseAccount, PaymentMethod, PropertyContact, UnitUsage } from '@hausportal/api';

// The demo's buildings, units, contracts and cost accounts. Dates are relative to the clock's year Y
// (`[yearOffset, month, day]`), amounts are the figures of year Y in cents; earlier years are derived from them
// by each line's yearly index (the rent and the costs rise at every year boundary).

/** `[yearOffset, month, day]`; day 0 is the last day of the month before (the end of February in any year). */
export type RelDate = [yearOffset: number, month: number, day: number];

export interface LineSpec {
  item: ChargeItem;
  label: string;
  key: DistributionKey;
  keyValue: number;
  keyTotal: number | null;
  /** Monthly net of year Y. */
  net: number;
  vatBp: number;
  /** Yearly rise, e.g. 0.04: last year's net was net / 1.04. */
  index: number;
}

/** How the account is paid: on time by the payment method, or one of the demo's stories. */
export type Story = 'on_time' | 'late_payer' | 'settlement_credit' | 'left_unpaid';

export interface ContractSpec {
  person: string;
  role: ContractRole;
  from: RelDate;
  to?: RelDate;
  payment: PaymentMethod;
  accountNo: string;
  lines: LineSpec[];
  story?: Story;
}

export interface UnitSpec {
  top: string;
  edvNo: string;
  usage: UnitUsage;
  area: number;
  share: number | null;
  contracts: ContractSpec[];
}

export interface ExpenseSpec {
  accountNo: string;
  name: string;
  group: ExpenseAccount['group'];
  vendor: string;
  /** Short vendor name for file names and invoice numbers. */
  slug: string;
  invoicePrefix: string;
  /** Gross amount of one posting in year Y. */
  cents: number;
  /** Posting months (1–12) and day; `years` limits to some years (offsets), default the last three. */
  months: number[];
  day: number;
  text: string;
  years?: number[];
  receiptKind?: 'Rechnung' | 'Umbuchung' | 'Polizze';
}

export interface PropertySpec {
  org: 'immopro' | 'krueger';
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: 'AT' | 'DE';
  image: string;
  contacts: (PropertyContact & { visibleTo: ContractRole[] })[];
  units: UnitSpec[];
  expenses: ExpenseSpec[];
}

export interface BankSpec {
  recipient: string;
  iban: string;
  bic: string;
}

export const demoBanks: Record<string, BankSpec> = {
  immopro: { recipient: 'ImmoPro Hausverwaltung GmbH', iban: 'AT611904300234573201', bic: 'BKAUATWW' },
  krueger: { recipient: 'Hausverwaltung Krüger GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
};

const line = (item: ChargeItem, label: string, key: DistributionKey, keyValue: number, keyTotal: number | null, net: number, vatBp: number, index: number): LineSpec =>
  ({ item, label, key, keyValue, keyTotal, net, vatBp, index });

// ImmoPro tenants (MRG): Heizkosten 20 %, the rest 10 % VAT; the lines in the order of the manager's Vorschreibung.
const viennaTenant = (area: number, heating: number, water: number, costs: number, rent: number): LineSpec[] => [
  line('heating', 'Heizkosten', 'consumption', 1, null, heating, 2000, 0.06),
  line('hot_water', 'Warmwasser', 'consumption', 1, null, water, 1000, 0.04),
  line('operating_costs', 'Betriebskosten', 'area', area, 1240, costs, 1000, 0.035),
  line('main_rent', 'Hauptmietzins', 'area', area, 1240, rent, 1000, 0.05),
];

// ImmoPro owners (WEG): Betriebskosten 10 %, Heizkosten 20 %, Rücklage without VAT, all by Nutzwert shares.
const viennaOwner = (shares: number, scale: number, heated = true): LineSpec[] => [
  line('operating_costs', 'Betriebskosten', 'shares', shares, 300, 420 * shares * scale, 1000, 0.035),
  ...(heated ? [line('heating', 'Heizkosten', 'shares', shares, 300, 180 * shares * scale, 2000, 0.06)] : []),
  line('reserve', 'Rücklage', 'shares', shares, 300, 600 * shares, 0, 0.03),
];

// Residential rent in Germany carries no VAT.
const hamburgTenant = (area: number, rent: number, costs: number, heating: number | null): LineSpec[] => [
  line('main_rent', 'Nettokaltmiete', 'fixed', 1, null, rent, 0, 0.03),
  line('operating_costs', 'Betriebskostenvorauszahlung', 'area', area, 2150, costs, 0, 0.04),
  ...(heating === null ? [] : [line('heating', 'Heizkostenvorauszahlung', 'area', area, 2150, heating, 0, 0.07)]),
];

const immoproContacts: PropertySpec['contacts'] = [
  { category: 'case_manager', name: 'Mag. Petra Hofbauer', phone: '+43 1 587 33 10-12', email: 'p.hofbauer@immopro.example', officeHours: 'Mo–Do 8–12 Uhr, Di 14–17 Uhr', visibleTo: ['tenant', 'owner'] },
  { category: 'accounting', name: 'Sandra Leitner', phone: '+43 1 587 33 10-20', email: 'mietenbuchhaltung@immopro.example', officeHours: 'Mo–Fr 9–12 Uhr', visibleTo: ['tenant'] },
  { category: 'accounting', name: 'Ing. Stefan Gruber', phone: '+43 1 587 33 10-25', email: 'weg-buchhaltung@immopro.example', officeHours: 'Di und Do 9–12 Uhr', visibleTo: ['owner'] },
  { category: 'caretaker', name: 'Josef Novak', phone: '+43 664 412 77 03', email: null, visibleTo: ['tenant', 'owner'] },
];

const quarterly = [2, 5, 8, 11];
const everyMonth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** The cost accounts of an ImmoPro building; `scale` sizes the amounts to the building. */
const viennaExpenses = (scale: number, withdrawal: { text: string; vendor: string; slug: string; cents: number; month: number; years: number[] }): ExpenseSpec[] => [
  { accountNo: '510100', name: 'Wasser/Abwasser', group: 'operating_costs', vendor: 'Wiener Wasser', slug: 'Wiener-Wasser', invoicePrefix: 'WW', cents: 184_250 * scale, months: quarterly, day: 14, text: 'Wasser- und Abwassergebühr' },
  { accountNo: '510200', name: 'Müllabfuhr', group: 'operating_costs', vendor: 'MA 48 – Abfallwirtschaft', slug: 'MA48', invoicePrefix: 'MA48', cents: 96_480 * scale, months: quarterly, day: 20, text: 'Müllabfuhr' },
  { accountNo: '510300', name: 'Hausbetreuung', group: 'operating_costs', vendor: 'Hausbetreuung Novak e.U.', slug: 'Hausbetreuung-Novak', invoicePrefix: 'HN', cents: 68_900 * scale, months: everyMonth, day: 28, text: 'Hausbetreuung und Stiegenreinigung' },
  { accountNo: '510400', name: 'Gebäudeversicherung', group: 'operating_costs', vendor: 'Donau-Alpen Versicherung AG', slug: 'Donau-Alpen-Versicherung', invoicePrefix: 'POL', cents: 612_300 * scale, months: [1], day: 15, text: 'Bündelversicherung Jahresprämie', receiptKind: 'Polizze' },
  { accountNo: '510500', name: 'Allgemeinstrom', group: 'operating_costs', vendor: 'Wien Energie GmbH', slug: 'Wien-Energie', invoicePrefix: 'WE', cents: 41_760 * scale, months: quarterly, day: 9, text: 'Allgemeinstrom Stiegenhaus und Keller' },
  { accountNo: '710100', name: 'Zuführung Rücklage', group: 'reserve', vendor: 'ImmoPro Hausverwaltung GmbH', slug: 'Ruecklage', invoicePrefix: 'UB', cents: 540_000 * scale, months: [3, 6, 9, 12], day: 30, text: 'Zuführung Reparaturrücklage', receiptKind: 'Umbuchung' },
  { accountNo: '720100', name: `Entnahme Rücklage: ${withdrawal.text}`, group: 'reserve', vendor: withdrawal.vendor, slug: withdrawal.slug, invoicePrefix: 'RE', cents: withdrawal.cents, months: [withdrawal.month], day: 17, text: withdrawal.text, years: withdrawal.years },
];

export const demoProperties: PropertySpec[] = [
  {
    org: 'immopro', name: 'Wohnhausanlage Naschmarkt', street: 'Linke Wienzeile 48', postalCode: '1060', city: 'Wien', country: 'AT',
    image: '/media/properties/naschmarkt.svg',
    contacts: immoproContacts,
    units: [
      { top: 'W2', edvNo: '0048-0002', usage: 'apartment', area: 78, share: 50, contracts: [
        { person: 'Markus Lehner', role: 'tenant', from: [-5, 7, 1], payment: 'standing_order', accountNo: '2100417', story: 'late_payer',
          lines: viennaTenant(78, 9_000, 7_800, 12_000, 780_000) },
      ] },
      { top: '3', edvNo: '0048-0003', usage: 'apartment', area: 71.2, share: 46, contracts: [
        { person: 'Dr. Elisabeth Wagner', role: 'owner', from: [-12, 1, 1], payment: 'sepa_debit', accountNo: '3100211', lines: viennaOwner(46, 1) },
      ] },
      { top: '7', edvNo: '0048-0007', usage: 'apartment', area: 64.5, share: 41, contracts: [
        { person: 'Gerhard Maier', role: 'tenant', from: [-10, 1, 1], to: [-2, 3, 0], payment: 'transfer', accountNo: '2100288', story: 'left_unpaid',
          lines: viennaTenant(64.5, 7_400, 6_100, 9_920, 71_595).map((l) => ({ ...l, net: Math.round(l.net * 0.93) })) },
        { person: 'Katharina Huber', role: 'tenant', from: [-2, 3, 1], payment: 'sepa_debit', accountNo: '2100533', story: 'settlement_credit',
          lines: viennaTenant(64.5, 7_400, 6_100, 9_920, 71_595) },
      ] },
      { top: '9', edvNo: '0048-0009', usage: 'apartment', area: 88.4, share: 57, contracts: [
        { person: 'Dr. Elisabeth Wagner', role: 'owner', from: [-12, 1, 1], payment: 'sepa_debit', accountNo: '3100212', lines: viennaOwner(57, 1) },
      ] },
      { top: 'G1', edvNo: '0048-0101', usage: 'garage', area: 13.5, share: 4, contracts: [
        { person: 'Dr. Elisabeth Wagner', role: 'owner', from: [-8, 5, 1], payment: 'sepa_debit', accountNo: '3100213', lines: viennaOwner(4, 1, false) },
      ] },
    ],
    expenses: viennaExpenses(1, { text: 'Dachreparatur', vendor: 'Dachdeckerei Wimmer GmbH', slug: 'Dachdeckerei-Wimmer', cents: 1_284_000, month: 6, years: [-2, -1] }),
  },
  {
    org: 'immopro', name: 'Kahlenberger Straße 12', street: 'Kahlenberger Straße 12', postalCode: '1190', city: 'Wien', country: 'AT',
    image: '/media/properties/kahlenberg.svg',
    contacts: immoproContacts,
    units: [
      { top: '2', edvNo: '0112-0002', usage: 'apartment', area: 96, share: 62, contracts: [
        { person: 'Dr. Elisabeth Wagner', role: 'owner', from: [-6, 10, 1], payment: 'sepa_debit', accountNo: '3100388', lines: viennaOwner(62, 2) },
      ] },
      { top: '5', edvNo: '0112-0005', usage: 'apartment', area: 58.3, share: 38, contracts: [
        { person: 'Lukas Hofer', role: 'tenant', from: [-1, 9, 1], payment: 'sepa_debit', accountNo: '2100611', lines: viennaTenant(58.3, 6_800, 5_600, 8_960, 64_700) },
      ] },
    ],
    expenses: viennaExpenses(0.6, { text: 'Fenstertausch Stiegenhaus', vendor: 'Tischlerei Holzer & Söhne', slug: 'Tischlerei-Holzer', cents: 876_500, month: 4, years: [-1, 0] }),
  },
  {
    org: 'krueger', name: 'Fischmarkt-Höfe', street: 'Große Elbstraße 145', postalCode: '22767', city: 'Hamburg', country: 'DE',
    image: '/media/properties/fischmarkt.svg',
    contacts: [
      { category: 'case_manager', name: 'Birte Hansen', phone: '+49 40 3861 7720', email: 'b.hansen@hv-krueger.example', officeHours: 'Mo–Fr 9–13 Uhr', visibleTo: ['tenant', 'owner'] },
      { category: 'caretaker', name: 'Uwe Petersen', phone: '+49 171 552 0193', email: null, visibleTo: ['tenant', 'owner'] },
    ],
    units: [
      { top: 'W2', edvNo: '0145-0002', usage: 'apartment', area: 67, share: 44, contracts: [
        { person: 'Thomas Becker', role: 'tenant', from: [-1, 4, 1], payment: 'sepa_debit', accountNo: '4100102', lines: hamburgTenant(67, 98_000, 21_000, 9_500) },
      ] },
      { top: 'W5', edvNo: '0145-0005', usage: 'apartment', area: 58, share: 38, contracts: [
        { person: 'Markus Lehner', role: 'owner', from: [-4, 1, 1], payment: 'transfer', accountNo: '4100077', lines: [
          line('operating_costs', 'Hausgeld Bewirtschaftung', 'shares', 38, 300, 21_500, 0, 0.04),
          line('reserve', 'Erhaltungsrücklage', 'shares', 38, 300, 9_500, 0, 0.02),
        ] },
      ] },
      { top: 'W8', edvNo: '0145-0008', usage: 'apartment', area: 49, share: 32, contracts: [
        { person: 'Jana Schulz', role: 'tenant', from: [-3, 9, 1], payment: 'standing_order', accountNo: '4100131', lines: hamburgTenant(49, 72_000, 15_400, null) },
      ] },
    ],
    expenses: [
      { accountNo: '510100', name: 'Wasser/Abwasser', group: 'operating_costs', vendor: 'HAMBURG WASSER', slug: 'Hamburg-Wasser', invoicePrefix: 'HW', cents: 231_400, months: quarterly, day: 12, text: 'Frischwasser und Sielbenutzung' },
      { accountNo: '510200', name: 'Müllabfuhr', group: 'operating_costs', vendor: 'Stadtreinigung Hamburg', slug: 'Stadtreinigung-Hamburg', invoicePrefix: 'SRH', cents: 118_750, months: quarterly, day: 18, text: 'Abfallgebühren' },
      { accountNo: '510300', name: 'Hauswart', group: 'operating_costs', vendor: 'Hausmeisterservice Petersen', slug: 'Hausmeisterservice-Petersen', invoicePrefix: 'HP', cents: 82_110, months: everyMonth, day: 27, text: 'Hauswart und Treppenhausreinigung' },
      { accountNo: '510400', name: 'Gebäudeversicherung', group: 'operating_costs', vendor: 'Hanseatische Gebäudeversicherung AG', slug: 'Hanseatische-Versicherung', invoicePrefix: 'HGV', cents: 734_800, months: [1], day: 10, text: 'Verbundene Gebäudeversicherung Jahresbeitrag', receiptKind: 'Polizze' },
      { accountNo: '510500', name: 'Allgemeinstrom', group: 'operating_costs', vendor: 'Hamburger Energiewerke GmbH', slug: 'Hamburger-Energiewerke', invoicePrefix: 'HEW', cents: 53_920, months: quarterly, day: 6, text: 'Allgemeinstrom Treppenhaus, Keller, Außenbeleuchtung' },
      { accountNo: '710100', name: 'Zuführung Erhaltungsrücklage', group: 'reserve', vendor: 'Hausverwaltung Krüger GmbH', slug: 'Erhaltungsruecklage', invoicePrefix: 'UB', cents: 690_000, months: [3, 6, 9, 12], day: 30, text: 'Zuführung Erhaltungsrücklage', receiptKind: 'Umbuchung' },
      { accountNo: '720100', name: 'Entnahme Erhaltungsrücklage: Treppenhausanstrich', group: 'reserve', vendor: 'Malerbetrieb Jürgensen GmbH', slug: 'Malerbetrieb-Juergensen', invoicePrefix: 'MJ', cents: 1_562_000, months: [9], day: 22, text: 'Treppenhausanstrich Haus A und B', years: [-1] },
    ],
  },
];

/** Demo people who have contracts but no login (former tenants). */
export const demoPersonsWithoutLogin = [
  { org: 'immopro', name: 'Gerhard Maier', street: 'Hernalser Hauptstraße 210/5', postalCode: '1170', city: 'Wien', country: 'AT' },
];

/** Amounts of the stories (cents). */
export const stories = {
  /** Markus Lehner's part payment two months ago and the fee of the second reminder. */
  partPayment: 400_000,
  dunningFee: 1_500,
  /** Katharina Huber's credit from last year's operating-cost settlement. */
  settlementCredit: -12_840,
};
