import { dayIn } from '../calendar.ts';
import { newId } from '../ids.ts';
import type { LedgerRow } from '../statement/account.ts';
import type { ChargeRow as BaseChargeRow } from '../statement/totals.ts';
import type { PaymentMethod } from '@hausportal/api';
import type { LineSpec, Story } from './money-data.ts';
import { stories } from './money-data.ts';

export type { LedgerRow };

// Pure builders of the rows of one contract: monthly charges and its account (ledger). The ledger is walked in
// date order, so every January's carry-forward is exactly the closing balance of the year before, and payments
// are matched to the oldest open debit (open_cents) — the open amounts always add up to the balance.

export interface SeedClock {
  /** The current year Y. */
  y: number;
  /** Today, YYYY-MM-DD. */
  today: string;
  /** This month, YYYY-MM. */
  thisMonth: string;
  /** The first month with charges: January of Y-3. */
  firstMonth: string;
}

/**
 * The seed's calendar at `now` in `timeZone` (the demo organizations' zones, Europe/Vienna and Europe/Berlin, keep the
 * same day): between 23:00 and midnight UTC it is already tomorrow there, and so are this month and year.
 */
export const seedClock = (now: Date, timeZone = 'Europe/Vienna'): SeedClock => {
  const today = dayIn(now.getTime(), timeZone);
  const y = Number(today.slice(0, 4));
  return { y, today, thisMonth: today.slice(0, 7), firstMonth: `${y - 3}-01` };
};

const pad = (n: number): string => String(n).padStart(2, '0');
const monthIndex = (period: string): number => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
const periodAt = (index: number): string => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;

export const shiftPeriod = (period: string, months: number): string => periodAt(monthIndex(period) + months);

/** Months from `from` to `to` (YYYY-MM), both included. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(periodAt(i));
  return out;
}

export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** `03/2026` for `2026-03`. */
export const monthLabel = (period: string): string => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

export const vatOf = (net: number, bp: number): number => Math.round((net * bp) / 10000);

/** A line's monthly net in `year`: year Y as specified, earlier years lowered by the yearly index (whole 10 cents). */
export const netIn = (line: LineSpec, year: number, y: number): number =>
  year >= y ? line.net : Math.round(line.net / (1 + line.index) ** (y - year) / 10) * 10;

/** A row of `charges` as inserted (the table's row type plus id and position). */
export type ChargeRow = BaseChargeRow & { id: string; position: number };

/** The charge rows of one month; `rowId` makes each row's id (the big generator passes a faster one). */
export function chargeRows(contractId: string, lines: LineSpec[], period: string, y: number, rowId: () => string = newId): ChargeRow[] {
  const year = Number(period.slice(0, 4));
  return lines.map((l, position) => {
    const net = netIn(l, year, y);
    const vat = vatOf(net, l.vatBp);
    return {
      id: rowId(), contract_id: contractId, period, item: l.item, label: l.label, key: l.key, key_value: l.keyValue, key_total: l.keyTotal,
      net_cents: net, vat_rate_bp: l.vatBp, vat_cents: vat, gross_cents: net + vat, position,
    };
  });
}

export interface LedgerContract {
  id: string;
  edvNo: string;
  validFrom: string;
  validTo: string | null;
  payment: PaymentMethod;
  story: Story;
  /** Text of a monthly charge, e.g. "Vorschreibung" or "Hausgeld". */
  chargeText: string;
}

type Posting = Pick<LedgerRow, 'booked_on' | 'kind' | 'text' | 'amount_cents' | 'due_on' | 'doc_no'>;

const paymentDay: Record<PaymentMethod, [day: number, text: string]> = {
  sepa_debit: [1, 'SEPA-Lastschrift'],
  standing_order: [3, 'Dauerauftrag'],
  transfer: [4, 'Überweisung'],
};

