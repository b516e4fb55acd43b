import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, type ApiClient, type ApiClientOptions } from './client-types.js';
import type { AuthResult, Me, Problem, SessionChange, SessionChangeReason, paths } from './types.js';

/** Endpoints that work with the refresh cookie: only these are sent with credentials. */
const COOKIE_PATHS = new Set(['/auth/login', '/auth/refresh', '/auth/logout']);
/** A 401 from these means "wrong password", not "token expired": no refresh for them. */
const NO_REFRESH_CODES = new Set(['invalid_credentials', 'wrong_password']);
/** Refresh this many milliseconds before the access token runs out. */
const EXPIRY_MARGIN = 10_000;

/**
 * Creates the typed API client of one session. The access token stays in this closure; it is sent as Bearer
 * on every request, renewed once through `POST /auth/refresh` when an answer is 401 (requests that fail at the
 * same time share one refresh) and the failed request is then sent once more.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const transport: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: transport });
  const organization = options.organization;
  const listeners = new Set<(change: SessionChange) => void>();

  let token: string | null = null;
  let expiresAt = 0;
  let user: Me | null = null;
  let refreshing: Promise<boolean> | null = null;
  let restoring: Promise<Me | null> | null = null;
  /** Bumped whenever the token is replaced or dropped. */
  let generation = 0;
  const sent = new Map<string, { copy: Request; generation: number }>();

  const emit = (reason: SessionChangeReason) => {
    const change: SessionChange = { user, reason };
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch (error) {
        console.error(error);
      }
    }
  };

  const accept = (result: AuthResult) => {
    token = result.accessToken;
    expiresAt = Date.now() + result.expiresIn * 1000;
    user = result.user;
    generation++;
  };

  const clear = () => {
    token = null;
    expiresAt = 0;
    user = null;
    generation++;
  };

  /** One refresh at a time; resolves whether a new access token arrived. Ends the session when it fails. */
  const refresh = (): Promise<boolean> => {
    refreshing ??= (async () => {
      const hadSession = user !== null;
      try {
        const { data } = await client.POST('/auth/refresh', { body: { organization } });
        if (data) {
          accept(data);
          if (!hadSession) emit('restore');
          return true;
        }
      } catch {
        // network failure: treated as a failed refresh below
      }
      clear();
      if (hadSession) emit('expired');
      return false;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const prepare = (request: Request, cookieCall: boolean, value: string | null): Request => {
    const headers = new Headers(request.headers);
    if (value && !cookieCall) headers.set('Authorization', `Bearer ${value}`);
    else headers.delete('Authorization');
    return new Request(request, { headers, credentials: cookieCall ? 'include' : 'omit' });
  };

  const auth: Middleware = {
    async onRequest({ request, schemaPath, id }) {
      const cookieCall = COOKIE_PATHS.has(schemaPath);
      if (!cookieCall && token && Date.now() > expiresAt - EXPIRY_MARGIN) {
        await waitFor(refresh(), request.signal);
      }
      const prepared = prepare(request, cookieCall, token);
      if (!cookieCall && token) sent.set(id, { copy: prepared.clone(), generation });
      return prepared;
    },
    async onResponse({ request, response, id, options: merged }) {
      const original = sent.get(id);
      sent.delete(id);
      if (response.status !== 401 || !original) return undefined;
      if (await isCredentialProblem(response)) return undefined;
      // When the token changed after this request left, use the new one (or give up if the session ended).
      const renewed = original.generation !== generation ? token !== null : await waitFor(refresh(), request.signal);
      if (!renewed || !token) return undefined;
      return merged.fetch(prepare(original.copy, false, token));
    },
    onError({ id }) {
      sent.delete(id);
    },
  };
  client.use(auth);

  const api = client as ApiClient;
  Object.defineProperties(api, {
    baseUrl: { value: options.baseUrl, enumerable: true },
    organization: { value: organization, enumerable: true },
    user: { get: () => user, enumerable: true },
  });
  return Object.assign(api, {
    async login(username: string, password: string): Promise<AuthResult> {
      const { data, error, response } = await client.POST('/auth/login', {
        body: { organization, username, password },
      });
      if (!data) throw new ApiError(toProblem(error, response));
      accept(data);
      emit('login');
      return data;
    },
    async logout(): Promise<void> {
      try {
        await client.POST('/auth/logout', { body: {} });
      } catch {
        // the session ends locally anyway
      }
      clear();
      emit('logout');
    },
    restore(): Promise<Me | null> {
      if (user) return Promise.resolve(user);
      restoring ??= refresh()
        .then((ok) => (ok ? user : null))
        .finally(() => {
          restoring = null;
        });
      return restoring;
    },
    setUser(next: Me): void {
      user = next;
      emit('update');
    },
    onSessionChange(listener: (change: SessionChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}

/** Turns whatever came back into a problem, so callers always get `status` and `title`. */
export function toProblem(error: unknown, response: Response): Problem {
  if (error && typeof error === 'object' && 'status' in error && 'title' in error) return error as Problem;
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    ...(typeof error === 'string' && error ? { detail: error } : {}),
  };
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
