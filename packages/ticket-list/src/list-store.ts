import { dataOf, type ApiClient, type TicketPage, type TicketSummary } from '@hausportal/api';
import { PagedStore, type PagedStoreHost } from '@hausportal/core';
import { HpTicketsUnreadEvent } from './events.js';

/** The tabs of the list, as GET /tickets names them. */
export const TABS = ['open', 'done', 'archive'] as const;
export type TicketTab = (typeof TABS)[number];

/** Tickets per page (GET /tickets `limit`). */
export const PAGE_SIZE = 50;

export type StoreHost = PagedStoreHost;

/**
 * My tickets of one tab, page by page ("load more" follows `nextCursor`), and the unread count (my tickets with
 * something unread, all tabs), announced with `hp-tickets-unread` whenever it becomes known or changes. Loads anew
 * when the client, the signed-in user or the organization changes, and when the tab changes. Nothing is fetched
 * directly: the session's client does it.
 */
export class TicketListStore extends PagedStore<TicketSummary, TicketPage, StoreHost> {
  tab: TicketTab = 'open';

  /** Shows `tab` and loads its first page. */
  select(tab: TicketTab): void {
    if (tab === this.tab) return;
    this.tab = tab;
    this.loaded = this.load();
  }

  /** Puts a ticket's newer state (a detail is a summary too) into its row (after it was opened or acted on), read. */
  update(ticket: TicketSummary): void {
    this.items = this.items?.map((t) => (t.id === ticket.id ? { ...ticket, unread: false } : t));
    this.host.requestUpdate();
  }

  protected fetchPage(api: ApiClient, signal: AbortSignal, cursor: string | null): Promise<TicketPage> {
    const query = { tab: this.tab, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
    return dataOf(api.GET('/tickets', { params: { query }, signal }));
  }

  protected override pageLoaded(page: TicketPage): void {
    this.setUnread(page.unreadCount);
  }

  protected unreadEvent(count: number): Event {
    return new HpTicketsUnreadEvent(count);
  }
}
