import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../src/config.ts';
import { engineOf, migrate } from '../src/db.ts';
import { demoLogins } from '../src/seed/data.ts';
import { call, expectProblem, startServer, type TestServer } from './helpers.ts';

describe('system', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  test('health answers with the database engine', async () => {
    const a = await call(s.url, '/health');
    assert.equal(a.status, 200);
    assert.deepEqual({ status: a.body.status, database: a.body.database }, { status: 'ok', database: engineOf(s.db) });
  });

  test('health may be probed by any page (no-cors), other API answers stay same-site', async () => {
    const health = await call(s.url, '/health', { headers: { origin: 'https://not-allowed.example' } });
    assert.equal(health.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(health.headers.get('access-control-allow-origin'), null, 'the probe is no CORS permission');
    const org = await call(s.url, '/organizations/immopro/public');
    assert.equal(org.headers.get('cross-origin-resource-policy'), 'same-site');
  });

  test('organizations have different public themes, legal links and policies', async () => {
    const immo = await call(s.url, '/organizations/immopro/public');
    const krue = await call(s.url, '/organizations/krueger/public');
    assert.equal(immo.status, 200);
    assert.equal(krue.status, 200);
    assert.equal(immo.body.name, 'ImmoPro Hausverwaltung GmbH');
    assert.equal(krue.body.name, 'Hausverwaltung Krüger GmbH');
    assert.notEqual(immo.body.theme.primary, krue.body.theme.primary);
    assert.notEqual(immo.body.legalLinks.imprint, krue.body.legalLinks.imprint);
    assert.equal(immo.body.passwordPolicy.requireUpper, true);
    assert.equal(immo.body.passwordPolicy.requireDigit, true);
    assert.equal(krue.body.passwordPolicy.requireUpper, false);
    assert.equal(krue.body.passwordPolicy.minLength, 10);
    assert.equal(typeof immo.body.terms.text.de, 'string');
    assert.equal(immo.body.allowedOrigins, undefined, 'allowed origins are not public');
  });

  test('unknown organization is a 404 problem, a bad slug a 400 problem', async () => {
    expectProblem(await call(s.url, '/organizations/nobody/public'), 404, 'organization_not_found');
    expectProblem(await call(s.url, '/organizations/NOT_A_SLUG/public'), 400, 'validation_failed');
  });

  test('a route that is not in the contract does not exist', async () => {
    expectProblem(await call(s.url, '/users'), 404, 'not_found');
    expectProblem(await call(s.url, '/health', { method: 'DELETE' }), 405, 'method_not_allowed');
    expectProblem(await call(s.url, '/health?debug=1'), 400, 'validation_failed');
    const outside = await fetch(`${s.url}/no-such-page.html`);
    assert.equal(outside.status, 404);
    assert.match(outside.headers.get('content-type') ?? '', /problem\+json/);
  });

  test('API answers carry a strict CSP and refuse framing', async () => {
    const a = await call(s.url, '/health');
    assert.match(a.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.match(a.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(a.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(a.headers.get('x-frame-options'), 'DENY');
  });

  test('static pages: the examples at / with a CSP, a missing bundle folder is a 404 not a crash', async () => {
    const page = await fetch(`${s.url}/`);
    const hasIndex = (() => {
      try {
        readFileSync(resolve(repoRoot, 'examples', 'index.html'));
        return true;
      } catch {
        return false;
      }
    })();
    assert.equal(page.status, hasIndex ? 200 : 404);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'/);
    const logins = await fetch(`${s.url}/demo-logins.json`);
    assert.equal(logins.status, 200);
    const bundle = await fetch(`${s.url}/dist/does-not-exist.js`);
    assert.equal(bundle.status, 404);
    assert.equal((await call(s.url, '/health')).status, 200, 'still alive');
  });

  test('examples/demo-logins.json lists exactly the seeded logins', () => {
    const file = JSON.parse(readFileSync(resolve(repoRoot, 'examples', 'demo-logins.json'), 'utf8'));
    assert.deepEqual(file, JSON.parse(JSON.stringify(demoLogins)));
    const roles = new Set(file.map((l: { role: string }) => l.role));
    assert.ok(roles.has('tenant') && roles.has('owner') && roles.has('manager'));
  });

  test('the invitation of the invited demo user is in the outbox', async () => {
    const a = await call(s.url, `/dev/outbox?to=${encodeURIComponent('florian.steiner@example.com')}`);
    assert.equal(a.status, 200);
    assert.equal(a.body.items.length, 1);
    assert.match(a.body.items[0].text, /DEMOINVITEFSTEINER2026WIENTOP4/);
  });

  test('migrations run again without changes', async () => {
    await migrate(s.db, (s.db.client.config as { searchPath?: string[] }).searchPath?.[0]);
    assert.equal((await call(s.url, '/health')).status, 200);
  });

  test('the outbox does not exist in production', async () => {
    const prod = await s.startSibling({ env: 'production' });
    try {
      expectProblem(await call(prod.url, '/dev/outbox'), 404, 'not_found');
      assert.equal((await call(prod.url, '/health')).status, 200);
    } finally {
      await prod.close();
    }
  });
});
