// Statement figures of the demo units, derived from their monthly lines (stories/mocks/unit-data.ts) so every total
// is a sum of lines and every running balance adds up: charges per month, a year's account ending in the unit's
// balance, open items, and the owners' expense accounts with receipts.
import type { ChargePeriod, ChargeStatement, ExpenseAccount, ExpenseEntry, Ledger, LedgerEntry, Me, MoneyTotals, OpenItems, UnitDetail } from '@hausportal/api';
import { unitOf, unitsOf } from './unit-data.js';

const now = new Date();
const Y = now.getFullYear();
const M = now.getMonth() + 1;
const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
const periodOf = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;

const sum = (items: MoneyTotals[]): MoneyTotals =>
  items.reduce((t, i) => ({ netCents: t.netCents + i.netCents, vatCents: t.vatCents + i.vatCents, grossCents: t.grossCents + i.grossCents }), { netCents: 0, vatCents: 0, grossCents: 0 });

const banks: Record<string, { recipient: string; iban: string; bic: string }> = {
  immopro: { recipient: 'ImmoPro Hausverwaltung GmbH', iban: 'AT611904300234573201', bic: 'BKAUATWW' },
  krueger: { recipient: 'Hausverwaltung Krüger GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
};

/** Charges of `unit` from `from` to `to` (YYYY-MM), clipped to the contract and today. */
export function chargesOf(unit: UnitDetail, from: string, to: string): ChargeStatement {
  const first = Math.max(monthIndex(from), monthIndex(unit.contract.validFrom));
  const last = Math.min(monthIndex(to), Y * 12 + M - 1);
  const periods: ChargePeriod[] = [];
  for (let i = first; i <= last; i++) periods.push({ period: periodOf(i), lines: unit.charges, totals: sum(unit.charges) });
  const lines = periods.flatMap((p) => p.lines);
  const rates = [...new Set(lines.map((l) => l.vatRateBp))].sort((a, b) => a - b);
  const totals = sum(periods.map((p) => p.totals));
  return {
    from,
    to,
    units: periods.length ? [{ unitId: unit.id, propertyId: unit.property.id, top: unit.top, role: unit.contract.role, periods, totals }] : [],
    totals,
    vatByRate: rates.map((vatRateBp) => ({ vatRateBp, ...sum(lines.filter((l) => l.vatRateBp === vatRateBp)) })),
  };
}

/**
 * The account for `year`: each month's charge on the 1st, paid on the 10th; this year ends in the unit's balance
 * (the last month paid in part, or a settlement credit in June).
 */
export function ledgerOf(unit: UnitDetail, year: number): Ledger {
  const gross = sum(unit.charges).grossCents;
  const start = unit.contract.validFrom;
  const entries: LedgerEntry[] = [];
  let balance = 0;
  const post = (bookedOn: string, kind: LedgerEntry['kind'], text: string, amountCents: number, dueOn: string | null = null) => {
    balance += amountCents;
    entries.push({ id: `${unit.id}-${bookedOn}-${entries.length}`, bookedOn, docNo: `${kind.slice(0, 2).toUpperCase()}-${bookedOn}-${unit.edvNo}`, kind, text, amountCents, dueOn, balanceCents: balance });
  };
  if (`${year}-01-01` > start) post(`${year}-01-01`, 'carry_forward', `Saldovortrag ${year - 1}`, 0);
  const lastMonth = year === Y ? M : 12;
  for (let m = 1; m <= lastMonth; m++) {
    const day = `${year}-${pad(m)}`;
    if (`${day}-28` < start) continue;
    post(`${day}-01`, 'charge', `Vorschreibung ${pad(m)}/${year}`, gross, `${day}-05`);
    const payment = year === Y && m === lastMonth && unit.balanceCents > 0 ? gross - unit.balanceCents : gross;
    if (payment > 0 && (year < Y || m < lastMonth || now.getDate() >= 10)) post(`${day}-10`, 'payment', payment === gross ? 'Zahlung' : 'Teilzahlung', -payment);
    if (year === Y && m === 6 && unit.balanceCents < 0) post(`${day}-28`, 'settlement', `BK-Abrechnung ${Y - 1}: Guthaben`, unit.balanceCents);
  }
  const debit = entries.filter((e) => e.kind !== 'carry_forward' && e.amountCents > 0).reduce((s, e) => s + e.amountCents, 0);
  const credit = -entries.filter((e) => e.amountCents < 0).reduce((s, e) => s + e.amountCents, 0);
  return { unitId: unit.id, year, accountNo: unit.contract.accountNo, carryForwardCents: 0, entries, debitCents: debit, creditCents: credit, closingBalanceCents: debit - credit };
}

/** What is open today: the unpaid rest of this month's charge, with the transfer that pays it. */
export function openItemsOf(unit: UnitDetail): OpenItems {
  if (unit.balanceCents <= 0) return { items: [], totalOpenCents: unit.balanceCents, payments: [] };
  const period = `${Y}-${pad(M)}`;
  const gross = sum(unit.charges).grossCents;
  const dueOn = `${period}-05`;
  const item = { id: `${unit.id}-open`, unitId: unit.id, top: unit.top, accountNo: unit.contract.accountNo, docNo: `VS-${period}-${unit.edvNo}`, kind: 'charge' as const, text: `Vorschreibung ${pad(M)}/${Y}`, bookedOn: `${period}-01`, dueOn, amountCents: gross, openCents: unit.balanceCents, dunningLevel: now.getDate() > 20 ? 1 : 0 };
  const bank = banks[unit.property.organization] ?? banks.immopro!;
  return { items: [item], totalOpenCents: unit.balanceCents, payments: [{ unitId: unit.id, accountNo: unit.contract.accountNo, amountCents: unit.balanceCents, ...bank, remittance: `Konto ${unit.contract.accountNo} Top ${unit.top}` }] };
}

const accountNames: [string, string, ExpenseAccount['group'], number][] = [
  ['510100', 'Wasser/Abwasser', 'operating_costs', 412_380],
  ['510200', 'Müllabfuhr', 'operating_costs', 186_420],
  ['510300', 'Hausbetreuung', 'operating_costs', 540_000],
  ['510400', 'Gebäudeversicherung', 'operating_costs', 398_760],
  ['710100', 'Zuführung Rücklage', 'reserve', 1_800_000],
  ['720100', 'Entnahme Rücklage: Dachreparatur', 'reserve', 1_235_000],
];

/** The expense accounts of a property for `year`, when `me` owns a unit there. */
export function expenseAccountsOf(me: Me, propertyId: string, year: number): ExpenseAccount[] | undefined {
  const owns = unitsOf(me).items.some((u) => u.propertyId === propertyId && u.contract.role === 'owner');
  if (!owns) return undefined;
  return accountNames.map(([accountNo, name, group, total], i) => ({ id: `acc-${propertyId}-${accountNo}`, propertyId, accountNo, name, group, year, totalCents: total + (Y - year) * 1_000 * (i + 1), entryCount: 4 }));
}

/** Four postings per account, each with a receipt; the amounts add up to the account's total. */
export function expenseEntriesOf(account: ExpenseAccount): ExpenseEntry[] {
  const quarter = Math.floor(account.totalCents / 4);
  return [1, 2, 3, 4].map((q) => ({
    id: `${account.id}-${q}`,
    bookedOn: `${account.year}-${pad(q * 3 - 1)}-15`,
    docNo: `ER-${account.accountNo}-${q}`,
    text: `${account.name} ${q}. Quartal`,
    vendor: account.group === 'reserve' ? 'Dachdeckerei Hofer GmbH' : 'Stadt Wien',
    amountCents: q === 4 ? account.totalCents - 3 * quarter : quarter,
    receipt: { id: `rc-${account.id}-${q}`, name: `beleg-${account.accountNo}-${q}.pdf`, size: 1_480, mime: 'application/pdf' },
  }));
}

export { unitOf };
