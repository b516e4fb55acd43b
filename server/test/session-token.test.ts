// A page whose browser refuses the refresh cookie (DESIGN §6 cross-site sessions) stays signed in while it is open:
// POST /auth/session-token hands its session's refresh token out once, into the page's memory, and /auth/refresh and
// /auth/logout take it in the body. Rotation, the grace window and reuse detection work as for the cookie; such a
// family ends 12 hours after the hand-out, and the cookie families stay apart from it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { handOutWindowSeconds, pageTokenLifetimeSeconds, refreshGraceSeconds } from '../src/auth/sessions.ts';
import { apiSpecPath } from '../src/app.ts';
import { componentValidator } from '../src/http/openapi-validate.ts';
import { sha256 } from '../src/ids.ts';
import { call, demo, expectProblem, jwtPayload, login, refreshCookieOf, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { auditRows, loginAs, managers, personId } from './admin-fixture.ts';

const krueger = 'https://www.hv-krueger.example';
const foreign = 'https://evil.example';
const fromKrueger = { origin: krueger, 'sec-fetch-site': 'cross-site' };

describe('refresh tokens kept in the page', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  const becker = () => login(s.url, demo.becker.username, demo.becker.password, 'krueger');
  const handOut = (token: string | undefined, options: Parameters<typeof call>[2] = {}) =>
    call(s.url, '/auth/session-token', { body: {}, token, ...options, headers: { ...fromKrueger, ...options.headers } });
  const refreshWith = (refreshToken: string, options: Parameters<typeof call>[2] = {}) =>
    call(s.url, '/auth/refresh', { body: { organization: 'krueger', refreshToken }, ...options, headers: { ...fromKrueger, ...options.headers } });
  const me = (token: string) => call(s.url, '/me', { token });

  /** A page's session: signed in, the cookie refused, the token handed out. */
  async function pageSession(): Promise<{ login: Session; refreshToken: string; expiresAt: string }> {
    const session = await becker();
    const answer = await handOut(session.token);
    assert.equal(answer.status, 200, answer.text);
    return { login: session, ...answer.body };
  }

  /** A 200 refresh answered in the body: no cookie set, not stored, a working access token; the next token. */
  async function rotated(answer: Answer, previous: string): Promise<string> {
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.headers.getSetCookie(), [], 'no cookie in this mode');
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.deepEqual(componentValidator(apiSpecPath, 'RefreshResult').check(answer.body), []);
    assert.ok(answer.body.refreshToken && answer.body.refreshToken !== previous);
    assert.equal((await me(answer.body.accessToken)).status, 200);
    return answer.body.refreshToken;
  }

  test('handed out only without the cookie, once per session, with its absolute end, not stored, no cookie set', async () => {
    const session = await becker();
    expectProblem(await handOut(session.token, { cookie: session.cookie }), 409, 'cookie_present');
    const from = s.clock.now().getTime();
    const answer = await handOut(session.token);
    const to = s.clock.now().getTime();
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(componentValidator(apiSpecPath, 'PageSessionToken').check(answer.body), []);
    assert.deepEqual(Object.keys(answer.body).sort(), ['expiresAt', 'refreshToken']);
    assert.match(answer.body.refreshToken, /^[A-Za-z0-9_-]{43}$/, '256 random bits');
    const end = Date.parse(answer.body.expiresAt) - pageTokenLifetimeSeconds * 1000;
    assert.ok(end >= from && end <= to, '12 hours after the hand-out');
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.deepEqual(answer.headers.getSetCookie(), []);
    assert.equal(answer.headers.get('access-control-allow-origin'), krueger);
    assert.equal(answer.headers.get('access-control-allow-credentials'), 'true');
    expectProblem(await handOut(session.token), 409, 'session_token_issued');
    assert.equal((await me(session.token)).status, 200, 'the access token still works');
  });

  test('only right after the sign-in: a minute later, or once the cookie renewed the session, nothing is handed out', async () => {
    const late = await becker();
    s.clock.advance(handOutWindowSeconds + 1);
    try {
      expectProblem(await handOut(late.token), 409, 'session_token_closed');
    } finally {
      s.clock.advance(-(handOutWindowSeconds + 1));
    }
    const kept = await becker();
    const renewed = await call(s.url, '/auth/refresh', { body: {}, cookie: kept.cookie, headers: { origin: krueger } });
    assert.equal(renewed.status, 200, renewed.text);
    expectProblem(await handOut(renewed.body.accessToken), 409, 'session_token_closed');
  });

  test('the cookie the browser never stored is used up: presented again it gets no successor, later it revokes', async () => {
    const { login: session, refreshToken } = await pageSession();
    const early = await call(s.url, '/auth/refresh', { body: {}, cookie: session.cookie });
    expectProblem(early, 409, 'refresh_in_progress');
    assert.ok(!early.text.includes(refreshToken), 'never the page token as a cookie');
    s.clock.advance(refreshGraceSeconds + 1);
    try {
      expectProblem(await call(s.url, '/auth/refresh', { body: {}, cookie: session.cookie }), 401, 'refresh_token_reused');
      expectProblem(await refreshWith(refreshToken), 401, 'invalid_refresh_token');
    } finally {
      s.clock.advance(-(refreshGraceSeconds + 1));
    }
  });

  test('401 without an access token or with a bad one', async () => {
    expectProblem(await handOut(undefined), 401, 'unauthenticated');
    expectProblem(await handOut('not.a.token'), 401, 'invalid_token');
  });

  test('a foreign origin gets 403, and so does another organization\'s origin; JSON only', async () => {
    const session = await becker();
    expectProblem(await handOut(session.token, { headers: { origin: foreign } }), 403, 'origin_not_allowed');
    expectProblem(await handOut(undefined, { headers: { origin: foreign } }), 403, 'origin_not_allowed');
    expectProblem(await handOut(session.token, { headers: { origin: 'https://www.immopro.example' } }), 403, 'origin_not_allowed');
    expectProblem(await call(s.url, '/auth/session-token', { raw: '{}', token: session.token, headers: { 'content-type': 'text/plain' } }), 415);
    assert.equal((await handOut(session.token, { headers: { origin: s.url, 'sec-fetch-site': 'same-origin' } })).status, 200, 'the portal\'s own page');
  });

  test('a refresh with the token in the body rotates it and answers the successor in the body; a repeat in the window gets the same', async () => {
    const { login: session, refreshToken, expiresAt } = await pageSession();
    const first = await refreshWith(refreshToken);
    const second = await rotated(first, refreshToken);
    assert.equal(first.body.refreshExpiresAt, expiresAt, 'the absolute end does not move');
    assert.equal(jwtPayload(first.body.accessToken).sid, jwtPayload(session.token).sid, 'the same session');
    const again = await refreshWith(refreshToken);
    assert.equal(again.status, 200, 'a lost answer: the same successor within the grace window');
    assert.equal(again.body.refreshToken, second);
    const third = await rotated(await refreshWith(second), second);
    assert.ok(third);
  });

  test('a replay of an old page token after the window revokes its family; another login\'s cookie family lives on', async () => {
    const cookieSession = await becker();
    const { login: session, refreshToken } = await pageSession();
    const next = await rotated(await refreshWith(refreshToken), refreshToken);
    s.clock.advance(refreshGraceSeconds + 1);
    try {
      const replay = await refreshWith(refreshToken);
      expectProblem(replay, 401, 'refresh_token_reused');
      assert.deepEqual(replay.headers.getSetCookie(), [], 'no cookie to clear');
      expectProblem(await refreshWith(next), 401, 'invalid_refresh_token');
      expectProblem(await me(session.token), 401, 'invalid_token');
      const cookieRefresh = await call(s.url, '/auth/refresh', { body: {}, cookie: cookieSession.cookie });
      assert.equal(cookieRefresh.status, 200, cookieRefresh.text);
      assert.ok(!('refreshToken' in cookieRefresh.body), 'a cookie refresh answers no token in the body');
    } finally {
      s.clock.advance(-(refreshGraceSeconds + 1));
    }
  });

  test('each token only the way its family travels; the cookie wins when both come', async () => {
    const cookieSession = await becker();
    expectProblem(await refreshWith(cookieSession.cookie), 401, 'invalid_refresh_token');
    const { refreshToken } = await pageSession();
    expectProblem(await call(s.url, '/auth/refresh', { body: {}, cookie: refreshToken }), 401, 'invalid_refresh_token');
    const both = await refreshWith(refreshToken, { cookie: cookieSession.cookie });
    assert.equal(both.status, 200, both.text);
    assert.ok(refreshCookieOf(both), 'the cookie was rotated');
    assert.ok(!('refreshToken' in both.body));
    await rotated(await refreshWith(refreshToken), refreshToken);
    expectProblem(await refreshWith('x'), 400, 'validation_failed');
  });

  test('the family ends 12 hours after the hand-out, however often it was refreshed', async () => {
    const { refreshToken, expiresAt } = await pageSession();
    const half = pageTokenLifetimeSeconds / 2;
    s.clock.advance(half);
    try {
      const first = await refreshWith(refreshToken);
      const next = await rotated(first, refreshToken);
      assert.equal(first.body.refreshExpiresAt, expiresAt);
      s.clock.advance(half - 60);
      const last = await refreshWith(next);
      const after = await rotated(last, next);
      assert.equal(last.body.refreshExpiresAt, expiresAt);
      s.clock.advance(61);
      expectProblem(await refreshWith(after), 401, 'invalid_refresh_token');
    } finally {
      s.clock.advance(-pageTokenLifetimeSeconds - 1);
    }
  });

  test('logout with the page token ends its family; a cookie family\'s token in the body ends nothing', async () => {
    const cookieSession = await becker();
    const kept = await call(s.url, '/auth/logout', { body: { refreshToken: cookieSession.cookie }, headers: fromKrueger });
    assert.equal(kept.status, 204);
    assert.equal((await me(cookieSession.token)).status, 200);

    const { login: session, refreshToken } = await pageSession();
    assert.equal((await call(s.url, '/auth/logout', { body: { refreshToken }, headers: fromKrueger })).status, 204);
    expectProblem(await refreshWith(refreshToken), 401, 'invalid_refresh_token');
    expectProblem(await me(session.token), 401, 'invalid_token');
  });

  test('a user with pending actions gets one too (the first login is part of the visit)', async () => {
    const schulz = await login(s.url, demo.schulz.username, demo.schulz.password, 'krueger');
    assert.ok(schulz.user.pendingActions.length > 0);
    const answer = await handOut(schulz.token);
    assert.equal(answer.status, 200, answer.text);
  });

  test('a preview never gets one', async () => {
    const manager = await loginAs(s, managers.pichler);
    const started = await call(s.url, '/admin/preview-sessions', { token: manager.token, body: { personId: await personId(s.db, 'immopro', 'Katharina Huber') } });
    assert.equal(started.status, 201, started.text);
    const preview = await call(s.url, '/auth/preview', { body: { organization: 'immopro', code: started.body.code } });
    assert.equal(preview.status, 200, preview.text);
    expectProblem(await handOut(preview.body.accessToken, { headers: { origin: 'https://www.immopro.example' } }), 403, 'preview_read_only');
  });

  test('nothing secret is kept: hashes only, no sealed successor of the hand-out, nothing in the audit log', async () => {
    const { login: session, refreshToken } = await pageSession();
    const family = jwtPayload(session.token).sid;
    const rows = await s.db('sessions').where({ family_id: family }).orderBy('created_at').orderBy('id');
    assert.equal(rows.length, 2);
    assert.equal(rows[0].token_hash, sha256(session.cookie));
    assert.equal(rows[0].successor_sealed, null);
    assert.equal(rows[0].body_expires_at, null, 'the login\'s cookie token');
    assert.equal(rows[1].token_hash, sha256(refreshToken));
    assert.ok(rows[1].body_expires_at);
    const dump = JSON.stringify([rows, await auditRows(s.db)]);
    assert.ok(!dump.includes(refreshToken) && !dump.includes(session.cookie));
  });
});
