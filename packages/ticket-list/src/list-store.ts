import type { ReactiveControllerHost } from 'lit';
import { dataOf, type ApiClient, type TicketSummary } from '@hausportal/api';
import { SessionStore, type Session } from '@hausportal/core';
import { HpTicketsUnreadEvent } from './events.js';

/** The tabs of the list, as GET /tickets names them. */
export const TABS = ['open', 'done', 'archive'] as const;
export type TicketTab = (typeof TABS)[number];

/** Tickets per page (GET /tickets `limit`). */
export const PAGE_SIZE = 50;

export interface StoreHost extends ReactiveControllerHost, EventTarget {
  api?: ApiClient;
  session?: Session;
  readonly authenticated: boolean;
}

/**
 * My tickets of one tab, page by page ("load more" follows `nextCursor`), and the unread count, announced with
 * `hp-tickets-unread` whenever it becomes known or changes. Loads anew when the client, the signed-in user or the
 * organization changes, and when the tab changes. Nothing is fetched directly: the session's client does it.
 */
export class TicketListStore extends SessionStore<StoreHost> {
  tab: TicketTab = 'open';
  /** The tickets of the tab; undefined while the first page loads (or when it failed), [] when nobody is signed in. */
  items?: TicketSummary[];
  /** Why the first page failed, if it did. */
  error: unknown;
  /** Why the next page failed, if it did. */
  moreError: unknown;
  cursor: string | null = null;
  /** A next page is loading. */
  loadingMore = false;
  /** My tickets with something unread (all tabs); undefined until known. */
  unread?: number;
  private controller?: AbortController;

  /** The client while someone is signed in. */
  get api(): ApiClient | undefined {
    return this.key[1] ? this.key[0] : undefined;
  }

  /** Shows `tab` and loads its first page. */
  select(tab: TicketTab): void {
    if (tab === this.tab) return;
    this.tab = tab;
    this.loaded = this.load();
  }

  /**
   * Loads the first page of the tab (the list shows loading meanwhile), or with `more` appends the next page (again,
   * after it failed); a later load stops this one.
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
      const query = { tab: this.tab, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
      const page = await dataOf(api.GET('/tickets', { params: { query }, signal }));
      if (signal.aborted) return;
      this.items = (cursor ? (this.items ?? []) : []).concat(page.items);
      this.cursor = page.nextCursor;
      this.setUnread(page.unreadCount);
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

  /** Puts a ticket's newer state (a detail is a summary too) into its row (after it was opened or acted on), read. */
  update(ticket: TicketSummary): void {
    this.items = this.items?.map((t) => (t.id === ticket.id ? { ...ticket, unread: false } : t));
    this.host.requestUpdate();
  }

  setUnread(count: number | undefined): void {
    if (count === this.unread) return;
    this.unread = count;
    this.host.dispatchEvent(new HpTicketsUnreadEvent(count ?? 0));
  }

  private restart(): AbortSignal {
    this.controller?.abort();
    this.loadingMore = false;
    return (this.controller = new AbortController()).signal;
  }
}
