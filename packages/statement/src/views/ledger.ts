import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { dataOf, type Ledger } from '@hausportal/api';
import { VIRTUAL_THRESHOLD, loadVirtualizer, loadedVirtualizer, renderEmpty, renderError, renderLoading, type Sheet } from '@hausportal/core';
import { StatementView } from '../view.js';
import { renderYearPicker } from '../pickers.js';
import { PrintController } from '../print.js';
import { ledgerSheet } from './ledger-sheet.js';
import { renderLedgerFoot, renderLedgerHead, renderLedgerRow } from './ledger-rows.js';
import { ledgerStyles } from './ledger.styles.js';

/**
 * Long years are virtualized on screen and printed in full. A view of `<hp-statement>` (see {@link StatementView}).
 *
 * @summary The account (Kontoblatt) of a unit for one year: carry-forward, every posting with debit or credit and the
 * running balance, the year's sums and the closing balance in words.
 */
export class HpStatementLedger extends StatementView {
  static override styles = [...StatementView.styles, ledgerStyles];

  /** Years with more postings than this render only the rows in view. */
  virtualizeAbove = VIRTUAL_THRESHOLD;

  private readonly print = new PrintController(this);

  /** Loads GET /ledger for the unit and the year shown. */
  readonly ledger = new Task(this, {
    task: async ([api, userId, unit, year], { signal }): Promise<Ledger | null> => {
      if (!api || !userId || !unit) return null;
      const ledger = await dataOf(api.GET('/ledger', { params: { query: { unit, year } }, signal }));
      if (ledger.entries.length > this.virtualizeAbove) await loadVirtualizer();
      return ledger;
    },
    args: () => [this.api, this.userId, this.unit, this.year] as const,
  });

  sheet(): Sheet | null {
    const data = this.ledger.value;
    return data ? ledgerSheet(data) : null;
  }

  fileName(): string {
    return msg(str`account-${this.year}`, { id: 'statement.ledger.file' });
  }

  protected override render(): TemplateResult {
    return html`<div class="pickers">
        ${renderYearPicker('ledger-year', this.years(), this.year, (y) => (this.year = y))}
      </div>
      ${this.ledger.render({
        initial: () => renderLoading(),
        pending: () => renderLoading(),
        error: (error) => renderError(error, () => void this.ledger.run()),
        complete: (data) =>
          data?.entries.length ? this.renderTable(data) : renderEmpty(msg('No postings in this year.', { id: 'statement.ledger.empty' })),
      })}`;
  }

  private renderTable(data: Ledger): TemplateResult {
    const locale = this.locale;
    const virtualize = !this.print.printing && data.entries.length > this.virtualizeAbove ? loadedVirtualizer() : undefined;
    const rows = virtualize
      ? virtualize({ items: data.entries, keyFunction: (e) => e.id, renderItem: (e, i) => renderLedgerRow(e, i, locale) })
      : data.entries.map((e, i) => renderLedgerRow(e, i, locale));
    const label = msg(str`Account ${data.accountNo}, ${data.year}`, { id: 'statement.ledger.caption' });
    return html`<p class="caption">${label}</p>
      <div class="ledger ${virtualize ? 'virtual' : ''}" role="table" aria-label=${label} aria-rowcount=${data.entries.length + 3}>
        <div role="rowgroup" class="head">${renderLedgerHead()}</div>
        <div role="rowgroup" class="body">${rows}</div>
        <div role="rowgroup" class="foot">${renderLedgerFoot(data, locale)}</div>
      </div>`;
  }
}
