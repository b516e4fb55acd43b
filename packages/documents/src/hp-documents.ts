import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { HpElement, PrintController, VIRTUAL_THRESHOLD, formStyles, frameStyles, hostStyles, loadedVirtualizer, registerTranslations, renderEmpty, renderError, renderLoading, stateStyles } from '@hausportal/core';
import { templates } from './locales/de.js';
import { isFiltered } from './model.js';
import { renderRow, rowKey } from './rows.js';
import { DocumentStore, type Library } from './store.js';
import { noMatchText, renderSelection, renderSummary, renderToolbar } from './toolbar.js';
import { ViewController, type DocumentView } from './view.js';
import { documentsStyles } from './hp-documents.styles.js';

registerTranslations('de', templates);

/**
 * New (unread) documents carry a "neu" badge, and every heading counts its documents and the new ones in words;
 * "Alle als gelesen markieren" marks everything read; with a filter, counts and the button are those of the documents
 * shown. Filter by category, year (the period's year when the period is a year, else the document date's) and "only
 * new", search titles and category names (case, accents and umlauts ignored), sort by date (the groups too: the one
 * with the newest document first). Download one document, or tick several and download them as one ZIP; a download
 * counts as read. A document whose release was revoked meanwhile (404) leaves the list with a plain note. Long lists
 * (thousands of documents) are loaded page by page behind the first one and virtualized (`virtualize-above`);
 * printing shows every row.
 *
 * @summary The documents released to me (BK-Abrechnung, contracts, minutes, house rules …), grouped by property and
 * unit ("Persönlich" for those released to me in person), then by category with subcategories under their parent.
 *
 * @fires {HpDocumentsUnreadEvent} hp-documents-unread - The number of my unread documents became known or changed;
 *   `detail` is `{count: number}` (0 after signing out). For a badge in a portal header.
 *
 * @csspart base - The frame around everything.
 * @csspart toolbar - Search, filters and sort.
 * @csspart list - The list of headings and documents.
 * @csspart header - A heading row: a property or unit (or "Persönlich"), or a category.
 * @csspart item - A document's row.
 * @csspart empty - The note that there are no documents (or none for this filter), or that nobody is signed in.
 * @csspart error - The error with its retry button.
 * @csspart retry - The retry button.
 * @csspart loading - The loading state.
 *
 * @cssprop --hp-documents-new-color - Colour of the "neu" badge (default: the main colour).
 * @cssprop --hp-color-primary - Buttons, links, the focus ring, the "neu" badge.
 * @cssprop --hp-color-on-primary - Text on the main colour (filled buttons).
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-font-size-l - Headings (default 1.25rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 * @cssprop --hp-color-surface-raised - The property and unit heading rows.
 * @cssprop --hp-color-text-muted - Counts, addresses, dates and hints.
 * @cssprop --hp-space-xl - Indent of a sub-subcategory's heading (default 2rem).
 */
