import type { Middleware } from 'openapi-fetch';
import { ServerNotAnsweringError, type RefreshOutcome } from './refresh.js';
import type { TokenState } from './token-state.js';
import type { Problem } from './types.js';

/** Endpoints that work with the refresh cookie: only these are sent with credentials. */
const COOKIE_PATHS = new Set(['/auth/login', '/auth/refresh', '/auth/logout', '/auth/session-cookie']);
/**
 * Sent with credentials and the access token: the server hands the page its refresh token only when no cookie came
 * (page-token.ts). Like the cookie endpoints, it neither waits for nor starts a refresh.
 */
const TOKEN_AND_COOKIE_PATH = '/auth/session-token';
/** A 401 from these means "wrong password", not "token expired": no refresh for them. */
const NO_REFRESH_CODES = new Set(['invalid_credentials', 'wrong_password']);
/** Refresh this many milliseconds before the access token runs out. */
const EXPIRY_MARGIN = 10_000;

/**
 * Sends the access token as Bearer (never to the cookie endpoints, which go with credentials instead), refreshes
 * shortly before it runs out, and on a 401 refreshes once and sends the request again with the new token — or with
 * the token that replaced it meanwhile, without another refresh.
 *
 * When the server does not answer the refresh (`unreachable`, refresh.ts) the request rejects with a
 * {@link ServerNotAnsweringError} instead of handing back the 401, since the session has not ended: after a 401, or
 * before sending when the token has run out. A request whose token is still valid goes out with it.
 */
export function authMiddleware(state: TokenState, refresh: () => Promise<RefreshOutcome>): Middleware {
  const sent = new Map<string, { copy: Request; generation: number; unanswered: boolean }>();
  return {
    async onRequest({ request, schemaPath, id }) {
      if (schemaPath === TOKEN_AND_COOKIE_PATH) return prepare(request, false, state.token, true);
      const cookieCall = COOKIE_PATHS.has(schemaPath);
      let unanswered = false;
      if (!cookieCall && state.token && Date.now() > state.expiresAt - EXPIRY_MARGIN) {
        unanswered = (await waitFor(refresh(), request.signal)) === 'unreachable';
        if (unanswered && state.token && Date.now() >= state.expiresAt) throw new ServerNotAnsweringError();
      }
      const prepared = prepare(request, cookieCall, state.token);
      if (!cookieCall && state.token) sent.set(id, { copy: prepared.clone(), generation: state.generation, unanswered });
      return prepared;
    },
    async onResponse({ request, response, id, options: merged }) {
      const original = sent.get(id);
      sent.delete(id);
      if (response.status !== 401 || !original) return undefined;
      if (await isCredentialProblem(response)) return undefined;
      // When the token changed after this request left, use the new one (or give up if the session ended).
      if (original.generation === state.generation) {
        // A refresh that found no server just before this request left is not tried twice in a row.
        const outcome = original.unanswered ? 'unreachable' : await waitFor(refresh(), request.signal);
        if (outcome === 'unreachable') throw new ServerNotAnsweringError();
      }
      if (!state.token) return undefined;
      return merged.fetch(prepare(original.copy, false, state.token));
    },
    onError({ id }) {
      sent.delete(id);
    },
  };
}

/** The request with the access token (unless a cookie call) and with credentials for cookie calls or `withCookie`. */
function prepare(request: Request, cookieCall: boolean, value: string | null, withCookie = cookieCall): Request {
  const headers = new Headers(request.headers);
  if (value && !cookieCall) headers.set('Authorization', `Bearer ${value}`);
  else headers.delete('Authorization');
  return new Request(request, { headers, credentials: withCookie ? 'include' : 'omit' });
}

async function isCredentialProblem(response: Response): Promise<boolean> {
  if (!response.headers.get('Content-Type')?.includes('json')) return false;
  try {
    const body = (await response.clone().json()) as Partial<Problem>;
    return typeof body.code === 'string' && NO_REFRESH_CODES.has(body.code);
  } catch {
    return false;
  }
}

/** Waits for a shared promise, but lets one caller's AbortSignal stop its own waiting. */
function waitFor<T>(promise: Promise<T>, signal: AbortSignal | null): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
