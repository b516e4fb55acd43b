import { msg, str } from '@lit/localize';
import type { ExpenseAccount, ExpenseEntry } from '@hausportal/api';
import type { Sheet, SheetCell } from '@hausportal/core';
import { groupText, viewText } from '../labels.js';
import { accountGroups } from './expenses-table.js';

const accountHeader = () => ({ header: msg('Account', { id: 'statement.col.account' }) });
const total = () => msg('Total', { id: 'statement.total' });

/** The year's accounts by group, each group with its total. */
export function accountsSheet(accounts: ExpenseAccount[], year: number): Sheet {
  const rows: SheetCell[][] = [];
  for (const { group, accounts: mine, totalCents } of accountGroups(accounts)) {
    const name = groupText(group);
    for (const a of mine) rows.push([name, a.accountNo, a.name, a.year, a.entryCount, a.totalCents]);
    const count = mine.reduce((sum, a) => sum + a.entryCount, 0);
    rows.push([name, '', msg(str`Total ${name}`, { id: 'statement.expenses.groupTotal' }), mine[0]!.year, count, totalCents]);
  }
  return {
    name: `${viewText('expenses')} ${year}`,
    columns: [
      { header: msg('Group', { id: 'statement.col.group' }) },
      accountHeader(),
      { header: msg('Name', { id: 'statement.col.name' }) },
      { header: msg('Year', { id: 'statement.year' }), kind: 'number' },
      { header: msg('Postings', { id: 'statement.col.postings' }), kind: 'number' },
      { header: total(), kind: 'money' },
    ],
    rows,
  };
}

/** One account's postings loaded so far, with their total. */
export function entriesSheet(account: ExpenseAccount, entries: ExpenseEntry[]): Sheet {
  const rows: SheetCell[][] = entries.map((e) => [account.accountNo, e.bookedOn, e.docNo, e.text, e.vendor, e.amountCents, e.receipt?.name]);
  rows.push([account.accountNo, '', '', total(), '', entries.reduce((s, e) => s + e.amountCents, 0), '']);
  return {
    name: `${account.accountNo} ${account.year}`,
    columns: [
      accountHeader(),
      { header: msg('Date', { id: 'statement.col.date' }), kind: 'date' },
      { header: msg('Document', { id: 'statement.col.docNo' }) },
      { header: msg('Text', { id: 'statement.col.text' }) },
      { header: msg('Vendor', { id: 'statement.col.vendor' }) },
      { header: msg('Amount', { id: 'statement.col.amount' }), kind: 'money' },
      { header: msg('Receipt', { id: 'statement.col.receipt' }) },
    ],
    rows,
  };
}
