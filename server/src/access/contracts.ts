import type { Knex } from 'knex';
import type { Auth } from '../auth/middleware.ts';
import type { Db } from '../db.ts';
import type { Ctx } from '../context.ts';
import type { TtlCache } from '../cache.ts';
import { notFound } from '../http/params.ts';
import { accessPeriod, covers, overlapsYear, type Period } from './periods.ts';

// Everything a person may see hangs off his contracts in the session's organization: a unit is "mine" when I have
// a contract on it that has begun, a property is "owned" when I have an owner contract on one of its units. What
// each contract opens in time is decided in periods.ts. Ids outside that answer 404, exactly like ids that do not
// exist.

export interface ContractRow {
  id: string;
  unit_id: string;
  role: 'tenant' | 'owner';
  valid_from: string;
  valid_to: string | null;
  payment_method: 'sepa_debit' | 'standing_order' | 'transfer';
  account_no: string;
  property_id: string;
  street: string;
  /** The property's other columns, so that a page of units needs no second query for its properties. */
  property_name: string;
  postal_code: string;
  city: string;
  country: string;
  image_url: string | null;
  top: string;
  edv_no: string;
  usage: 'apartment' | 'commercial' | 'garage' | 'parking' | 'storage';
  area_m2: number;
  share_num: number | null;
  share_den: number | null;
}

/** Sort order of units: property address, property, Top, contract. */
export const unitOrder = ['p.street', 'p.id', 'u.top', 'c.id'];

/**
 * The person's contracts (joined with unit and property) in the session's organization that have begun by `today`
 * (YYYY-MM-DD, the organization's day): a contract that starts later gives nothing before its start
 * (periods.ts `hasStarted`, the same rule in SQL). Uses contracts(person_id).
 */
export function contractsOf(db: Db, auth: Auth, today: string): Knex.QueryBuilder {
  const q = db('contracts as c')
    .join('units as u', 'u.id', 'c.unit_id')
    .join('properties as p', 'p.id', 'u.property_id')
    .where('p.organization_id', auth.org.id)
    .where('c.valid_from', '<=', today)
    .select(
      'c.id', 'c.unit_id', 'c.role', 'c.valid_from', 'c.valid_to', 'c.payment_method', 'c.account_no',
      'u.property_id', 'p.street', 'p.name as property_name', 'p.postal_code', 'p.city', 'p.country', 'p.image_url', 'u.top', 'u.edv_no', 'u.usage', 'u.area_m2', 'u.share_num', 'u.share_den',
    );
  // A membership without a person (e.g. a manager) has no contracts.
  if (auth.member.person_id) q.where('c.person_id', auth.member.person_id);
  else q.whereRaw('1 = 0');
  return q;
}

export const ordered = (q: Knex.QueryBuilder): Knex.QueryBuilder => {
  for (const column of unitOrder) q.orderBy(column);
  return q;
};

/** True when the contract is valid on `day`. */
export const activeOn = (c: Pick<ContractRow, 'valid_from' | 'valid_to'>, day: string): boolean => covers({ from: c.valid_from, to: c.valid_to }, day);

/** Each session's contracts by organization, person and day (cache.ts `access`). */
export type AccessCache = TtlCache<ContractRow[]>;

/**
 * Every contract of the session's person that has begun by `today`, in unit order ({@link contractsOf}, the same
 * rule): what the session may see, kept like the session itself (cache.ts `access`, 5 s, cleared at once by a write to
 * contracts, units or properties through this server). The key holds the day, so a new day reads them again.
 */
export function allMyContracts(ctx: Ctx, auth: Auth, today: string): Promise<ContractRow[]> {
  const key = `${auth.org.id}\u0000${auth.member.person_id ?? ''}\u0000${today}`;
  return ctx.access.getOrLoad(key, async () => (await ordered(contractsOf(ctx.read, auth, today))) as ContractRow[]);
}

/** My contracts on one unit, the one valid today (else the latest) first; none → 404. */
export async function contractsOnUnit(ctx: Ctx, auth: Auth, unitId: string, day: string): Promise<ContractRow[]> {
  const rows = (await allMyContracts(ctx, auth, day)).filter((c) => c.unit_id === unitId);
  if (rows.length === 0) throw notFound();
  return rows.sort((a, b) => Number(activeOn(b, day)) - Number(activeOn(a, day)) || b.valid_from.localeCompare(a.valid_from));
}

/** My contracts that have begun by `today`, optionally on one unit (404 when it is not mine), in unit order. */
export async function myContracts(ctx: Ctx, auth: Auth, unitId: string | undefined, today: string): Promise<ContractRow[]> {
  const all = await allMyContracts(ctx, auth, today);
  if (unitId === undefined) return all;
  const rows = all.filter((c) => c.unit_id === unitId);
  if (rows.length === 0) throw notFound();
  return rows;
}

/**
 * Property id → the periods my owner contracts there open for the building's data (whole years that overlap the
 * ownership, periods.ts), for the properties of this organization where I own or owned a unit.
 */
export async function ownerPeriods(db: Db, auth: Auth, today: string): Promise<Map<string, Period[]>> {
  const rows = (await contractsOf(db, auth, today).clearSelect().select('u.property_id', 'c.role', 'c.valid_from', 'c.valid_to').where('c.role', 'owner')) as Pick<ContractRow, 'property_id' | 'role' | 'valid_from' | 'valid_to'>[];
  const periods = new Map<string, Period[]>();
  for (const row of rows) {
    const period = accessPeriod(row, today, 'property');
    if (period) periods.set(row.property_id, [...(periods.get(row.property_id) ?? []), period]);
  }
  return periods;
}

/** Ids of the properties whose building data of `year` my ownership opens, in first-seen order. */
export const propertiesOpenIn = (periods: Map<string, Period[]>, year: number): string[] =>
  [...periods].filter(([, list]) => list.some((p) => overlapsYear(p, year))).map(([id]) => id);
