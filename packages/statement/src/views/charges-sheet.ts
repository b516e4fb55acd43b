import { msg } from '@lit/localize';
import type { ChargeStatement, MoneyTotals } from '@hausportal/api';
import type { Sheet, SheetCell, SheetColumn } from '@hausportal/core';
import { keyText, lineText, viewText } from '../labels.js';

function columns(): SheetColumn[] {
  return [
    { header: msg('Top', { id: 'statement.col.top' }) },
    { header: msg('Month', { id: 'statement.col.month' }) },
    { header: msg('Item', { id: 'statement.col.item' }) },
    { header: msg('Key', { id: 'statement.col.key' }) },
    { header: msg('Key value', { id: 'statement.col.keyValue' }), kind: 'number', digits: 2 },
    { header: msg('Key total', { id: 'statement.col.keyTotal' }), kind: 'number', digits: 2 },
    { header: msg('Net', { id: 'statement.col.net' }), kind: 'money' },
    { header: msg('VAT rate %', { id: 'statement.col.vatRatePercent' }), kind: 'number', digits: 2 },
    { header: msg('VAT', { id: 'statement.col.vat' }), kind: 'money' },
    { header: msg('Gross', { id: 'statement.col.gross' }), kind: 'money' },
  ];
}

/** The charges: one row per line, a total row per month, then VAT by rate and the range's total. */
export function chargesSheet(data: ChargeStatement): Sheet {
  const money = (t: MoneyTotals): SheetCell[] => [t.netCents, '', t.vatCents, t.grossCents];
  const total = msg('Total', { id: 'statement.total' });
  const range = `${data.from}–${data.to}`;
  const rows: SheetCell[][] = [];
  for (const unit of data.units) {
    for (const p of unit.periods) {
      for (const l of p.lines) {
        rows.push([unit.top, p.period, lineText(l), keyText(l.key), l.keyValue, l.keyTotal, l.netCents, l.vatRateBp / 100, l.vatCents, l.grossCents]);
      }
      rows.push([unit.top, p.period, total, '', '', '', ...money(p.totals)]);
    }
  }
  for (const v of data.vatByRate) rows.push(['', range, total, '', '', '', v.netCents, v.vatRateBp / 100, v.vatCents, v.grossCents]);
  rows.push(['', range, total, '', '', '', ...money(data.totals)]);
  return { name: `${viewText('charges')} ${data.from.slice(0, 4)}`, columns: columns(), rows };
}
