import { msg } from '@lit/localize';
import type { OpenItems } from '@hausportal/api';
import { balanceText, csvMoney, toCsv, type CsvCell, type Locale } from '@hausportal/core';
import { dunningText } from '../labels.js';
import { daysOverdue, openItemColumns } from './open-items-table.js';

/** The open items as CSV, then the open total with its word. */
export function openItemsCsv(data: OpenItems, locale: Locale): string {
  const rows: CsvCell[][] = [[msg('Top', { id: 'statement.col.top' }), msg('Account', { id: 'statement.col.account' }), ...openItemColumns()]];
  for (const item of data.items) {
    rows.push([
      item.top,
      item.accountNo,
      item.bookedOn,
      item.docNo,
      item.text,
      item.dueOn ?? '',
      daysOverdue(item),
      dunningText(item.dunningLevel),
      csvMoney(item.amountCents, locale),
      csvMoney(item.openCents, locale),
    ]);
  }
  rows.push(['', '', '', '', msg('Open balance:', { id: 'statement.openItems.total' }), '', '', balanceText(data.totalOpenCents), '', csvMoney(data.totalOpenCents, locale)]);
  return toCsv(rows, locale);
}
