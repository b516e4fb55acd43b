import { msg } from '@lit/localize';
import type { Ledger } from '@hausportal/api';
import { balanceText, type Sheet, type SheetCell } from '@hausportal/core';
import { kindText, viewText } from '../labels.js';
import { ledgerColumns } from './ledger-rows.js';

/** The account: every posting with kind, debit, credit and running balance, then the year's sums. */
export function ledgerSheet(data: Ledger): Sheet {
  const [date, doc, text, due, debit, credit, balance] = ledgerColumns();
  const rows: SheetCell[][] = data.entries.map((e) => {
    const carry = e.kind === 'carry_forward';
    return [e.bookedOn, e.docNo, kindText(e.kind), e.text, e.dueOn, !carry && e.amountCents > 0 ? e.amountCents : '', !carry && e.amountCents < 0 ? -e.amountCents : '', e.balanceCents];
  });
  rows.push(['', '', '', msg('Total of the year', { id: 'statement.ledger.sums' }), '', data.debitCents, data.creditCents, '']);
  rows.push(['', '', '', msg('Closing balance', { id: 'statement.ledger.closing' }), '', '', '', data.closingBalanceCents]);
  rows.push(['', '', '', balanceText(data.closingBalanceCents), '', '', '', '']);
  return {
    name: `${viewText('ledger')} ${data.year}`,
    columns: [
      { header: date!, kind: 'date' },
      { header: doc! },
      { header: msg('Kind', { id: 'statement.col.kind' }) },
      { header: text! },
      { header: due!, kind: 'date' },
      { header: debit!, kind: 'money' },
      { header: credit!, kind: 'money' },
      { header: balance!, kind: 'money' },
    ],
    rows,
  };
}
