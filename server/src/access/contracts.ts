import type { Knex } from 'knex';
import type { Auth } from '../auth/middleware.ts';
import type { Db } from '../db.ts';
import { notFound } from '../http/params.ts';

// Everything a person may see hangs off his contracts in the session's organization: a unit is "mine" when I have
// a contract on it, a property is "owned" when I have an owner contract on one of its units. Ids outside that
// answer 404, exactly like ids that do not exist.

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
  top: string;
  edv_no: string;
  usage: 'apartment' | 'commercial' | 'garage' | 'parking' | 'storage';
  area_m2: number;
  share_num: number | null;
  share_den: number | null;
}

/** Sort order of units: property address, property, Top, contract. */
export const unitOrder = ['p.street', 'p.id', 'u.top', 'c.id'];

/** The person's contracts (joined with unit and property) in the session's organization; uses contracts(person_id). */
export function contractsOf(db: Db, auth: Auth): Knex.QueryBuilder {
  const q = db('contracts as c')
    .join('units as u', 'u.id', 'c.unit_id')
    .join('properties as p', 'p.id', 'u.property_id')
    .where('p.organization_id', auth.org.id)
    .select(
      'c.id', 'c.unit_id', 'c.role', 'c.valid_from', 'c.valid_to', 'c.payment_method', 'c.account_no',
      'u.property_id', 'p.street', 'u.top', 'u.edv_no', 'u.usage', 'u.area_m2', 'u.share_num', 'u.share_den',
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
export const activeOn = (c: Pick<ContractRow, 'valid_from' | 'valid_to'>, day: string): boolean =>
  c.valid_from <= day && (c.valid_to === null || c.valid_to >= day);

/** My contracts on one unit, the one valid today (else the latest) first; none → 404. */
export async function contractsOnUnit(db: Db, auth: Auth, unitId: string, day: string): Promise<ContractRow[]> {
  const rows = (await contractsOf(db, auth).where('c.unit_id', unitId)) as ContractRow[];
  if (rows.length === 0) throw notFound();
  return rows.sort((a, b) => Number(activeOn(b, day)) - Number(activeOn(a, day)) || b.valid_from.localeCompare(a.valid_from));
}

/** My contracts, optionally on one unit (404 when it is not mine), in unit order. */
export async function myContracts(db: Db, auth: Auth, unitId: string | undefined): Promise<ContractRow[]> {
  const q = ordered(contractsOf(db, auth));
  if (unitId !== undefined) q.where('c.unit_id', unitId);
  const rows = (await q) as ContractRow[];
  if (unitId !== undefined && rows.length === 0) throw notFound();
  return rows;
}

/** Ids of the properties of this organization where I own a unit. */
export async function ownedPropertyIds(db: Db, auth: Auth): Promise<string[]> {
  const rows = (await contractsOf(db, auth).clearSelect().distinct('u.property_id').where('c.role', 'owner')) as { property_id: string }[];
  return rows.map((r) => r.property_id);
}
