import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { Task } from '@lit/task';
import { dataOf, type OpenItems } from '@hausportal/api';
import { renderBalance, renderEmpty, renderError, renderLoading, type Sheet } from '@hausportal/core';
import { StatementView } from '../view.js';
import { openItemsSheet } from './open-items-sheet.js';
import { renderOpenItemsTable, renderPayment } from './open-items-table.js';
import { openItemsStyles } from './open-items.styles.js';

/**
 * The QR code is an `<hp-statement-qr>` (size `--hp-statement-qr-size`). A view of `<hp-statement>` (see
 * {@link StatementView}).
 *
 * @summary Open items (Rückstände) of a unit: unpaid charges and fees with due date, days overdue and dunning level,
 * the open total in words, and an EPC QR code ("GiroCode") with the same data as text to pay it by transfer.
 *
 * @cssprop --hp-font-size-l - The open total (default 1.25rem).
 */
export class HpStatementOpenItems extends StatementView {
  static override styles = [...StatementView.styles, openItemsStyles];

  /** Loads GET /open-items of the unit. */
  readonly openItems = new Task(this, {
    task: async ([api, userId, unit], { signal }): Promise<OpenItems | null> => {
      if (!api || !userId || !unit) return null;
      return dataOf(api.GET('/open-items', { params: { query: { unit } }, signal }));
    },
    args: () => [this.api, this.userId, this.unit] as const,
  });

  sheet(): Sheet | null {
    const data = this.openItems.value;
    return data ? openItemsSheet(data, this.calendar.today) : null;
  }

  fileName(): string {
    return msg('open-items', { id: 'statement.openItems.file' });
  }

  protected override render(): TemplateResult {
    return html`${this.openItems.render({
      initial: () => renderLoading(),
      pending: () => renderLoading(),
      error: (error) => renderError(error, () => void this.openItems.run()),
      complete: (data) => (data ? this.renderItems(data) : renderLoading()),
    })}`;
  }

  private renderItems(data: OpenItems): TemplateResult {
    const locale = this.locale;
    const total = html`<p class="open-total" data-total>
      ${msg('Open balance:', { id: 'statement.openItems.total' })} ${renderBalance(data.totalOpenCents, locale)}
    </p>`;
    if (!data.items.length) {
      return html`${total}${renderEmpty(msg('Everything is paid. Thank you!', { id: 'statement.openItems.empty' }))}`;
    }
    return html`${total}${renderOpenItemsTable(data.items, locale, this.calendar.today)}
      ${data.payments.map((p) => renderPayment(p, locale))}`;
  }
}
