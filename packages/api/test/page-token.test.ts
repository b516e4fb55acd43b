// A browser that refuses the refresh cookie keeps its session while the page is open (page-token.ts, DESIGN §6
// cross-site sessions): after the login the client takes the session's refresh token into memory once
// (POST /auth/session-token), refreshes with it in the body and keeps each successor; storage only ever holds the
// marker, the other tabs only access tokens, and a reload starts without it.
import { expect, waitUntil } from '@open-wc/testing';
import { cookieMarkerKey, createApiClient, type AuthResult, type Me, type TabMessage } from '../src/index.js';
import type { MarkerStorage } from '../src/session-cookie.js';

const me = { id: 'u1', name: 'Thomas Becker', pendingActions: [] } as unknown as Me;
const baseUrl = 'https://portal.hv.example/api';
const marker = cookieMarkerKey(baseUrl, 'krueger');

interface Seen {
  path: string;
  credentials: RequestCredentials;
  auth: string | null;
  body: Record<string, unknown> | null;
}

/**
 * A browser that refuses every cookie of the API (`keeps` false) and a server as openapi.yaml describes it: the
 * hand-out only without a cookie and once per session; each page token is rotated on use and a used one replayed
 * revokes the session; `expire()` makes the access tokens issued so far invalid.
 */
function world(keeps = false) {
  const seen: Seen[] = [];
  let jar = false;
  let current: string | null = null;
  let handedOut = false;
  let revoked = false;
  const used = new Set<string>();
  const live = new Set<string>();
  let counter = 0;
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  const problem = (status: number, code: string) => json(status, { type: 'about:blank', title: code, status, code });
  const issue = (): AuthResult => {
    const accessToken = `access-${++counter}`;
    live.add(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn: 300, user: me };
  };
  const rotate = () => {
    current = `page-token-${++counter}-${'x'.repeat(24)}`;
    return { refreshToken: current, expiresAt: '2026-06-01T12:00:00.000Z' };
  };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname.replace(/^\/api/, '');
    const text = request.method === 'GET' ? '' : await request.clone().text();
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    const auth = request.headers.get('Authorization');
    seen.push({ path, credentials: request.credentials, auth, body });
    const bearer = auth?.replace(/^Bearer /, '') ?? '';
    if (path === '/auth/login') {
      jar = keeps;
      return json(200, issue());
    }
    if (path === '/auth/session-cookie') return json(200, { present: jar });
    if (path === '/auth/session-token') {
      if (!live.has(bearer)) return problem(401, 'invalid_token');
      if (jar) return problem(409, 'cookie_present');
      if (handedOut) return problem(409, 'session_token_issued');
      handedOut = true;
      return json(200, rotate());
    }
    if (path === '/auth/refresh') {
      if (jar) return json(200, issue());
      const token = body?.refreshToken;
      if (typeof token !== 'string') return new Response(null, { status: 204 });
      if (used.has(token)) revoked = true;
      if (revoked || token !== current) return problem(401, revoked ? 'refresh_token_reused' : 'invalid_refresh_token');
      used.add(token);
      const { refreshToken, expiresAt } = rotate();
      return json(200, { ...issue(), refreshToken, refreshExpiresAt: expiresAt });
    }
    if (path === '/auth/logout') {
      if (body?.refreshToken === current) revoked = true;
      return new Response(null, { status: 204 });
    }
    if (path === '/me') return live.has(bearer) && !revoked ? json(200, me) : problem(401, 'invalid_token');
    return problem(404, 'not_found');
  };
  return {
    seen,
    fetch,
    calls: (path: string) => seen.filter((s) => s.path === path),
    expire: () => live.clear(),
    get revoked() {
      return revoked;
    },
  };
}

function storage(): MarkerStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const client = (w: ReturnType<typeof world>, store: MarkerStorage, shareAcrossTabs = false) =>
  createApiClient({ baseUrl, organization: 'krueger', fetch: w.fetch, shareAcrossTabs, storage: store });

/**
 * Signs in and waits until the hand-out was asked (or, with the cookie kept, the probe answered). A refresh or logout
 * that comes while the hand-out is on its way waits for it (page-token.ts `settled`).
 */
async function signIn(w: ReturnType<typeof world>, api: ReturnType<typeof client>, handOut = true): Promise<void> {
  await api.login('thomas', 'pw');
  await waitUntil(() => (handOut ? w.calls('/auth/session-token').length === 1 : api.sessionCookie === 'kept'), 'after the login');
}

