import { isOriginNotAllowed } from './origin-check.js';
import type { Tabs } from './tabs.js';
import type { TokenState } from './token-state.js';
import type { AuthResult } from './types.js';

/**
 * What `POST /auth/refresh` answered: a result; 409 (`busy`, with its Retry-After in ms); no answer (`silent`: the
 * request failed on the network, or a proxy or the server could not answer — with the Retry-After in ms, if any); or a
 * definite refusal (`failed`).
 */
export type RefreshAnswer = { result: AuthResult } | { busy: number } | { silent: number | null } | { failed: true };

/**
 * How a refresh ended: `renewed` (a new access token is there, from this tab or another one), `ended` (no session),
 * or `unreachable` (the server did not answer within the retry window; the session was left as it was).
 */
export type RefreshOutcome = 'renewed' | 'ended' | 'unreachable';

/** The clock and the pauses of the refresh retries (ms). Tests pass a virtual clock. */
export interface RefreshTiming {
  /** Current time in ms (any epoch). */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

export const realTiming: RefreshTiming = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A request whose access token had to be renewed, while the server did not answer the refresh (network error, server
 * restarting, proxy 502/503/504) for the whole retry window. The session is kept: the refresh cookie may well be
 * valid, and the next request tries again.
 */
export class ServerNotAnsweringError extends Error {
  constructor() {
    super('The portal server does not answer.');
    this.name = 'ServerNotAnsweringError';
  }
}

/** True for a {@link ServerNotAnsweringError}, also one made by another copy of this package on the page. */
export function isServerNotAnswering(error: unknown): error is ServerNotAnsweringError {
  return error instanceof Error && error.name === 'ServerNotAnsweringError';
}

/** The longest a client waits after a 409 before it tries once more (ms). */
const MAX_BUSY_WAIT = 5_000;
/** Pauses between refreshes that got no answer (ms); the last one repeats. */
export const RETRY_PAUSES: readonly number[] = [500, 1_000, 2_000, 4_000];
/**
 * No refresh attempt starts later than this after the first one (ms): well inside the server's grace window of 20 s
 * (server/src/auth/sessions.ts `refreshGraceSeconds`), within which the same cookie gets the same successor again,
 * in case an earlier attempt did reach the server and only its answer was lost.
 */
export const RETRY_WINDOW = 15_000;

/** Statuses that are no answer about the session: the server or a proxy in front of it could not answer (now). */
const TRANSIENT = new Set([408, 429]);

/**
 * Reads the answer of `POST /auth/refresh` (openapi.yaml): 200 is a result; 409 is "busy", with its Retry-After; 204
 * means no refresh cookie was sent, so there is no session (a first visit — answered without an error status, so the
 * host page's console stays clean) and counts as failed like 401, 403, any other 4xx and a page origin the API refuses
 * (CORS). No answer at all — fetch rejects, any 5xx (a proxy's 502/503/504 while the server restarts), 408, 429 —
 * is `silent`: nothing was said about the session.
 */
export async function refreshAnswer(send: () => Promise<{ data?: AuthResult; response: Response }>): Promise<RefreshAnswer> {
  let answer: { data?: AuthResult; response: Response };
  try {
    answer = await send();
  } catch (error) {
    return isOriginNotAllowed(error) ? { failed: true } : { silent: null };
  }
  const { data, response } = answer;
  if (response.status === 204) return { failed: true };
  if (data) return { result: data };
  if (response.status === 409) return { busy: Math.min(MAX_BUSY_WAIT, retryAfter(response) ?? 1_000) };
  if (response.status >= 500 || TRANSIENT.has(response.status)) return { silent: retryAfter(response) };
  return { failed: true };
}

/** Retry-After in ms (delay seconds or an HTTP date), or null when absent or unreadable. */
function retryAfter(response: Response): number | null {
  const value = response.headers.get('Retry-After')?.trim();
  if (!value) return null;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : null;
}

/**
 * Builds the refresh of one client: one at a time in this page (callers share the running one) and one at a time
 * across the tabs of this browser (Web Locks, DESIGN §6). A tab that waited for the lock while another tab refreshed
 * takes the result that tab shared and asks the server nothing. Each refresh token is used once (rotation, RFC 6749
 * §10.4 and the OAuth 2.0 Security BCP), which is why tabs must not refresh with the same cookie at once.
 *
 * - A 409 from the server (another refresh of this cookie has just finished, its cookie is landing) waits for the
 *   other tab's result or the answer's Retry-After, and tries once more.
 * - No answer (see {@link refreshAnswer}) while a session is held: tried again with the same cookie after
 *   {@link RETRY_PAUSES} (at least the Retry-After; a pause ends early when the browser comes back online or another
 *   tab shares its result), as long as the next attempt starts within {@link RETRY_WINDOW} of the first. Meanwhile the
 *   session stays as it is and callers keep waiting. When the window is over the outcome is `unreachable`, the session
 *   is still kept, and the next `online` event of the browser tries once more. Restoring after a page load (no session
 *   yet) does not wait: no answer resolves `unreachable` at once, and is tried again when the browser comes online.
 * - A definite refusal ends the session (`expired` when there was one); the cookie is the server's to clear.
 *
 * Pauses are taken outside the lock, so other tabs may log in, out or refresh meanwhile. Never rejects.
 */
export function createRefresh(
  state: TokenState,
  tabs: Tabs,
  send: () => Promise<RefreshAnswer>,
  timing: RefreshTiming = realTiming,
): () => Promise<RefreshOutcome> {
  let running: Promise<RefreshOutcome> | null = null;
  let onlineAgain: (() => void) | null = null;

  /** One attempt under the lock: `shared` when another tab's result (or logout) arrived since `seen`. */
  const turn = (seen: number) =>
    tabs.exclusive(async (): Promise<RefreshAnswer | 'shared'> => {
      if (state.generation !== seen) return 'shared';
      const answer = await send();
      if ('result' in answer) {
        state.accept(answer.result);
        tabs.post({ type: 'session', reason: 'refresh', result: answer.result });
      }
      return answer;
    });

  /** Waits `ms`, or less when another tab tells something or the browser comes back online. */
  const pause = async (ms: number) => {
    const wake = online();
    try {
      await tabs.next(Promise.race([timing.sleep(ms), wake.promise]));
    } finally {
      wake.cancel();
    }
  };

  /** After giving up: the browser's next `online` event tries once more, unless the session changed meanwhile. */
  const retryWhenOnline = () => {
    if (onlineAgain) return;
    const seen = state.generation;
    const wait = online();
    onlineAgain = wait.cancel;
    void wait.promise.then(() => {
      onlineAgain = null;
      if (state.generation === seen) void refresh();
    });
  };

  const run = async (): Promise<RefreshOutcome> => {
    onlineAgain?.();
    onlineAgain = null;
    const hadSession = state.user !== null;
    const seen = state.generation;
    const first = timing.now();
    let silent = 0;
    let busy = 0;
    const settled = (): RefreshOutcome => (state.token !== null ? 'renewed' : 'ended');
    for (;;) {
      const answer = await turn(seen);
      if (answer === 'shared') return settled();
      if ('result' in answer) {
        if (!hadSession) state.emit('restore');
        return 'renewed';
      }
      if ('failed' in answer) break;
      let wait: number;
      if ('busy' in answer) {
        if (busy++ > 0) break;
        wait = answer.busy;
      } else {
        wait = Math.max(RETRY_PAUSES[Math.min(silent++, RETRY_PAUSES.length - 1)]!, answer.silent ?? 0);
        if (!hadSession || timing.now() + wait - first > RETRY_WINDOW) {
          if (state.generation !== seen) return settled();
          retryWhenOnline();
          return 'unreachable';
        }
      }
      // Outside the lock, so the tab whose cookie is landing can finish and tell; then once more.
      if (state.generation === seen) await pause(wait);
    }
    if (state.generation !== seen) return settled();
    state.clear();
    if (hadSession) state.emit('expired');
    return 'ended';
  };

  const refresh = () => {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
  return refresh;
}

/** The browser's next `online` event; `cancel` stops listening. Never resolves where there is no such event. */
function online(): { promise: Promise<void>; cancel: () => void } {
  const target = globalThis as Partial<Pick<EventTarget, 'addEventListener' | 'removeEventListener'>>;
  let cancel = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    if (typeof target.addEventListener !== 'function') return;
    const done = () => {
      target.removeEventListener?.('online', done);
      resolve();
    };
    cancel = () => target.removeEventListener?.('online', done);
    target.addEventListener('online', done);
  });
  return { promise, cancel };
}
