import { expect } from '@open-wc/testing';
import { ApiError, OriginNotAllowedError, createApiClient, type ApiClient, type AuthResult, type Me, type SessionChange } from '../src/index.js';
import { RETRY_WINDOW, ServerNotAnsweringError, isServerNotAnswering, refreshAnswer, type RefreshTiming } from '../src/refresh.js';

const me: Me = {
  id: 'u1',
  email: 'mara@example.com',
  username: 'mara',
  name: 'Mara Huber',
  status: 'active',
  locale: 'de',
  notifications: 'immediate', digestHour: 7,
  phone: null,
  birthDate: null,
  organization: 'immopro',
  role: 'tenant',
  memberships: [],
  mustChangePassword: false,
  termsAcceptedAt: null,
  termsVersion: null,
  pendingActions: [],
};

interface Seen {
  method: string;
  path: string;
  auth: string | null;
  credentials: RequestCredentials;
  body: unknown;
}

/** What a refresh meets instead of the server's answer (see `faults` below). */
type Fault = 'network' | 'lost' | { status: number; headers?: Record<string, string>; body?: string };

/**
 * A tiny in-memory server: refresh cookie, issued tokens, and a hook to hold refresh answers back. Like the real one,
 * a refresh without a cookie answers 204 and one with a cookie it does not know 401 (openapi.yaml, /auth/refresh);
 * each refresh rotates the cookie, and the cookie just rotated gets the same successor again (the server's grace
 * window, server/src/auth/sessions.ts). `faults` are taken one per refresh: `network` fails before the server sees it,
 * `lost` after the server rotated (the answer and its cookie never arrive), a status is a proxy's answer.
 */
function server() {
  const seen: Seen[] = [];
  const valid = new Set<string>();
  const faults: Fault[] = [];
  /** The browser's refresh cookie: a cookie the server issued, one it does not know, or none. */
  let jar: number | 'stale' | null = null;
  /** The server's current cookie, and the one it replaced with its result (for the grace window). */
  let current = 0;
  let previous: { cookie: number; result: AuthResult } | null = null;
  let cookies = 0;
  let issued = 0;
  let expiresIn = 300;
  let refreshGate: Promise<void> = Promise.resolve();
  const json = (status: number, body: unknown, problem = false) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json' },
    });
  const issue = (): AuthResult => {
    const accessToken = `t${++issued}`;
    valid.add(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn, user: me };
  };
  const newFamily = () => {
    current = ++cookies;
    jar = current;
    previous = null;
  };
  const refresh = (fault: Fault | undefined): Response => {
    if (jar === null) return new Response(null, { status: 204 });
    let result: AuthResult;
    if (jar === current) {
      result = issue();
      previous = { cookie: current, result };
      current = ++cookies;
    } else if (previous && jar === previous.cookie) {
      result = previous.result;
    } else {
      return json(401, { type: 'x', title: 'No session', status: 401, code: 'invalid_refresh_token' }, true);
    }
    if (fault === 'lost') throw new TypeError('Failed to fetch');
    jar = current;
    return json(200, result);
  };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    request.signal.throwIfAborted();
    const path = new URL(request.url).pathname.replace(/^\/api/, '');
    const text = await request.text();
    const body = text ? JSON.parse(text) : undefined;
    const auth = request.headers.get('Authorization');
    seen.push({ method: request.method, path, auth, credentials: request.credentials, body });
    if (path === '/auth/login') {
      if (body.password !== 'right-password') return json(401, { type: 'x', title: 'Invalid', status: 401, code: 'invalid_credentials' }, true);
      newFamily();
      return json(200, issue());
    }
    if (path === '/auth/refresh') {
      await refreshGate;
      const fault = faults.shift();
      if (fault === 'network') throw new TypeError('Failed to fetch');
      if (fault && fault !== 'lost') return new Response(fault.body ?? '<html><body>Bad Gateway</body></html>', { status: fault.status, headers: { 'Content-Type': 'text/html', ...fault.headers } });
      return refresh(fault);
    }
    if (path === '/auth/logout') {
      jar = null;
      return new Response(null, { status: 204 });
    }
    if (!auth || !valid.has(auth.slice('Bearer '.length))) {
      return json(401, { type: 'x', title: 'Unauthorized', status: 401 }, true);
    }
    if (path === '/me' && request.method === 'PATCH') return json(200, { ...me, ...body });
    if (path === '/me') return json(200, me);
    return json(404, { type: 'x', title: 'Not found', status: 404 }, true);
  };
  return {
    seen,
    fetch,
    faults,
    expireAll: () => valid.clear(),
    dropCookie: () => {
      jar = null;
    },
    setCookie: newFamily,
    staleCookie: () => {
      jar = 'stale';
    },
    /** Access tokens issued from now on live this many seconds. */
    tokensLive: (seconds: number) => {
      expiresIn = seconds;
    },
    holdRefresh() {
      let release!: () => void;
      refreshGate = new Promise((resolve) => (release = resolve));
      return release;
    },
    count: (path: string) => seen.filter((s) => s.path === path).length,
  };
}

