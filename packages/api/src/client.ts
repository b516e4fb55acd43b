import createClient, { type Client } from 'openapi-fetch';
import { authMiddleware } from './auth-middleware.js';
import { ApiError, type ApiClient, type ApiClientOptions } from './client-types.js';
import { explainBlockedOrigin } from './origin-check.js';
import { PageToken } from './page-token.js';
import { createRefresh, realTiming, refreshAnswer, type RefreshOutcome, type RefreshTiming } from './refresh.js';
import { SessionCookieWatch, pageSessionStorage, probeSessionCookie } from './session-cookie.js';
import { connectTabs, soloTabs, type TabMessage } from './tabs.js';
import { TokenState } from './token-state.js';
import { createUpload } from './upload.js';
import type { AuthResult, Me, Problem, SessionChange, paths } from './types.js';

/**
 * Creates the typed API client of one session. The access token stays in this closure; it is sent as Bearer on every
 * request, renewed through `POST /auth/refresh` when an answer is 401 (requests that fail at the same time share one
 * refresh) and the failed request is then sent once more.
 *
 * Unless `shareAcrossTabs` is false, the client follows the other tabs of this browser with the same API and
 * organization (DESIGN §6): refreshes, logins and logouts take turns under a Web Lock, a new access token is shared
 * over a BroadcastChannel (so one refresh serves every tab), a logout anywhere signs out everywhere and a login lets
 * the others in. Without those APIs it works alone, as before.
 *
 * A refresh the server does not answer (network error, server restarting, proxy 502/503/504) ends nothing: it is tried
 * again with the same cookie for up to 15 s while the requests that need the token wait (refresh.ts); only a definite
 * answer (401, 403, a refused origin) ends the session.
 *
 * Errors: `login` throws {@link ApiError} with the server's problem; HTTP error answers come back as openapi-fetch's
 * `error`. A request rejects with fetch's TypeError when the server cannot be reached; with an `OriginNotAllowedError`
 * (origin-check.ts) instead when the browser refuses it because the API does not admit this page's origin (CORS), and
 * the console says once which setting admits the origin; with a `ServerNotAnsweringError` (refresh.ts) when its access
 * token had to be renewed and the server did not answer the refresh.
 *
 * After a login (here or in another tab) the client asks whether the browser kept the refresh cookie
 * (`GET /auth/session-cookie`, session-cookie.ts): a browser that refuses it (Safari's tracking prevention, the API's
 * cookies blocked on this site) signs in for this page only. `sessionCookie` then says `refused` and a marker in the
 * page's sessionStorage carries that over a reload, so the widgets can say why the session is gone; a refresh that
 * works clears it. After its own login with the cookie refused, the client takes the session's refresh token into its
 * memory once (`POST /auth/session-token`, page-token.ts) and refreshes with it in the body, so the session lasts as
 * long as the page stays open; a reload loses it. Other tabs get only the access tokens, never that token.
 *
 * `timing`: the clock and pauses of the refresh retries; tests pass a virtual one.
 */
