import type { AuthResult } from './types.js';

/**
 * What one tab tells the other tabs of this browser about the session of one API and organization (DESIGN §6).
 * `session`: it logged in or refreshed, the others may use the same access token; `logout`: it signed out.
 * Sent over a BroadcastChannel, which reaches only pages of the same origin in this browser: nothing leaves it and
 * nothing is stored.
 */
export type TabMessage = { type: 'session'; reason: 'login' | 'refresh'; result: AuthResult } | { type: 'logout' };

/** Coordination of the tabs sharing one refresh cookie. */
export interface Tabs {
  /**
   * Runs `task` while no other tab (or client) of the same API runs one: the Web Locks API, so refreshes, logins and
   * logouts never overlap. Without that API the task just runs.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Tells the other tabs; does nothing without BroadcastChannel. */
  post(message: TabMessage): void;
  /** The next message of another tab, or null once `until` settles (a bounded wait, e.g. a timer). */
  next(until: Promise<unknown>): Promise<TabMessage | null>;
}

/** `baseUrl` as an absolute URL (against the document's base URL in a browser), without a trailing slash. */
export function absoluteApiUrl(baseUrl: string): string {
  const base = (globalThis as { document?: { baseURI?: string } }).document?.baseURI;
  try {
    return new URL(baseUrl, base).href.replace(/\/+$/, '');
  } catch {
    return baseUrl.replace(/\/+$/, '');
  }
}

/** A client on its own: no lock, no channel (tests, or a client that should not follow other tabs). */
export const soloTabs: Tabs = {
  exclusive: (task) => task(),
  post: () => undefined,
  next: (until) => until.then(() => null, () => null),
};

/**
 * Joins the other tabs of `baseUrl` + `organization`: the lock is named after the API alone (one refresh cookie
 * serves every organization of an API), the channel after both. `receive` gets the other tabs' messages, checked for
 * shape. Each API that is missing (Web Locks, BroadcastChannel) falls back to {@link soloTabs}' behaviour.
 */
export function connectTabs(baseUrl: string, organization: string, receive: (message: TabMessage) => void): Tabs {
  const api = absoluteApiUrl(baseUrl);
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`hausportal.session ${api} ${organization}`) : null;
  // Node keeps a process alive while a channel is open; a browser has no unref.
  (channel as { unref?: () => void } | null)?.unref?.();
  const waiting = new Set<(message: TabMessage) => void>();
  channel?.addEventListener('message', (event: MessageEvent) => {
    const message = asMessage(event.data);
    if (!message) return;
    for (const resolve of [...waiting]) resolve(message);
    receive(message);
  });
  return {
    exclusive: <T>(task: () => Promise<T>) => (locks ? (locks.request(`hausportal.refresh ${api}`, task) as Promise<T>) : task()),
    post: (message) => channel?.postMessage(message),
    next: (until) =>
      new Promise((resolve) => {
        const done = (message: TabMessage | null) => {
          waiting.delete(done);
          resolve(message);
        };
        if (channel) waiting.add(done);
        void until.then(() => done(null), () => done(null));
      }),
  };
}

/** A message of the expected shape, or null (a page script may post anything on a channel of its origin). */
function asMessage(data: unknown): TabMessage | null {
  const message = data as Partial<{ type: string; reason: string; result: Partial<AuthResult> }> | null;
  if (message?.type === 'logout') return { type: 'logout' };
  const result = message?.type === 'session' ? message.result : undefined;
  if (!result || typeof result.accessToken !== 'string' || typeof result.expiresIn !== 'number') return null;
  if (!result.user || typeof result.user.id !== 'string') return null;
  return { type: 'session', reason: message?.reason === 'login' ? 'login' : 'refresh', result: result as AuthResult };
}
