import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '@hausportal/api';
import type { Session } from './context.js';

/** What a {@link SessionStore} needs of its element. */
export interface SessionStoreHost extends ReactiveControllerHost {
  api?: ApiClient;
  session?: Session;
  readonly authenticated: boolean;
}

/** The client, the signed-in user's id and the organization's slug that a store's data belongs to. */
export type SessionKey = readonly [api: ApiClient | undefined, user: string | undefined, org: string | undefined];

/**
 * A widget's data of one client, signed-in user and organization: before each render of its element it calls
 * `load()` anew when one of the three changed (a sign-in, a sign-out, another organization), so the data never shows
 * another person's. `load()` finds them in `key`; with nobody signed in (`key[1]` undefined) it empties the data.
 */
export abstract class SessionStore<H extends SessionStoreHost = SessionStoreHost> implements ReactiveController {
  /** Settles when the latest load has ended (it never rejects). */
  loaded: Promise<void> = Promise.resolve();
  /** What the data was loaded for. */
  protected key: SessionKey = [undefined, undefined, undefined];

  constructor(protected readonly host: H) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdate(): void {
    const { api, authenticated, session } = this.host;
    const key: SessionKey = [api, authenticated ? session?.user?.id : undefined, session?.org];
    if (key.some((part, i) => part !== this.key[i])) {
      this.key = key;
      this.loaded = this.load();
    }
  }

  /** Loads the data for `key` (the element shows loading meanwhile); errors are kept, never thrown. */
  abstract load(): Promise<void>;
}
