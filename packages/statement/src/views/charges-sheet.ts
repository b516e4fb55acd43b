import { msg } from '@lit/localize';
import type { ChargeStatement, MoneyTotals } from '@hausportal/api';
import { csvMoney, csvNumber, toCsv, type CsvCell, type Locale } from '@hausportal/core';
import { keyText, lineText } from '../labels.js';

/** The charges as CSV: one row per line, a total row per month, then VAT by rate and the range's total. */
export function chargesCsv(data: ChargeStatement, locale: Locale): string {
  const money = (t: MoneyTotals): CsvCell[] => [csvMoney(t.netCents, locale), '', csvMoney(t.vatCents, locale), csvMoney(t.grossCents, locale)];
  const total = msg('Total', { id: 'statement.total' });
  const rows: CsvCell[][] = [
    [
      msg('Top', { id: 'statement.col.top' }),
      msg('Month', { id: 'statement.col.month' }),
      msg('Item', { id: 'statement.col.item' }),
      msg('Key', { id: 'statement.col.key' }),
      msg('Key value', { id: 'statement.col.keyValue' }),
      msg('Key total', { id: 'statement.col.keyTotal' }),
      msg('Net', { id: 'statement.col.net' }),
      msg('VAT rate %', { id: 'statement.col.vatRatePercent' }),
      msg('VAT', { id: 'statement.col.vat' }),
      msg('Gross', { id: 'statement.col.gross' }),
    ],
  ];
  for (const unit of data.units) {
    for (const p of unit.periods) {
      for (const l of p.lines) {
        rows.push([
          unit.top,
          p.period,
          lineText(l),
          keyText(l.key),
          csvNumber(l.keyValue, locale),
          l.keyTotal === null ? '' : csvNumber(l.keyTotal, locale),
          csvMoney(l.netCents, locale),
          csvNumber(l.vatRateBp / 100, locale),
          csvMoney(l.vatCents, locale),
          csvMoney(l.grossCents, locale),
        ]);
      }
      rows.push([unit.top, p.period, total, '', '', '', ...money(p.totals)]);
    }
  }
  for (const v of data.vatByRate) {
    rows.push(['', `${data.from}–${data.to}`, total, '', '', '', csvMoney(v.netCents, locale), csvNumber(v.vatRateBp / 100, locale), csvMoney(v.vatCents, locale), csvMoney(v.grossCents, locale)]);
  }
  rows.push(['', `${data.from}–${data.to}`, total, '', '', '', ...money(data.totals)]);
  return toCsv(rows, locale);
}
