import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { dataOf } from '@hausportal/api';
import { BlobUrlController, HpElement, importOnce, OrgDayController, serverNow, formStyles, frameStyles, hostStyles, registerTranslations, renderEmpty, renderError, renderLoading, stateStyles } from '@hausportal/core';
import type { ActionsController, FileHost } from './detail-part.js';
import { TicketDetailStore } from './detail-store.js';
import { emptyText, renderRow, renderTabs } from './list.js';
import { TicketListStore, type TicketTab } from './list-store.js';
import { templates } from './locales/de.js';
import { ticketListStyles } from './hp-ticket-list.styles.js';

registerTranslations('de', templates);

type DetailPart = typeof import('./detail-part.js');

/** Loads the detail's rendering once (its own chunk in bundles); a failed load is forgotten, so a retry loads again. */
const loadDetailPart = importOnce(() => import('./detail-part.js'));

/**
 * A ticket opens in place: the submitted fields, attachments with previews, the public thread oldest first
 * (comments, status changes with their public reason, released documents), a composer while I may write, and the
 * steps the rules allow (withdraw, confirm done, "nicht erledigt" with a comment, a 1–5 star rating after closed).
 * Opening a ticket marks it read. Files and documents download through the session's client.
 *
 * @summary My requests (Anliegen) in the tabs Offen / Erledigt / Archiv: number, subject, category, place, the status
 * my role may see as icon and text, the last change and an unread dot; "auch betroffen" on tickets I joined.
 *
 * @fires {HpTicketsUnreadEvent} hp-tickets-unread - The number of my tickets with something unread became known or
 *   changed; `detail` is `{count: number}` (0 after signing out). For a badge in a portal header.
 *
 * @csspart base - The frame around everything.
 * @csspart tabs - The tabs Offen / Erledigt / Archiv.
 * @csspart list - The list of tickets.
 * @csspart item - A ticket's row.
 * @csspart more - The button that loads more tickets.
 * @csspart back - The button back to the list.
 * @csspart header - The head of the detail: subject, status, number, category, place.
 * @csspart fields - The submitted fields.
 * @csspart thread - The public thread.
 * @csspart form - The composer.
 * @csspart submit - The composer's send button.
 * @csspart actions - The steps under their own heading, apart from the composer: withdraw, confirm done, not done.
 * @csspart empty - The note that a tab has no tickets, or that nobody is signed in.
 * @csspart error - The error with its retry button.
 * @csspart retry - The retry button.
 * @csspart loading - The loading state.
 *
 * @cssprop --hp-ticket-list-unread-color - The unread dot (default: the main colour).
 * @cssprop --hp-color-primary - Buttons, links, the focus ring, the selected tab.
 * @cssprop --hp-color-on-primary - Text on the main colour (filled buttons).
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-font-size-l - Headings (default 1.25rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 * @cssprop --hp-color-surface-raised - The entries of the thread.
 * @cssprop --hp-color-text-muted - Dates, labels and tags, and the status "rejected".
 * @cssprop --hp-color-info - The status of a new ticket or one in progress.
 * @cssprop --hp-color-warning - The status "waiting" and the chosen rating stars.
 * @cssprop --hp-color-success - Status done or closed, and success notes.
 * @cssprop --hp-color-danger - Failed sends and the withdraw button.
 * @cssprop --hp-frame-visible-top - Set by the portal's iframe page (iframe mode): where the part of the frame that the
 *   host page's window shows begins; the withdraw confirmation centres in that part (default 0px).
 * @cssprop --hp-frame-visible-end - Set by the iframe page: from that part's bottom to the frame's bottom (default 0px).
 */
