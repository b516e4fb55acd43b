import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { refreshGraceSeconds } from '../src/auth/sessions.ts';
import { jwtSecretFromDb } from '../src/settings.ts';
import { call, demo, expectProblem, jwtPayload, login, refreshCookieOf, setCookieLine, startServer, type Session, type TestServer } from './helpers.ts';

const refresh = (base: string, cookie: string | undefined, body: object = {}) => call(base, '/auth/refresh', { body, cookie });

function sign(payload: object, secret: string): string {
  const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
}

describe('refresh tokens and sessions', () => {
  let s: TestServer;
  let huber: Session;
  let lehner: Session;
  before(async () => {
    s = await startServer();
    [huber, lehner] = await Promise.all([
      login(s.url, demo.huber.username, demo.huber.password, 'immopro'),
      login(s.url, demo.lehner.username, demo.lehner.password, 'immopro'),
    ]);
  });
  after(() => s.close());

  test('every refresh rotates the cookie and returns a fresh access token', async () => {
    const first = await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro');
    const a = await refresh(s.url, first.cookie);
    assert.equal(a.status, 200);
    const next = refreshCookieOf(a)!;
    assert.ok(next && next !== first.cookie);
    assert.match(setCookieLine(a), /HttpOnly; Secure; SameSite=Strict/);
    assert.equal(jwtPayload(a.body.accessToken).aud, 'immopro');
    assert.equal(a.body.user.email, 'elisabeth.wagner@example.org');
    const b = await refresh(s.url, next);
    assert.equal(b.status, 200);
    assert.equal((await call(s.url, '/me', { token: b.body.accessToken })).status, 200);
  });

  test('two refreshes with the same cookie at the same moment get the same successor; nothing is cleared or revoked', async () => {
    const start = await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro');
    const answers = await Promise.all([refresh(s.url, start.cookie), refresh(s.url, start.cookie), refresh(s.url, start.cookie)]);
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200], answers.map((a) => a.text).join('\n'));
    const cookies = new Set(answers.map(refreshCookieOf));
    assert.equal(cookies.size, 1, 'every answer carries the same successor');
    const [successor] = [...cookies];
    assert.ok(successor && successor !== start.cookie);
    for (const answer of answers) assert.equal((await call(s.url, '/me', { token: answer.body.accessToken })).status, 200);
    const next = await refresh(s.url, successor);
    assert.equal(next.status, 200, 'the family survived');
    assert.equal((await call(s.url, '/me', { token: next.body.accessToken })).status, 200);
  });

  test('a reload whose refresh answer was lost gets the same successor again within the grace window', async () => {
    const start = await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro');
    const lost = await refresh(s.url, start.cookie);
    s.clock.advance(refreshGraceSeconds - 1);
    try {
      const again = await refresh(s.url, start.cookie);
      assert.equal(again.status, 200);
      assert.equal(refreshCookieOf(again), refreshCookieOf(lost));
      assert.match(setCookieLine(again), /Max-Age=2592000; Path=\/; HttpOnly; Secure; SameSite=Strict/);
      assert.equal((await refresh(s.url, refreshCookieOf(again))).status, 200);
    } finally {
      s.clock.advance(-(refreshGraceSeconds - 1));
    }
  });

  test('within the window, once the successor was used itself, the old cookie gets 409 and the cookie is left alone', async () => {
    const start = await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro');
    const first = refreshCookieOf(await refresh(s.url, start.cookie))!;
    const newest = refreshCookieOf(await refresh(s.url, first))!;
    const late = await refresh(s.url, start.cookie);
    expectProblem(late, 409, 'refresh_in_progress');
    assert.equal(late.headers.get('retry-after'), '1');
    assert.deepEqual(late.headers.getSetCookie(), [], 'a losing answer never touches the cookie');
    assert.equal((await refresh(s.url, newest)).status, 200, 'the family survived');
  });

  test('replaying a used refresh token after the grace window revokes the whole family: the newest token fails too', async () => {
    const start = await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro');
    const r1 = await refresh(s.url, start.cookie);
    const newest = refreshCookieOf(r1)!;
    s.clock.advance(refreshGraceSeconds + 1);
    try {
      const replay = await refresh(s.url, start.cookie);
      expectProblem(replay, 401, 'refresh_token_reused');
      assert.match(setCookieLine(replay), /^__Host-hp_rt=; Max-Age=0/, 'the replay ended the session: the cookie is cleared');
      const after = await refresh(s.url, newest);
      expectProblem(after, 401);
      assert.deepEqual(after.headers.getSetCookie(), [], 'a session that had ended before is not cleared again');
      // the access token of the family stops working as well
      expectProblem(await call(s.url, '/me', { token: r1.body.accessToken }), 401, 'invalid_token');
    } finally {
      s.clock.advance(-(refreshGraceSeconds + 1));
    }
  });

  test('the successor is kept only sealed, and only for the grace window', async () => {
    const start = await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro');
    const successor = refreshCookieOf(await refresh(s.url, start.cookie))!;
    const family = { family_id: jwtPayload(start.token).sid };
    const kept = await s.db('sessions').where(family).whereNotNull('successor_sealed').select('id', 'successor_sealed');
    assert.equal(kept.length, 1);
    assert.ok(!kept[0].successor_sealed.includes(successor));
    s.clock.advance(refreshGraceSeconds + 1);
    try {
      assert.equal((await refresh(s.url, successor)).status, 200);
      const left = await s.db('sessions').where(family).whereNotNull('successor_sealed').select('id');
      assert.equal(left.length, 1, 'only the rotation just made keeps its successor');
      assert.notEqual(left[0].id, kept[0].id, 'the earlier one was cleared after the window');
    } finally {
      s.clock.advance(-(refreshGraceSeconds + 1));
    }
  });

  test('logout revokes the family, clears the cookie; refresh after logout is 401', async () => {
    const session = await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro');
    const out = await call(s.url, '/auth/logout', { body: {}, cookie: session.cookie });
    assert.equal(out.status, 204);
    assert.match(setCookieLine(out), /^__Host-hp_rt=; Max-Age=0/);
    expectProblem(await refresh(s.url, session.cookie), 401);
    expectProblem(await call(s.url, '/me', { token: session.token }), 401, 'invalid_token');
    assert.equal((await call(s.url, '/auth/logout', { body: {} })).status, 204, 'logout without a session is fine');
  });

  test('refresh without a cookie is 204 with no body and no cookie: a first visit is not an error', async () => {
    for (const body of [{}, { organization: 'immopro' }]) {
      const none = await refresh(s.url, undefined, body);
      assert.equal(none.status, 204, none.text);
      assert.equal(none.text, '');
      assert.deepEqual(none.headers.getSetCookie(), []);
    }
    // Other cookies of the site do not count as a refresh cookie.
    const others = await call(s.url, '/auth/refresh', { body: {}, headers: { cookie: 'theme=dark; hp_rt=x' } });
    assert.equal(others.status, 204, others.text);
  });

  test('a refresh cookie that is sent but garbage, empty or unknown is 401 and left alone', async () => {
    for (const cookie of ['x'.repeat(43), 'not valid!']) {
      const garbage = await refresh(s.url, cookie);
      expectProblem(garbage, 401, 'invalid_refresh_token');
      assert.deepEqual(garbage.headers.getSetCookie(), []);
    }
    const empty = await call(s.url, '/auth/refresh', { body: {}, headers: { cookie: '__Host-hp_rt=' } });
    expectProblem(empty, 401, 'invalid_refresh_token');
  });

  test('without a cookie the origin and JSON checks still apply', async () => {
    const foreign = await call(s.url, '/auth/refresh', { body: {}, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expectProblem(foreign, 403, 'origin_not_allowed');
    const form = await call(s.url, '/auth/refresh', { raw: 'organization=immopro', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(form.status, 415, form.text);
  });

  test('an expired refresh token is refused', async () => {
    const session = await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro');
    await s.db('sessions').where({ user_id: session.user.id }).update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    const refused = await refresh(s.url, session.cookie);
    expectProblem(refused, 401, 'invalid_refresh_token');
    assert.deepEqual(refused.headers.getSetCookie(), [], 'only a refresh that ends the session clears the cookie');
  });

  test('access tokens expire after at most five minutes', async () => {
    const session = await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro');
    assert.equal((await call(s.url, '/me', { token: session.token })).status, 200);
    s.clock.advance(301);
    try {
      expectProblem(await call(s.url, '/me', { token: session.token }), 401, 'invalid_token');
      assert.equal((await refresh(s.url, session.cookie)).status, 200, 'the refresh cookie still works');
    } finally {
      s.clock.advance(-301);
    }
  });

  test('a user sees only their own data; tokens are bound to user and organization', async () => {
    const a = await call(s.url, '/me', { token: huber.token });
    const b = await call(s.url, '/me', { token: lehner.token });
    assert.equal(a.body.name, 'Katharina Huber');
    assert.equal(b.body.name, 'Markus Lehner');
    assert.notEqual(a.body.id, b.body.id);
    assert.equal(a.body.phone, '+43 664 1234567');
    assert.notEqual(b.body.phone, a.body.phone);
    // Huber's token changes only Huber
    const patched = await call(s.url, '/me', { method: 'PATCH', token: huber.token, body: { phone: '+43 1 555 1234' } });
    assert.equal(patched.body.id, a.body.id);
    assert.equal((await call(s.url, '/me', { token: lehner.token })).body.phone, b.body.phone);
  });

  test('a token of organization A is not valid for organization B', async () => {
    const secret = await jwtSecretFromDb(s.db);
    const claims = jwtPayload(huber.token);
    // forged audience without the key
    const [h, , sig] = huber.token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, aud: 'krueger' })).toString('base64url')}.${sig}`;
    expectProblem(await call(s.url, '/me', { token: forged }), 401, 'invalid_token');
    // correctly signed, but Huber is no member of Krüger
    expectProblem(await call(s.url, '/me', { token: sign({ ...claims, aud: 'krueger' }, secret) }), 401, 'invalid_token');
    // alg none is refused
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${huber.token.split('.')[1]}.`;
    expectProblem(await call(s.url, '/me', { token: none }), 401);
    // a refresh for Krüger with Huber's cookie does not switch her into it
    const refused = await refresh(s.url, huber.cookie, { organization: 'krueger' });
    expectProblem(refused, 401, 'not_a_member');
  });

  test('a member of two organizations can switch with the refresh cookie', async () => {
    const session = await login(s.url, demo.lehner.username, demo.lehner.password, 'immopro');
    const a = await refresh(s.url, session.cookie, { organization: 'krueger' });
    assert.equal(a.status, 200);
    assert.equal(jwtPayload(a.body.accessToken).aud, 'krueger');
    assert.equal(a.body.user.organization, 'krueger');
    assert.equal(a.body.user.role, 'owner');
    assert.deepEqual(a.body.user.memberships.map((m: { organization: string }) => m.organization).sort(), ['immopro', 'krueger']);
    assert.match(setCookieLine(a), /SameSite=None; Partitioned/);
  });
});
