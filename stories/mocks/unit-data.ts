// Units, properties and monthly charges of the demo users, as the reference server's money seed builds them
// (years relative to the clock: Y = this year). Monthly totals are the sums of the lines.
import type { ChargeLine, ContractRole, Me, PaymentMethod, Property, PropertyContact, UnitDetail, UnitSummary, UnitUsage } from '@hausportal/api';

const now = new Date();
const Y = now.getFullYear();
const period = `${Y}-${String(now.getMonth() + 1).padStart(2, '0')}`;

const hofbauer: PropertyContact = { category: 'case_manager', name: 'Mag. Petra Hofbauer', phone: '+43 1 587 33 10-12', email: 'p.hofbauer@immopro.example' };
const leitner: PropertyContact = { category: 'accounting', name: 'Sandra Leitner', phone: '+43 1 587 33 10-20', email: 'mietenbuchhaltung@immopro.example' };
const gruber: PropertyContact = { category: 'accounting', name: 'Ing. Stefan Gruber', phone: '+43 1 587 33 10-25', email: 'weg-buchhaltung@immopro.example' };
const novak: PropertyContact = { category: 'caretaker', name: 'Josef Novak', phone: '+43 664 412 77 03', email: null };

/** Contacts of an ImmoPro property as a tenant or an owner sees them. */
const immoproContacts = (role: ContractRole) => [hofbauer, role === 'tenant' ? leitner : gruber, novak];

function property(id: string, name: string, street: string, postalCode: string, city: string, image: string, contacts: PropertyContact[]): Property {
  return { id, organization: id.startsWith('fm') ? 'krueger' : 'immopro', name, address: { street, postalCode, city, country: id.startsWith('fm') ? 'DE' : 'AT' }, imageUrl: `/media/properties/${image}.svg`, contacts };
}

const naschmarkt = (role: ContractRole) =>
  property('nm-0190a6b2-7c1e', 'Wohnhausanlage Naschmarkt', 'Linke Wienzeile 48', '1060', 'Wien', 'naschmarkt', immoproContacts(role));
const kahlenberg = property('kb-0190a6b2-7c1f', 'Kahlenberger Straße 12', 'Kahlenberger Straße 12', '1190', 'Wien', 'kahlenberg', immoproContacts('owner'));
const fischmarkt = property('fm-0190a6b2-7c20', 'Fischmarkt-Höfe', 'Große Elbstraße 145', '22767', 'Hamburg', 'fischmarkt', [
  { category: 'case_manager', name: 'Birte Hansen', phone: '+49 40 3861 7720', email: 'b.hansen@hv-krueger.example' },
  { category: 'caretaker', name: 'Uwe Petersen', phone: '+49 171 552 0193', email: null },
]);

type Line = [item: ChargeLine['item'], label: string, key: ChargeLine['key'], keyValue: number, keyTotal: number | null, netCents: number, vatRateBp: number];

function lines(list: Line[]): ChargeLine[] {
  return list.map(([item, label, key, keyValue, keyTotal, netCents, vatRateBp]) => {
    const vatCents = Math.round((netCents * vatRateBp) / 10000);
    return { item, label, key, keyValue, keyTotal, netCents, vatRateBp, vatCents, grossCents: netCents + vatCents };
  });
}

/** Owner lines at ImmoPro: Betriebskosten 10 %, Heizkosten 20 %, Rücklage 0 %, by shares. */
const ownerLines = (shares: number, scale: number) =>
  lines([
    ['operating_costs', 'Betriebskosten', 'shares', shares, 300, 420 * shares * scale, 1000],
    ['heating', 'Heizkosten', 'shares', shares, 300, 180 * shares * scale, 2000],
    ['reserve', 'Rücklage', 'shares', shares, 300, 600 * shares, 0],
  ]);

interface DemoUnit {
  unit: Omit<UnitSummary, 'monthly'>;
  property: Property;
  charges: ChargeLine[];
}

function demoUnit(property: Property, id: string, top: string, edv: string, usage: UnitUsage, areaM2: number, share: number | null, role: ContractRole, validFrom: string, paymentMethod: PaymentMethod, accountNo: string, balanceCents: number, charges: ChargeLine[]): DemoUnit {
  return {
    property,
    charges,
    unit: {
      id,
      propertyId: property.id,
      top,
      edvNo: edv,
      usage,
      areaM2,
      share: share === null ? null : { num: share, den: 300 },
      contract: { id: `c-${id}`, role, validFrom, validTo: null, paymentMethod, accountNo },
      active: true,
      balanceCents,
    },
  };
}

const topW2 = demoUnit(naschmarkt('tenant'), 'u-0048-0002-w2', 'W2', '0048-0002', 'apartment', 78, 50, 'tenant', `${Y - 5}-07-01`, 'standing_order', '2100417', 183_562, lines([
  ['heating', 'Heizkosten', 'consumption', 1, null, 9_000, 2000],
  ['hot_water', 'Warmwasser', 'consumption', 1, null, 7_800, 1000],
  ['operating_costs', 'Betriebskosten', 'area', 78, 1240, 12_000, 1000],
  ['main_rent', 'Hauptmietzins', 'area', 78, 1240, 780_000, 1000],
]));

