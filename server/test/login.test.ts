import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, jwtPayload, login, refreshCookieOf, setCookieLine, startServer, type TestServer } from './helpers.ts';

describe('login', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  test('a tenant logs in by email: access token for the organization, refresh cookie, user', async () => {
    const a = await call(s.url, '/auth/login', { body: { organization: 'immopro', username: demo.huber.username, password: demo.huber.password } });
    assert.equal(a.status, 200);
    assert.equal(a.body.tokenType, 'Bearer');
    assert.ok(a.body.expiresIn > 0 && a.body.expiresIn <= 300);
    const claims = jwtPayload(a.body.accessToken);
    assert.equal(claims.aud, 'immopro');
    assert.equal(claims.sub, a.body.user.id);
    assert.ok(claims.exp - claims.iat <= 300);
    assert.equal(JSON.parse(Buffer.from(a.body.accessToken.split('.')[0], 'base64url').toString()).alg, 'HS256');
    assert.equal(a.body.user.name, 'Katharina Huber');
    assert.equal(a.body.user.role, 'tenant');
    assert.deepEqual(a.body.user.pendingActions, []);
    const cookie = setCookieLine(a);
    assert.match(cookie, /^__Host-hp_rt=[A-Za-z0-9_-]{43};/);
    for (const attr of ['HttpOnly', 'Secure', 'Path=/', 'SameSite=Strict']) assert.ok(cookie.includes(attr), `${attr} in ${cookie}`);
    assert.ok(!cookie.includes('Domain='));
    // the refresh token is stored hashed only
    const rows = await s.db('sessions').where({ user_id: a.body.user.id });
    assert.ok(rows.length >= 1);
    assert.ok(rows.every((r: { token_hash: string }) => r.token_hash !== refreshCookieOf(a)));
  });

  test('user name works too, case-insensitively; the cross-site organization gets a partitioned cookie', async () => {
    const a = await call(s.url, '/auth/login', { body: { organization: 'krueger', username: 'TBecker', password: demo.becker.password } });
    assert.equal(a.status, 200);
    const cookie = setCookieLine(a);
    assert.ok(cookie.includes('SameSite=None') && cookie.includes('Partitioned') && cookie.includes('Secure'), cookie);
  });

  test('unknown user, wrong password, not a member and not activated answer byte-identically', async () => {
    const answers = await Promise.all([
      call(s.url, '/auth/login', { body: { organization: 'immopro', username: 'nobody@example.com', password: 'Whatever-123' } }),
      call(s.url, '/auth/login', { body: { organization: 'immopro', username: demo.wagner.username, password: 'Wrong-Password-1' } }),
      // Becker is a tenant of Krüger only: right password, wrong organization
      call(s.url, '/auth/login', { body: { organization: 'immopro', username: demo.becker.username, password: demo.becker.password } }),
      call(s.url, '/auth/login', { body: { organization: 'immopro', username: demo.steiner.email, password: 'Anything-123' } }),
      call(s.url, '/auth/login', { body: { organization: 'nosuchorg', username: demo.wagner.username, password: demo.wagner.password } }),
    ]);
    for (const a of answers) {
      expectProblem(a, 401, 'invalid_credentials');
      assert.equal(a.text, answers[0]!.text);
      assert.equal(a.headers.get('content-length'), answers[0]!.headers.get('content-length'));
      assert.equal(refreshCookieOf(a), undefined);
    }
  });

  test('5 failures lock the account for 15 minutes (429, Retry-After) — even with the right password', async () => {
    const body = (password: string) => ({ organization: 'immopro', username: demo.lehner.username, password });
    for (let i = 0; i < 5; i++) expectProblem(await call(s.url, '/auth/login', { body: body(`Wrong-${i}-Password`) }), 401, 'invalid_credentials');
    const limited = await call(s.url, '/auth/login', { body: body(demo.lehner.password) });
    expectProblem(limited, 429, 'rate_limited');
    const retry = Number(limited.headers.get('retry-after'));
    assert.ok(retry > 0 && retry <= 900, `Retry-After ${retry}`);
    assert.equal(limited.body.retryAfter, retry, 'also in the problem body');
    // the user name is the same account
    expectProblem(await call(s.url, '/auth/login', { body: { ...body(demo.lehner.password), username: 'mlehner' } }), 429, 'rate_limited');
    s.clock.advance(retry + 1);
    const ok = await call(s.url, '/auth/login', { body: body(demo.lehner.password) });
    assert.equal(ok.status, 200);
  });

  test('20 failures from one address limit every account from that address; counters live in the database', async () => {
    const since = s.clock.now();
    await s.db('login_attempts').insert(
      Array.from({ length: 20 }, (_, i) => ({ id: `ip-${i}`, key: 'ip:127.0.0.1', created_at: new Date(since.getTime() - i * 1000).toISOString() })),
    );
    const other = await s.startSibling({});
    try {
      // a second instance on the same database sees the same counters
      const a = await call(other.url, '/auth/login', { body: { organization: 'immopro', username: demo.wagner.username, password: demo.wagner.password } });
      expectProblem(a, 429, 'rate_limited');
      assert.ok(Number(a.headers.get('retry-after')) > 800);
    } finally {
      await other.close();
    }
    s.clock.advance(15 * 60 + 1);
    assert.equal((await call(s.url, '/auth/login', { body: { organization: 'immopro', username: demo.wagner.username, password: demo.wagner.password } })).status, 200);
  });

  test('invited users activate with their code, then log in (terms still pending)', async () => {
    const bad = await call(s.url, '/auth/activate', { body: { email: demo.steiner.email, code: 'WRONGCODEWRONGCODE', newPassword: 'Leopoldstadt-2020' } });
    expectProblem(bad, 422, 'invalid_code');
    const weak = await call(s.url, '/auth/activate', { body: { email: demo.steiner.email, code: demo.steiner.code, newPassword: 'kurz' } });
    expectProblem(weak, 422, 'password_policy');
    assert.deepEqual(weak.body.errors.map((e: { code: string }) => e.code).sort(), ['policy_digit', 'policy_upper', 'too_short']);
    assert.ok(weak.body.errors.every((e: { field: string }) => e.field === '/newPassword'));
    const otherEmail = await call(s.url, '/auth/activate', { body: { email: 'katharina.huber@example.com', code: demo.steiner.code, newPassword: 'Leopoldstadt-2020' } });
    expectProblem(otherEmail, 422, 'invalid_code');

    const ok = await call(s.url, '/auth/activate', { body: { email: demo.steiner.email, code: demo.steiner.code.toLowerCase(), newPassword: 'Leopoldstadt-2020' } });
    assert.equal(ok.status, 204);
    const again = await call(s.url, '/auth/activate', { body: { email: demo.steiner.email, code: demo.steiner.code, newPassword: 'Leopoldstadt-2021' } });
    expectProblem(again, 422, 'invalid_code');

    const session = await login(s.url, 'fsteiner', 'Leopoldstadt-2020', 'immopro');
    assert.equal(session.user.status, 'active');
    assert.deepEqual(session.user.pendingActions, ['accept-terms']);
  });

  test('an expired activation code is refused', async () => {
    const user = await s.db('users').where({ email: 'katharina.huber@example.com' }).first();
    const org = await s.db('organizations').where({ slug: 'immopro' }).first();
    await s.db('users').insert({ ...user, id: 'invited-2', email: 'neu@example.com', username: 'neu', status: 'invited', password_hash: null });
    await s.db('memberships').insert({ id: 'm-invited-2', user_id: 'invited-2', organization_id: org.id, role: 'tenant', created_at: new Date().toISOString() });
    const { createCode } = await import('../src/auth/codes.ts');
    const code = await createCode({ db: s.db, clock: s.clock.now }, { userId: 'invited-2', organizationId: org.id, purpose: 'activation', seconds: 3600 });
    s.clock.advance(3601);
    expectProblem(await call(s.url, '/auth/activate', { body: { email: 'neu@example.com', code, newPassword: 'Gumpendorf-2026' } }), 422, 'invalid_code');
  });
});
