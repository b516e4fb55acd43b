import { createApiClient, dayIn, type ApiClient, type MarkerStorage, type Me, type OrganizationPublic, type Problem } from '@hausportal/api';
import { demoMe, demoOrganization, demoPassword } from './fixtures.js';

/** What a fake route handler gets. */
export interface FakeRequest {
  method: string;
  /** Path below the API base, e.g. `/units/42`. */
  path: string;
  /** Values of `{name}` segments of the route pattern. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, FormData for multipart, else the text (or undefined). */
  body: unknown;
  headers: Headers;
  /** The user whose access token came with the request, or null. */
  user: Me | null;
  signal: AbortSignal;
}

/** A handler answers with a body (200 JSON) or `{status, body?, headers?}`. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export type FakeHandler = (request: FakeRequest) => unknown | Promise<unknown>;
export type FakeRoutes = Record<string, FakeHandler>;

export interface FakeCall {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
  credentials: RequestCredentials;
}

export interface FakeApiOptions {
  /** Answer of `GET /organizations/{slug}/public` (default {@link demoOrganization}). */
  organization?: OrganizationPublic;
  /** The user the refresh cookie belongs to when the page loads; null or absent = nobody is logged in. */
  user?: Me | null;
  /** The user the default login accepts with {@link demoPassword} (default `user` or {@link demoMe}). */
  account?: Me;
  baseUrl?: string;
  /** The fake server's clock: `now` and `today` of the organization's answer (default: this device's clock). */
  now?: () => Date;
  /**
   * The browser refuses the refresh cookie (third-party cookies blocked, Safari's tracking prevention): a login signs
   * in for the page but sets no cookie, so `GET /auth/session-cookie` finds none and a refresh without the page's token
   * finds no session. `POST /auth/session-token` hands that token out once per login, and a refresh with it in the body
   * rotates it as the server does (a used one answers 401).
   */
  cookieRefused?: boolean;
  /**
   * The page's sessionStorage as the client sees it (the cookie-refused marker); default a fresh one per fake, so tests
   * do not share it. Pass one storage to two fakes to play a reload of the same tab ({@link memoryStorage}).
   */
  storage?: MarkerStorage;
}

export interface FakeApi {
  client: ApiClient;
  /** The in-memory server as a fetch, e.g. to stand in for `window.fetch` under the fake's `baseUrl`. */
  fetch: typeof globalThis.fetch;
  calls: FakeCall[];
  /** Makes every access token issued so far invalid (the next request gets 401 and refreshes). */
  expireTokens(): void;
  /** Sets (or clears) the user of the refresh cookie, as if logged in elsewhere or logged out on the server. */
  setCookieUser(user: Me | null): void;
  /** Calls made to one route, e.g. `fake.callsTo('POST /auth/refresh')`. */
  callsTo(route: string): FakeCall[];
}

export function problem(status: number, code: string, title = code, extra: Partial<Problem> = {}): FakeResponse {
  return { status, body: { type: `https://hausportal.dev/problems/${code}`, title, status, code, ...extra } };
}

function isResponse(value: unknown): value is FakeResponse {
  if (!value || typeof value !== 'object' || typeof (value as FakeResponse).status !== 'number') return false;
  return Object.keys(value).every((key) => key === 'status' || key === 'body' || key === 'headers');
}

function compile(pattern: string): { method: string; regex: RegExp; names: string[] } {
  const [method = 'GET', path = '/'] = pattern.trim().split(/\s+/);
  const names: string[] = [];
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method: method.toUpperCase(), regex: new RegExp(`^${source}$`), names };
}

/**
 * An API client on an in-memory server: the real {@link createApiClient} (Bearer, refresh, retry) talking to
 * `routes`. Built-in routes cover the organization, login, refresh, logout and `GET /me`; `routes` override them.
 * Unknown routes answer 404 problem+json.
 */
