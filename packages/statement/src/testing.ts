// Generators for tests, stories and benchmarks (not part of the widget bundle).
import type { Ledger, LedgerEntry } from '@hausportal/api';

/**
 * A consistent account with `n` entries for `year`: a carry-forward, then monthly charges and payments (some late,
 * a dunning fee now and then), running balance = carry-forward + postings, sums and closing balance to match.
 */
export function generateLedger(n: number, options: { year?: number; carryForwardCents?: number; accountNo?: string } = {}): Ledger {
  const year = options.year ?? 2026;
  const carry = options.carryForwardCents ?? 12_345;
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
    entries.push({ ...e, id: `entry-${String(entries.length).padStart(6, '0')}`, balanceCents: balance });
  };
  push({ bookedOn: `${year}-01-01`, docNo: `SV-${year}`, kind: 'carry_forward', text: `Saldovortrag ${year - 1}`, amountCents: carry, dueOn: null });
  for (let i = 1; entries.length < n; i++) {
    const position = (i * 12) / Math.max(n, 12);
    const month = Math.min(11, Math.floor(position));
    const day = `${year}-${String(month + 1).padStart(2, '0')}-${String(1 + Math.floor((position - month) * 28)).padStart(2, '0')}`;
    const amount = 50_000 + ((i * 7919) % 90_000);
    if (i % 3 === 1) push({ bookedOn: day, docNo: `VS-${i}`, kind: 'charge', text: `Vorschreibung ${i}`, amountCents: amount, dueOn: day });
    else if (i % 17 === 0) push({ bookedOn: day, docNo: `MS-${i}`, kind: 'dunning_fee', text: 'Mahnspesen', amountCents: 1_500, dueOn: day });
    else push({ bookedOn: day, docNo: `ZA-${i}`, kind: 'payment', text: 'Überweisung', amountCents: -Math.round(amount / 2), dueOn: null });
  }
  return {
    unitId: 'unit-generated',
    year,
    accountNo: options.accountNo ?? '9000001',
    carryForwardCents: carry,
    entries,
    debitCents: debit,
    creditCents: credit,
    closingBalanceCents: carry + debit - credit,
  };
}
