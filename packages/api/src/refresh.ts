import type { Tabs } from './tabs.js';
import type { TokenState } from './token-state.js';
import type { AuthResult } from './types.js';

/** What `POST /auth/refresh` answered: a result, 409 (with its Retry-After in ms), or anything else. */
export type RefreshAnswer = { result: AuthResult } | { busy: number } | { failed: true };

/** The longest a client waits after a 409 before it tries once more. */
const MAX_BUSY_WAIT = 5_000;

/**
 * Reads the answer of `POST /auth/refresh` (openapi.yaml): 200 is a result; 409 is "busy", with its Retry-After;
 * 204 means no refresh cookie was sent, so there is no session (a first visit — answered without an error status, so
 * the host page's console stays clean) and counts as failed like 401, 403 and a network failure.
 */
export async function refreshAnswer(send: () => Promise<{ data?: AuthResult; response: Response }>): Promise<RefreshAnswer> {
  try {
    const { data, response } = await send();
    if (response.status === 204) return { failed: true };
    if (data) return { result: data };
    if (response.status !== 409) return { failed: true };
    const seconds = Number(response.headers.get('Retry-After') ?? '1');
    return { busy: Math.min(MAX_BUSY_WAIT, Math.max(0, Number.isFinite(seconds) ? seconds * 1000 : 1000)) };
  } catch {
    return { failed: true };
  }
}

/**
 * Builds the refresh of one client: one at a time in this page (callers share the running one) and one at a time
 * across the tabs of this browser (Web Locks, DESIGN §6). A tab that waited for the lock while another tab refreshed
 * takes the result that tab shared and asks the server nothing. A 409 from the server (another refresh of this
 * cookie has just finished, its cookie is landing) waits for the other tab's result or the answer's Retry-After, and
 * tries once more. A failed refresh ends the session (`expired`); the cookie is the server's to clear.
 * Resolves whether a new access token is there; never rejects. Each refresh token is used once (rotation, RFC 6749
 * §10.4 and the OAuth 2.0 Security BCP), which is why tabs must not refresh with the same cookie at once.
 */
export function createRefresh(state: TokenState, tabs: Tabs, send: () => Promise<RefreshAnswer>): () => Promise<boolean> {
  let running: Promise<boolean> | null = null;

  /**
   * One turn under the lock. `renewed`: this tab got a new token; `shared`: another tab's result (or logout) arrived
   * since the refresh was asked for; `ended`; a number: the server said 409, try again after that many ms.
   */
  const turn = (seen: number) =>
    tabs.exclusive(async (): Promise<'renewed' | 'shared' | 'ended' | number> => {
      if (state.generation !== seen) return 'shared';
      const answer = await send();
      if ('failed' in answer) return 'ended';
      if ('busy' in answer) return answer.busy;
      state.accept(answer.result);
      tabs.post({ type: 'session', reason: 'refresh', result: answer.result });
      return 'renewed';
    });

  return () => {
    running ??= (async () => {
      const hadSession = state.user !== null;
      const seen = state.generation;
      let outcome = await turn(seen);
      if (typeof outcome === 'number') {
        // Outside the lock, so the tab whose cookie is landing can finish and tell; then once more.
        if (state.generation === seen) await tabs.next(outcome);
        outcome = await turn(seen);
      }
      if (outcome === 'shared') return state.token !== null;
      if (outcome === 'renewed') {
        if (!hadSession) state.emit('restore');
        return true;
      }
      if (state.generation !== seen) return state.token !== null;
      state.clear();
      if (hadSession) state.emit('expired');
      return false;
    })().finally(() => {
      running = null;
    });
    return running;
  };
}
