// Generators for tests, stories and benchmarks (not part of the widget bundle).
import type { Ledger, LedgerEntry } from '@hausportal/api';

export interface GenerateLedgerOptions {
  /** Year of the account (default 2026). */
  year?: number;
  /** Balance brought into the year (default 123,45, a debit). */
  carryForwardCents?: number;
  accountNo?: string;
  unitId?: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A consistent account with exactly `n` entries for one year: the carry-forward, then charges and payments (half of
 * each charge paid, so a debit builds up) and a dunning fee now and then, spread over the months in booking order.
 * Running balance = carry-forward + postings so far; debit, credit and closing balance match the entries.
 * Deterministic: the same arguments give the same account.
 */
export function generateLedger(n: number, options: GenerateLedgerOptions = {}): Ledger {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`generateLedger: n must be a whole number ≥ 0, not ${n}`);
  const year = options.year ?? 2026;
  const carry = n > 0 ? (options.carryForwardCents ?? 12_345) : 0;
  const entries: LedgerEntry[] = [];
  let balance = 0;
  let debit = 0;
  let credit = 0;
  const push = (e: Omit<LedgerEntry, 'id' | 'balanceCents'>) => {
    balance += e.amountCents;
    if (e.kind !== 'carry_forward') {
      if (e.amountCents > 0) debit += e.amountCents;
      else credit -= e.amountCents;
    }
    entries.push({ ...e, id: `entry-${pad(entries.length, 6)}`, balanceCents: balance });
  };
  if (n > 0) {
    push({ bookedOn: `${year}-01-01`, docNo: `SV-${year}`, kind: 'carry_forward', text: `Saldovortrag ${year - 1}`, amountCents: carry, dueOn: null });
  }
  for (let i = 1; entries.length < n; i++) {
    // Spread the postings evenly over the year's 12 × 28 booking days (never backwards).
    const position = (i * 12) / Math.max(n, 12);
    const month = Math.min(11, Math.floor(position));
    const day = `${year}-${pad(month + 1)}-${pad(Math.min(28, 1 + Math.floor((position - month) * 28)))}`;
    const amount = 50_000 + ((i * 7919) % 90_000);
    if (i % 3 === 1) push({ bookedOn: day, docNo: `VS-${i}`, kind: 'charge', text: `Vorschreibung ${i}`, amountCents: amount, dueOn: day });
    else if (i % 17 === 0) push({ bookedOn: day, docNo: `MS-${i}`, kind: 'dunning_fee', text: 'Mahnspesen', amountCents: 1_500, dueOn: day });
    else push({ bookedOn: day, docNo: `ZA-${i}`, kind: 'payment', text: 'Überweisung', amountCents: -Math.round(amount / 2), dueOn: null });
  }
  return {
    unitId: options.unitId ?? 'unit-generated',
    year,
    accountNo: options.accountNo ?? '9000001',
    carryForwardCents: carry,
    entries,
    debitCents: debit,
    creditCents: credit,
    closingBalanceCents: carry + debit - credit,
  };
}
