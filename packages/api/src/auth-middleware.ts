import type { Middleware } from 'openapi-fetch';
import type { TokenState } from './token-state.js';
import type { Problem } from './types.js';

/** Endpoints that work with the refresh cookie: only these are sent with credentials. */
const COOKIE_PATHS = new Set(['/auth/login', '/auth/refresh', '/auth/logout']);
/** A 401 from these means "wrong password", not "token expired": no refresh for them. */
const NO_REFRESH_CODES = new Set(['invalid_credentials', 'wrong_password']);
/** Refresh this many milliseconds before the access token runs out. */
const EXPIRY_MARGIN = 10_000;

/**
 * Sends the access token as Bearer (never to the cookie endpoints, which go with credentials instead), refreshes
 * shortly before it runs out, and on a 401 refreshes once and sends the request again with the new token — or with
 * the token that replaced it meanwhile, without another refresh.
 */
export function authMiddleware(state: TokenState, refresh: () => Promise<boolean>): Middleware {
  const sent = new Map<string, { copy: Request; generation: number }>();
  return {
    async onRequest({ request, schemaPath, id }) {
      const cookieCall = COOKIE_PATHS.has(schemaPath);
      if (!cookieCall && state.token && Date.now() > state.expiresAt - EXPIRY_MARGIN) {
        await waitFor(refresh(), request.signal);
      }
      const prepared = prepare(request, cookieCall, state.token);
      if (!cookieCall && state.token) sent.set(id, { copy: prepared.clone(), generation: state.generation });
      return prepared;
    },
    async onResponse({ request, response, id, options: merged }) {
      const original = sent.get(id);
      sent.delete(id);
      if (response.status !== 401 || !original) return undefined;
      if (await isCredentialProblem(response)) return undefined;
      // When the token changed after this request left, use the new one (or give up if the session ended).
      const renewed = original.generation !== state.generation ? state.token !== null : await waitFor(refresh(), request.signal);
      if (!renewed || !state.token) return undefined;
      return merged.fetch(prepare(original.copy, false, state.token));
    },
    onError({ id }) {
      sent.delete(id);
    },
  };
}

function prepare(request: Request, cookieCall: boolean, value: string | null): Request {
  const headers = new Headers(request.headers);
  if (value && !cookieCall) headers.set('Authorization', `Bearer ${value}`);
  else headers.delete('Authorization');
  return new Request(request, { headers, credentials: cookieCall ? 'include' : 'omit' });
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
