import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { Task } from '@lit/task';
import { ApiError, dataOf, type UnitDetail } from '@hausportal/api';
import { ExportController, HpElement, exportStyles, formStyles, hostStyles, registerTranslations, renderEmpty, renderError, renderLoading, stateStyles } from '@hausportal/core';
import { templates } from './locales/de.js';
import { HpStatementViewEvent } from './events.js';
import { roleText } from './labels.js';
import { renderTabs } from './tabs.js';
import { UnitSelectController } from './shell-unit-select.js';
import { isStatementView, statementViews, type StatementViewName } from './view-names.js';
import type { StatementView } from './view.js';
import { ViewLoadController } from './views/load.js';
import { statementStyles } from './hp-statement.styles.js';

registerTranslations('de', templates);

/** The first active unit of mine (or the first at all) when no `unit` is given. */
async function firstUnit(api: NonNullable<HpElement['api']>, signal: AbortSignal): Promise<string | undefined> {
  const page = await dataOf(api.GET('/units', { params: { query: { limit: 200 } }, signal }));
  return (page.items.find((u) => u.active) ?? page.items[0])?.id;
}

/**
 * CSV and Excel export and print for every view. Beside `<hp-unit-list>` it follows the unit chosen there
 * (`hp-unit-select`). The view shows in a child element (`<hp-statement-charges>` …) inside this one's shadow root: its
 * parts are not reachable from outside, but the tokens set on `<hp-statement>` reach it (and the payment QR code's
 * `--hp-statement-qr-size`).
 *
 * @summary One unit's money: the monthly charges (Vorschreibung), the account (Kontoblatt), open items (Rückstände)
 * with an EPC payment QR code, and for owners the building's expense accounts with receipts.
 *
 * @fires {HpStatementViewEvent} hp-statement-view - The user switched views; `detail` is `{view}` with `charges`,
 *   `ledger`, `open-items` or `expenses`.
 *
 * @csspart base - The frame around everything.
 * @csspart tabs - The row of view tabs.
 * @csspart actions - The export and print buttons.
 * @csspart panel - The active view.
 * @csspart empty - The note that the unit was not found or I have no units, or that nobody is signed in.
 * @csspart error - The error loading the unit, with its retry button.
 * @csspart retry - The retry button.
 * @csspart loading - The loading state.
 *
 * @cssprop --hp-color-danger - Amounts due (always with the word "Rückstand").
 * @cssprop --hp-color-success - Credit (always with the word "Guthaben").
 * @cssprop --hp-color-primary - Tabs, buttons, the focus ring.
 * @cssprop --hp-color-on-primary - Text on the main colour (filled buttons).
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-text-muted - Secondary text.
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 * @cssprop --hp-font-size-l - The heading (default 1.25rem).
 * @cssprop --hp-statement-qr-size - Width and height of the payment QR code in the open items (default 12rem).
 */
