// GET /auth/session-cookie tells a widget whether the browser kept the refresh cookie after a login (DESIGN §6,
// cross-site sessions): `{present}` from whether a `__Host-hp_rt` cookie came with the request, never its value, never
// stored by a cache, and with credentials only for the origins the API admits (the same rule as /auth/refresh).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, login, startServer, type Answer, type TestServer } from './helpers.ts';

let s: TestServer;
before(async () => {
  s = await startServer();
});
after(() => s.close());

const krueger = 'https://www.hv-krueger.example';
const devOrigin = 'http://localhost:5173';
const foreign = 'https://evil.example';

const probe = (options: Parameters<typeof call>[2] = {}) => call(s.url, '/auth/session-cookie', options);

/** A 200 answer `{present}` with nothing else in it, not stored and setting no cookie. */
function assertProbe(answer: Answer, present: boolean): void {
  assert.equal(answer.status, 200, answer.text);
  assert.deepEqual(answer.body, { present });
  assert.equal(answer.headers.get('cache-control'), 'no-store');
  assert.deepEqual(answer.headers.getSetCookie(), [], 'the probe neither sets nor clears a cookie');
}

test('present when the refresh cookie of a login comes with the request, and its value is never in the answer', async () => {
  const session = await login(s.url, demo.becker.username, demo.becker.password, 'krueger');
  const answer = await probe({ cookie: session.cookie, headers: { origin: krueger, 'sec-fetch-site': 'cross-site' } });
  assertProbe(answer, true);
  assert.ok(!answer.text.includes(session.cookie), 'no cookie value in the body');
  for (const [, value] of answer.headers) assert.ok(!value.includes(session.cookie), 'no cookie value in a header');
});

test('present for any value of the cookie (the probe does not look it up), absent without it or with other cookies only', async () => {
  assertProbe(await probe({ cookie: 'x' }), true);
  assertProbe(await probe(), false);
  assertProbe(await probe({ headers: { cookie: 'hp_rt=abc; __Host-hp_rt_other=def' } }), false);
});

test('needs no access token: one sent along changes nothing', async () => {
  const session = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
  assertProbe(await probe({ token: session.token }), false);
  assertProbe(await probe({ token: session.token, cookie: session.cookie }), true);
});

test('CORS with credentials for an admitted origin (an organization\'s or a dev origin)', async () => {
  for (const origin of [krueger, devOrigin]) {
    const answer = await probe({ cookie: 'x', headers: { origin, 'sec-fetch-site': 'cross-site' } });
    assertProbe(answer, true);
    assert.equal(answer.headers.get('access-control-allow-origin'), origin);
    assert.equal(answer.headers.get('access-control-allow-credentials'), 'true');
    assert.match(answer.headers.get('vary') ?? '', /Origin/);
  }
});

test('a foreign origin gets 403 origin_not_allowed without CORS headers, also when only Sec-Fetch-Site says cross-site', async () => {
  const answer = await probe({ cookie: 'x', headers: { origin: foreign, 'sec-fetch-site': 'cross-site' } });
  expectProblem(answer, 403, 'origin_not_allowed');
  assert.equal(answer.headers.get('access-control-allow-origin'), null);
  assert.equal(answer.headers.get('access-control-allow-credentials'), null);
  assert.ok(!('present' in answer.body), 'nothing about the cookie');
  expectProblem(await probe({ cookie: 'x', headers: { 'sec-fetch-site': 'cross-site' } }), 403, 'origin_not_allowed');
});

test('the server\'s own pages may ask (same origin), and so may a client that is no browser (no Origin)', async () => {
  assertProbe(await probe({ cookie: 'x', headers: { origin: s.url, 'sec-fetch-site': 'same-origin' } }), true);
  assertProbe(await probe({ cookie: 'x' }), true);
});

test('preflight: an admitted origin may send GET with credentials, a foreign one is refused', async () => {
  const allowed = await probe({
    method: 'OPTIONS',
    headers: { origin: krueger, 'access-control-request-method': 'GET', 'access-control-request-headers': 'content-type' },
  });
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('access-control-allow-origin'), krueger);
  assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
  assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /\bGET\b/);

  const refused = await probe({ method: 'OPTIONS', headers: { origin: foreign, 'access-control-request-method': 'GET' } });
  expectProblem(refused, 403, 'origin_not_allowed');
  assert.equal(refused.headers.get('access-control-allow-origin'), null);
});

test('only GET: another method is 405 problem+json, telling nothing about the cookie', async () => {
  const answer = await probe({ method: 'POST', body: {}, cookie: 'x' });
  expectProblem(answer, 405, 'method_not_allowed');
  assert.ok(!('present' in answer.body));
});
