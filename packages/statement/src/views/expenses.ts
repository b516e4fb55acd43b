import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { ApiError, dataOf, type ExpenseAccountList, type ExpenseEntry, type ExpenseEntryPage } from '@hausportal/api';
import { downloadBlob, problemMessage, registerTranslations, renderEmpty, renderError, renderLoading, type Sheet } from '@hausportal/core';
import { paymentTemplates } from '../locales/de-payments.js';
import { StatementView } from '../view.js';
import { renderYearPicker } from '../pickers.js';
import { accountsSheet, entriesSheet } from './expenses-sheet.js';
import { renderAccounts, renderEntries } from './expenses-table.js';

registerTranslations('de', paymentTemplates);

const PAGE = 100;
const notFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * A receipt that cannot be downloaded leaves a note above the accounts. A view of `<hp-statement>` (see
 * {@link StatementView}); it needs `property-id`.
 *
 * @summary Owners' view of the building's expense accounts (Belegeinsicht): accounts grouped into operating costs
 * (5xxxxx) and repair reserve (7xxxxx) with the year's totals; an account's postings page by page, each receipt
 * downloadable.
 */
export class HpStatementExpenses extends StatementView {
  /** The id of the expense account whose postings are open; empty for none. */
  @state() account = '';
  @state() private more: ExpenseEntry[] = [];
  @state() private cursor: string | null = null;
  @state() private loadingMore = false;
  @state() private notice = '';

  /** Loads GET /expense-accounts of the property for the year shown (null when the property has none for me). */
  readonly accounts = new Task(this, {
    task: async ([api, userId, property, year], { signal }): Promise<ExpenseAccountList | null> => {
      if (!api || !userId || !property) return null;
      try {
        return await dataOf(api.GET('/expense-accounts', { params: { query: { property, year } }, signal }));
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    args: () => [this.api, this.userId, this.propertyId, this.year] as const,
  });

  /** Loads the first page of the open account's postings. */
  readonly entries = new Task(this, {
    task: async ([api, userId, account, year], { signal }): Promise<ExpenseEntryPage | null> => {
      if (!api || !userId || !account) return null;
      const page = await dataOf(api.GET('/expense-accounts/{id}/entries', { params: { path: { id: account }, query: { year, limit: PAGE } }, signal }));
      this.more = [];
      this.cursor = page.nextCursor;
      return page;
    },
    args: () => [this.api, this.userId, this.account, this.year] as const,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('propertyId') && changed.get('propertyId') !== undefined) this.account = '';
    if (changed.has('account') || changed.has('pickedYear')) this.notice = '';
  }

  /** This year and the two before it, in the organization's calendar. */
  override years(): number[] {
    return [0, 1, 2].map((i) => this.today.year - i);
  }

  /** Every posting loaded so far for the chosen account. */
  get shownEntries(): ExpenseEntry[] {
    return [...(this.entries.value?.items ?? []), ...this.more];
  }

  sheet(): Sheet | null {
    const list = this.accounts.value;
    if (this.account && this.entries.value) return entriesSheet(this.entries.value.account, this.shownEntries);
    return list ? accountsSheet(list.accounts, this.year) : null;
  }

  fileName(): string {
    return msg(str`expense-accounts-${this.year}`, { id: 'statement.expenses.file' });
  }

  /** Appends the next page of the chosen account; a page that arrives after the account or year changed is dropped. */
  async loadMore(): Promise<void> {
    if (!this.api || !this.cursor || this.loadingMore) return;
    const { account, year } = this;
    const current = () => account === this.account && year === this.year;
    this.loadingMore = true;
    try {
      const query = { year, limit: PAGE, cursor: this.cursor };
      const page = await dataOf(this.api.GET('/expense-accounts/{id}/entries', { params: { path: { id: account }, query } }));
      if (!current()) return;
      this.more = [...this.more, ...page.items];
      this.cursor = page.nextCursor;
    } catch (error) {
      if (current()) this.notice = problemMessage(error, this.locale);
    } finally {
      this.loadingMore = false;
    }
  }

  /** Downloads the receipt of a posting; when that fails, a note says why. */
  async downloadReceipt(entry: ExpenseEntry): Promise<void> {
    if (!this.api || !entry.receipt) return;
    this.notice = '';
    try {
      const blob = await dataOf(this.api.GET('/receipts/{id}', { params: { path: { id: entry.receipt.id } }, parseAs: 'blob' }));
      downloadBlob(entry.receipt.name, blob);
    } catch (error) {
      this.notice = msg(str`The receipt could not be downloaded: ${problemMessage(error, this.locale)}`, { id: 'statement.expenses.receiptFailed' });
    }
  }

  protected override render(): TemplateResult {
    return html`<div class="pickers">
        ${renderYearPicker('expenses-year', this.years(), this.year, (y) => (this.year = y))}
      </div>
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
      ${this.accounts.render({
        initial: () => renderLoading(),
        pending: () => renderLoading(),
        error: (error) => renderError(error, () => void this.accounts.run()),
        complete: (list) =>
          list?.accounts.length
            ? html`${renderAccounts(list.accounts, this.account, this.locale, (id) => (this.account = id === this.account ? '' : id))}
              ${this.account ? this.renderEntries() : nothing}`
            : renderEmpty(msg('There are no expense accounts for this year. They are shown to owners only.', { id: 'statement.expenses.empty' })),
      })}`;
  }

  private renderEntries(): TemplateResult {
    return this.entries.render({
      initial: () => renderLoading(),
      pending: () => renderLoading(),
      error: (error) => renderError(error, () => void this.entries.run()),
      complete: (page) =>
        page
          ? renderEntries(page.account, this.shownEntries, this.locale, {
              download: (entry) => void this.downloadReceipt(entry),
              more: this.cursor ? () => void this.loadMore() : undefined,
              loadingMore: this.loadingMore,
            })
          : html``,
    });
  }
}
