import { html, type TemplateResult } from 'lit';
import { dayIn, type ChargeLine, type ChargePeriod, type ChargeStatement, type ExpenseAccount, type ExpenseEntry, type Ledger, type Me, type MoneyTotals, type OpenItems, type UnitDetail, type VatTotals } from '@hausportal/api';
import { createFakeApi, demoMe, demoOrganization, problem, sessionFixture, type FakeRoutes } from '@hausportal/core/testing.js';
import type { StatementView } from '../src/index.js';
import '../src/define.js';
import { loadStatementElement } from '../src/views/load.js';

/** The organization's day and year: the fake server's clock is this device's, its zone the demo's (Europe/Vienna). */
export const orgToday = () => dayIn(Date.now(), demoOrganization.timeZone);
const year = Number(orgToday().slice(0, 4));
export const thisYear = year;

/** The ImmoPro example: Top W2, 78 m², share 50/300. */
export const w2Lines: ChargeLine[] = [
  { item: 'heating', label: 'Heizkosten', key: 'consumption', keyValue: 1, keyTotal: null, netCents: 9000, vatRateBp: 2000, vatCents: 1800, grossCents: 10800 },
  { item: 'hot_water', label: 'Warmwasser', key: 'consumption', keyValue: 1, keyTotal: null, netCents: 7800, vatRateBp: 1000, vatCents: 780, grossCents: 8580 },
  { item: 'operating_costs', label: 'Betriebskosten', key: 'area', keyValue: 78, keyTotal: 1240, netCents: 12000, vatRateBp: 1000, vatCents: 1200, grossCents: 13200 },
  { item: 'main_rent', label: 'Hauptmietzins', key: 'area', keyValue: 78, keyTotal: 1240, netCents: 780000, vatRateBp: 1000, vatCents: 78000, grossCents: 858000 },
];

export const sum = (items: MoneyTotals[]): MoneyTotals =>
  items.reduce((t, i) => ({ netCents: t.netCents + i.netCents, vatCents: t.vatCents + i.vatCents, grossCents: t.grossCents + i.grossCents }), { netCents: 0, vatCents: 0, grossCents: 0 });

/** A charge statement of W2 for the given months of this year, totals summed from the lines. */
export function w2Charges(months: number[]): ChargeStatement {
  const periods: ChargePeriod[] = months.map((m) => ({ period: `${year}-${String(m).padStart(2, '0')}`, lines: w2Lines, totals: sum(w2Lines) }));
  const lines = periods.flatMap((p) => p.lines);
  const rates = [...new Set(lines.map((l) => l.vatRateBp))].sort((a, b) => a - b);
  const vatByRate: VatTotals[] = rates.map((r) => ({ vatRateBp: r, ...sum(lines.filter((l) => l.vatRateBp === r)) }));
  const totals = sum(periods.map((p) => p.totals));
  return {
    from: periods[0]?.period ?? `${year}-01`,
    to: periods.at(-1)?.period ?? `${year}-01`,
    units: [{ unitId: 'unit-w2', propertyId: 'prop-naschmarkt', top: 'W2', role: 'tenant', periods, totals }],
    totals,
    vatByRate,
  };
}

const property = { id: 'prop-naschmarkt', organization: 'demo', name: 'Wohnhausanlage Naschmarkt', address: { street: 'Linke Wienzeile 48', postalCode: '1060', city: 'Wien', country: 'AT' }, imageUrl: null, contacts: [] };

export const w2: UnitDetail = {
  id: 'unit-w2', propertyId: property.id, top: 'W2', edvNo: '0048-0002', usage: 'apartment', areaM2: 78, share: { num: 50, den: 300 },
  contract: { id: 'contract-w2', role: 'tenant', validFrom: `${year - 5}-07-01`, validTo: null, paymentMethod: 'standing_order', accountNo: '2100417' },
  active: true, monthly: { period: `${year}-03`, ...sum(w2Lines) }, balanceCents: 1_782_660, property, charges: w2Lines,
};

