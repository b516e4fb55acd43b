import type { ChargePeriod, ChargeStatement, ChargeUnit, Ledger, LedgerEntry } from '@hausportal/api';
import type { Db } from '../db.ts';
import type { ContractRow } from '../access/contracts.ts';
import { clip, periodOfContract } from '../access/periods.ts';
import { chargeLine, sumOf, vatByRate, type ChargeRow } from './totals.ts';

// Charges and the contract account, always clipped to the contract period.

export interface LedgerRow {
  id: string;
  contract_id: string;
  booked_on: string;
  seq: number;
  doc_no: string;
  kind: LedgerEntry['kind'];
  text: string;
  amount_cents: number;
  due_on: string | null;
  open_cents: number;
  dunning_level: number;
}

/** The months of `from…to` inside the contract period, or null when they do not meet. */
function clipPeriods(c: ContractRow, from: string, to: string): { from: string; to: string } | null {
  const months = clip(periodOfContract(c), from, to, 'month');
  return months && { from: months.first, to: months.last };
}

/** Monthly charges of the contracts in `from…to`, grouped by unit and period, with totals; one query. */
export async function chargeStatement(db: Db, contracts: ContractRow[], from: string, to: string): Promise<ChargeStatement> {
  const clipped = contracts.flatMap((c) => {
    const range = clipPeriods(c, from, to);
    return range ? [{ c, range }] : [];
  });
  const rows = clipped.length
    ? ((await db('charges')
        .whereIn('contract_id', clipped.map((x) => x.c.id))
        .whereBetween('period', [from, to])
        .orderBy('period')
        .orderBy('position')
        .orderBy('id')) as ChargeRow[])
    : [];
  const byContract = new Map<string, ChargeRow[]>();
  for (const r of rows) byContract.set(r.contract_id, [...(byContract.get(r.contract_id) ?? []), r]);

  const units: ChargeUnit[] = clipped.map(({ c, range }) => {
    const periods = new Map<string, ChargePeriod>();
    for (const r of byContract.get(c.id) ?? []) {
      if (r.period < range.from || r.period > range.to) continue;
      const p = periods.get(r.period) ?? { period: r.period, lines: [], totals: sumOf([]) };
      p.lines.push(chargeLine(r));
      periods.set(r.period, p);
    }
    const list = [...periods.values()];
    for (const p of list) p.totals = sumOf(p.lines);
    return { unitId: c.unit_id, propertyId: c.property_id, top: c.top, role: c.role, periods: list, totals: sumOf(list.map((p) => p.totals)) };
  });
  const lines = units.flatMap((u) => u.periods.flatMap((p) => p.lines));
  return { from, to, units, totals: sumOf(units.map((u) => u.totals)), vatByRate: vatByRate(lines) };
}

/** The contract's entries booked between two days, inside the contract period, in booking order. */
export async function entriesBetween(db: Db, c: ContractRow, first: string, last: string): Promise<LedgerRow[]> {
  const days = clip(periodOfContract(c), first, last);
  if (!days) return [];
  return db('ledger_entries')
    .where('contract_id', c.id)
    .whereBetween('booked_on', [days.first, days.last])
    .orderBy('booked_on')
    .orderBy('seq')
    .orderBy('id') as Promise<LedgerRow[]>;
}

/** One year of the contract account with carry-forward, running balance and the year's debit and credit. */
export async function ledgerOf(db: Db, c: ContractRow, year: number): Promise<Ledger> {
  const rows = await entriesBetween(db, c, `${year}-01-01`, `${year}-12-31`);
  let balance = 0;
  let carryForwardCents = 0;
  let debitCents = 0;
  let creditCents = 0;
  const entries = rows.map((r): LedgerEntry => {
    const amount = Number(r.amount_cents);
    balance += amount;
    if (r.kind === 'carry_forward') carryForwardCents += amount;
    else if (amount > 0) debitCents += amount;
    else creditCents -= amount;
    return { id: r.id, bookedOn: r.booked_on, docNo: r.doc_no, kind: r.kind, text: r.text, amountCents: amount, dueOn: r.due_on ?? null, balanceCents: balance };
  });
  return {
    unitId: c.unit_id,
    year,
    accountNo: c.account_no,
    carryForwardCents,
    entries,
    debitCents,
    creditCents,
    closingBalanceCents: carryForwardCents + debitCents - creditCents,
  };
}