export function createFakeApi(routes: FakeRoutes = {}, options: FakeApiOptions = {}): FakeApi {
  const organization = options.organization ?? demoOrganization;
  const now = options.now ?? (() => new Date());
  const account = options.account ?? options.user ?? demoMe;
  let cookieUser: Me | null = options.user ?? null;
  /** The page's refresh token (cookie refused) and whose it is, or null. */
  let pageToken: { token: string; user: Me } | null = null;
  let handedOut = false;
  let tokenCount = 0;
  const tokens = new Map<string, Me>();
  const calls: FakeCall[] = [];

  const issue = (user: Me) => {
    const accessToken = `fake-access-${++tokenCount}`;
    tokens.set(accessToken, user);
    return { accessToken, tokenType: 'Bearer' as const, expiresIn: 300, user };
  };

  const builtIn: FakeRoutes = {
    'GET /organizations/{slug}/public': ({ params }) => {
      if (params.slug !== organization.slug) return problem(404, 'not_found', 'Unknown organization');
      const instant = now();
      return { ...organization, now: instant.toISOString(), today: dayIn(instant, organization.timeZone) };
    },
    'POST /auth/login': ({ body }) => {
      const { username, password } = (body ?? {}) as { username?: string; password?: string };
      const known = username === account.username || username === account.email;
      if (!known || password !== demoPassword) return problem(401, 'invalid_credentials', 'Invalid credentials');
      if (!options.cookieRefused) cookieUser = account;
      handedOut = false;
      return issue(account);
    },
    'GET /auth/session-cookie': () => ({ present: cookieUser !== null }),
    'POST /auth/session-token': ({ user }) => {
      if (!user) return problem(401, 'invalid_token', 'Unauthorized');
      if (cookieUser) return problem(409, 'cookie_present');
      if (handedOut) return problem(409, 'session_token_issued');
      handedOut = true;
      pageToken = { token: `fake-page-token-${++tokenCount}`, user };
      return { refreshToken: pageToken.token, expiresAt: new Date(now().getTime() + 12 * 3600_000).toISOString() };
    },
    // Like the server: no refresh cookie (and no page token) is no session, answered 204 (openapi.yaml, /auth/refresh).
    'POST /auth/refresh': ({ body }) => {
      if (cookieUser) return issue(cookieUser);
      const sent = (body as { refreshToken?: string } | undefined)?.refreshToken;
      if (sent === undefined) return { status: 204 };
      if (!pageToken || sent !== pageToken.token) return problem(401, 'invalid_refresh_token');
      pageToken.token = `fake-page-token-${++tokenCount}`;
      return { ...issue(pageToken.user), refreshToken: pageToken.token, refreshExpiresAt: new Date(now().getTime() + 3600_000).toISOString() };
    },
    'POST /auth/logout': () => {
      cookieUser = null;
      pageToken = null;
      return { status: 204 };
    },
    'GET /me': ({ user }) => user ?? problem(401, 'unauthorized', 'Unauthorized'),
  };
  const table = Object.entries({ ...builtIn, ...routes }).map(([pattern, handler]) => ({ ...compile(pattern), handler }));
  const baseUrl = options.baseUrl ?? 'https://api.example.test/api';
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname;
    const body = await readBody(request);
    const bearer = request.headers.get('Authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    calls.push({ method: request.method, path, body, headers: request.headers, credentials: request.credentials });
    const route = table.find((r) => r.method === request.method && r.regex.test(path));
    let answer: unknown;
    if (!route) answer = problem(404, 'not_found', `No route ${request.method} ${path}`);
    else {
      const match = route.regex.exec(path)!;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
      const user = tokens.get(bearer) ?? null;
      answer = await route.handler({ method: request.method, path, params, query: url.searchParams, body, headers: request.headers, user, signal: request.signal });
    }
    request.signal.throwIfAborted();
    return toResponse(isResponse(answer) ? answer : { status: 200, body: answer });
  };

  // On its own: tests on one page must not take turns with, or follow the logins of, each other's fake clients.
  const client = createApiClient({ baseUrl, organization: organization.slug, fetch, shareAcrossTabs: false, storage: options.storage ?? memoryStorage() });
  return {
    client,
    fetch,
    calls,
    expireTokens: () => tokens.clear(),
    setCookieUser: (user) => {
      cookieUser = user;
    },
    callsTo: (route) => {
      const { method, regex } = compile(route);
      return calls.filter((call) => call.method === method && regex.test(call.path));
    },
  };
}

/** An in-memory stand-in for the page's sessionStorage (only what the client uses). */
export function memoryStorage(): MarkerStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

async function readBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const type = request.headers.get('Content-Type') ?? '';
  if (type.includes('multipart/form-data')) return request.clone().formData();
  const text = await request.clone().text();
  if (!text) return undefined;
  try {
    return type.includes('json') ? JSON.parse(text) : text;
  } catch {
    return text;
  }
}

function toResponse({ status, body, headers = {} }: FakeResponse): Response {
  if (status === 204 || status === 304 || body === undefined) return new Response(null, { status, headers });
  if (body instanceof Blob || typeof body === 'string') return new Response(body, { status, headers });
  const problemBody = status >= 400 && typeof body === 'object' && body !== null && 'title' in body;
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': problemBody ? 'application/problem+json' : 'application/json', ...headers },
  });
}