export class HpDocuments extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, frameStyles, documentsStyles];

  /** Lists with more documents than this are virtualized (rendered as they scroll into view). */
  @property({ type: Number, attribute: 'virtualize-above' }) virtualizeAbove = VIRTUAL_THRESHOLD;

  /** My documents, their read state and the actions on them. */
  readonly store = new DocumentStore(this);
  /** Filter, sort and the ticked documents. */
  readonly view = new ViewController(this);
  /** The page is being printed: every row is rendered. */
  private readonly printer = new PrintController(this);

  protected override render(): TemplateResult {
    const session = this.session;
    if (!session || session.state === 'unknown' || session.state === 'restoring') return this.frame(renderLoading());
    if (!this.authenticated) return this.frame(renderEmpty(msg('Please sign in to see your documents.', { id: 'docs.loggedOut' })));
    const { library, error } = this.store;
    return this.frame(error ? renderError(error, () => void this.store.load()) : library ? this.renderLibrary(library) : renderLoading());
  }

  private frame(content: unknown): TemplateResult {
    // The language on the frame: hyphenation of long German words needs it.
    return html`<section part="base" class="base" aria-labelledby="title" lang=${this.locale}>
      <h2 id="title" class="title">${msg('Documents', { id: 'docs.title' })}</h2>
      ${content}
    </section>`;
  }

  private renderLibrary(library: Library): TemplateResult {
    const { items, unread = 0, busy, notice } = this.store;
    if (!items.length) {
      return renderEmpty(
        library.noUnits
          ? msg('You have no units or contracts with us yet, so there are no documents for you.', { id: 'docs.noUnits' })
          : msg('No documents have been released to you yet.', { id: 'docs.empty' }),
      );
    }
    const locale = this.locale;
    const filter = this.view.filter;
    const view = this.view.view(items, library.categories, locale);
    const picked = this.view.selected;
    // Ticked ids of documents still in the list (another person's ticks after a change of user count for nothing).
    const chosen = picked.size ? items.filter((d) => picked.has(d.id)).map((d) => d.id) : [];
    const shownPicked = picked.size ? view.docs.reduce((n, d) => n + Number(picked.has(d.id)), 0) : 0;
    // With a filter, counts and "mark as read" are those of the documents shown; without, the server's total.
    const filtered = isFiltered(filter);
    // One request for a whole category (or everything) when only a category (and "only new") narrows the list.
    const whole = filter.year || filter.search.trim() ? undefined : filter.category;
    return html`${renderToolbar(filter, view, locale, (change) => this.view.setFilter(change))}
      ${renderSummary(view.docs.length, items.length, filtered ? view.unread.length : unread, filtered, busy, locale, () =>
        this.act(() => this.store.markRead(view.unread, whole)),
      )}
      ${notice ? html`<p class="notice" role="alert">${notice}</p>` : nothing}
      ${renderSelection(chosen.length, view.docs.length, shownPicked, busy, locale, {
        all: (on) => this.view.select(view.docs.map((d) => d.id), on),
        zip: () => this.act(() => this.store.downloadZip(chosen)),
      })}
      ${view.rows.length ? this.renderList(view) : this.renderNoMatch(view)}
      ${this.store.loadingMore ? renderLoading(msg('Loading more documents …', { id: 'docs.loadingMore' })) : nothing}
      ${this.store.moreError ? renderError(this.store.moreError, () => void this.store.loadRest()) : nothing}`;
  }

  private renderList(view: DocumentView): TemplateResult {
    const locale = this.locale;
    const picked = this.view.selected;
    const size = view.rows.length;
    const virtualize = !this.printer.printing && view.docs.length > this.virtualizeAbove ? loadedVirtualizer() : undefined;
    const body = virtualize
      ? virtualize({ items: view.rows, keyFunction: rowKey, renderItem: (row, i) => renderRow(row, i, size, picked, locale) })
      : view.rows.map((row, i) => renderRow(row, i, size, picked, locale));
    return html`<div part="list" class="list ${virtualize ? 'virtual' : ''}" role="list" aria-labelledby="title" @change=${this.onPick} @click=${this.onDownload}>
      ${body}
    </div>`;
  }

  private renderNoMatch(view: DocumentView): TemplateResult {
    return html`<div part="empty" class="hp-state hp-empty" role="status">
      <span>${noMatchText(this.view.filter, view.tree, this.locale)}</span>
      <button type="button" class="secondary" @click=${this.reset}>${msg('Reset filters', { id: 'docs.reset' })}</button>
    </div>`;
  }

  private readonly reset = async () => {
    this.view.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
  };

  private readonly onPick = (event: Event) => {
    const id = (event.target as HTMLElement).dataset.pick;
    if (id) this.view.select([id], (event.target as HTMLInputElement).checked);
  };

  private readonly onDownload = (event: Event) => {
    const id = (event.target as Element).closest<HTMLElement>('[data-download]')?.dataset.download;
    const doc = id && this.store.items.find((d) => d.id === id);
    if (doc) void this.act(() => this.store.download(doc));
  };

  /**
   * Runs an action; when the focused control went away meanwhile (its row filtered out, or now showing another
   * document), focus goes to the summary.
   */
  private async act(action: () => Promise<void>): Promise<void> {
    const focused = this.shadowRoot?.activeElement;
    const doc = () => focused?.closest<HTMLElement>('[data-document]')?.dataset.document;
    const before = doc();
    await action();
    await this.updateComplete;
    if (focused && (!focused.isConnected || doc() !== before)) this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
  }
}
