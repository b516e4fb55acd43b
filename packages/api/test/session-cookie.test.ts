// Whether the browser kept the refresh cookie (session-cookie.ts, DESIGN §6 cross-site sessions): the client asks
// GET /auth/session-cookie after a login, keeps a marker in sessionStorage when the cookie did not come back, carries
// it over a reload and drops it once a refresh works.
import { expect, waitUntil } from '@open-wc/testing';
import { cookieMarkerKey, createApiClient, ownTabPortalUrl, type AuthResult, type Me, type SessionChange } from '../src/index.js';
import type { MarkerStorage } from '../src/session-cookie.js';

const me = { id: 'u1', name: 'Thomas Becker', pendingActions: [] } as unknown as Me;
const result: AuthResult = { accessToken: 'secret-access-token', tokenType: 'Bearer', expiresIn: 300, user: me };
const baseUrl = 'https://portal.hv.example/api';
const key = cookieMarkerKey(baseUrl, 'krueger');

/** A browser and server in one: `keeps` says whether the browser keeps the cookie a login sets. */
function world(keeps: boolean, cookie = false) {
  const seen: { path: string; credentials: RequestCredentials; auth: string | null }[] = [];
  let jar = cookie;
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname.replace(/^\/api/, '');
    seen.push({ path, credentials: request.credentials, auth: request.headers.get('Authorization') });
    if (path === '/auth/login') {
      jar = keeps;
      return json(result);
    }
    if (path === '/auth/refresh') return jar ? json(result) : new Response(null, { status: 204 });
    if (path === '/auth/session-cookie') return json({ present: jar });
    return new Response(null, { status: 404 });
  };
  return { seen, fetch };
}

function storage(): MarkerStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

function client(w: ReturnType<typeof world>, store: MarkerStorage | null) {
  const api = createApiClient({ baseUrl, organization: 'krueger', fetch: w.fetch, shareAcrossTabs: false, storage: store });
  const changes: SessionChange['reason'][] = [];
  api.onSessionChange((change) => changes.push(change.reason));
  return { api, changes };
}

describe('session cookie check', () => {
  it('after a login asks with credentials and without the token, and finds the cookie kept', async () => {
    const w = world(true);
    const store = storage();
    const { api, changes } = client(w, store);
    expect(api.sessionCookie).to.equal('unknown');
    await api.login('thomas', 'pw');
    await waitUntil(() => api.sessionCookie === 'kept', 'probe answered');
    const probe = w.seen.find((s) => s.path === '/auth/session-cookie')!;
    expect(probe.credentials).to.equal('include');
    expect(probe.auth).to.equal(null);
    expect(store.items.size).to.equal(0);
    expect(changes, 'nothing to tell').to.deep.equal(['login']);
  });

  it('a refused cookie leaves a marker (no token), which the next page load of the tab starts from', async () => {
    const store = storage();
    const first = client(world(false), store);
    await first.api.login('thomas', 'pw');
    await waitUntil(() => first.api.sessionCookie === 'refused', 'refused');
    expect(first.changes).to.deep.equal(['login', 'update']);
    expect([...store.items]).to.deep.equal([[key, '1']]);
    expect(key).to.equal('hausportal:cookie-blocked:https://portal.hv.example:krueger');

    const reloaded = client(world(false), store);
    expect(reloaded.api.sessionCookie).to.equal('refused');
    expect(await reloaded.api.restore()).to.equal(null);
    expect(reloaded.api.sessionCookie).to.equal('refused');
  });

  it('a refresh that works clears the marker and tells the listeners', async () => {
    const store = storage();
    store.setItem(key, '1');
    const { api, changes } = client(world(true, true), store);
    expect(api.sessionCookie).to.equal('refused');
    expect(await api.restore()).to.deep.equal(me);
    expect(api.sessionCookie).to.equal('kept');
    expect(store.items.size).to.equal(0);
    expect(changes).to.include('update');
  });

  it('works without storage, and with storage that throws', async () => {
    const throwing: MarkerStorage = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    for (const store of [null, throwing]) {
      const { api } = client(world(false), store);
      await api.login('thomas', 'pw');
      await waitUntil(() => api.sessionCookie === 'refused', 'refused for the visit');
    }
  });

  it('links the portal page next to the API, for any path prefix', () => {
    expect(ownTabPortalUrl('https://portal.hv.example/api', 'krueger')).to.equal('https://portal.hv.example/embed/portal?org=krueger');
    expect(ownTabPortalUrl('https://portal.hv.example/api/', 'krueger')).to.equal('https://portal.hv.example/embed/portal?org=krueger');
    expect(ownTabPortalUrl('https://hv.example/hausportal/api', 'a b')).to.equal('https://hv.example/hausportal/embed/portal?org=a+b');
    expect(ownTabPortalUrl('/api', 'immopro')).to.equal(`${location.origin}/embed/portal?org=immopro`);
  });

  it('gives no link for an API address that is no web address', () => {
    for (const api of ['javascript://%0aalert(1)//api', 'javascript:alert(1)', 'data:text/html,x', 'blob:https://a.example/x']) {
      expect(ownTabPortalUrl(api, 'immopro'), api).to.equal(null);
    }
  });
});
