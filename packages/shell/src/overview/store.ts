import { dataOf, type Overview } from '@hausportal/api';
import { SessionStore, type SessionStoreHost } from '@hausportal/core';
import { HpOverviewUnreadEvent } from './events.js';

/** What the store needs of its element: the session (client, user) and a place to fire events from. */
export interface OverviewStoreHost extends SessionStoreHost, EventTarget {}

const noneUnread = { documents: 0, notices: 0, tickets: 0, appointments: 0 };

/**
 * The signed-in person's overview (GET /overview), loaded anew when the client, the user or the organization
 * changes (core's SessionStore). Every load that arrives announces the unread counts with `hp-overview-unread`;
 * signing out after a load announces zeros. Nothing is fetched directly: the session's client does it.
 */
export class OverviewStore extends SessionStore<OverviewStoreHost> {
  /** Undefined while loading (or after an error), null when nobody is signed in. */
  overview?: Overview | null;
  /** Why the last load failed, if it did. */
  error: unknown;
  private running?: AbortController;

  /** Loads the overview (again, after an error); a load started later stops this one. */
  async load(): Promise<void> {
    this.running?.abort();
    const { signal } = (this.running = new AbortController());
    const [api, user] = this.key;
    const had = this.overview;
    this.error = undefined;
    this.overview = api && user ? undefined : null;
    this.host.requestUpdate();
    if (!api || !user) {
      if (had) this.host.dispatchEvent(new HpOverviewUnreadEvent(noneUnread));
      return;
    }
    try {
      const overview = await dataOf(api.GET('/overview', { signal }));
      if (signal.aborted) return;
      this.overview = overview;
      this.host.dispatchEvent(new HpOverviewUnreadEvent(overview.unread));
    } catch (error) {
      if (!signal.aborted) this.error = error;
    }
    this.host.requestUpdate();
  }

  /** Loads again for the same session (the error state's retry, or after the person read something elsewhere). */
  reload(): Promise<void> {
    return (this.loaded = this.load());
  }
}
