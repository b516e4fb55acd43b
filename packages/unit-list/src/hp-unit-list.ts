import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { Task } from '@lit/task';
import { ExportController, HpElement, VIRTUAL_THRESHOLD, abbrStyles, exportStyles, loadVirtualizer, loadedVirtualizer, formStyles, hostStyles, registerTranslations, renderEmpty, renderError, renderLoading, sheetCsv, stateStyles, type Sheet } from '@hausportal/core';
import { templates } from './locales/de.js';
import { columns } from './columns.js';
import { HpUnitSelectEvent } from './events.js';
import { ListViewController, type ListView } from './list-view.js';
import { loadAllUnits } from './load.js';
import type { UnitData } from './model.js';
import { entryKey, renderColumnHeaders, renderEntry } from './rows.js';
import { renderSummary, renderToolbar } from './toolbar.js';
import { unitListStyles } from './hp-unit-list.styles.js';

registerTranslations('de', templates);

let sheetModule: typeof import('./sheet.js') | undefined;

/**
 * Loads the export's columns and texts (sheet.ts) once per page, beside the units (in the same task, so the export
 * buttons, shown with the list, always have it); a failure fails the task like a failed page of GET /units.
 */
async function loadSheet(): Promise<void> {
  sheetModule ??= await import('./sheet.js');
}