function setup() {
  const fake = server();
  const client = createApiClient({ baseUrl: '/api', organization: 'immopro', fetch: fake.fetch });
  const changes: SessionChange[] = [];
  client.onSessionChange((change) => changes.push(change));
  return { fake, client, changes };
}

describe('createApiClient', () => {
  it('logs in, keeps the user and sends the access token as Bearer', async () => {
    const { fake, client, changes } = setup();
    const result = await client.login('mara', 'right-password');
    expect(result.user.username).to.equal('mara');
    expect(client.user?.id).to.equal('u1');
    expect(changes).to.deep.equal([{ user: me, reason: 'login' }]);
    const login = fake.seen[0]!;
    expect(login.body).to.deep.equal({ organization: 'immopro', username: 'mara', password: 'right-password' });
    expect(login.credentials).to.equal('include');
    expect(login.auth).to.equal(null);

    const { data } = await client.GET('/me');
    expect(data?.name).to.equal('Mara Huber');
    const call = fake.seen.at(-1)!;
    expect(call.auth).to.equal(`Bearer ${result.accessToken}`);
    expect(call.credentials).to.equal('omit');
  });

  it('throws an ApiError with the problem when the login fails', async () => {
    const { client, changes } = setup();
    const error = await client.login('mara', 'wrong').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(401);
    expect((error as ApiError).problem.code).to.equal('invalid_credentials');
    expect(client.user).to.equal(null);
    expect(changes).to.have.length(0);
  });

  it('refreshes once on 401 and repeats the request with the new token', async () => {
    const { fake, client } = setup();
    await client.login('mara', 'right-password');
    fake.expireAll();
    const { data, error } = await client.PATCH('/me', { body: { phone: '+43 1 234' } });
    expect(error).to.equal(undefined);
    expect(data?.phone).to.equal('+43 1 234');
    expect(fake.count('/auth/refresh')).to.equal(1);
    const refresh = fake.seen.find((s) => s.path === '/auth/refresh')!;
    expect(refresh.credentials).to.equal('include');
    expect(refresh.body).to.deep.equal({ organization: 'immopro' });
    const patches = fake.seen.filter((s) => s.path === '/me');
    expect(patches.map((p) => p.auth)).to.deep.equal(['Bearer t1', 'Bearer t2']);
    expect(patches[1]!.body).to.deep.equal({ phone: '+43 1 234' });
  });

  it('shares one refresh between requests that fail at the same time', async () => {
    const { fake, client } = setup();
    await client.login('mara', 'right-password');
    fake.expireAll();
    const release = fake.holdRefresh();
    const pending = Promise.all([client.GET('/me'), client.GET('/me'), client.PATCH('/me', { body: { notifications: 'none' } })]);
    // Let all three reach the server and the first refresh start before it may answer.
    while (fake.count('/auth/refresh') < 1 || fake.seen.filter((s) => s.path === '/me').length < 3) {
      await new Promise((resolve) => setTimeout(resolve));
    }
    release();
    const results = await pending;
    expect(results.map((r) => r.response.status)).to.deep.equal([200, 200, 200]);
    expect(fake.count('/auth/refresh')).to.equal(1);
    expect(results[2].data?.notifications).to.equal('none');
  });

  it('ends the session when the refresh finds no cookie (204) and hands back the 401', async () => {
    const { fake, client, changes } = setup();
    await client.login('mara', 'right-password');
    fake.expireAll();
    fake.dropCookie();
    const [a, b] = await Promise.all([client.GET('/me'), client.GET('/me')]);
    expect(a.response.status).to.equal(401);
    expect(b.response.status).to.equal(401);
    expect(fake.count('/auth/refresh')).to.equal(1);
    expect(client.user).to.equal(null);
    expect(changes.map((c) => c.reason)).to.deep.equal(['login', 'expired']);
    expect(changes[1]!.user).to.equal(null);
    await client.GET('/me');
    expect(fake.seen.at(-1)!.auth).to.equal(null);
  });

  it('does not refresh when the request had no token', async () => {
    const { fake, client } = setup();
    const { response } = await client.GET('/me');
    expect(response.status).to.equal(401);
    expect(fake.count('/auth/refresh')).to.equal(0);
  });

  it('restores a session from the refresh cookie after a page load', async () => {
    const { fake, client, changes } = setup();
    fake.setCookie();
    const [first, second] = await Promise.all([client.restore(), client.restore()]);
    expect(first?.id).to.equal('u1');
    expect(second).to.equal(first);
    expect(fake.count('/auth/refresh')).to.equal(1);
    expect(changes.map((c) => c.reason)).to.deep.equal(['restore']);
    await client.GET('/me');
    expect(fake.seen.at(-1)!.auth).to.equal('Bearer t1');
  });

  it('restore without a cookie (204) resolves to null and reports nothing', async () => {
    const { fake, client, changes } = setup();
    expect(await client.restore()).to.equal(null);
    expect(fake.count('/auth/refresh')).to.equal(1);
    expect(client.user).to.equal(null);
    expect(changes).to.have.length(0);
  });

  it('restore with a cookie the server refuses (401) resolves to null and reports nothing', async () => {
    const { fake, client, changes } = setup();
    fake.staleCookie();
    expect(await client.restore()).to.equal(null);
    expect(changes).to.have.length(0);
  });

  it('restore resolves to null when the network is down', async () => {
    const client = createApiClient({
      baseUrl: '/api',
      organization: 'immopro',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(await client.restore()).to.equal(null);
  });

  it('logout clears the user and token and tells the listeners', async () => {
    const { fake, client, changes } = setup();
    await client.login('mara', 'right-password');
    await client.logout();
    expect(client.user).to.equal(null);
    expect(changes.at(-1)).to.deep.equal({ user: null, reason: 'logout' });
    const logout = fake.seen.find((s) => s.path === '/auth/logout')!;
    expect(logout.credentials).to.equal('include');
    await client.GET('/me');
    expect(fake.seen.at(-1)!.auth).to.equal(null);
    expect(await client.restore()).to.equal(null);
  });

  it('logout never throws on network errors', async () => {
    let online = true;
    const fake = server();
    const client = createApiClient({
      baseUrl: '/api',
      organization: 'immopro',
      fetch: (input, init) => (online ? fake.fetch(input, init) : Promise.reject(new TypeError('offline'))),
    });
    await client.login('mara', 'right-password');
    online = false;
    await client.logout();
    expect(client.user).to.equal(null);
  });

  it('setUser replaces the user and notifies', async () => {
    const { client, changes } = setup();
    await client.login('mara', 'right-password');
    client.setUser({ ...me, phone: '+43 660 1' });
    expect(client.user?.phone).to.equal('+43 660 1');
    expect(changes.at(-1)?.reason).to.equal('update');
  });

  it('unsubscribed listeners hear nothing', async () => {
    const { client } = setup();
    const heard: SessionChange[] = [];
    const off = client.onSessionChange((c) => heard.push(c));
    off();
    await client.login('mara', 'right-password');
    expect(heard).to.have.length(0);
  });

  it('passes the AbortSignal through', async () => {
    const { client } = setup();
    await client.login('mara', 'right-password');
    const controller = new AbortController();
    controller.abort();
    const error = await client.GET('/me', { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('lets an aborted request stop waiting for a shared refresh without cancelling it', async () => {
    const { fake, client } = setup();
    await client.login('mara', 'right-password');
    fake.expireAll();
    const release = fake.holdRefresh();
    const controller = new AbortController();
    const aborted = client.GET('/me', { signal: controller.signal }).catch((e: unknown) => e);
    const other = client.GET('/me');
    while (fake.count('/auth/refresh') < 1) await new Promise((resolve) => setTimeout(resolve));
    controller.abort();
    expect(((await aborted) as DOMException).name).to.equal('AbortError');
    release();
    expect((await other).response.status).to.equal(200);
    expect(fake.count('/auth/refresh')).to.equal(1);
  });

  it('keeps the token out of every storage the page can read', async () => {
    const { client } = setup();
    const result = await client.login('mara', 'right-password');
    await client.GET('/me');
    const token = result.accessToken;
    const stored = [
      ...Object.keys(localStorage).map((k) => k + localStorage.getItem(k)),
      ...Object.keys(sessionStorage).map((k) => k + sessionStorage.getItem(k)),
      document.cookie,
      location.href,
    ].join('\n');
    // The fake's tokens are short (`t1`): looked for as whole words, since the test page's own URL holds a random id.
    const words = (text: string) => text.split(/[^A-Za-z0-9]+/);
    expect(words(stored)).not.to.include(token);
    expect(words(JSON.stringify(client))).not.to.include(token);
    expect(Object.values(client).some((v) => v === token)).to.equal(false);
  });
});

/** Reads the URL without touching the body (a Request made from a Request takes its body). */
const isRefresh = (input: RequestInfo | URL) => (input instanceof Request ? input.url : String(input)).endsWith('/auth/refresh');

describe('createApiClient between tabs', () => {
  let n = 0;
  /** Two clients of one API and organization, as in two tabs of one browser: one server, one cookie. */
  function twoTabs() {
    const fake = server();
    const organization = `tabs-${++n}`;
    const open = () => {
      const client = createApiClient({ baseUrl: '/api', organization, fetch: fake.fetch });
      const changes: SessionChange[] = [];
      client.onSessionChange((change) => changes.push(change));
      return { client, changes };
    };
    return { fake, organization, a: open(), b: open() };
  }
  const nextChange = (client: ApiClient) => new Promise<SessionChange>((resolve) => {
    const off = client.onSessionChange((change) => {
      off();
      resolve(change);
    });
  });

  it('a login in one tab signs in the other, which then uses the shared token without a refresh', async () => {
    const { fake, a, b } = twoTabs();
    const followed = nextChange(b.client);
    const result = await a.client.login('mara', 'right-password');
    expect(await followed).to.deep.equal({ user: me, reason: 'login' });
    expect(b.client.user?.id).to.equal('u1');
    expect((await b.client.GET('/me')).response.status).to.equal(200);
    expect(fake.seen.at(-1)!.auth).to.equal(`Bearer ${result.accessToken}`);
    expect(fake.count('/auth/refresh')).to.equal(0);
  });

  it('a logout in one tab signs out the other', async () => {
    const { a, b } = twoTabs();
    const followed = nextChange(b.client);
    await a.client.login('mara', 'right-password');
    await followed;
    const ended = nextChange(b.client);
    await a.client.logout();
    expect(await ended).to.deep.equal({ user: null, reason: 'logout' });
    expect(b.client.user).to.equal(null);
  });

  it('tabs restoring at once never refresh at the same time, and both end up signed in', async () => {
    const { fake, a, b } = twoTabs();
    fake.setCookie();
    let inFlight = 0;
    let most = 0;
    const fetch = fake.fetch;
    const counting = async (input: RequestInfo | URL, init?: RequestInit) => {
      const refresh = isRefresh(input);
      if (refresh) most = Math.max(most, ++inFlight);
      try {
        return await fetch(input, init);
      } finally {
        if (refresh) inFlight--;
      }
    };
    const release = fake.holdRefresh();
    const tab = (organization: string) => createApiClient({ baseUrl: '/api', organization, fetch: counting });
    const [c, d] = [tab(a.client.organization), tab(a.client.organization)];
    const followed = nextChange(b.client);
    const restored = Promise.all([c.restore(), d.restore()]);
    while (fake.count('/auth/refresh') < 1) await new Promise((resolve) => setTimeout(resolve));
    release();
    const [first, second] = await restored;
    expect([first?.id, second?.id]).to.deep.equal(['u1', 'u1']);
    expect(most).to.equal(1);
    expect((await followed).user?.id, 'a third tab followed as well').to.equal('u1');
  });

  it('after a 409 it takes the result another tab shares instead of giving up', async () => {
    const { fake, a, b } = twoTabs();
    const busy = async (input: RequestInfo | URL, init?: RequestInit) =>
      isRefresh(input)
        ? new Response(JSON.stringify({ type: 'x', title: 'Busy', status: 409, code: 'refresh_in_progress' }), {
            status: 409,
            headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '5' },
          })
        : fake.fetch(input, init);
    const waiting = createApiClient({ baseUrl: '/api', organization: a.client.organization, fetch: busy });
    const restored = waiting.restore();
    await a.client.login('mara', 'right-password');
    expect((await restored)?.id).to.equal('u1');
    expect(waiting.user?.id).to.equal('u1');
    expect(b.client.user?.id).to.equal('u1');
  });

  it('after a 409 alone it tries once more, and no more than that', async () => {
    const fake = server();
    fake.setCookie();
    let refreshes = 0;
    const answers = [409, 200];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!isRefresh(input)) return fake.fetch(input, init);
      if ((answers[refreshes++] ?? 409) === 200) return fake.fetch(input, init);
      return new Response(JSON.stringify({ type: 'x', title: 'Busy', status: 409 }), {
        status: 409,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '0' },
      });
    };
    const client = createApiClient({ baseUrl: '/api', organization: `alone-${++n}`, fetch });
    expect((await client.restore())?.id).to.equal('u1');
    expect(refreshes).to.equal(2);
    answers.length = 0;
    refreshes = 0;
    const other = createApiClient({ baseUrl: '/api', organization: `alone-${++n}`, fetch });
    expect(await other.restore()).to.equal(null);
    expect(refreshes).to.equal(2);
  });

  it('ignores messages of another shape on its channel', async () => {
    const { a } = twoTabs();
    const channel = new BroadcastChannel(`hausportal.session ${new URL('/api', document.baseURI).href} ${a.client.organization}`);
    channel.postMessage({ type: 'session', result: { accessToken: 42, user: me } });
    channel.postMessage({ type: 'session', result: { accessToken: 'x', expiresIn: 300 } });
    channel.postMessage({ type: 'logout' });
    const logout = nextChange(a.client);
    await a.client.login('mara', 'right-password');
    await logout;
    channel.postMessage({ type: 'logout' });
    expect((await nextChange(a.client)).reason).to.equal('logout');
    expect(a.changes.map((c) => c.reason)).to.deep.equal(['login', 'logout']);
    channel.close();
  });

  it('works alone, as before, without Web Locks and BroadcastChannel', async () => {
    const saved = window.BroadcastChannel;
    Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
    (window as { BroadcastChannel?: unknown }).BroadcastChannel = undefined;
    let tabs: ReturnType<typeof twoTabs>;
    try {
      tabs = twoTabs();
    } finally {
      delete (navigator as { locks?: unknown }).locks;
      window.BroadcastChannel = saved;
    }
    expect(typeof navigator.locks).to.equal('object');
    const { fake, a, b } = tabs;
    await a.client.login('mara', 'right-password');
    fake.expireAll();
    expect((await a.client.GET('/me')).response.status).to.equal(200);
    expect(fake.count('/auth/refresh')).to.equal(1);
    expect(b.client.user).to.equal(null);
  });
});

/** Waits until `condition` holds, a macrotask at a time; a condition that never comes fails the test. */
async function until(condition: () => boolean): Promise<void> {
  const end = Date.now() + 8_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`still waiting for ${String(condition)}`);
    await new Promise((resolve) => setTimeout(resolve));
  }
}

