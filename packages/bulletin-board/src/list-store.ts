import type { ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { dataOf, type ApiClient, type PostCategory, type PostReadResult, type PostSummary, type PostType } from '@hausportal/api';
import { SessionStore, type Session, type SessionKey } from '@hausportal/core';
import { HpPostsUnreadEvent } from './events.js';

/** Notices per page (GET /posts `limit`) when the element sets no `limit`. */
export const PAGE_SIZE = 20;
/** Most ids per POST /posts/seen. */
const SEEN_BATCH = 200;

/** What the reader chose to see; empty strings mean "all". */
export interface PostFilter {
  category: string;
  type: PostType | '';
  /** Only notices not opened yet (in their current revision). */
  unread: boolean;
  property: string;
}

export const noFilter: PostFilter = { category: '', type: '', unread: false, property: '' };

export interface BoardHost extends ReactiveControllerHost, EventTarget {
  api?: ApiClient;
  session?: Session;
  readonly authenticated: boolean;
  /** At most this many notices, without paging (0: all, page by page). */
  limit: number;
  /** Only the notices of this property ('' for all). */
  property: string;
}

/**
 * My notices as GET /posts lists them (in its order), page by page ("Mehr laden" follows `nextCursor`), the filter,
 * the categories and properties to filter by, and the unread count, announced with `hp-posts-unread` whenever it
 * becomes known or changes. Loads anew when the client, the signed-in user or the organization changes, and when the
 * filter changes. Notices shown are reported once as seen (POST /posts/seen). A refresh loads the list again without a
 * loading state and puts danger notices that were not there before into `announcement`. Nothing is fetched directly:
 * the session's client does it.
 */
export class PostListStore extends SessionStore<BoardHost> {
  /** The notices; undefined while the first page loads (or when it failed), [] when nobody is signed in. */
  items?: PostSummary[];
  error: unknown;
  /** Why the next page failed, if it did. */
  moreError: unknown;
  cursor: string | null = null;
  loadingMore = false;
  /** My notices not opened yet (the server's count, whatever the filter); undefined until known. */
  unread?: number;
  filter: PostFilter = noFilter;
  /** The categories of all my notices (the server's list, for the filter). */
  categories: PostCategory[] = [];
  /** The properties my notices were for, by id (the property filter shows when there are two or more). */
  places = new Map<string, string>();
  /** The sentence announcing new danger notices ('' until one arrives). */
  announcement = '';
  /** Ids of the danger notices listed since the first load (undefined before it). */
  private dangers?: Set<string>;
  private reported = new Set<string>();
  private owner?: SessionKey;
  private controller?: AbortController;

  /** The client while someone is signed in. */
  get api(): ApiClient | undefined {
    return this.key[1] ? this.key[0] : undefined;
  }

  /** What the data belongs to: another value after each change of client, user or organization. */
  get generation(): SessionKey {
    return this.key;
  }

  /** Shows the notices matching the filter changed by `change`. */
  setFilter(change: Partial<PostFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.loaded = this.load();
  }

  /**
   * Loads the first page (the list shows loading meanwhile), or with `more` appends the next page (again, after it
   * failed); a later load stops this one. A change of the signed-in person forgets filter, categories and reports.
   */
  async load(more = false): Promise<void> {
    if (this.owner !== this.key) {
      this.owner = this.key;
      this.filter = noFilter;
      this.categories = [];
      this.places = new Map();
      this.dangers = undefined;
      this.reported = new Set();
      this.announcement = '';
    }
    const api = this.api;
    const cursor = more ? this.cursor : null;
    if (more && (!api || !cursor || this.loadingMore)) return;
    const signal = this.restart();
    if (more) this.loadingMore = true;
    else {
      this.items = api ? undefined : [];
      this.error = undefined;
      this.cursor = null;
    }
    this.moreError = undefined;
    this.host.requestUpdate();
    if (!api) return this.setUnread(undefined);
    try {
      const page = await this.fetch(api, signal, cursor);
      if (signal.aborted) return;
      this.items = (cursor ? (this.items ?? []) : []).concat(page.items);
      this.cursor = page.nextCursor;
      this.note(page.items, false);
    } catch (error) {
      if (signal.aborted) return;
      if (cursor) this.moreError = error;
      else this.error = error;
    }
    this.loadingMore = false;
    this.host.requestUpdate();
  }

  /** Appends the next page (again, after it failed). */
  more(): Promise<void> {
    return this.load(true);
  }

  /**
   * Loads the notices shown so far again and replaces the list when they have come, without a loading state; danger
   * notices not listed before are announced. Before the first page has come (or after it failed) it is a plain load.
   */
  async refresh(): Promise<void> {
    const api = this.api;
    if (!api || !this.items || this.loadingMore) return (this.loaded = this.load());
    const signal = this.restart();
    try {
      const page = await this.fetch(api, signal, null, Math.min(200, Math.max(this.items.length, this.size)));
      if (signal.aborted) return;
      this.items = page.items;
      this.cursor = page.nextCursor;
      this.note(page.items, true);
      this.host.requestUpdate();
    } catch {
      // The list stays as it was; the next refresh tries again.
    }
  }

  /** Puts my newer read state of a notice into its row and takes the server's unread count. */
  applyRead(result: PostReadResult): void {
    this.items = this.items?.map((p) => (p.id === result.id ? { ...p, read: result.read } : p));
    this.setUnread(result.unreadCount);
    this.host.requestUpdate();
  }

  /** Reports the notices listed and not yet seen as seen, each once (POST /posts/seen, in batches). */
  async reportSeen(): Promise<void> {
    const api = this.api;
    const ids = (this.items ?? []).filter((p) => !p.read.seenAt && !this.reported.has(p.id)).map((p) => p.id);
    for (const id of ids) this.reported.add(id);
    for (let i = 0; api && i < ids.length; i += SEEN_BATCH) {
      const batch = ids.slice(i, i + SEEN_BATCH);
      try {
        if (!(await api.POST('/posts/seen', { body: { ids: batch } })).response.ok) throw new Error();
      } catch {
        // Told again with the next list.
        for (const id of batch) this.reported.delete(id);
      }
    }
  }

  private get size(): number {
    return this.host.limit > 0 ? Math.min(this.host.limit, 200) : PAGE_SIZE;
  }

  private async fetch(api: ApiClient, signal: AbortSignal, cursor: string | null, limit = this.size) {
    const f = this.filter;
    const property = this.host.property || f.property;
    const query = {
      limit,
      ...(cursor ? { cursor } : {}),
      ...(property ? { property } : {}),
      ...(f.category ? { category: f.category } : {}),
      ...(f.type ? { type: f.type } : {}),
      ...(f.unread ? { unread: true } : {}),
    };
    const page = await dataOf(api.GET('/posts', { params: { query }, signal }));
    this.categories = page.categories;
    this.setUnread(page.unreadCount);
    return page;
  }

  /** Notes the properties and danger notices of `items`; with `announce`, the new danger notices are announced. */
  private note(items: readonly PostSummary[], announce: boolean): void {
    for (const p of items) for (const place of p.properties) this.places.set(place.id, place.name);
    const known = this.dangers;
    const fresh = items.filter((p) => p.type === 'danger' && !known?.has(p.id));
    this.dangers = new Set([...(known ?? []), ...fresh.map((p) => p.id)]);
    if (known && announce && fresh.length) {
      this.announcement = fresh.map((p) => msg(str`New danger notice: ${p.title}`, { id: 'bb.announce' })).join(' ');
    }
  }

  private setUnread(count: number | undefined): void {
    if (count === this.unread) return;
    this.unread = count;
    this.host.dispatchEvent(new HpPostsUnreadEvent(count ?? 0));
  }

  private restart(): AbortSignal {
    this.controller?.abort();
    this.loadingMore = false;
    return (this.controller = new AbortController()).signal;
  }
}
