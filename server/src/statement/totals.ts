import type { ChargeLine, MoneyTotals, VatTotals } from '@hausportal/api';

// Totals are sums of lines (never recomputed from a rate), so net + VAT = gross holds per line and in every sum.

export interface ChargeRow {
  contract_id: string;
  period: string;
  item: ChargeLine['item'];
  label: string;
  key: ChargeLine['key'];
  key_value: number;
  key_total: number | null;
  net_cents: number;
  vat_rate_bp: number;
  vat_cents: number;
  gross_cents: number;
}

export const chargeLine = (r: ChargeRow): ChargeLine => ({
  item: r.item,
  label: r.label,
  key: r.key,
  keyValue: Number(r.key_value),
  keyTotal: r.key_total === null || r.key_total === undefined ? null : Number(r.key_total),
  netCents: Number(r.net_cents),
  vatRateBp: Number(r.vat_rate_bp),
  vatCents: Number(r.vat_cents),
  grossCents: Number(r.gross_cents),
});

export const zero = (): MoneyTotals => ({ netCents: 0, vatCents: 0, grossCents: 0 });

export function add(sum: MoneyTotals, part: MoneyTotals): MoneyTotals {
  sum.netCents += part.netCents;
  sum.vatCents += part.vatCents;
  sum.grossCents += part.grossCents;
  return sum;
}

export const sumOf = (parts: MoneyTotals[]): MoneyTotals => parts.reduce(add, zero());

/** Totals per VAT rate, lowest rate first. */
export function vatByRate(lines: ChargeLine[]): VatTotals[] {
  const rates = new Map<number, VatTotals>();
  for (const line of lines) {
    const entry = rates.get(line.vatRateBp) ?? { vatRateBp: line.vatRateBp, ...zero() };
    rates.set(line.vatRateBp, add(entry, line) as VatTotals);
  }
  return [...rates.values()].sort((a, b) => a.vatRateBp - b.vatRateBp);
}