/**
 * Sort by any column, filter by property and role, search by Top, EDV number or address, export CSV and Excel,
 * print. Long lists (owners with thousands of units) are virtualized (`virtualize-above`). One line per unit on wide
 * containers, two lines on medium ones, a card per unit on narrow ones, so no word is broken and nothing is cut off
 * from 320 px on; German headers abbreviate as ImmoPro does (NFL, Ant.). A property without a photo, or whose photo
 * fails to load, shows a house instead. Arrow keys move between unit rows.
 *
 * @summary All my units (Tops) in this organization, grouped by property: usage, my role, area, share, payment
 * method, since when, this month's charges (net, VAT, gross) and the balance, with the property's contacts.
 *
 * @fires {HpUnitSelectEvent} hp-unit-select - A unit's row was activated (click, Enter, Space); `detail` is
 *   `{unitId: string}`, the unit's id. `<hp-statement>` on the same page follows it.
 *
 * @csspart base - The frame around everything.
 * @csspart header - A property's header row (photo, name, address, contacts).
 * @csspart list - The table.
 * @csspart item - A unit's row.
 * @csspart empty - The note that there are no units (or none match), or that nobody is signed in.
 * @csspart error - The error with its retry button.
 * @csspart retry - The retry button.
 * @csspart loading - The loading state.
 *
 * @cssprop --hp-unit-list-photo-size - Size of the property photo (default 4.5rem).
 * @cssprop --hp-color-danger - Amounts due (always with the word "Rückstand").
 * @cssprop --hp-color-success - Credit (always with the word "Guthaben").
 * @cssprop --hp-color-primary - Main colour: buttons, links, the focus ring.
 * @cssprop --hp-color-on-primary - Text on the main colour (filled buttons).
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-surface-raised - The property header rows and the table head.
 * @cssprop --hp-color-text-muted - Secondary text: addresses, the summary, second lines.
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-font-size-l - Headings (default 1.25rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 */
export class HpUnitList extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, exportStyles, abbrStyles, unitListStyles];

  /** Lists with more units than this are virtualized (rendered as they scroll into view). */
  @property({ type: Number, attribute: 'virtualize-above' }) virtualizeAbove = VIRTUAL_THRESHOLD;

  @state() private printing = false;

  /** The CSV and Excel buttons, exporting the rows as shown. */
  readonly exports = new ExportController(this, () => {
    const sheet = this.sheet();
    return sheet && sheetModule ? { sheet, fileName: sheetModule.exportFileName() } : null;
  });

  /** Sort and filter choices and the list derived from them. */
  readonly view = new ListViewController(this);

  /** Loads every page of GET /units whenever the client or the signed-in user changes. */
  readonly units = new Task(this, {
    task: async ([api, userId], { signal }): Promise<UnitData | null> => {
      if (!api || !userId) return null;
      const [data] = await Promise.all([loadAllUnits(api, signal), loadSheet()]);
      if (data.items.length > this.virtualizeAbove) await loadVirtualizer();
      return data;
    },
    args: () => [this.api, this.authenticated ? this.session?.user?.id : undefined, this.session?.org] as const,
  });

  private readonly beforePrint = () => (this.printing = true);
  private readonly afterPrint = () => (this.printing = false);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
  }

  /** The rows as currently filtered and sorted, in the current language (null before they are loaded). */
  sheet(): Sheet | null {
    const data = this.units.value;
    return data && sheetModule ? sheetModule.unitsSheet(this.view.view(data, this.locale).units, data.properties) : null;
  }

  /** {@link sheet} as CSV ('' before the units are loaded). */
  csv(): string {
    const sheet = this.sheet();
    return sheet ? sheetCsv(sheet, this.locale) : '';
  }

  protected override render(): TemplateResult {
    const session = this.session;
    if (!session || session.state === 'unknown' || session.state === 'restoring') return this.frame(renderLoading());
    if (!this.authenticated) return this.frame(renderEmpty(msg('Please sign in to see your units.', { id: 'units.loggedOut' })));
    return this.frame(
      this.units.render({
        initial: () => renderLoading(),
        pending: () => renderLoading(),
        error: (error) => renderError(error, () => void this.units.run()),
        complete: (data) => (data?.items.length ? this.renderList(data) : renderEmpty(msg('No units', { id: 'units.empty' }))),
      }),
    );
  }

  private frame(content: unknown): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="title">
      <h2 id="title" class="title">${msg('My units', { id: 'units.title' })}</h2>
      ${content}
    </section>`;
  }

  private renderList(data: UnitData): TemplateResult {
    const locale = this.locale;
    const view = this.view.view(data, locale);
    return html`${renderToolbar(this.view.filter, data.properties, {
        filter: (change) => this.view.setFilter(change),
        exports: this.exports.render(),
        print: () => window.print(),
      })}
      ${renderSummary(view.totals, data.items.length, locale)}
      ${view.entries.length
        ? this.renderTable(view)
        : renderEmpty(msg('No units match your search.', { id: 'units.noMatch' }))}`;
  }

  private renderTable(view: ListView): TemplateResult {
    const locale = this.locale;
    const virtualize = !this.printing && view.units.length > this.virtualizeAbove ? loadedVirtualizer() : undefined;
    const body = virtualize
      ? virtualize({ items: view.entries, keyFunction: entryKey, renderItem: (entry, index) => renderEntry(entry, index, locale) })
      : view.entries.map((entry, index) => renderEntry(entry, index, locale));
    return html`<div
      part="list"
      class="table ${virtualize ? 'virtual' : ''}"
      role="table"
      aria-label=${msg('My units', { id: 'units.title' })}
      aria-rowcount=${view.entries.length + 1}
      aria-colcount=${columns.length}
    >
      <div role="rowgroup" class="head">${renderColumnHeaders(this.view.sort, (key) => this.view.toggleSort(key))}</div>
      <div role="rowgroup" class="body" @click=${this.onActivate} @keydown=${this.onKey}>${body}</div>
    </div>`;
  }

  private readonly onActivate = (event: Event) => {
    if ((event.target as Element).closest('a, button')) return;
    const row = (event.target as Element).closest<HTMLElement>('[data-unit]');
    if (row?.dataset.unit) this.dispatchEvent(new HpUnitSelectEvent(row.dataset.unit));
  };

  private readonly onKey = (event: KeyboardEvent) => {
    const row = event.target as HTMLElement;
    if (!row.dataset?.unit) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.dispatchEvent(new HpUnitSelectEvent(row.dataset.unit));
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.moveFocus(row, event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  /** Arrow keys move between unit rows (skipping property headers). */
  private moveFocus(row: HTMLElement, step: 1 | -1): void {
    const rows = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-unit]')].sort(
      (a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')),
    );
    rows[rows.indexOf(row) + step]?.focus();
  }
}

