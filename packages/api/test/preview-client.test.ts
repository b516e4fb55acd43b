import { expect, waitUntil } from '@open-wc/testing';
import { ApiError, createPreviewClient, isPreviewClient, type AuthResult, type Me, type SessionChange } from '../src/index.js';

const person = { id: 'p1', name: 'Katharina Huber' };
const me: Me = {
  id: 'u1',
  email: 'katharina.huber@example.com',
  username: 'katharina.huber@example.com',
  name: 'Katharina Huber',
  status: 'active',
  locale: 'de',
  notifications: 'immediate',
  digestHour: 7,
  phone: null,
  birthDate: null,
  organization: 'immopro',
  role: 'tenant',
  memberships: [{ organization: 'immopro', organizationName: 'ImmoPro', role: 'tenant' }],
  mustChangePassword: false,
  termsAcceptedAt: null,
  termsVersion: null,
  pendingActions: [],
  preview: { sessionId: 's1', expiresAt: '2026-06-15T10:15:00.000Z', person },
};

/** The server of a preview: one code, its token until it is ended; a refresh or logout would be a mistake. */
function server(options: { expiresIn?: number; exchange?: 'ok' | 'refused' | 'network' } = {}) {
  const seen: { method: string; path: string; auth: string | null; credentials: RequestCredentials; body: unknown }[] = [];
  let live = false;
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname.replace(/^\/api/, '');
    const text = await request.text();
    seen.push({ method: request.method, path, auth: request.headers.get('Authorization'), credentials: request.credentials, body: text ? JSON.parse(text) : undefined });
    if (request.method === 'POST' && path === '/auth/preview') {
      if (options.exchange === 'network') throw new TypeError('Failed to fetch');
      if (options.exchange === 'refused' || live) return json(400, { type: 'x', title: 'Bad Request', status: 400, code: 'invalid_code' });
      live = true;
      const result: AuthResult = { accessToken: 'preview-token', tokenType: 'Bearer', expiresIn: options.expiresIn ?? 900, user: me };
      return json(200, result);
    }
    if (request.headers.get('Authorization') !== 'Bearer preview-token' || !live) return json(401, { type: 'x', title: 'Unauthorized', status: 401, code: 'invalid_token' });
    if (request.method === 'DELETE' && path === '/auth/preview') {
      live = false;
      return new Response(null, { status: 204 });
    }
    if (path === '/me') return json(200, me);
    return json(403, { type: 'x', title: 'Forbidden', status: 403, code: 'preview_read_only' });
  };
  return { seen, fetch, revoke: () => (live = false), calls: (method: string, path: string) => seen.filter((s) => s.method === method && s.path === path) };
}

function setup(options: Parameters<typeof server>[0] = {}) {
  const fake = server(options);
  const client = createPreviewClient({ baseUrl: '/api', organization: 'immopro', fetch: fake.fetch }, 'CODE-0123456789');
  const reasons: SessionChange['reason'][] = [];
  client.onSessionChange(({ reason }) => reasons.push(reason));
  return { fake, client, reasons };
}

describe('createPreviewClient', () => {
  it('exchanges the code once, without cookies, and then reads with the preview token', async () => {
    const { fake, client, reasons } = setup();
    expect(isPreviewClient(client)).to.equal(true);
    const [a, b] = await Promise.all([client.restore(), client.restore()]);
    expect(a).to.deep.equal(me);
    expect(b).to.equal(a);
    expect(await client.restore()).to.equal(a);
    const exchanges = fake.calls('POST', '/auth/preview');
    expect(exchanges).to.have.length(1);
    expect(exchanges[0]).to.deep.include({ auth: null, credentials: 'omit', body: { organization: 'immopro', code: 'CODE-0123456789' } });
    expect(client.preview).to.deep.equal({ info: me.preview, end: null });
    expect(reasons).to.deep.equal(['restore']);
    await client.GET('/me');
    expect(fake.calls('GET', '/me')[0]).to.deep.include({ auth: 'Bearer preview-token', credentials: 'omit' });
  });

  it('never refreshes: a 401 ends the preview here', async () => {
    const { fake, client, reasons } = setup();
    await client.restore();
    fake.revoke();
    const { response } = await client.GET('/me');
    expect(response.status).to.equal(401);
    expect(client.user).to.equal(null);
    expect(client.preview).to.deep.equal({ info: me.preview, end: 'revoked' });
    expect(reasons).to.deep.equal(['restore', 'logout']);
    expect(fake.seen.filter((s) => s.path === '/auth/refresh' || s.path === '/auth/logout')).to.deep.equal([]);
    expect(await client.restore()).to.equal(null);
    expect(fake.calls('POST', '/auth/preview')).to.have.length(1);
  });

  it('ends with DELETE /auth/preview, never /auth/logout', async () => {
    const { fake, client, reasons } = setup();
    await client.restore();
    await client.logout();
    expect(fake.calls('DELETE', '/auth/preview')[0]).to.deep.include({ auth: 'Bearer preview-token' });
    expect(fake.seen.filter((s) => s.path === '/auth/logout' || s.path === '/auth/refresh')).to.deep.equal([]);
    expect(client.preview.end).to.equal('ended');
    expect(reasons).to.deep.equal(['restore', 'logout']);
    await client.logout();
    expect(fake.calls('DELETE', '/auth/preview')).to.have.length(1);
  });

  it('ends by itself when its time is over', async () => {
    const { client, reasons } = setup({ expiresIn: 0.05 });
    await client.restore();
    await waitUntil(() => client.preview.end === 'expired', 'the preview did not expire');
    expect(client.user).to.equal(null);
    expect(reasons).to.deep.equal(['restore', 'logout']);
  });

  it('tells a refused code from a server that does not answer', async () => {
    const refused = setup({ exchange: 'refused' });
    expect(await refused.client.restore()).to.equal(null);
    expect(refused.client.preview).to.deep.equal({ info: null, end: 'invalid' });
    expect(refused.reasons).to.deep.equal([]);
    const silent = setup({ exchange: 'network' });
    expect(await silent.client.restore()).to.equal(null);
    expect(silent.client.preview.end).to.equal('unreachable');
  });

  it('signs nobody in', async () => {
    const { fake, client } = setup();
    const error = await client.login('andrea.pichler@immopro.example', 'x').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).problem.code).to.equal('preview_read_only');
    expect(fake.seen).to.deep.equal([]);
  });
});