/** The postings of one month: the charge, then the payments and the story's extras. */
function postingsOf(c: LedgerContract, period: string, gross: number, clock: SeedClock, lastMonth: string): Posting[] {
  const day = (d: number) => `${period}-${pad(d)}`;
  const payment = (d: number, text: string, amount: number): Posting =>
    ({ booked_on: day(d), kind: 'payment', text, amount_cents: -amount, due_on: null, doc_no: `ZA-${day(d)}-${c.edvNo}` });
  const out: Posting[] = [
    { booked_on: day(1), kind: 'charge', text: `${c.chargeText} ${monthLabel(period)}`, amount_cents: gross, due_on: day(5), doc_no: `VS-${period}-${c.edvNo}` },
  ];
  const [payDay, payText] = paymentDay[c.payment];
  const year = Number(period.slice(0, 4));
  const back = monthIndex(clock.thisMonth) - monthIndex(period);
  if (c.story === 'late_payer' && back <= 2) {
    // Two months ago nothing came; last month only a part payment and the second reminder's fee; this month open.
    if (back === 1) {
      out.push({ booked_on: day(15), kind: 'dunning_fee', text: 'Mahnspesen 2. Mahnung', amount_cents: stories.dunningFee, due_on: addDays(day(15), 14), doc_no: `MS-${period}-${c.edvNo}` });
      out.push(payment(22, 'Teilzahlung', Math.min(stories.partPayment, Math.round(gross / 2))));
    }
  } else if (c.story === 'late_payer' && (year === clock.y || back <= 8)) {
    // Before that, this year (or at least the last half year) paid in full but weeks late.
    out.push(payment(12 + ((Number(period.slice(5)) * 5) % 9), 'Überweisung (verspätet)', gross));
  } else if (!(c.story === 'left_unpaid' && period === lastMonth)) {
    out.push(payment(payDay, payText, gross));
  }
  if (c.story === 'settlement_credit') {
    const booked = `${clock.y}-06-28` < clock.today ? `${clock.y}-06-28` : clock.today;
    if (booked.startsWith(period)) {
      out.push({ booked_on: booked, kind: 'settlement', text: `BK-Abrechnung ${clock.y - 1}: Guthaben`, amount_cents: stories.settlementCredit, due_on: null, doc_no: `BK-${clock.y - 1}-${c.edvNo}` });
    }
  }
  return out;
}

/**
 * The contract's ledger from its first month in the window up to today: a carry-forward every January 1st
 * (none in the year the contract begins), postings, open amounts and dunning levels as of today. `rowId` makes each
 * row's id.
 */
export function ledgerRows(c: LedgerContract, grossByPeriod: Map<string, number>, clock: SeedClock, rowId: () => string = newId): LedgerRow[] {
  const periods = [...grossByPeriod.keys()];
  const lastMonth = periods.at(-1)!;
  const rows: LedgerRow[] = [];
  const openDebits: LedgerRow[] = [];
  let balance = 0;
  const push = (p: Posting): LedgerRow => {
    const row: LedgerRow = { id: rowId(), contract_id: c.id, seq: rows.length, open_cents: 0, dunning_level: 0, ...p };
    rows.push(row);
    return row;
  };
  for (const period of periods) {
    const year = Number(period.slice(0, 4));
    if (period.endsWith('-01') && c.validFrom < `${year}-01-01`) {
      push({ booked_on: `${year}-01-01`, kind: 'carry_forward', text: `Saldovortrag ${year - 1}`, amount_cents: balance, due_on: null, doc_no: `SV-${year}-${c.edvNo}` });
    }
    const postings = postingsOf(c, period, grossByPeriod.get(period)!, clock, lastMonth)
      .filter((p) => p.booked_on <= clock.today && (c.validTo === null || p.booked_on <= c.validTo))
      .sort((a, b) => a.booked_on.localeCompare(b.booked_on));
    for (const p of postings) {
      const row = push(p);
      balance += p.amount_cents;
      if (p.amount_cents > 0) {
        row.open_cents = p.amount_cents;
        openDebits.push(row);
        continue;
      }
      // A payment or credit settles the oldest open debits; what is left over stays open as a credit.
      let credit = -p.amount_cents;
      while (credit > 0 && openDebits.length > 0) {
        const debit = openDebits[0]!;
        const used = Math.min(credit, debit.open_cents);
        debit.open_cents -= used;
        credit -= used;
        if (debit.open_cents === 0) openDebits.shift();
      }
      row.open_cents = -credit;
    }
  }
  for (const row of openDebits) {
    if (row.kind !== 'charge' || row.due_on === null || row.due_on >= clock.today) continue;
    row.dunning_level = Math.min(3, monthIndex(clock.thisMonth) - monthIndex(row.booked_on.slice(0, 7)));
  }
  return rows;
}
