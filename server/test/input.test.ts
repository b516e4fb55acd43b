import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, login, startServer, type Session, type TestServer } from './helpers.ts';

const immoproSite = 'https://www.immopro.example';
const kruegerSite = 'https://www.hv-krueger.example';
const evil = 'https://evil.example';

const endpoints: [string, string][] = [
  ['POST', '/auth/login'],
  ['POST', '/auth/refresh'],
  ['POST', '/auth/logout'],
  ['POST', '/auth/password'],
  ['POST', '/auth/password-reset'],
  ['POST', '/auth/password-reset/confirm'],
  ['POST', '/auth/activate'],
  ['PATCH', '/me'],
  ['POST', '/me/terms'],
  ['POST', '/chat/messages'],
];

describe('bad input and origins', () => {
  let s: TestServer;
  let huber: Session;
  before(async () => {
    s = await startServer();
    huber = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
  });
  after(() => s.close());

  test('malformed JSON is 400, every endpoint', async () => {
    for (const [method, path] of endpoints) {
      const a = await call(s.url, path, { method, raw: '{"organization": "immopro",', token: huber.token, headers: { 'content-type': 'application/json' } });
      expectProblem(a, 400, 'malformed_json');
    }
  });

  test('bodies over 100 kB are 413', async () => {
    const big = JSON.stringify({ organization: 'immopro', username: 'x'.repeat(110_000), password: 'y' });
    expectProblem(await call(s.url, '/auth/login', { raw: big, headers: { 'content-type': 'application/json' } }), 413, 'payload_too_large');
    expectProblem(await call(s.url, '/me', { method: 'PATCH', raw: big, token: huber.token, headers: { 'content-type': 'application/json' } }), 413);
  });

  test('wrong content types are 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      for (const [method, path] of endpoints) {
        const a = await call(s.url, path, { method, raw: 'organization=immopro', token: huber.token, headers: { 'content-type': type } });
        expectProblem(a, 415, 'unsupported_media_type');
      }
    }
    expectProblem(await call(s.url, '/auth/login', { raw: '' }), 415);
  });

  test('a 415 names the media type the endpoint takes: JSON for the JSON endpoints, multipart/form-data for uploads', async () => {
    const json = await call(s.url, '/auth/login', { raw: 'x', headers: { 'content-type': 'text/plain' } });
    assert.equal(json.body.detail, 'Send the body as application/json.');
    const manager = await login(s.url, 'andrea.pichler@immopro.example', 'Verwaltung#Wien3', 'immopro');
    const upload = await call(s.url, '/admin/documents', { token: manager.token, body: { title: 'x' } });
    expectProblem(upload, 415, 'unsupported_media_type');
    assert.equal(upload.body.detail, 'Send the body as multipart/form-data.');
  });

  test('the outbox takes an address with an unencoded @', async () => {
    const a = await call(s.url, `/dev/outbox?to=${demo.huber.username}`);
    assert.equal(a.status, 200, a.text);
  });

  test('wrong types, missing and unknown fields are 400 with field errors', async () => {
    const a = await call(s.url, '/auth/login', { body: { organization: 'immopro', username: 42, password: 'x', remember: true } });
    expectProblem(a, 400, 'validation_failed');
    const fields = a.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    assert.ok(fields.includes('/username:type'), fields.join());
    assert.ok(fields.includes('/remember:unknown_field'), fields.join());
    const missing = await call(s.url, '/auth/password-reset', { body: { organization: 'immopro' } });
    expectProblem(missing, 400, 'validation_failed');
    assert.ok(missing.body.errors.some((e: { field: string; code: string }) => e.code === 'required' && e.field.includes('email')), missing.text);
    expectProblem(await call(s.url, '/auth/logout', { body: { everything: true } }), 400);
    expectProblem(await call(s.url, '/auth/refresh', { body: { organization: '../etc' } }), 400);
  });

  test('hostile bodies never cause a 500', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const bodies = [
      'null', '0', '"x"', '[]', '{}', deep, '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}',
      JSON.stringify({ organization: 'immopro', username: '\u0000\ud800', password: '💥'.repeat(200) }),
      JSON.stringify({ organization: 'IMMOPRO', username: ['a'], password: { $gt: '' } }),
      JSON.stringify({ email: 'a@b.c', code: "' OR 1=1 --", newPassword: 'Abcdefghij1' }),
      JSON.stringify({ code: 'A'.repeat(128), newPassword: 'x'.repeat(128) }),
      JSON.stringify({ currentPassword: 'x', newPassword: 'y'.repeat(129) }),
      JSON.stringify({ version: 1 }),
    ];
    for (const [method, path] of endpoints)
      for (const raw of bodies) {
        const a = await call(s.url, path, { method, raw, token: huber.token, headers: { 'content-type': 'application/json' } });
        assert.ok(a.status >= 200 && a.status < 500, `${method} ${path} ${raw.slice(0, 40)} → ${a.status} ${a.text}`);
        if (a.status >= 400) expectProblem(a, a.status);
      }
    const queries = ['/dev/outbox?to=a&to=b', '/dev/outbox?to=' + 'x'.repeat(300), '/organizations/%00/public', '/organizations/' + 'a'.repeat(100) + '/public', '/me?x=1', '/%E0%A4%A'];
    for (const q of queries) {
      const a = await call(s.url, q, { token: huber.token });
      assert.ok(a.status >= 400 && a.status < 500, `${q} → ${a.status} ${a.text}`);
    }
    assert.equal((await call(s.url, '/me', { token: huber.token })).status, 200);
  });

  test('CORS: exact allow-list, credentials only for allowed origins, Vary: Origin', async () => {
    const allowed = await call(s.url, '/health', { headers: { origin: immoproSite } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), immoproSite);
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    // A widget on the allowed site reads the rate limit's wait and a download's file name.
    assert.deepEqual(allowed.headers.get('access-control-expose-headers')?.split(/,\s*/), ['Retry-After', 'Content-Disposition']);
    assert.match(allowed.headers.get('vary') ?? '', /Origin/);
    const dev = await call(s.url, '/health', { headers: { origin: 'http://localhost:5173' } });
    assert.equal(dev.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    for (const origin of [evil, 'https://www.immopro.example.evil.example', 'http://www.immopro.example', 'null']) {
      const a = await call(s.url, '/health', { headers: { origin } });
      assert.equal(a.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(a.headers.get('access-control-allow-credentials'), null, origin);
      assert.match(a.headers.get('vary') ?? '', /Origin/);
    }
    const preflight = await fetch(`${s.url}/api/me`, {
      method: 'OPTIONS',
      headers: { origin: kruegerSite, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization, content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), kruegerSite);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PATCH/);
    assert.match((preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase(), /authorization/);
    const refused = await fetch(`${s.url}/api/me`, { method: 'OPTIONS', headers: { origin: evil, 'access-control-request-method': 'GET' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });

  test('dev origins are not allowed in production', async () => {
    const prod = await s.startSibling({ env: 'production', devOrigins: [] });
    try {
      const a = await call(prod.url, '/health', { headers: { origin: 'http://localhost:5173' } });
      assert.equal(a.headers.get('access-control-allow-origin'), null);
    } finally {
      await prod.close();
    }
  });

  test('cookie endpoints check Origin and Sec-Fetch-Site per organization', async () => {
    const body = { organization: 'immopro', username: demo.wagner.username, password: demo.wagner.password };
    expectProblem(await call(s.url, '/auth/login', { body, headers: { origin: evil } }), 403, 'origin_not_allowed');
    expectProblem(await call(s.url, '/auth/login', { body, headers: { origin: kruegerSite } }), 403, 'origin_not_allowed');
    expectProblem(await call(s.url, '/auth/login', { body, headers: { 'sec-fetch-site': 'cross-site' } }), 403, 'origin_not_allowed');
    expectProblem(await call(s.url, '/auth/login', { body, headers: { origin: evil, 'sec-fetch-site': 'cross-site' } }), 403, 'origin_not_allowed');

    const same = await call(s.url, '/auth/login', { body, headers: { origin: s.url, 'sec-fetch-site': 'same-origin' } });
    assert.equal(same.status, 200);
    const site = await call(s.url, '/auth/login', { body, headers: { origin: immoproSite, 'sec-fetch-site': 'cross-site' } });
    assert.equal(site.status, 200);
    assert.equal(site.headers.get('access-control-allow-origin'), immoproSite);
    assert.equal(site.headers.get('access-control-allow-credentials'), 'true');

    // a foreign origin can neither use nor burn the refresh token, nor log it out
    const cookie = /__Host-hp_rt=([^;]+)/.exec(site.headers.getSetCookie().join())![1]!;
    expectProblem(await call(s.url, '/auth/refresh', { body: {}, cookie, headers: { origin: evil } }), 403, 'origin_not_allowed');
    expectProblem(await call(s.url, '/auth/logout', { body: {}, cookie, headers: { origin: kruegerSite, 'sec-fetch-site': 'cross-site' } }), 403);
    const refreshed = await call(s.url, '/auth/refresh', { body: {}, cookie, headers: { origin: immoproSite, 'sec-fetch-site': 'cross-site' } });
    assert.equal(refreshed.status, 200);
  });
});