export class HpTicketList extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, frameStyles, ticketListStyles];

  /** The id of the ticket shown in detail; empty for the list. Set it to open a ticket directly. */
  @property() ticket = '';

  /** My tickets of the chosen tab and the unread count. */
  readonly list = new TicketListStore(this);
  /** The ticket shown, its read mark and its actions. */
  readonly detail = new TicketDetailStore(this, this.list);
  /**
   * Previews of the open ticket's images (`GET /tickets/{id}/files/{fileId}?size=thumb`), until another ticket opens;
   * one that fails shows the file's icon.
   */
  private readonly thumbs = new BlobUrlController(this);
  /** The detail's rendering, loaded with the first ticket opened; until then the loading state (or its error). */
  private opened?: { code: DetailPart; actions: ActionsController } | { error: unknown };
  private loadingCode = false;
  /** Loads the tab anew (e.g. after `hp-ticket-created` on the same page). */
  reload(): Promise<void> {
    return (this.list.loaded = this.list.load());
  }

  /** Renders again at the organization's midnight, so "heute" turns into "gestern". */
  protected readonly calendar = new OrgDayController(this);
  /** What gets the focus after the next render: the detail's title, or the row of a ticket. */
  private focusNext?: { title: true } | { row: string };

  protected override render(): TemplateResult {
    const session = this.session;
    if (!session || session.state === 'unknown' || session.state === 'restoring') return this.frame(renderLoading());
    if (!this.authenticated) return this.frame(renderEmpty(msg('Please sign in to see your requests.', { id: 'tl.loggedOut' })));
    return this.frame(this.ticket ? this.renderDetail() : this.renderList());
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const next = this.focusNext;
    const target = next && this.renderRoot.querySelector<HTMLElement>('title' in next ? '#detail-title' : `[data-open="${next.row}"]`);
    if (target) {
      target.focus();
      this.focusNext = undefined;
    }
  }

  private frame(content: unknown): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="title" lang=${this.locale}><h2 id="title" class="title">${msg('My requests', { id: 'tl.title' })}</h2>${content}</section>`;
  }

  private renderList(): TemplateResult {
    const { tab, items, error } = this.list;
    return html`${renderTabs(tab, this.choose)}<div role="tabpanel" id="panel" class="panel" aria-labelledby="tab-${tab}">
      ${error ? renderError(error, () => void this.list.load()) : !items ? renderLoading() : items.length ? this.renderItems() : renderEmpty(emptyText(tab))}</div>`;
  }

  private renderItems(): TemplateResult {
    const { items = [], cursor, loadingMore, moreError } = this.list;
    const org = this.session?.organization;
    const clock = { now: org?.now ? serverNow(org) : Date.now(), timeZone: org?.timeZone };
    return html`<ul part="list" class="list" aria-labelledby="tab-${this.list.tab}" @click=${this.onOpen}>${items.map((t) => renderRow(t, this.locale, clock))}</ul>
      ${moreError ? renderError(moreError, () => void this.list.more()) : nothing}
      ${loadingMore ? renderLoading(msg('Loading more requests …', { id: 'tl.loadingMore' })) : nothing}
      ${cursor && !loadingMore && !moreError
        ? html`<button type="button" class="secondary more" part="more" @click=${() => this.list.more()}>${msg('Load more', { id: 'tl.more' })}</button>`
        : nothing}`;
  }

  private renderDetail(): TemplateResult {
    const opened = this.opened;
    if (opened && 'code' in opened) return this.renderOpen(opened.code, opened.actions);
    if (!opened) this.loadPart();
    return html`${this.renderBack()}${opened ? renderError(opened.error, () => ((this.opened = undefined), this.requestUpdate())) : renderLoading()}`;
  }

  private loadPart(): void {
    if (this.loadingCode) return;
    this.loadingCode = true;
    loadDetailPart()
      .then(
        (code) => (this.opened = { code, actions: new code.ActionsController(this, this.detail) }),
        (error: unknown) => (this.opened = { error }),
      )
      .finally(() => {
        this.loadingCode = false;
        this.requestUpdate();
      });
  }

  private renderBack(): TemplateResult {
    return html`<button type="button" class="secondary back" part="back" @click=${this.back}><span aria-hidden="true">←</span> ${msg('Back to the list', { id: 'tl.back' })}</button>`;
  }

  private renderOpen({ renderNotice, renderHeader, renderThread }: DetailPart, actions: ActionsController): TemplateResult {
    const { detail, error, about } = this.detail;
    const files: FileHost = {
      thumb: (file) => {
        const path = { id: detail!.id, fileId: file.id };
        return this.thumbs.url(detail!.id, file.id, () => dataOf(this.list.api!.GET('/tickets/{id}/files/{fileId}', { params: { path, query: { size: 'thumb' } }, parseAs: 'blob' })));
      },
      download: (file) => void this.detail.download(file),
      document: (id, title) => void this.detail.downloadDocument(id, title),
    };
    return html`${this.renderBack()}
      ${renderNotice(this.detail, about !== 'comments' && about !== 'rating')}
      ${error
        ? renderError(error, () => void this.detail.load())
        : detail
          ? html`<article class="detail" aria-labelledby="detail-title">${renderHeader(detail, files, this.locale)} ${renderThread(detail.thread, files, this.locale)} ${actions.render(detail)}</article>`
          : renderLoading()}`;
  }

  private readonly choose = async (tab: TicketTab) => {
    this.list.select(tab);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  };

  private readonly onOpen = (event: Event) => {
    const id = (event.target as Element).closest<HTMLElement>('[data-open]')?.dataset.open;
    if (!id) return;
    this.ticket = id;
    this.focusNext = { title: true };
  };

  private readonly back = async () => {
    const row = this.ticket;
    this.ticket = '';
    if (this.opened && 'actions' in this.opened) this.opened.actions.reopening = false;
    if (this.detail.changed) {
      this.detail.changed = false;
      this.list.loaded = this.list.load();
    }
    this.focusNext = { row };
    await this.list.loaded;
    await this.updateComplete;
    // The ticket left this tab (withdrawn, closed): the tab gets the focus.
    if (this.focusNext) this.renderRoot.querySelector<HTMLElement>(`#tab-${this.list.tab}`)?.focus();
    this.focusNext = undefined;
  };
}
