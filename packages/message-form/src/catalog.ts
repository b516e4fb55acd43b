import { dataOf, type FormCatalog } from '@hausportal/api';
import { SessionStore } from '@hausportal/core';

/** The forms I may send now (GET /forms), loaded anew when the client, the user or the organization changes. */
export class CatalogStore extends SessionStore {
  /** Undefined while loading (or after an error), null when nobody is signed in. */
  catalog?: FormCatalog | null;
  /** Why loading failed, if it did. */
  error: unknown;
  private running?: AbortController;

  /** Loads the catalog (again, after an error). */
  async load(): Promise<void> {
    this.running?.abort();
    const { signal } = (this.running = new AbortController());
    const [api, user] = this.key;
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