export const owned: UnitDetail = {
  ...w2, id: 'unit-3', top: '3', edvNo: '0048-0003', balanceCents: 0,
  contract: { id: 'contract-3', role: 'owner', validFrom: `${year - 8}-01-01`, validTo: null, paymentMethod: 'sepa_debit', accountNo: '3100003' },
};

/** Carry-forward 100,00, a charge, its payment, the next charge: balances 100,00 → 9.005,80 → 100,00 → 9.005,80. */
export const ledger: Ledger = {
  unitId: 'unit-w2', year, accountNo: '2100417', carryForwardCents: 10000,
  entries: [
    { id: 'e0', bookedOn: `${year}-01-01`, docNo: `SV-${year}`, kind: 'carry_forward', text: `Saldovortrag ${year - 1}`, amountCents: 10000, dueOn: null, balanceCents: 10000 },
    { id: 'e1', bookedOn: `${year}-01-01`, docNo: 'VS-01', kind: 'charge', text: 'Vorschreibung 01', amountCents: 890580, dueOn: `${year}-01-05`, balanceCents: 900580 },
    { id: 'e2', bookedOn: `${year}-01-12`, docNo: 'ZA-01', kind: 'payment', text: 'Überweisung', amountCents: -890580, dueOn: null, balanceCents: 10000 },
    { id: 'e3', bookedOn: `${year}-02-01`, docNo: 'VS-02', kind: 'charge', text: 'Vorschreibung 02', amountCents: 890580, dueOn: `${year}-02-05`, balanceCents: 900580 },
  ],
  debitCents: 1781160, creditCents: 890580, closingBalanceCents: 900580,
};

export const openItems: OpenItems = {
  items: [
    { id: 'o1', unitId: 'unit-w2', top: 'W2', accountNo: '2100417', docNo: 'VS-09', kind: 'charge', text: 'Vorschreibung 09', bookedOn: `${year - 1}-09-01`, dueOn: `${year - 1}-09-05`, amountCents: 890580, openCents: 490580, dunningLevel: 2 },
    { id: 'o2', unitId: 'unit-w2', top: 'W2', accountNo: '2100417', docNo: 'VS-10', kind: 'charge', text: 'Vorschreibung 10', bookedOn: `${year - 1}-10-01`, dueOn: `${year - 1}-10-05`, amountCents: 890580, openCents: 890580, dunningLevel: 1 },
    { id: 'o3', unitId: 'unit-w2', top: 'W2', accountNo: '2100417', docNo: 'MS-10', kind: 'dunning_fee', text: 'Mahnspesen', bookedOn: `${year - 1}-10-15`, dueOn: `${year - 1}-10-29`, amountCents: 1500, openCents: 1500, dunningLevel: 0 },
  ],
  totalOpenCents: 1382660,
  payments: [{ unitId: 'unit-w2', accountNo: '2100417', amountCents: 1382660, recipient: 'ImmoPro Hausverwaltung GmbH', iban: 'AT611904300234573201', bic: 'BKAUATWW', remittance: 'Konto 2100417 Top W2' }],
};

export const accounts: ExpenseAccount[] = [
  { id: 'acc-water', propertyId: property.id, accountNo: '510100', name: 'Wasser/Abwasser', group: 'operating_costs', year, totalCents: 412345, entryCount: 3 },
  { id: 'acc-waste', propertyId: property.id, accountNo: '510200', name: 'Müllabfuhr', group: 'operating_costs', year, totalCents: 98000, entryCount: 2 },
  { id: 'acc-reserve', propertyId: property.id, accountNo: '710100', name: 'Zuführung Rücklage', group: 'reserve', year, totalCents: 1500000, entryCount: 12 },
];

export const entry = (i: number, withReceipt = true): ExpenseEntry => ({
  id: `x${i}`, bookedOn: `${year}-0${1 + (i % 9)}-1${i % 10}`, docNo: `ER-${1000 + i}`, text: `Wasserrechnung ${i}`, vendor: 'Wiener Wasser', amountCents: 10000 + i,
  receipt: withReceipt ? { id: `file-${i}`, name: `beleg-${1000 + i}.pdf`, size: 2048, mime: 'application/pdf' } : null,
});