/** What a request rejected with, or null when it resolved (a failed check then prints null, not the whole answer). */
const rejection = (request: Promise<unknown>): Promise<unknown> => request.then(() => null, (error: unknown) => error);

/** How a request ended: the name of the error it rejected with, or the status of its answer. */
const outcome = (request: Promise<{ response: Response }>): Promise<string> =>
  request.then(
    ({ response }) => `status ${response.status}`,
    (error: unknown) => (error instanceof Error ? error.name : String(error)),
  );

/**
 * A virtual clock for the refresh retries: every pause is recorded and passes at once, moving the clock on by its
 * length; `hold()` keeps pauses from ending until released (the browser's `online` event or another tab may still
 * end them early).
 */
function virtualTime() {
  let now = 0;
  let gate: Promise<void> | null = null;
  const pauses: number[] = [];
  const timing: RefreshTiming = {
    now: () => now,
    sleep: async (ms) => {
      pauses.push(ms);
      await gate;
      now += ms;
    },
  };
  return {
    pauses,
    timing,
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

describe('createApiClient when the refresh gets no answer', () => {
  let n = 0;
  /** A signed-in client whose access token has run out, on a virtual clock. */
  async function signedIn(options: { tokensLive?: number } = {}) {
    const fake = server();
    if (options.tokensLive !== undefined) fake.tokensLive(options.tokensLive);
    const clock = virtualTime();
    const client = createApiClient({ baseUrl: '/api', organization: `silent-${++n}`, fetch: fake.fetch, shareAcrossTabs: false }, clock.timing);
    const changes: SessionChange[] = [];
    client.onSessionChange((change) => changes.push(change));
    await client.login('mara', 'right-password');
    fake.expireAll();
    return { fake, clock, client, changes };
  }
  const reasons = (changes: SessionChange[]) => changes.map((c) => c.reason);
  const network = (count: number): Fault[] => Array.from({ length: count }, () => 'network' as const);

  it('a network error once: the session waits and then goes on with the successor token', async () => {
    const { fake, clock, client, changes } = await signedIn();
    fake.faults.push('network');
    const release = clock.hold();
    let settled = false;
    const pending = client.GET('/me').finally(() => (settled = true));
    await until(() => clock.pauses.length === 1);
    // While it waits to try again: nothing ended, and the request waits for the outcome.
    expect(client.user?.id).to.equal('u1');
    expect(reasons(changes)).to.deep.equal(['login']);
    expect(settled).to.equal(false);
    release();
    const { data, response } = await pending;
    expect(response.status).to.equal(200);
    expect(data?.name).to.equal('Mara Huber');
    expect(clock.pauses).to.deep.equal([500]);
    expect(fake.count('/auth/refresh')).to.equal(2);
    expect(fake.seen.at(-1)!.auth).to.equal('Bearer t2');
    expect(reasons(changes)).to.deep.equal(['login']);
  });

  it('an answer lost after the server rotated: the same cookie again gets the same successor', async () => {
    const { fake, clock, client, changes } = await signedIn();
    fake.faults.push('lost', 'network');
    const { response } = await client.GET('/me');
    expect(response.status).to.equal(200);
    expect(fake.count('/auth/refresh')).to.equal(3);
    expect(clock.pauses).to.deep.equal([500, 1000]);
    expect(fake.seen.at(-1)!.auth, 'the successor the lost answer carried').to.equal('Bearer t2');
    expect(reasons(changes)).to.deep.equal(['login']);
  });

  it('503 and then an answer keeps the session, after the Retry-After', async () => {
    const { fake, clock, client, changes } = await signedIn();
    fake.faults.push({ status: 503, headers: { 'Retry-After': '3' } });
    const { response } = await client.GET('/me');
    expect(response.status).to.equal(200);
    expect(clock.pauses).to.deep.equal([3000]);
    expect(fake.seen.at(-1)!.auth).to.equal('Bearer t2');
    expect(reasons(changes)).to.deep.equal(['login']);
  });

  it("a proxy's 502 and 504 and a 500 without a problem are no answer either, with growing pauses", async () => {
    const { fake, clock, client, changes } = await signedIn();
    fake.faults.push({ status: 502 }, { status: 504 }, { status: 500, body: 'Internal Server Error', headers: { 'Content-Type': 'text/plain' } });
    const { response } = await client.GET('/me');
    expect(response.status).to.equal(200);
    expect(clock.pauses).to.deep.equal([500, 1000, 2000]);
    expect(fake.count('/auth/refresh')).to.equal(4);
    expect(reasons(changes)).to.deep.equal(['login']);
  });

  it('no answer until the limit: the request says the server does not answer, and the session is kept', async () => {
    const { fake, clock, client, changes } = await signedIn();
    fake.faults.push(...network(20));
    // Both requests have their 401 before the first pause ends, so both wait for the one refresh (on a busy machine
    // the first refresh could otherwise give up before the second request even got its answer).
    const release = clock.hold();
    const both = Promise.all([rejection(client.GET('/me')), rejection(client.GET('/me'))]);
    await until(() => fake.seen.filter((s) => s.path === '/me').length === 2 && clock.pauses.length === 1);
    // The second request's 401 is seen by the server before the client has read it: let the page's queued tasks run
    // (no timer, no fixed time) so that it has joined the refresh before the pauses end.
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setTimeout(resolve));
    release();
    const [a, b] = await both;
    expect(a).to.be.instanceOf(ServerNotAnsweringError);
    expect(isServerNotAnswering(b)).to.equal(true);
    expect(clock.pauses).to.deep.equal([500, 1000, 2000, 4000, 4000]);
    expect(clock.pauses.reduce((sum, ms) => sum + ms, 0)).to.be.at.most(RETRY_WINDOW);
    expect(fake.count('/auth/refresh'), 'one refresh for both requests').to.equal(6);
    expect(client.user?.id).to.equal('u1');
    expect(reasons(changes), 'not expired').to.deep.equal(['login']);

    // The server is back: the next request renews the session with the same cookie.
    fake.faults.length = 0;
    const { response } = await client.GET('/me');
    expect(response.status).to.equal(200);
    expect(fake.seen.at(-1)!.auth).to.equal('Bearer t2');
    expect(reasons(changes)).to.deep.equal(['login']);
  });

  it('401 ends the session at once', async () => {
    const { fake, clock, client, changes } = await signedIn();
    fake.staleCookie();
    const { response } = await client.GET('/me');
    expect(response.status).to.equal(401);
    expect(fake.count('/auth/refresh')).to.equal(1);
    expect(clock.pauses).to.deep.equal([]);
    expect(client.user).to.equal(null);
    expect(reasons(changes)).to.deep.equal(['login', 'expired']);
  });

  it('403 after a network error ends the session: only a definite answer does', async () => {
    const { fake, clock, client, changes } = await signedIn();
    const forbidden = { status: 403, headers: { 'Content-Type': 'application/problem+json' }, body: JSON.stringify({ type: 'x', title: 'Forbidden', status: 403, code: 'origin_not_allowed' }) };
    fake.faults.push('network', forbidden);
    const { response } = await client.GET('/me');
    expect(response.status).to.equal(401);
    expect(clock.pauses).to.deep.equal([500]);
    expect(client.user).to.equal(null);
    expect(reasons(changes)).to.deep.equal(['login', 'expired']);
  });

  it('the browser coming back online ends the pause', async () => {
    const { fake, clock, client } = await signedIn();
    fake.faults.push('network');
    const release = clock.hold();
    const pending = client.GET('/me');
    await until(() => clock.pauses.length === 1);
    window.dispatchEvent(new Event('online'));
    expect((await pending).response.status).to.equal(200);
    expect(fake.count('/auth/refresh')).to.equal(2);
    release();
  });

  it('after the limit, the browser coming back online tries once more', async () => {
    const { fake, client, changes } = await signedIn();
    fake.faults.push(...network(20));
    expect(await outcome(client.GET('/me'))).to.equal('ServerNotAnsweringError');
    const tried = fake.count('/auth/refresh');
    fake.faults.length = 0;
    window.dispatchEvent(new Event('online'));
    await until(() => fake.count('/auth/refresh') === tried + 1);
    const { response } = await client.GET('/me');
    expect(response.status).to.equal(200);
    expect(fake.seen.at(-1)!.auth).to.equal('Bearer t2');
    expect(fake.count('/auth/refresh'), 'the token came from the online refresh').to.equal(tried + 1);
    expect(reasons(changes)).to.deep.equal(['login']);
  });

  it('a refresh ahead of expiry without an answer sends the request with the token that is still valid', async () => {
    const { fake, clock, client } = await signedIn({ tokensLive: 5 });
    // A fresh token the server still takes, but within the margin before its end that refreshes ahead.
    await client.login('mara', 'right-password');
    fake.faults.push(...network(20));
    const { response } = await client.GET('/me');
    expect(response.status).to.equal(200);
    expect(fake.seen.at(-1)!.auth).to.equal('Bearer t2');
    expect(clock.pauses).to.have.length(5);
  });

  it('a refresh ahead of expiry without an answer is not tried again when the request then gets 401', async () => {
    const { fake, client, changes } = await signedIn({ tokensLive: 5 });
    fake.faults.push(...network(20));
    expect(await outcome(client.GET('/me'))).to.equal('ServerNotAnsweringError');
    expect(fake.count('/auth/refresh')).to.equal(6);
    expect(fake.count('/me'), 'sent once with the old token').to.equal(1);
    expect(reasons(changes)).to.deep.equal(['login']);
  });

  it('a token that has run out is not sent when its refresh gets no answer', async () => {
    const { fake, client } = await signedIn({ tokensLive: 0 });
    fake.faults.push(...network(20));
    expect(await outcome(client.GET('/me'))).to.equal('ServerNotAnsweringError');
    expect(fake.count('/me')).to.equal(0);
    expect(client.user?.id).to.equal('u1');
  });

  it('restoring after a page load does not wait: no answer resolves to null at once', async () => {
    const fake = server();
    fake.setCookie();
    fake.faults.push('network');
    const clock = virtualTime();
    const client = createApiClient({ baseUrl: '/api', organization: `silent-${++n}`, fetch: fake.fetch, shareAcrossTabs: false }, clock.timing);
    expect(await client.restore()).to.equal(null);
    expect(fake.count('/auth/refresh')).to.equal(1);
    expect(clock.pauses).to.deep.equal([]);
  });

  it('between tabs: while one tab waits to try again, another refreshes, and the first takes its result', async () => {
    const fake = server();
    const organization = `silent-tabs-${++n}`;
    let inFlight = 0;
    let most = 0;
    const counting = async (input: RequestInfo | URL, init?: RequestInit) => {
      const refresh = isRefresh(input);
      if (refresh) most = Math.max(most, ++inFlight);
      try {
        return await fake.fetch(input, init);
      } finally {
        if (refresh) inFlight--;
      }
    };
    const clock = virtualTime();
    const a = createApiClient({ baseUrl: '/api', organization, fetch: counting }, clock.timing);
    const b = createApiClient({ baseUrl: '/api', organization, fetch: counting });
    const changesOfA: SessionChange[] = [];
    a.onSessionChange((change) => changesOfA.push(change));
    await a.login('mara', 'right-password');
    await until(() => b.user !== null);
    fake.expireAll();
    fake.faults.push('network');
    const release = clock.hold();
    const pending = a.GET('/me');
    await until(() => clock.pauses.length === 1);
    expect((await b.GET('/me')).response.status).to.equal(200);
    expect((await pending).response.status).to.equal(200);
    release();
    expect(fake.count('/auth/refresh'), "one without an answer, then the other tab's").to.equal(2);
    expect(most).to.equal(1);
    expect(fake.seen.filter((s) => s.path === '/me').map((s) => s.auth)).to.deep.equal(['Bearer t1', 'Bearer t1', 'Bearer t2', 'Bearer t2']);
    expect(reasons(changesOfA)).to.deep.equal(['login']);
  });
});

describe('refreshAnswer', () => {
  const answer = (status: number, headers: Record<string, string> = {}, body: string | null = null) => () =>
    Promise.resolve({ response: new Response(body, { status, headers }) });
  const result: AuthResult = { accessToken: 't', tokenType: 'Bearer', expiresIn: 300, user: me };

  it('reads a result, a busy server and the definite refusals', async () => {
    expect(await refreshAnswer(() => Promise.resolve({ data: result, response: new Response('{}') }))).to.deep.equal({ result });
    expect(await refreshAnswer(answer(409, { 'Retry-After': '2' }))).to.deep.equal({ busy: 2000 });
    expect(await refreshAnswer(answer(409, { 'Retry-After': '60' }))).to.deep.equal({ busy: 5000 });
    for (const status of [204, 400, 401, 403, 404]) {
      expect(await refreshAnswer(answer(status)), String(status)).to.deep.equal({ failed: true });
    }
    const refused = () => Promise.reject(new OriginNotAllowedError('https://cms.example.test', 'https://portal.example.test/api'));
    expect(await refreshAnswer(refused)).to.deep.equal({ failed: true });
  });

  it('counts network errors, 5xx, 408 and 429 as no answer, with their Retry-After', async () => {
    expect(await refreshAnswer(() => Promise.reject(new TypeError('Failed to fetch')))).to.deep.equal({ silent: null });
    for (const status of [500, 502, 503, 504, 408, 429]) {
      expect(await refreshAnswer(answer(status)), String(status)).to.deep.equal({ silent: null });
    }
    expect(await refreshAnswer(answer(503, { 'Retry-After': '7' }))).to.deep.equal({ silent: 7000 });
    const later = new Date(Date.now() + 3_600_000).toUTCString();
    const silent = (await refreshAnswer(answer(503, { 'Retry-After': later }))) as { silent: number };
    expect(silent.silent).to.be.within(3_590_000, 3_600_000);
    expect(await refreshAnswer(answer(503, { 'Retry-After': 'soon' }))).to.deep.equal({ silent: null });
  });
});
