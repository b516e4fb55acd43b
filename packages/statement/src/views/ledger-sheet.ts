import { msg } from '@lit/localize';
import type { Ledger } from '@hausportal/api';
import { balanceText, csvMoney, toCsv, type CsvCell, type Locale } from '@hausportal/core';
import { kindText } from '../labels.js';
import { ledgerColumns } from './ledger-rows.js';

/** The account as CSV: every posting with kind, debit, credit and running balance, then the year's sums. */
export function ledgerCsv(data: Ledger, locale: Locale): string {
  const [date, doc, text, due, debit, credit, balance] = ledgerColumns();
  const rows: CsvCell[][] = [[date, doc, msg('Kind', { id: 'statement.col.kind' }), text, due, debit, credit, balance]];
  for (const e of data.entries) {
    const carry = e.kind === 'carry_forward';
    rows.push([
      e.bookedOn,
      e.docNo,
      kindText(e.kind),
      e.text,
      e.dueOn ?? '',
      !carry && e.amountCents > 0 ? csvMoney(e.amountCents, locale) : '',
      !carry && e.amountCents < 0 ? csvMoney(-e.amountCents, locale) : '',
      csvMoney(e.balanceCents, locale),
    ]);
  }
  rows.push(['', '', '', msg('Total of the year', { id: 'statement.ledger.sums' }), '', csvMoney(data.debitCents, locale), csvMoney(data.creditCents, locale), '']);
  rows.push(['', '', '', msg('Closing balance', { id: 'statement.ledger.closing' }), '', '', '', csvMoney(data.closingBalanceCents, locale)]);
  rows.push(['', '', '', balanceText(data.closingBalanceCents), '', '', '', '']);
  return toCsv(rows, locale);
}