export function createApiClient(options: ApiClientOptions, timing: RefreshTiming = realTiming): ApiClient {
  const { client, state, api, common } = clientCore(options);
  const organization = options.organization;
  let restoring: Promise<Me | null> | null = null;
  const cookie = new SessionCookieWatch(options.baseUrl, organization, state, options.storage === undefined ? pageSessionStorage() : options.storage);
  const checkSessionCookie = () => probeSessionCookie(() => client.GET('/auth/session-cookie'), cookie);
  Object.defineProperty(api, 'sessionCookie', { get: () => cookie.value, enumerable: true });
  const pageToken = new PageToken();
  /** After this client's own login: where the browser refused the cookie, the session's token goes into memory. */
  const afterLogin = async () => {
    if ((await checkSessionCookie()) === 'refused') await pageToken.obtain(() => client.POST('/auth/session-token', { body: {} }));
  };
  /** The page's token is no longer this tab's session (a logout, or a new login here or elsewhere): its family ends too. */
  const endPageToken = () => {
    if (!pageToken.held) return;
    void client.POST('/auth/logout', { body: pageToken.fields() }).catch(() => undefined);
    pageToken.drop();
  };

  /** Another tab logged in, refreshed or logged out. */
  const receive = (message: TabMessage) => {
    const before = state.user;
    if (message.type === 'logout' || message.reason === 'login') endPageToken();
    if (message.type === 'logout') {
      state.clear();
      if (before) state.emit('logout');
      return;
    }
    state.accept(message.result);
    // Another tab signed in: its marker lives in its own sessionStorage, so this tab asks for itself.
    if (!before && message.reason === 'login') void checkSessionCookie();
    if (!before) state.emit(message.reason === 'login' ? 'login' : 'restore');
    else if (before.id !== message.result.user.id) state.emit('login');
  };
  const tabs = options.shareAcrossTabs === false ? soloTabs : connectTabs(options.baseUrl, organization, receive);
  const send = async () => {
    await pageToken.settled();
    const answer = await refreshAnswer(async () => {
      const sent = await client.POST('/auth/refresh', { body: { organization, ...pageToken.fields() } });
      return sent.data ? { ...sent, data: pageToken.take(sent.data) } : sent;
    });
    // A refresh that worked without the page's token came with the cookie: the browser keeps it here (the marker goes).
    if ('result' in answer && !pageToken.held) cookie.kept();
    if ('failed' in answer) pageToken.drop();
    return answer;
  };
  const refresh = createRefresh(state, tabs, send, timing);
  client.use(authMiddleware(state, refresh));

  return Object.assign(api, {
    async login(username: string, password: string): Promise<AuthResult> {
      const { data, error, response } = await tabs.exclusive(() =>
        client.POST('/auth/login', { body: { organization, username, password } }),
      );
      if (!data) throw new ApiError(toProblem(error, response));
      endPageToken();
      state.accept(data);
      state.emit('login');
      tabs.post({ type: 'session', reason: 'login', result: data });
      // Whether the browser kept the cookie: if not, the page keeps the session's token (page-token.ts).
      void afterLogin();
      return data;
    },
    async logout(): Promise<void> {
      await pageToken.settled();
      const body = pageToken.fields();
      pageToken.drop();
      await tabs.exclusive(() => client.POST('/auth/logout', { body })).catch(() => {
        // the session ends locally anyway
      });
      state.clear();
      state.emit('logout');
      tabs.post({ type: 'logout' });
    },
    restore(): Promise<Me | null> {
      if (state.user) return Promise.resolve(state.user);
      restoring ??= refresh()
        .then((outcome) => (outcome === 'renewed' ? state.user : null))
        .finally(() => {
          restoring = null;
        });
      return restoring;
    },
    checkSessionCookie,
    ...common(refresh),
  });
}

/** What every client of one session is built from (see {@link clientCore}). */
export interface ClientCore {
  /** openapi-fetch over the page's fetch (or `options.fetch`), explaining a refused origin (origin-check.ts). */
  client: Client<paths>;
  /** The access token, its expiry and the user, in memory only. */
  state: TokenState;
  /** `client` with `baseUrl`, `organization` and `user` defined; the caller adds the session methods. */
  api: ApiClient;
  /** `setUser`, `onSessionChange` and `upload` (the latter renews through `refresh` on a 401, upload.ts). */
  common(refresh: () => Promise<RefreshOutcome>): Pick<ApiClient, 'setUser' | 'onSessionChange' | 'upload'>;
}

/**
 * The parts a session client has whatever way it signs in: the transport, the token state, the read-only properties
 * and the methods that only follow the state. {@link createApiClient} adds login, logout and restore through the
 * refresh cookie; preview.ts `createPreviewClient` adds its own.
 */
export function clientCore(options: Pick<ApiClientOptions, 'baseUrl' | 'organization' | 'fetch' | 'xhr'>): ClientCore {
  const transport = explainBlockedOrigin((input, init) => (options.fetch ?? globalThis.fetch)(input, init), options.baseUrl);
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: transport });
  const state = new TokenState();
  const api = client as ApiClient;
  Object.defineProperties(api, {
    baseUrl: { value: options.baseUrl, enumerable: true },
    organization: { value: options.organization, enumerable: true },
    user: { get: () => state.user, enumerable: true },
  });
  const common = (refresh: () => Promise<RefreshOutcome>) => ({
    setUser(next: Me): void {
      state.user = next;
      state.emit('update');
    },
    onSessionChange(listener: (change: SessionChange) => void): () => void {
      return state.subscribe(listener);
    },
    upload: createUpload(options.baseUrl, state, refresh, options.xhr ?? (() => new XMLHttpRequest())),
  });
  return { client, state, api, common };
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
