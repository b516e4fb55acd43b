import type { ContactCategory, PaymentMethod, Property, UnitPage, UnitSummary, UnitUsage } from '@hausportal/api';
import type { UnitData } from './model.js';

export type { UnitData };

// No DOM and no element here: Node scripts (the bench, the mock API) import this file as
// `@hausportal/unit-list/testing.js`.

const streets = ['Linke Wienzeile', 'Gumpendorfer Straße', 'Mariahilfer Straße', 'Kahlenberger Straße', 'Döblinger Hauptstraße', 'Ottakringer Straße', 'Favoritenstraße', 'Landstraßer Hauptstraße'];
const districts = ['1060', '1070', '1190', '1160', '1100', '1030'];
const usages: UnitUsage[] = ['apartment', 'apartment', 'apartment', 'garage', 'parking', 'commercial', 'storage'];
const methods: PaymentMethod[] = ['sepa_debit', 'standing_order', 'transfer'];
const categories: ContactCategory[] = ['case_manager', 'accounting', 'caretaker'];
const people = ['Mag. Petra Hofbauer', 'Sandra Leitner', 'Josef Novak', 'Ing. Stefan Gruber', 'Barbara Koller'];

/** A small deterministic random generator (mulberry32), so the same `seed` gives the same units everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  /** Units per property (default 40). */
  perProperty?: number;
  /** Role of every contract, or 'mixed' (default 'owner', as for a big owner). */
  role?: 'owner' | 'tenant' | 'mixed';
  seed?: number;
}

/**
 * `n` made-up units of one person across properties in Vienna, with contracts, this month's charges and balances
 * (debit, credit and settled). For tests, stories and the bench; deterministic for a given seed.
 */
export function generateUnits(n: number, options: GenerateOptions = {}): UnitData {
  const perProperty = options.perProperty ?? 40;
  const next = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const properties: Property[] = [];
  const items: UnitSummary[] = [];
  for (let i = 0; i < n; i++) {
    const p = Math.floor(i / perProperty);
    if (!properties[p]) {
      const number = String(p + 1).padStart(4, '0');
      properties.push({
        id: `property-${number}`,
        organization: 'immopro',
        name: `Wohnhausanlage ${number}`,
        address: { street: `${streets[p % streets.length]} ${p + 1}`, postalCode: districts[p % districts.length]!, city: 'Wien', country: 'AT' },
        imageUrl: null,
        contacts: categories.slice(0, 1 + (p % 3)).map((category, c) => ({
          category,
          name: people[(p + c) % people.length]!,
          phone: `+43 1 ${String(5000000 + p * 10 + c)}`,
          email: c === 2 ? null : `kontakt${c}@immopro.example`,
        })),
      });
    }
    const property = properties[p]!;
    const usage = pick(usages);
    const net = Math.round(next() * 90000) * 10;
    const vat = Math.round((net * (usage === 'commercial' ? 2000 : 1000)) / 10000);
    const balanceRoll = next();
    const active = next() > 0.05;
    const role = options.role === 'mixed' ? (i % 3 === 0 ? 'tenant' : 'owner') : (options.role ?? 'owner');
    items.push({
      id: `unit-${String(i + 1).padStart(6, '0')}`,
      propertyId: property.id,
      top: `${usage === 'garage' || usage === 'parking' ? 'G' : 'W'}${(i % perProperty) + 1}`,
      edvNo: `${String(p + 1).padStart(4, '0')}-${String((i % perProperty) + 1).padStart(4, '0')}`,
      usage,
      areaM2: Math.round((usage === 'parking' ? 12 : 20 + next() * 120) * 100) / 100,
      share: { num: 1 + Math.floor(next() * 60), den: 300 * Math.max(1, Math.ceil(perProperty / 10)) },
      contract: {
        id: `contract-${String(i + 1).padStart(6, '0')}`,
        role,
        validFrom: `${2000 + Math.floor(next() * 25)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-01`,
        validTo: active ? null : '2024-12-31',
        paymentMethod: pick(methods),
        accountNo: String(3100000 + i),
      },
      active,
      monthly: net ? { period: active ? '2026-03' : '2024-12', netCents: net, vatCents: vat, grossCents: net + vat } : null,
      balanceCents: balanceRoll < 0.6 ? 0 : balanceRoll < 0.8 ? Math.round(next() * 250000) : -Math.round(next() * 80000),
    });
  }
  return { items, properties };
}

const encode = (offset: number) => btoa(`o${offset}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const decode = (cursor: string) => Number(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')).slice(1));

/**
 * One page of `data` as `GET /units` answers it: `limit` items from the position in `cursor`, the properties they
 * reference, and the next cursor (null on the last page).
 */
export function pageOf(data: UnitData, limit = 100, cursor?: string | null): UnitPage {
  const start = cursor ? decode(cursor) : 0;
  const items = data.items.slice(start, start + limit);
  const ids = new Set(items.map((u) => u.propertyId));
  const end = start + items.length;
  return { items, properties: data.properties.filter((p) => ids.has(p.id)), nextCursor: end < data.items.length ? encode(end) : null };
}
