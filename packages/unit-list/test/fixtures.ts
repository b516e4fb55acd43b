import { html } from '@open-wc/testing';
import type { Me, Property, UnitSummary } from '@hausportal/api';
import { createFakeApi, demoMe, problem, sessionFixture, type FakeRoutes } from '@hausportal/core/testing.js';
import type { UnitData } from '../src/index.js';
import { pageOf } from '../src/testing.js';
import type { HpUnitList } from '../src/index.js';
import '../src/define.js';

const photo = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"%3E%3Crect width="4" height="3" fill="%23c8a45d"/%3E%3C/svg%3E';

const property = (id: string, name: string, street: string, postalCode: string, imageUrl: string | null, contacts: Property['contacts']): Property => ({
  id,
  organization: 'demo',
  name,
  address: { street, postalCode, city: 'Wien', country: 'AT' },
  imageUrl,
  contacts,
});

/** Two properties like the demo seed's, the first with two of its four contacts. */
export const naschmarkt = property('prop-naschmarkt', 'Wohnhausanlage Naschmarkt', 'Linke Wienzeile 48', '1060', photo, [
  { category: 'case_manager', name: 'Mag. Petra Hofbauer', phone: '+43 1 587 12 34-0', email: 'petra.hofbauer@immopro.example' },
  { category: 'caretaker', name: 'Josef Novak', phone: '+43 664 300 40 50', email: null },
]);

export const kahlenberg = property('prop-kahlenberg', 'Kahlenberger Straße 12', 'Kahlenberger Straße 12', '1190', null, [
  { category: 'accounting', name: 'Ing. Stefan Gruber', phone: null, email: 'stefan.gruber@immopro.example' },
]);

const contract = (id: string, role: 'tenant' | 'owner', validFrom: string, paymentMethod: UnitSummary['contract']['paymentMethod'], validTo: string | null = null) => ({
  id: `contract-${id}`,
  role,
  validFrom,
  validTo,
  paymentMethod,
  accountNo: `21${id.padStart(5, '0')}`,
});

/** Top W2 with the ImmoPro example charges and a debit, Top 7 with a credit, an owner's flat and an ended garage. */
export const units: UnitSummary[] = [
  {
    id: 'unit-w2', propertyId: naschmarkt.id, top: 'W2', edvNo: '0048-0002', usage: 'apartment', areaM2: 78, share: { num: 50, den: 300 },
    contract: contract('417', 'tenant', '2021-07-01', 'standing_order'), active: true,
    monthly: { period: '2026-03', netCents: 808800, vatCents: 81780, grossCents: 890580 }, balanceCents: 123456,
  },
  {
    id: 'unit-7', propertyId: naschmarkt.id, top: '7', edvNo: '0048-0007', usage: 'apartment', areaM2: 64.5, share: { num: 41, den: 300 },
    contract: contract('533', 'tenant', '2024-03-01', 'sepa_debit'), active: true,
    monthly: { period: '2026-03', netCents: 61200, vatCents: 6120, grossCents: 67320 }, balanceCents: -4250,
  },
  {
    id: 'unit-k2', propertyId: kahlenberg.id, top: '2', edvNo: '0112-0002', usage: 'apartment', areaM2: 91.25, share: { num: 120, den: 1000 },
    contract: contract('3101', 'owner', '2015-01-01', 'sepa_debit'), active: true,
    monthly: { period: '2026-03', netCents: 25000, vatCents: 2900, grossCents: 27900 }, balanceCents: 0,
  },
  {
    id: 'unit-g1', propertyId: kahlenberg.id, top: 'G1', edvNo: '0112-0101', usage: 'garage', areaM2: 14, share: null,
    contract: contract('3102', 'owner', '2010-05-01', 'transfer', '2025-06-30'), active: false, monthly: null, balanceCents: 0,
  },
];

export const seedData: UnitData = { items: units, properties: [naschmarkt, kahlenberg] };

/** GET /units answering pages of `data` (or the answer of `respond`), counting the calls and their limits. */
export function unitRoutes(data: UnitData, log: { limit: string | null; cursor: string | null }[] = []): FakeRoutes {
  return {
    'GET /units': ({ user, query }) => {
      if (!user) return problem(401, 'unauthenticated');
      log.push({ limit: query.get('limit'), cursor: query.get('cursor') });
      return pageOf(data, Number(query.get('limit') ?? 100), query.get('cursor'));
    },
  };
}

/** `<hp-unit-list>` in a session of `user` with the given routes. */
export async function unitList(routes: FakeRoutes, options: { user?: Me | null; lang?: 'de' | 'en'; attrs?: string } = {}) {
  const fake = createFakeApi(routes, { user: options.user === undefined ? demoMe : options.user });
  const el = await sessionFixture<HpUnitList>(html`<hp-unit-list></hp-unit-list>`, { client: fake.client, lang: options.lang ?? 'de' });
  return { el, fake };
}

export const root = (el: HpUnitList) => el.shadowRoot!;

/** Visible text of the element, whitespace collapsed. */
export const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();

/** Ids of the unit rows in the order shown. */
export const rowIds = (el: HpUnitList) => [...root(el).querySelectorAll<HTMLElement>('[data-unit]')].map((r) => r.dataset.unit!);

/** Resolves once the list (or a final state) is shown. */
export async function loaded(el: HpUnitList): Promise<void> {
  await el.units.taskComplete.catch(() => undefined);
  await el.updateComplete;
}

/** A promise whose resolution the test controls (for the loading state without timers). */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