const top7 = demoUnit(naschmarkt('tenant'), 'u-0048-0007-t7', '7', '0048-0007', 'apartment', 64.5, 41, 'tenant', `${Y - 2}-03-01`, 'sepa_debit', '2100533', -12_840, lines([
  ['heating', 'Heizkosten', 'consumption', 1, null, 7_400, 2000],
  ['hot_water', 'Warmwasser', 'consumption', 1, null, 6_100, 1000],
  ['operating_costs', 'Betriebskosten', 'area', 64.5, 1240, 9_920, 1000],
  ['main_rent', 'Hauptmietzins', 'area', 64.5, 1240, 71_595, 1000],
]));

// Sorted like the server: by property address (Kahlenberger Straße before Linke Wienzeile), then Top.
const elisabeth = [
  demoUnit(kahlenberg, 'u-0112-0002-t2', '2', '0112-0002', 'apartment', 96, 62, 'owner', `${Y - 6}-10-01`, 'sepa_debit', '3100388', 0, ownerLines(62, 2)),
  demoUnit(naschmarkt('owner'), 'u-0048-0003-t3', '3', '0048-0003', 'apartment', 71.2, 46, 'owner', `${Y - 12}-01-01`, 'sepa_debit', '3100211', 0, ownerLines(46, 1)),
  demoUnit(naschmarkt('owner'), 'u-0048-0009-t9', '9', '0048-0009', 'apartment', 88.4, 57, 'owner', `${Y - 12}-01-01`, 'sepa_debit', '3100212', 24_380, ownerLines(57, 1)),
  demoUnit(naschmarkt('owner'), 'u-0048-0101-g1', 'G1', '0048-0101', 'garage', 13.5, 4, 'owner', `${Y - 8}-05-01`, 'sepa_debit', '3100213', -3_150, ownerLines(4, 1)),
];

const markusOwner = demoUnit(fischmarkt, 'u-fm-0145-w5', 'W5', '0145-0005', 'apartment', 58, 38, 'owner', `${Y - 4}-01-01`, 'transfer', '4100077', 0, lines([
  ['operating_costs', 'Betriebskosten', 'shares', 38, 300, 21_500, 0],
  ['reserve', 'Erhaltungsrücklage', 'shares', 38, 300, 9_500, 0],
]));
const thomas = demoUnit(fischmarkt, 'u-fm-0145-w2', 'W2', '0145-0002', 'apartment', 67, 44, 'tenant', `${Y - 1}-04-01`, 'sepa_debit', '4100102', 0, lines([
  ['main_rent', 'Nettokaltmiete', 'fixed', 1, null, 98_000, 0],
  ['operating_costs', 'Betriebskostenvorauszahlung', 'area', 67, 2150, 21_000, 0],
  ['heating', 'Heizkostenvorauszahlung', 'area', 67, 2150, 9_500, 0],
]));
const jana = demoUnit(fischmarkt, 'u-fm-0145-w8', 'W8', '0145-0008', 'apartment', 49, 32, 'tenant', `${Y - 3}-09-01`, 'standing_order', '4100131', 6_500, lines([
  ['main_rent', 'Nettokaltmiete', 'fixed', 1, null, 72_000, 0],
  ['operating_costs', 'Betriebskostenvorauszahlung', 'area', 49, 2150, 15_400, 0],
]));

/** The demo users' units per organization (user name → organization → units). */
const byUser: Record<string, Record<string, DemoUnit[]>> = {
  khuber: { immopro: [top7] },
  mlehner: { immopro: [topW2], krueger: [markusOwner] },
  ewagner: { immopro: elisabeth },
  tbecker: { krueger: [thomas] },
  jschulz: { krueger: [jana] },
};

function totals(charges: ChargeLine[]) {
  const sum = (key: 'netCents' | 'vatCents' | 'grossCents') => charges.reduce((total, line) => total + line[key], 0);
  return { period, netCents: sum('netCents'), vatCents: sum('vatCents'), grossCents: sum('grossCents') };
}

/** The units `me` has in the organization of the session, with this month's totals and their properties. */
export function unitsOf(me: Me): { items: UnitSummary[]; properties: Property[] } {
  const own = byUser[me.username]?.[me.organization] ?? [];
  const properties = [...new Map(own.map((d) => [d.property.id, d.property])).values()];
  return { items: own.map((d) => ({ ...d.unit, monthly: d.charges.length ? totals(d.charges) : null })), properties };
}

/** One of `me`'s units with its property and this month's lines, or undefined when it is not theirs. */
export function unitOf(me: Me, id: string): UnitDetail | undefined {
  const found = (byUser[me.username]?.[me.organization] ?? []).find((d) => d.unit.id === id);
  return found && { ...found.unit, monthly: totals(found.charges), property: found.property, charges: found.charges };
}
