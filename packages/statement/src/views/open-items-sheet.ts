import { msg } from '@lit/localize';
import type { OpenItems } from '@hausportal/api';
import { balanceText, type Sheet, type SheetCell } from '@hausportal/core';
import { dunningText, viewText } from '../labels.js';
import { daysOverdue, openItemColumns } from './open-items-table.js';

/** The open items with days overdue on `today` (the organization's day), then the open total with its word. */
export function openItemsSheet(data: OpenItems, today: string): Sheet {
  const [booked, doc, text, due, overdue, dunning, amount, open] = openItemColumns();
  const rows: SheetCell[][] = data.items.map((item) => [
    item.top,
    item.accountNo,
    item.bookedOn,
    item.docNo,
    item.text,
    item.dueOn,
    daysOverdue(item, today),
    dunningText(item.dunningLevel),
    item.amountCents,
    item.openCents,
  ]);
  rows.push(['', '', '', '', msg('Open balance:', { id: 'statement.openItems.total' }), '', '', balanceText(data.totalOpenCents), '', data.totalOpenCents]);
  return {
    name: viewText('open-items'),
    columns: [
      { header: msg('Top', { id: 'statement.col.top' }) },
      { header: msg('Account', { id: 'statement.col.account' }) },
      { header: booked!, kind: 'date' },
      { header: doc! },
      { header: text! },
      { header: due!, kind: 'date' },
      { header: overdue!, kind: 'number' },
      { header: dunning! },
      { header: amount!, kind: 'money' },
      { header: open!, kind: 'money' },
    ],
    rows,
  };
}
