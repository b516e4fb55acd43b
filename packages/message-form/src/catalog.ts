import { dataOf, type FormCatalog } from '@hausportal/api';
import { SessionStore } from '@hausportal/core';
import { clearDrafts } from './drafts.js';

/**
 * The forms I may send now (GET /forms), loaded anew when the client, the user or the organization changes. When the
 * signed-in user goes (signing out, another user), the drafts of the forms that user kept in this organization are
 * removed.
 */
export class CatalogStore extends SessionStore {
  /** Undefined while loading (or after an error), null when nobody is signed in. */
  catalog?: FormCatalog | null;
  /** Why loading failed, if it did. */
  error: unknown;
  private running?: AbortController;
  /** The owner ("org:user") loaded last with somebody signed in. */
  private lastOwner = '';

  /** Loads the catalog (again, after an error). */
  async load(): Promise<void> {
    this.running?.abort();
    const { signal } = (this.running = new AbortController());
    const [api, user] = this.key;
    if (this.lastOwner && !(user && this.lastOwner.endsWith(`:${user}`))) clearDrafts(this.lastOwner);
    this.lastOwner = user ? this.owner : '';
    this.error = undefined;
    this.catalog = api && user ? undefined : null;
    this.host.requestUpdate();
    if (!api || !user) return;
    try {
      const catalog = await dataOf(api.GET('/forms', { signal }));
      if (!signal.aborted) this.catalog = catalog;
    } catch (error) {
      if (!signal.aborted) this.error = error;
    }
    this.host.requestUpdate();
  }

  /** The user and organization the catalog belongs to, for the draft's storage key. */
  get owner(): string {
    return `${this.key[2]}:${this.key[1]}`;
  }
}