export class HpStatement extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, exportStyles, statementStyles];

  /** Id of the unit (a row of GET /units); empty shows my first unit. */
  @property({ reflect: true }) unit = '';

  /** The view shown: `charges`, `ledger`, `open-items` or `expenses` (owners only). */
  @property({ reflect: true }) view: StatementViewName = 'charges';

  /** Loads GET /units/{id} of `unit` (or of my first unit). */
  readonly detail = new Task(this, {
    task: async ([api, userId, unit], { signal }): Promise<UnitDetail | null> => {
      if (!api || !userId) return null;
      const id = unit || (await firstUnit(api, signal));
      return id ? dataOf(api.GET('/units/{id}', { params: { path: { id } }, signal })) : null;
    },
    args: () => [this.api, this.authenticated ? this.session?.user?.id : undefined, this.unit] as const,
  });

  /** Follows units chosen in a unit list on the page (`hp-unit-select`). */
  protected readonly unitSelect = new UnitSelectController(this, (unitId) => {
    this.unit = unitId;
    this.scrollIntoView?.({ block: 'nearest' });
  });

  /** The views this unit offers: expense accounts only to owners. */
  views(detail: UnitDetail | null | undefined = this.detail.value): readonly StatementViewName[] {
    return detail?.contract.role === 'owner' ? statementViews : statementViews.filter((v) => v !== 'expenses');
  }

  /** The view actually shown (falls back to charges when `view` is not offered). */
  get activeView(): StatementViewName {
    return isStatementView(this.view) && this.views().includes(this.view) ? this.view : 'charges';
  }

  /** Loads each view's code when it is first shown. */
  protected readonly viewLoad = new ViewLoadController(this, () => (!this.authenticated ? undefined : this.detail.value || !isStatementView(this.view) ? this.activeView : this.view));

  /** The element of the shown view (null while its code is loading). */
  get viewElement(): StatementView | null {
    const view = this.renderRoot.querySelector<StatementView>('[data-view]');
    return view && customElements.get(view.localName) ? view : null;
  }

  /** The shown view's CSV ('' while it has nothing to export). */
  csv(): string {
    return this.viewElement?.csv() ?? '';
  }

  /** The CSV and Excel buttons, exporting the shown view. */
  readonly exports = new ExportController(this, () => {
    const view = this.viewElement;
    const sheet = view?.sheet();
    return view && sheet ? { sheet, fileName: view.fileName() } : null;
  });

  protected override render(): TemplateResult {
    const session = this.session;
    if (!session || session.state === 'unknown' || session.state === 'restoring') return this.frame(renderLoading());
    if (!this.authenticated) return this.frame(renderEmpty(msg('Please sign in to see your statement.', { id: 'statement.loggedOut' })));
    return this.frame(
      this.detail.render({
        initial: () => renderLoading(),
        pending: () => renderLoading(),
        error: (error) =>
          error instanceof ApiError && error.status === 404
            ? renderEmpty(msg('This unit was not found.', { id: 'statement.notFound' }))
            : renderError(error, () => void this.detail.run()),
        complete: (detail) => (detail ? this.renderUnit(detail) : renderEmpty(msg('You have no units yet.', { id: 'statement.noUnits' }))),
      }),
    );
  }

  private frame(content: unknown): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="title">
      <h2 id="title" class="title">${msg('Statement', { id: 'statement.title' })}</h2>
      ${content}
    </section>`;
  }

  private renderUnit(detail: UnitDetail): TemplateResult {
    const active = this.activeView;
    return html`<p class="unit" data-unit=${detail.id}>
        <strong>Top ${detail.top}</strong> · ${detail.property.name} · ${roleText(detail.contract.role)}
        · ${msg('Account', { id: 'statement.col.account' })} ${detail.contract.accountNo}
      </p>
      <div class="bar">
        <div part="tabs">${renderTabs(this.views(detail), active, (view, focus) => this.select(view, focus))}</div>
        <div part="actions" class="actions">
          ${this.exports.render()}
          <button type="button" class="secondary print" @click=${() => window.print()}>${msg('Print', { id: 'statement.print' })}</button>
        </div>
      </div>
      <div part="panel" role="tabpanel" id="panel" aria-labelledby="tab-${active}" class="panel">${this.viewLoad.render(active)}${this.renderView(active, detail)}</div>`;
  }

  private renderView(view: StatementViewName, d: UnitDetail): TemplateResult {
    switch (view) {
      case 'charges':
        return html`<hp-statement-charges data-view .unit=${d.id} .propertyId=${d.property.id} .contract=${d.contract}></hp-statement-charges>`;
      case 'ledger':
        return html`<hp-statement-ledger data-view .unit=${d.id} .propertyId=${d.property.id} .contract=${d.contract}></hp-statement-ledger>`;
      case 'open-items':
        return html`<hp-statement-open-items data-view .unit=${d.id} .propertyId=${d.property.id} .contract=${d.contract}></hp-statement-open-items>`;
      case 'expenses':
        return html`<hp-statement-expenses data-view .unit=${d.id} .propertyId=${d.property.id} .contract=${d.contract}></hp-statement-expenses>`;
    }
  }

  private async select(view: StatementViewName, focus: boolean): Promise<void> {
    if (view === this.activeView) return;
    this.view = view;
    this.dispatchEvent(new HpStatementViewEvent(view));
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus();
  }
}
