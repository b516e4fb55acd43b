import type { ApiClient } from '@hausportal/api';
import { SessionStore, type SessionStoreHost } from './session-store.js';

/** One page of a list as the API answers it: the items and the cursor of the next page (null on the last). */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** What a {@link PagedStore} needs of its element: a session store's host that its unread events are fired on. */
export interface PagedStoreHost extends SessionStoreHost, EventTarget {}

/**
 * A list of the signed-in person's items loaded page by page (a "load more" button follows `nextCursor`), and their
 * unread count, announced with the event {@link unreadEvent} makes whenever it becomes known or changes (0 after
 * signing out). Loads anew when the client, the signed-in user or the organization changes (see
 * {@link SessionStore}); a later load stops an earlier one. A widget's store names the request in {@link fetchPage}
 * and takes what else a page tells in {@link pageLoaded}.
 */
export abstract class PagedStore<T, P extends ListPage<T> = ListPage<T>, H extends PagedStoreHost = PagedStoreHost> extends SessionStore<H> {
  /** The items; undefined while the first page loads (or when it failed), [] when nobody is signed in. */
  items?: T[];
  /** Why the first page failed, if it did. */
  error: unknown;
  /** Why the next page failed, if it did. */
  moreError: unknown;
  /** The cursor of the next page; null when there is none. */
  cursor: string | null = null;
  /** A next page is loading. */
  loadingMore = false;
  /** The unread count (the server's); undefined until known. */
  unread?: number;
  private controller?: AbortController;

  /** The client while someone is signed in. */
  get api(): ApiClient | undefined {
    return this.key[1] ? this.key[0] : undefined;
  }

  /**
   * Loads the first page (the list shows loading meanwhile), or with `more` appends the next page (again, after it
   * failed); a later load stops this one.
   */
  async load(more = false): Promise<void> {
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
      const page = await this.fetchPage(api, signal, cursor);
      if (signal.aborted) return;
      this.items = (cursor ? (this.items ?? []) : []).concat(page.items);
      this.cursor = page.nextCursor;
      this.pageLoaded(page);
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

  /** Takes the server's unread count; a change (or the first count) is announced on the element. */
  setUnread(count: number | undefined): void {
    if (count === this.unread) return;
    this.unread = count;
    this.host.dispatchEvent(this.unreadEvent(count ?? 0));
  }

  /** Fetches the page after `cursor` (the first page for null) through `api`, stopped by `signal`. */
  protected abstract fetchPage(api: ApiClient, signal: AbortSignal, cursor: string | null): Promise<P>;

  /** The event announcing the unread count `count` (it should bubble and be composed, for a badge in a header). */
  protected abstract unreadEvent(count: number): Event;

  /** Takes what else a page tells, after its items were added (it came for the latest load). */
  protected pageLoaded(_page: P): void {}

  /** Stops the load under way (and a next page loading) and gives the signal of the next one. */
  protected restart(): AbortSignal {
    this.controller?.abort();
    this.loadingMore = false;
    return (this.controller = new AbortController()).signal;
  }
}
