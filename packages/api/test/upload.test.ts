import { expect } from '@open-wc/testing';
import { ApiError, createApiClient, type Me } from '../src/index.js';
import { fakeXhrs } from './fake-xhr.js';

const me = { id: 'u1', username: 'mara', organization: 'immopro' } as Me;

/** A server that knows the tokens it issued; `expire()` makes them all invalid (the next request gets 401). */
function server() {
  const valid = new Set<string>();
  let issued = 0;
  const seen: { path: string; auth: string | null; key: string | null; form?: string }[] = [];
  const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname.replace(/^\/api/, '');
    const auth = request.headers.get('Authorization');
    const form = request.headers.get('Content-Type')?.includes('multipart') ? (await request.formData()).get('form')?.toString() : undefined;
    seen.push({ path, auth, key: request.headers.get('Idempotency-Key'), form });
    if (path === '/auth/login' || path === '/auth/refresh') {
      const accessToken = `t${++issued}`;
      valid.add(accessToken);
      return json(200, { accessToken, tokenType: 'Bearer', expiresIn: 300, user: me });
    }
    if (!auth || !valid.has(auth.slice(7))) return json(401, { type: 'x', title: 'Unauthorized', status: 401, code: 'invalid_token' }, 'application/problem+json');
    if (form === 'broken') return json(400, { type: 'x', title: 'Bad Request', status: 400, code: 'validation_failed', errors: [{ field: '/values/iban', message: 'mod-97' }] }, 'application/problem+json');
    if (form === 'gateway') return new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } });
    return json(201, { id: 'ticket-1', number: '2026-00042' });
  };
  return { fetch, seen, expire: () => valid.clear() };
}

async function signedIn(auto = true) {
  const s = server();
  const xhrs = fakeXhrs(s.fetch, { auto });
  const client = createApiClient({ baseUrl: 'https://portal.example/api/', organization: 'immopro', fetch: s.fetch, shareAcrossTabs: false, xhr: xhrs.xhr });
  await client.login('mara', 'secret');
  return { s, xhrs, client };
}

const form = (name: string) => {
  const body = new FormData();
  body.set('form', name);
  body.append('files', new File(['x'.repeat(1000)], 'Wasserfleck Küche 😀.jpg', { type: 'image/jpeg' }));
  return body;
};

describe('ApiClient.upload', () => {
  it('posts the form with the Bearer token and the extra headers, reports progress and answers the parsed body', async () => {
    const { s, xhrs, client } = await signedIn(false);
    const progress: [number, number][] = [];
    const sent = client.upload('/tickets', form('schadensmeldung'), { headers: { 'Idempotency-Key': 'key-12345678' }, onProgress: (loaded, total) => progress.push([loaded, total]) });
    const xhr = xhrs.last!;
    expect([xhr.method, xhr.url]).to.deep.equal(['POST', 'https://portal.example/api/tickets']);
    expect(xhr.headers.get('Authorization')).to.equal('Bearer t1');
    xhr.progress(300);
    xhr.progress(xhr.total);
    await xhr.respond();
    expect(await sent).to.deep.equal({ data: { id: 'ticket-1', number: '2026-00042' }, status: 201 });
    expect(progress).to.deep.equal([[300, xhr.total], [xhr.total, xhr.total]]);
    expect(s.seen.at(-1)).to.deep.include({ path: '/tickets', key: 'key-12345678', form: 'schadensmeldung' });
  });

  it('refreshes once on 401 and sends the same form again with the new token', async () => {
    const { s, xhrs, client } = await signedIn();
    s.expire();
    const { status } = await client.upload('/tickets', form('schadensmeldung'), { headers: { 'Idempotency-Key': 'key-12345678' } });
    expect(status).to.equal(201);
    // The check of the session cookie after the login (GET /auth/session-cookie) runs alongside and is left out here.
    const seen = s.seen.filter((r) => r.path !== '/auth/session-cookie');
    expect(seen.map((r) => `${r.path} ${r.auth ?? ''}`)).to.deep.equal(['/auth/login ', '/tickets Bearer t1', '/auth/refresh ', '/tickets Bearer t2']);
    expect(xhrs.made).to.have.length(2);
    expect(s.seen.at(-1)!.key).to.equal('key-12345678');
  });

  it('rejects with ApiError carrying the problem, or one made from the status line', async () => {
    const { client } = await signedIn();
    const error = await client.upload('/tickets', form('broken')).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).problem.errors).to.deep.equal([{ field: '/values/iban', message: 'mod-97' }]);
    const gateway = (await client.upload('/tickets', form('gateway')).catch((e: unknown) => e)) as ApiError;
    expect([gateway.status, gateway.problem.title]).to.deep.equal([502, 'Bad Gateway']);
  });

  it('rejects with a TypeError on a network error and with an AbortError when aborted', async () => {
    const { xhrs, client } = await signedIn(false);
    const failed = client.upload('/tickets', form('a')).catch((e: unknown) => e);
    xhrs.last!.fail();
    expect(await failed).to.be.instanceOf(TypeError);
    const controller = new AbortController();
    const aborted = client.upload('/tickets', form('a'), { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(((await aborted) as DOMException).name).to.equal('AbortError');
    expect(xhrs.last!.aborted).to.be.true;
  });
});
