import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { dataOf, type PostDetail, type PostFile, type PostSummary } from '@hausportal/api';
import { BlobUrlController, HpElement, importOnce, PrintController, formStyles, frameStyles, hostStyles, registerTranslations, renderEmpty, renderError, renderLoading, stateStyles } from '@hausportal/core';
import { PostDetailStore } from './detail-store.js';
import { HpPostOpenEvent } from './events.js';
import { PostListStore } from './list-store.js';
import type { PanelHost } from './panel.js';
import { RefreshController } from './refresh.js';
import { renderPost, type Clock } from './row.js';
import { renderToolbar } from './toolbar.js';
import { templates } from './locales/de.js';
import { bulletinBoardStyles } from './hp-bulletin-board.styles.js';

registerTranslations('de', templates);

type Panel = typeof import('./panel.js');

/** Loads the open notice's panel once (its own chunk in bundles); a failed load is forgotten, so a retry loads again. */
const loadPanelModule = importOnce(() => import('./panel.js'));

/** The title button of a notice. */
const opener = (id: string) => `[data-open="${id}"]`;

/**
 * Each notice shows its type by colour, icon and text (Mitteilung, Info, Warnung, Gefahrenhinweis), pinned, "Neu"
 * until opened, category, published and "aktualisiert am …" dates, "bis …" when its display window ends, the excerpt
 * and the appointment. A notice opens in place (its title is a disclosure button): the body, the appointment with
 * "In Kalender" (.ics), pictures, attachments, the link, and "Zur Kenntnis genommen" where the notice asks for it;
 * opening marks it read, and the notices listed are reported as seen. Filters: category, type, property (with notices
 * of two or more; the notices then name their properties) and only unread, behind a "Filter" button on a narrow
 * board; "Mehr laden" pages on. "Drucken" prints only the board (not the page around it): every notice shown with its
 * whole text, without filters and buttons. Pictures open full size in a new tab. A notice withdrawn meanwhile (404)
 * leaves the list with a note saying so. The list refreshes every `refresh-interval` seconds while the page is
 * visible, and on `reload()`; a danger notice that was not listed before is announced politely to screen readers.
 * `compact` (with `limit` and `property`) is the short form for a portal overview: type, title and date; activating a
 * title fires `hp-post-open` and, unless that is cancelled, opens the notice in place.
 *
 * @summary The bulletin board (Schwarzes Brett): the notices shown to me today in the server's order (pinned, danger,
 * warning, newest).
 *
 * @fires {HpPostsUnreadEvent} hp-posts-unread - The number of my notices not opened yet became known or changed;
 *   `detail` is `{count: number}` (0 after signing out). For a badge in a portal header.
 * @fires {HpPostOpenEvent} hp-post-open - In compact mode, a notice's title was activated; `detail` is `{id: string}`.
 *   Cancelable: cancel it to show the notice elsewhere (it then does not open in place).
 *
 * @csspart base - The frame around everything.
 * @csspart toolbar - The filters and the print button.
 * @csspart list - The list of notices.
 * @csspart item - A notice.
 * @csspart more - The button that loads more notices.
 * @csspart empty - The note that there are no notices (or none for this filter), or that nobody is signed in.
 * @csspart error - The error with its retry button.
 * @csspart retry - The retry button.
 * @csspart loading - The loading state.
 *
 * @cssprop --hp-bulletin-board-new-color - The "Neu" badge (default: the main colour).
 * @cssprop --hp-color-primary - Buttons, links, the focus ring.
 * @cssprop --hp-color-on-primary - Text on the main colour (filled buttons).
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-font-size-l - Headings (default 1.25rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 * @cssprop --hp-color-text-muted - Categories, dates, places, and the type badge of a plain notice.
 * @cssprop --hp-color-info - Info notices (blue).
 * @cssprop --hp-color-warning - Warnings (yellow).
 * @cssprop --hp-color-danger - Danger notices (red).
 * @cssprop --hp-color-success - "Zur Kenntnis genommen" once acknowledged.
 */
