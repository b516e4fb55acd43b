import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, parseEnv } from '../src/config.ts';
import { call, demo, expectProblem, login, startServer, type TestServer } from './helpers.ts';

describe('NODE_ENV and production defaults', () => {
  const db = { HP_DATABASE_URL: ':memory:' };
  test('production in any spelling is production; an unknown value is refused', () => {
    for (const value of ['production', 'Production', ' PRODUCTION ', 'prod']) assert.equal(parseEnv(value), 'production', value);
    for (const value of [undefined, '', 'development', 'Dev']) assert.equal(parseEnv(value), 'development', String(value));
    assert.equal(parseEnv('test'), 'test');
    for (const value of ['staging', 'prodution', 'live']) assert.throws(() => parseEnv(value), /NODE_ENV must be development, test or production/, value);
  });
  test('a misspelt production setting never admits the test clock', () => {
    assert.throws(() => loadConfig({ ...db, NODE_ENV: 'Production', HP_CLOCK_START: '2030-01-01T00:00:00Z' }), /refused in production/);
    assert.throws(() => loadConfig({ ...db, NODE_ENV: 'staging', HP_CLOCK_START: '2030-01-01T00:00:00Z' }), /NODE_ENV/);
  });
  test('the demo data with its published passwords is off in production unless asked for', () => {
    assert.equal(loadConfig({ ...db, NODE_ENV: 'production' }).demoSeed, false);
    assert.equal(loadConfig({ ...db, NODE_ENV: 'production', HP_DEMO_SEED: 'true' }).demoSeed, true);
    assert.equal(loadConfig({ ...db }).demoSeed, true);
    assert.equal(loadConfig({ ...db, HP_DEMO_SEED: 'off' }).demoSeed, false);
  });
});

describe('an organization whose stored time zone is not valid', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  test('answers with the default zone instead of 500, and says so once in the log', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const session = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
      for (const bad of ['Mars/Olympus', '', '+01:00', 'Europe/Vienna\n']) {
        await s.db('organizations').where({ slug: 'immopro' }).update({ time_zone: bad });
        const pub = await call(s.url, '/organizations/immopro/public');
        assert.equal(pub.status, 200, JSON.stringify(bad));
        assert.equal(pub.body.timeZone, 'Europe/Vienna');
        for (const path of ['/units', '/charges', '/open-items', '/expense-accounts']) assert.equal((await call(s.url, path, { token: session.token })).status, 200, `${path} ${JSON.stringify(bad)}`);
        await call(s.url, '/organizations/immopro/public');
      }
      assert.equal(warnings.filter((w) => w.includes('Mars/Olympus')).length, 1, warnings.join('\n'));
      await s.db('organizations').where({ slug: 'immopro' }).update({ time_zone: 'europe/berlin' });
      assert.equal((await call(s.url, '/organizations/immopro/public')).body.timeZone, 'Europe/Berlin', 'the canonical spelling');
    } finally {
      console.warn = warn;
      await s.db('organizations').where({ slug: 'immopro' }).update({ time_zone: 'Europe/Vienna' });
    }
  });
});

describe('moving a session to another organization', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  test('the page must be allowed by the organization the session comes from, not only by the one it goes to', async () => {
    // Markus Lehner is a member of both; krueger's homepage is not one of immopro's pages.
    const session = await login(s.url, demo.lehner.username, demo.lehner.password, 'immopro');
    const headers = { origin: 'https://www.hv-krueger.example', 'sec-fetch-site': 'cross-site' };
    const moved = await call(s.url, '/auth/refresh', { body: { organization: 'krueger' }, cookie: session.cookie, headers });
    expectProblem(moved, 403, 'origin_not_allowed');
    assert.deepEqual(moved.headers.getSetCookie(), []);
    const sameSite = await call(s.url, '/auth/refresh', { body: { organization: 'krueger' }, cookie: session.cookie });
    assert.equal(sameSite.status, 200, 'from the portal itself the switch still works');
  });
});

describe('failed-login limits under parallel requests', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());
  const statuses = (answers: { status: number }[]) => answers.map((a) => a.status).sort();

  test('a burst of wrong passwords and the tries after it get at most 5 checks; then even the right password answers 429', async () => {
    const wrong = () => call(s.url, '/auth/login', { body: { organization: demo.schulz.org, username: demo.schulz.username, password: 'not-the-password' } });
    const answers = await Promise.all(Array.from({ length: 12 }, wrong));
    const counted: number[] = statuses(answers);
    assert.ok(counted.every((x) => [401, 429].includes(x)), counted.join(','));
    // Then one by one until refused: the burst and these together got no more than 5 password checks.
    let last = 0;
    for (let i = 0; i < 6 && last !== 429; i++) counted.push((last = (await wrong()).status));
    assert.equal(last, 429, counted.join(','));
    assert.ok(counted.filter((x) => x === 401).length <= 5, counted.join(','));
    expectProblem(await call(s.url, '/auth/login', { body: { organization: demo.schulz.org, username: demo.schulz.username, password: demo.schulz.password } }), 429, 'rate_limited');
  });

  test('a burst of wrong current passwords for an email change gets at most 5 checks', async () => {
    const session = await login(s.url, demo.becker.username, demo.becker.password, demo.becker.org);
    const guess = (_: unknown, i: number) =>
      call(s.url, '/me', { method: 'PATCH', token: session.token, body: { email: `guess${i}@example.test`, currentPassword: `guess-${i}-password` } });
    const counted: number[] = statuses(await Promise.all(Array.from({ length: 12 }, guess)));
    assert.ok(counted.filter((x) => x === 403).length <= 5, counted.join(','));
    assert.ok(counted.every((x) => [403, 429].includes(x)), counted.join(','));
  });

  test('right passwords are not counted: more logins from one address than its limit of 20 failures', async () => {
    for (let i = 0; i < 22; i++) {
      const answer = await call(s.url, '/auth/login', { body: { organization: demo.huber.org, username: demo.huber.username, password: demo.huber.password } });
      assert.equal(answer.status, 200, `login ${i + 1}`);
    }
  });

  test('a refresh with a JSON content type and no body at all is no error', async () => {
    const answer = await fetch(`${s.url}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    assert.equal(answer.status, 204);
  });
});
