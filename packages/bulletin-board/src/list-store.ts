import { msg, str } from '@lit/localize';
import { dataOf, type ApiClient, type PostCategory, type PostPage, type PostReadResult, type PostSummary, type PostType } from '@hausportal/api';
import { PagedStore, type PagedStoreHost, type SessionKey } from '@hausportal/core';
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

export interface BoardHost extends PagedStoreHost {
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
export class PostListStore extends PagedStore<PostSummary, PostPage, BoardHost> {
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
   * `unread` is my notices not opened yet (the server's count, whatever the filter).
   */
  override load(more = false): Promise<void> {
    if (this.owner !== this.key) {
      this.owner = this.key;
      this.filter = noFilter;
      this.categories = [];
      this.places = new Map();
      this.dangers = undefined;
      this.reported = new Set();
      this.announcement = '';
    }
    return super.load(more);
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
      const page = await this.fetchPage(api, signal, null, Math.min(200, Math.max(this.items.length, this.size)));
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

  protected async fetchPage(api: ApiClient, signal: AbortSignal, cursor: string | null, limit = this.size): Promise<PostPage> {
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

  protected override pageLoaded(page: PostPage): void {
    this.note(page.items, false);
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

  protected unreadEvent(count: number): Event {
    return new HpPostsUnreadEvent(count);
  }
}