describe('refresh token in the page when the cookie is refused', () => {
  it('asks once, with the access token and credentials, and refreshes with the token in the body, keeping each successor', async () => {
    const w = world();
    const store = storage();
    const api = client(w, store);
    await signIn(w, api);
    const handOut = w.calls('/auth/session-token')[0]!;
    expect(handOut.auth).to.equal('Bearer access-1');
    expect(handOut.credentials).to.equal('include');
    expect(handOut.body).to.deep.equal({});

    for (let round = 0; round < 3; round++) {
      w.expire();
      const { data } = await api.GET('/me');
      expect(data, `round ${round}`).to.deep.equal(me);
    }
    const refreshes = w.calls('/auth/refresh');
    expect(refreshes).to.have.length(3);
    expect(refreshes.map((r) => r.body?.refreshToken)).to.deep.equal(['page-token-2-xxxxxxxxxxxxxxxxxxxxxxxx', 'page-token-3-xxxxxxxxxxxxxxxxxxxxxxxx', 'page-token-5-xxxxxxxxxxxxxxxxxxxxxxxx']);
    expect(refreshes.every((r) => r.credentials === 'include' && r.auth === null && r.body?.organization === 'krueger')).to.equal(true);
    expect(w.revoked).to.equal(false);
    expect(api.sessionCookie, 'still refused: the refreshes came without the cookie').to.equal('refused');
    expect([...store.items]).to.deep.equal([[marker, '1']], 'storage holds the marker only');
    expect(JSON.stringify(api)).not.to.contain('page-token');
  });

  it('requests failing at once share one refresh: one token in flight, never two uses of it', async () => {
    const w = world();
    const api = client(w, storage());
    await signIn(w, api);
    w.expire();
    const answers = await Promise.all([api.GET('/me'), api.GET('/me'), api.GET('/me')]);
    expect(answers.map((a) => a.data)).to.deep.equal([me, me, me]);
    expect(w.calls('/auth/refresh')).to.have.length(1);
    expect(w.revoked).to.equal(false);
  });

  it('a reload starts without the token: the session is gone and the marker says why', async () => {
    const w = world();
    const store = storage();
    await signIn(w, client(w, store));
    const reloaded = client(w, store);
    expect(await reloaded.restore()).to.equal(null);
    expect(reloaded.sessionCookie).to.equal('refused');
    expect(w.calls('/auth/refresh').at(-1)!.body).to.deep.equal({ organization: 'krueger' });
  });

  it('logout ends the page\'s session with its token and forgets it', async () => {
    const w = world();
    const api = client(w, storage());
    await signIn(w, api);
    await api.logout();
    expect(w.calls('/auth/logout')[0]!.body).to.have.property('refreshToken', 'page-token-2-xxxxxxxxxxxxxxxxxxxxxxxx');
    expect(w.revoked).to.equal(true);
    expect(await api.restore()).to.equal(null);
    expect(w.calls('/auth/refresh').at(-1)!.body).to.deep.equal({ organization: 'krueger' });
  });

  it('with the cookie kept asks for nothing and refreshes with the cookie', async () => {
    const w = world(true);
    const api = client(w, storage());
    await signIn(w, api, false);
    w.expire();
    expect((await api.GET('/me')).data).to.deep.equal(me);
    expect(w.calls('/auth/session-token')).to.have.length(0);
    expect(w.calls('/auth/refresh')[0]!.body).to.deep.equal({ organization: 'krueger' });
  });

  it('other tabs hear of the access tokens only, never of the page token', async () => {
    const w = world();
    const api = client(w, storage(), true);
    const heard: TabMessage[] = [];
    const channel = new BroadcastChannel(`hausportal.session ${baseUrl} krueger`);
    channel.onmessage = (event: MessageEvent<TabMessage>) => heard.push(event.data);
    try {
      await signIn(w, api);
      w.expire();
      await api.GET('/me');
      await waitUntil(() => heard.length === 2, 'the login and the refresh told');
      expect(heard.map((m) => (m.type === 'session' ? m.reason : m.type))).to.deep.equal(['login', 'refresh']);
      expect(JSON.stringify(heard)).not.to.contain('page-token');
      expect(JSON.stringify(heard)).not.to.contain('refreshExpiresAt');
    } finally {
      channel.close();
      await api.logout();
    }
  });
});
