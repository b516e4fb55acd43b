import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Ledger, LedgerEntry } from '@hausportal/api';
import { formatDate, formatMoney, renderBalance, type Locale } from '@hausportal/core';

export const ledgerColumns = () => [
  msg('Date', { id: 'statement.col.date' }),
  msg('Document', { id: 'statement.col.docNo' }),
  msg('Text', { id: 'statement.col.text' }),
  msg('Due', { id: 'statement.col.due' }),
  msg('Debit', { id: 'statement.col.debit' }),
  msg('Credit', { id: 'statement.col.credit' }),
  msg('Balance', { id: 'statement.col.balance' }),
];

/** The class of each column's cells (placing them in the grid), in the order of {@link ledgerColumns}. */
const columnClass = ['c-date', 'c-doc', 'c-text', 'c-due', 'num c-debit', 'num c-credit', 'num c-balance'];

export function renderLedgerHead(): TemplateResult {
  return html`<div role="row" class="row columns" aria-rowindex="1">
    ${ledgerColumns().map((c, i) => html`<span role="columnheader" class=${columnClass[i]!}>${c}</span>`)}
  </div>`;
}

/** One posting; the carry-forward shows only its balance. Each cell carries its column name for narrow screens. */
export function renderLedgerRow(e: LedgerEntry, index: number, locale: Locale): TemplateResult {
  const [date, doc, text, due, debit, credit, balance] = ledgerColumns();
  const carry = e.kind === 'carry_forward';
  const cell = (label: string | undefined, content: unknown, cls = '') =>
    html`<span role="cell" class=${cls} data-label=${label ?? ''}>${content}</span>`;
  return html`<div role="row" class="row ${carry ? 'carry' : ''}" aria-rowindex=${index + 2} data-entry=${e.id}>
    ${cell(date, formatDate(e.bookedOn, locale), 'c-date')} ${cell(doc, e.docNo, 'c-doc code')} ${cell(text, e.text, 'c-text text')}
    ${cell(due, e.dueOn ? formatDate(e.dueOn, locale) : nothing, 'c-due')}
    ${cell(debit, !carry && e.amountCents > 0 ? formatMoney(e.amountCents, locale) : nothing, 'num c-debit')}
    ${cell(credit, !carry && e.amountCents < 0 ? formatMoney(-e.amountCents, locale) : nothing, 'num c-credit')}
    ${cell(balance, formatMoney(e.balanceCents, locale), 'num c-balance')}
  </div>`;
}

/** Sums of the year, then the closing balance in amount and words. */
export function renderLedgerFoot(data: Ledger, locale: Locale): TemplateResult {
  const rows = data.entries.length;
  return html`<div role="row" class="row sums" aria-rowindex=${rows + 2}>
      <span role="rowheader" class="label">${msg('Total of the year', { id: 'statement.ledger.sums' })}</span>
      <span role="cell" class="num debit-sum" data-label=${msg('Debit', { id: 'statement.col.debit' })}>${formatMoney(data.debitCents, locale)}</span>
      <span role="cell" class="num credit-sum" data-label=${msg('Credit', { id: 'statement.col.credit' })}>${formatMoney(data.creditCents, locale)}</span>
    </div>
    <div role="row" class="row closing-row" aria-rowindex=${rows + 3}>
      <span role="rowheader" class="label">${msg('Closing balance', { id: 'statement.ledger.closing' })}</span>
      <span role="cell" class="num closing">${renderBalance(data.closingBalanceCents, locale)}</span>
    </div>`;
}