/** The routes of a tenant of W2 and the owner of Top 3, over the data above; `log` gets "GET /path?query" per call. */
export function statementRoutes(overrides: FakeRoutes = {}, log: string[] = []): FakeRoutes {
  const units = { 'unit-w2': w2, 'unit-3': owned } as Record<string, UnitDetail>;
  const routes: FakeRoutes = {
    'GET /units': () => ({ items: [w2, owned], properties: [property], nextCursor: null }),
    'GET /units/{id}': ({ params }) => units[params.id!] ?? problem(404, 'not_found'),
    'GET /charges': ({ query }) => w2Charges(monthsBetween(query.get('from')!, query.get('to')!)),
    'GET /ledger': () => ledger,
    'GET /open-items': () => openItems,
    'GET /expense-accounts': () => ({ year, accounts, properties: [property] }),
    'GET /expense-accounts/{id}/entries': ({ params }) => ({ account: accounts.find((a) => a.id === params.id)!, items: [entry(1), entry(2, false)], nextCursor: null }),
    'GET /receipts/{id}': () => ({ status: 200, body: new Blob(['%PDF-1.4 test'], { type: 'application/pdf' }), headers: { 'content-type': 'application/pdf' } }),
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(routes).map(([route, handler]) => [route, (request) => (log.push(`${request.method} ${request.path}?${request.query}`), handler(request))]),
  );
}

/** The query of the last logged call to `path`. */
export const lastQuery = (log: string[], path: string) => new URLSearchParams(log.filter((l) => l.startsWith(`GET ${path}?`)).at(-1)?.split('?')[1] ?? '');

function monthsBetween(from: string, to: string): number[] {
  const months: number[] = [];
  for (let m = Number(from.slice(5)); m <= Number(to.slice(5)); m++) months.push(m);
  return months;
}

export interface MountOptions {
  user?: Me | null;
  lang?: 'de' | 'en';
  /** The fake server's clock (default: this device's). */
  now?: () => Date;
}

/** An element (a view or the shell) in a session of `user` (default: signed in) on a fake API. */
export async function mount<T extends Element>(template: TemplateResult, routes: FakeRoutes, options: MountOptions = {}) {
  const fake = createFakeApi(routes, { user: options.user === undefined ? demoMe : options.user, now: options.now });
  const el = await sessionFixture<T>(template, { client: fake.client, lang: options.lang ?? 'de' });
  return { el, fake };
}

/** A view for W2 with its contract (its code loaded first, as `<hp-statement>` does when it shows the view). */
export const view = async <T extends StatementView>(tag: string, routes: FakeRoutes, options: MountOptions & { unit?: UnitDetail } = {}) => {
  await loadStatementElement(tag);
  const unit = options.unit ?? w2;
  const template = {
    'hp-statement-charges': html`<hp-statement-charges .unit=${unit.id} .propertyId=${unit.property.id} .contract=${unit.contract}></hp-statement-charges>`,
    'hp-statement-ledger': html`<hp-statement-ledger .unit=${unit.id} .propertyId=${unit.property.id} .contract=${unit.contract}></hp-statement-ledger>`,
    'hp-statement-open-items': html`<hp-statement-open-items .unit=${unit.id} .propertyId=${unit.property.id} .contract=${unit.contract}></hp-statement-open-items>`,
    'hp-statement-expenses': html`<hp-statement-expenses .unit=${unit.id} .propertyId=${unit.property.id} .contract=${unit.contract}></hp-statement-expenses>`,
  }[tag]!;
  return mount<T>(template, routes, options);
};

/** Visible text, whitespace (also non-breaking) collapsed. */
export const text = (el: Element | ShadowRoot | null | undefined) => (el && 'shadowRoot' in el && el.shadowRoot ? el.shadowRoot : el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];

/** A promise whose resolution the test controls. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** CSV lines as the exporter writes them. */
export const lines = (...rows: string[]) => rows.map((r) => `${r}\r\n`).join('');
