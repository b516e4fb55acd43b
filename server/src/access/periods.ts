import type { Knex } from 'knex';

// The one rule for every person ↔ unit link (DESIGN §6a): a contract gives access only to data of its own period,
// and a contract that has not started yet gives nothing. Every endpoint that shows data of a unit or a property
// — charges, ledger, open items, expense accounts, receipts, and later documents, notices, tickets and the chat
// bot's answers — asks this module instead of reading `valid_from`/`valid_to` itself.
//
// Days are ISO dates (YYYY-MM-DD) in the organization's calendar; a period includes both ends, `to: null` is open.

export type ContractRole = 'tenant' | 'owner';

/** What the rule needs of a contract. */
export interface ContractPeriod {
  role: ContractRole;
  valid_from: string;
  valid_to: string | null;
}

/** A closed range of days; `to: null` has no end yet. */
export interface Period {
  from: string;
  to: string | null;
}

/**
 * What data the period covers:
 * - `contract`: the person's own account under this contract (charges, ledger, open items): exactly the
 *   contract's days, for tenants and owners alike.
 * - `property`: data of the whole building. Tenants see their days; owners see whole years that overlap their
 *   ownership, as the owners' annual accounts are drawn up per calendar year (WEG 2002 §34, WEG §28 in Germany).
 */
export type AccessScope = 'contract' | 'property';

const yearStart = (day: string): string => `${day.slice(0, 4)}-01-01`;
const yearEnd = (day: string): string => `${day.slice(0, 4)}-12-31`;

/** The contract's own days; the `contract` scope of a contract that has begun. */
export const periodOfContract = (c: Pick<ContractPeriod, 'valid_from' | 'valid_to'>): Period => ({ from: c.valid_from, to: c.valid_to });

/** True when the contract has begun by `today`; a future contract gives nothing before its start. */
export const hasStarted = (c: Pick<ContractPeriod, 'valid_from'>, today: string): boolean => c.valid_from <= today;

/**
 * The days of data a contract opens, as of `today` (the organization's day), or null when it opens none (it
 * starts later). Ended contracts keep their period: a former tenant still sees his own months.
 */
export function accessPeriod(c: ContractPeriod, today: string, scope: AccessScope): Period | null {
  if (!hasStarted(c, today)) return null;
  if (scope === 'property' && c.role === 'owner') return { from: yearStart(c.valid_from), to: c.valid_to === null ? null : yearEnd(c.valid_to) };
  return periodOfContract(c);
}

/** True when `day` lies inside the period. */
export const covers = (p: Period, day: string): boolean => p.from <= day && (p.to === null || day <= p.to);

/** True when the period and the days `first…last` share at least one day. */
export const overlaps = (p: Period, first: string, last: string): boolean => p.from <= last && (p.to === null || p.to >= first);

/** True when the period shares a day with the calendar year. */
export const overlapsYear = (p: Period, year: number): boolean => overlaps(p, `${year}-01-01`, `${year}-12-31`);

/**
 * The `contract` period as a SQL condition: the day column `day` (e.g. `l.booked_on`) lies inside the period of the
 * contract joined as `contract` (e.g. `c`). For queries over many contracts at once; the contracts themselves come
 * from access/contracts.ts, which already leaves out those that have not begun.
 */
export function whereInContractPeriod(q: Knex.QueryBuilder, day: string, contract: string): Knex.QueryBuilder {
  return q
    .whereRaw(`${day} >= ${contract}.valid_from`)
    .where((inner) => inner.whereNull(`${contract}.valid_to`).orWhereRaw(`${day} <= ${contract}.valid_to`));
}

/** The part of `first…last` (days or YYYY-MM months, compared as text) inside the period, or null when none. */
export function clip(p: Period, first: string, last: string, unit: 'day' | 'month' = 'day'): { first: string; last: string } | null {
  const cut = (day: string) => (unit === 'month' ? day.slice(0, 7) : day);
  const from = cut(p.from) > first ? cut(p.from) : first;
  const to = p.to !== null && cut(p.to) < last ? cut(p.to) : last;
  return from <= to ? { first: from, last: to } : null;
}
