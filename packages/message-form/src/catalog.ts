import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dataOf, type ApiClient, type FormCatalog } from '@hausportal/api';
import type { Session } from '@hausportal/core';

export interface CatalogHost extends ReactiveControllerHost {
  api?: ApiClient;
  session?: Session;
  readonly authenticated: boolean;
}

/** The forms I may send now (GET /forms), loaded anew when the client, the user or the organization changes. */
export class CatalogStore implements ReactiveController {
  /** Undefined while loading (or after an error), null when nobody is signed in. */
  catalog?: FormCatalog | null;
  /** Why loading failed, if it did. */
  error: unknown;
  /** Settles when the latest load has ended (never rejects). */
  loaded: Promise<void> = Promise.resolve();
  private args: unknown[] = [];
  private running?: AbortController;

  constructor(private readonly host: CatalogHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { api, authenticated, session } = this.host;
    const args = [api, authenticated ? session?.user?.id : undefined, session?.org];
    if (args.some((arg, i) => arg !== this.args[i])) {
      this.args = args;
      this.loaded = this.load();
    }
  }

  /** Loads the catalog (again, after an error). */
  async load(): Promise<void> {
    this.running?.abort();
    const { signal } = (this.running = new AbortController());
    const [api, user] = this.args as [ApiClient | undefined, string | undefined];
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
    return `${this.args[2]}:${this.args[1]}`;
  }
}
