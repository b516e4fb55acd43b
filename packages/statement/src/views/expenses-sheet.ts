import { msg, str } from '@lit/localize';
import type { ExpenseAccount, ExpenseEntry } from '@hausportal/api';
import { csvMoney, toCsv, type CsvCell, type Locale } from '@hausportal/core';
import { groupText } from '../labels.js';
import { accountGroups } from './expenses-table.js';

export function accountsCsv(accounts: ExpenseAccount[], locale: Locale): string {
  const rows: CsvCell[][] = [[
    msg('Group', { id: 'statement.col.group' }),
    msg('Account', { id: 'statement.col.account' }),
    msg('Name', { id: 'statement.col.name' }),
    msg('Year', { id: 'statement.year' }),
    msg('Postings', { id: 'statement.col.postings' }),
    msg('Total', { id: 'statement.total' }),
  ]];
  for (const { group, accounts: mine, totalCents } of accountGroups(accounts)) {
    const name = groupText(group);
    for (const a of mine) rows.push([name, a.accountNo, a.name, a.year, a.entryCount, csvMoney(a.totalCents, locale)]);
    const count = mine.reduce((sum, a) => sum + a.entryCount, 0);
    rows.push([name, '', msg(str`Total ${name}`, { id: 'statement.expenses.groupTotal' }), mine[0]!.year, count, csvMoney(totalCents, locale)]);
  }
  return toCsv(rows, locale);
}

export function entriesCsv(account: ExpenseAccount, entries: ExpenseEntry[], locale: Locale): string {
  const rows: CsvCell[][] = [[
    msg('Account', { id: 'statement.col.account' }),
    msg('Date', { id: 'statement.col.date' }),
    msg('Document', { id: 'statement.col.docNo' }),
    msg('Text', { id: 'statement.col.text' }),
    msg('Vendor', { id: 'statement.col.vendor' }),
    msg('Amount', { id: 'statement.col.amount' }),
    msg('Receipt', { id: 'statement.col.receipt' }),
  ]];
  for (const e of entries) rows.push([account.accountNo, e.bookedOn, e.docNo, e.text, e.vendor ?? '', csvMoney(e.amountCents, locale), e.receipt?.name ?? '']);
  rows.push([account.accountNo, '', '', msg('Total', { id: 'statement.total' }), '', csvMoney(entries.reduce((s, e) => s + e.amountCents, 0), locale), '']);
  return toCsv(rows, locale);
}