export class HpBulletinBoard extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, frameStyles, bulletinBoardStyles];

  /** At most this many notices, without "Mehr laden" (0: all of them, page by page). */
  @property({ type: Number }) limit = 0;
  /** Only the notices of this property (its id); the property filter then does not show. */
  @property() property = '';
  /** The short form for a portal overview: type, title and date, no filters. */
  @property({ type: Boolean, reflect: true }) compact = false;
  /** Seconds between refreshes while the page is visible (0: none). */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 300;
  /** The id of a notice to open once it is listed (e.g. coming from the overview). */
  @property() post = '';

  /** My notices, the filter and the unread count. */
  readonly store = new PostListStore(this);
  /** The notices open in place and their actions. */
  readonly detail = new PostDetailStore(this, this.store, (id) => void this.withdrawn(id));
  /**
   * The pictures of the notices open in place (`GET /posts/{id}/files/{fileId}`, the JPEG preview with `size=thumb`
   * where there is one), until the signed-in person changes; one that fails shows its text ("…, Bild 1 von 2").
   */
  private readonly images = new BlobUrlController(this);
  /** Every notice is rendered open with its whole text, for printing. */
  private readonly printer = new PrintController(this);
  /** Reloads every `refresh-interval` seconds while the page is visible. */
  readonly refresher = new RefreshController(this);
  private opened = '';
  /** The panel of open notices (panel.ts), loaded with the first notice opened, or the error loading it. */
  private panelCode?: Panel | { error: unknown };
  /** A selector of what gets the focus after the next rendering ('' for nothing). */
  private focusNext = '';
  /** The filters show on a narrow board. */
  private filtersOpen = false;
  /** The note that a notice is no longer shown to me ('' when none). */
  private note = '';

  /** Loads the notices again, quietly (the list stays meanwhile); announces danger notices new since the last time. */
  reload(): Promise<void> {
    return this.store.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('limit') || changed.has('property'))) this.store.loaded = this.store.load();
    if (this.post && this.post !== this.opened && this.store.items?.some((p) => p.id === this.post)) {
      this.opened = this.post;
      this.focusNext = opener(this.post);
      if (!this.detail.open.has(this.post)) void this.detail.toggle(this.post);
    }
  }

  protected override render(): TemplateResult {
    const session = this.session;
    if (!session || session.state === 'unknown' || session.state === 'restoring') return this.frame(renderLoading());
    if (!this.authenticated) return this.frame(renderEmpty(msg('Please sign in to see the notices.', { id: 'bb.loggedOut' })));
    const { items, error, filter } = this.store;
    const filtered = !!(filter.category || filter.type || filter.unread || filter.property);
    return this.frame(html`${this.compact
        ? nothing
        : renderToolbar(filter, { categories: this.store.categories, places: this.places, locale: this.locale, open: this.filtersOpen, toggle: this.toggleFilters }, (c) => this.store.setFilter(c), this.print)}
      ${error
        ? renderError(error, () => void this.store.load())
        : !items
          ? renderLoading()
          : items.length
            ? this.renderList(items)
            : renderEmpty(filtered ? msg('No notices match this filter.', { id: 'bb.noMatch' }) : msg('No current notices', { id: 'bb.empty' }))}`);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.store.reportSeen();
    const target = this.focusNext && this.renderRoot.querySelector<HTMLElement>(this.focusNext);
    if (target) {
      this.focusNext = '';
      target.focus();
      target.scrollIntoView?.({ block: 'nearest' });
    }
  }

  private frame(content: unknown): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="title" lang=${this.locale}>
      <h2 id="title" class="title" tabindex="-1">${msg('Notice board', { id: 'bb.title' })}</h2>
      <div class=${this.note ? 'note' : 'visually-hidden'} aria-live="polite" id="announce">${this.note || this.store.announcement}</div>
      ${content}
    </section>`;
  }

  private renderList(items: PostSummary[]): TemplateResult {
    const { cursor, loadingMore, moreError } = this.store;
    const clock: Clock = { locale: this.locale, timeZone: this.session?.organization?.timeZone };
    const detail = this.detail;
    const host: PanelHost = { ...this.actions, clock, busy: detail.busy };
    return html`<ul part="list" class="list" @click=${this.onOpen}>${items.map((p) => {
        const loaded = detail.get(p.id);
        const notice = detail.notice?.id === p.id ? detail.notice.text : undefined;
        const whole = !!loaded?.detail && !!this.panelCode && 'renderPanel' in this.panelCode;
        const options = { open: detail.open.has(p.id) || (this.printer.printing && !!loaded?.detail), compact: this.compact, whole, places: this.places.size > 1, panel: () => this.renderPanel(p.id, loaded, { ...host, notice }) };
        return renderPost(p, clock, options);
      })}</ul>
      ${moreError ? renderError(moreError, () => void this.more()) : nothing}
      ${loadingMore ? renderLoading(msg('Loading more notices …', { id: 'bb.loadingMore' })) : nothing}
      ${cursor && !this.limit && !loadingMore && !moreError
        ? html`<button type="button" class="secondary more" part="more" @click=${this.more}>${msg('Load more', { id: 'bb.more' })}</button>`
        : nothing}`;
  }

  /** The panel of an open notice; the loading state (or its error) until the panel's code is there. */
  private renderPanel(...args: Parameters<Panel['renderPanel']>): unknown {
    const code = this.panelCode;
    if (code && 'renderPanel' in code) return code.renderPanel(...args);
    if (code) return renderError(code.error, () => ((this.panelCode = undefined), this.requestUpdate()));
    void this.loadPanel();
    return renderLoading();
  }

  private loadPanel(): Promise<void> {
    return loadPanelModule().then(
      (code) => {
        this.panelCode = code;
        this.requestUpdate();
      },
      (error: unknown) => {
        this.panelCode = { error };
        this.requestUpdate();
      },
    );
  }

  private readonly actions: Omit<PanelHost, 'clock' | 'busy'> = {
    image: (id: string, file: PostFile) => {
      const api = this.store.api;
      const query = { size: file.thumb ? ('thumb' as const) : ('full' as const) };
      const load = api && (() => dataOf(api.GET('/posts/{id}/files/{fileId}', { params: { path: { id, fileId: file.id }, query }, parseAs: 'blob' })));
      return this.images.url(this.store.generation, `${id}/${file.id}`, load);
    },
    retry: (id: string) => void this.detail.load(id, true),
    download: (id: string, file: PostFile) => void this.detail.download(id, file),
    show: (id: string, file: PostFile) => void this.detail.show(id, file),
    calendar: (d: PostDetail) => void this.detail.calendar(d),
    acknowledge: async (d: PostDetail) => {
      await this.detail.acknowledge(d);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#ack-${d.id}`)?.focus();
    },
  };

  private readonly onOpen = (event: Event) => {
    const id = (event.target as Element).closest<HTMLElement>('[data-open]')?.dataset.open;
    if (!id || (this.compact && !this.dispatchEvent(new HpPostOpenEvent(id)))) return;
    this.note = '';
    void this.detail.toggle(id);
  };

  /** The properties to filter by and to name in the rows: none when the element shows one property only. */
  private get places(): ReadonlyMap<string, string> {
    return this.property ? new Map() : this.store.places;
  }

  private readonly toggleFilters = () => {
    this.filtersOpen = !this.filtersOpen;
    this.requestUpdate();
  };

  /**
   * A notice the server no longer shows me: the list loads again; once the notice is gone from it the note says so
   * (politely, for screen readers too), and a focus that was inside it goes to the notice now in its place, or to the
   * heading when it was the last.
   */
  private async withdrawn(id: string): Promise<void> {
    const at = this.store.items?.findIndex((p) => p.id === id) ?? -1;
    const focused = !!this.renderRoot.querySelector(`[data-post="${id}"]`)?.contains((this.renderRoot as ShadowRoot).activeElement);
    await this.store.refresh();
    if (this.store.items?.some((p) => p.id === id)) return;
    this.note = msg('This notice is no longer shown to you.', { id: 'bb.gone' });
    const next = this.store.items?.[at]?.id;
    if (focused) this.focusNext = next ? opener(next) : '#title';
    this.requestUpdate();
  }

  /** Appends the next page; the focus goes to the first notice of it. */
  private readonly more = async () => {
    const before = this.store.items?.length ?? 0;
    await this.store.more();
    const next = this.store.items?.[before]?.id;
    this.focusNext = next ? opener(next) : '';
    this.requestUpdate();
  };

  /** Loads every notice shown with its whole text (nothing is marked read), renders them open and prints. */
  private readonly print = async () => {
    await Promise.all([this.detail.loadAll(this.store.items?.map((p) => p.id) ?? []), this.loadPanel()]);
    await this.printer.print();
  };
}
