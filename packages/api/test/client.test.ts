import { expect } from '@open-wc/testing';
import { ApiError, createApiClient, type ApiClient, type AuthResult, type Me, type SessionChange } from '../src/index.js';

const me: Me = {
  id: 'u1',
  email: 'mara@example.com',
  username: 'mara',
  name: 'Mara Huber',
  status: 'active',
  locale: 'de',
  notifyEmail: true,
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

/**
 * A tiny in-memory server: refresh cookie, issued tokens, and a hook to hold refresh answers back. Like the real one,
 * a refresh without a cookie answers 204 and one with a cookie it does not know 401 (openapi.yaml, /auth/refresh).
 */
function server() {
  const seen: Seen[] = [];
  const valid = new Set<string>();
  let cookie: boolean | 'stale' = false;
  let issued = 0;
  let refreshGate: Promise<void> = Promise.resolve();
  const json = (status: number, body: unknown, problem = false) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json' },
    });
  const issue = (): AuthResult => {
    const accessToken = `t${++issued}`;
    valid.add(accessToken);
    cookie = true;
    return { accessToken, tokenType: 'Bearer', expiresIn: 300, user: me };
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
      return body.password === 'right-password'
        ? json(200, issue())
        : json(401, { type: 'x', title: 'Invalid', status: 401, code: 'invalid_credentials' }, true);
    }
    if (path === '/auth/refresh') {
      await refreshGate;
      if (!cookie) return new Response(null, { status: 204 });
      return cookie === true ? json(200, issue()) : json(401, { type: 'x', title: 'No session', status: 401 }, true);
    }
    if (path === '/auth/logout') {
      cookie = false;
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
    expireAll: () => valid.clear(),
    dropCookie: () => {
      cookie = false;
    },
    setCookie: () => {
      cookie = true;
    },
    staleCookie: () => {
      cookie = 'stale';
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
    const pending = Promise.all([client.GET('/me'), client.GET('/me'), client.PATCH('/me', { body: { notifyEmail: false } })]);
    // Let all three reach the server and the first refresh start before it may answer.
    while (fake.count('/auth/refresh') < 1 || fake.seen.filter((s) => s.path === '/me').length < 3) {
      await new Promise((resolve) => setTimeout(resolve));
    }
    release();
    const results = await pending;
    expect(results.map((r) => r.response.status)).to.deep.equal([200, 200, 200]);
    expect(fake.count('/auth/refresh')).to.equal(1);
    expect(results[2].data?.notifyEmail).to.equal(false);
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
    expect(stored).not.to.include(token);
    expect(JSON.stringify(client)).not.to.include(token);
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
