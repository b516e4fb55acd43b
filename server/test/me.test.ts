import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, login, startServer, type Session, type TestServer } from './helpers.ts';

describe('me', () => {
  let s: TestServer;
  let huber: Session;
  before(async () => {
    s = await startServer();
    huber = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
  });
  after(() => s.close());

  const patch = (body: unknown, token = huber.token) => call(s.url, '/me', { method: 'PATCH', token, body });

  test('GET /me needs a token', async () => {
    const a = await call(s.url, '/me');
    expectProblem(a, 401, 'unauthenticated');
    assert.equal(a.headers.get('www-authenticate'), 'Bearer');
    expectProblem(await call(s.url, '/me', { headers: { authorization: 'Basic abc' } }), 401);
    expectProblem(await call(s.url, '/me', { token: 'abcdef.ghijkl.mnopqr' }), 401, 'invalid_token');
  });

  test('GET /me: person, address and memberships of the organization', async () => {
    const me = (await call(s.url, '/me', { token: huber.token })).body;
    assert.equal(me.name, 'Katharina Huber');
    assert.deepEqual(me.address, { street: 'Gumpendorfer Straße 81/7', postalCode: '1060', city: 'Wien', country: 'AT' });
    assert.equal(me.organization, 'immopro');
    assert.deepEqual(me.memberships, [{ organization: 'immopro', organizationName: 'ImmoPro Hausverwaltung GmbH', role: 'tenant' }]);
    assert.equal(me.birthDate, '1986-04-12');
  });

  test('PATCH /me changes contact data and preferences', async () => {
    const a = await patch({ phone: '+43 (1) 234-5678', birthDate: '1986-04-13', notifications: 'none', locale: 'en' });
    assert.equal(a.status, 200);
    assert.equal(a.body.phone, '+43 (1) 234-5678');
    assert.equal(a.body.birthDate, '1986-04-13');
    assert.equal(a.body.notifications, 'none');
    assert.equal(a.body.locale, 'en');
    const cleared = await patch({ phone: null, birthDate: null });
    assert.equal(cleared.body.phone, null);
    assert.equal(cleared.body.birthDate, null);
    assert.equal((await call(s.url, '/me', { token: huber.token })).body.notifications, 'none');
  });

  test('PATCH /me: the notification choice round trip (immediate, digest, none), with the organization\'s digest hour', async () => {
    const first = (await call(s.url, '/me', { token: huber.token })).body;
    assert.equal(first.digestHour, 7);
    for (const mode of ['digest', 'immediate', 'none', 'digest']) {
      const a = await patch({ notifications: mode });
      assert.equal(a.status, 200, a.text);
      assert.equal(a.body.notifications, mode);
      assert.equal((await call(s.url, '/me', { token: huber.token })).body.notifications, mode);
      const row = await s.db('users').where({ id: first.id }).first('notify_mode');
      assert.equal(row.notify_mode, mode);
    }
    const org = await s.db('organizations').where({ slug: 'immopro' }).first('id');
    await s.db('organizations').where({ id: org.id }).update({ digest_hour: 18 });
    assert.equal((await call(s.url, '/me', { token: huber.token })).body.digestHour, 18);
    await s.db('organizations').where({ id: org.id }).update({ digest_hour: 7 });
  });

  test('PATCH /me: email must be unique (409), is stored in lower case and works for login', async () => {
    const currentPassword = demo.huber.password;
    const taken = await patch({ email: 'Markus.Lehner@example.net', currentPassword });
    expectProblem(taken, 409, 'email_taken');
    assert.equal(taken.body.errors[0].field, '/email');
    const ok = await patch({ email: 'K.Huber@Example.com', currentPassword });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.email, 'k.huber@example.com');
    await login(s.url, 'k.huber@example.com', demo.huber.password, 'immopro');
  });

  test('PATCH /me cannot change role, organization, status or anything unknown', async () => {
    for (const body of [{ role: 'manager' }, { organization: 'krueger' }, { status: 'active' }, { mustChangePassword: false }, { id: 'x' }, { locale: 'de', role: 'manager' }]) {
      const a = await patch(body);
      expectProblem(a, 400, 'validation_failed');
      assert.ok(a.body.errors.some((e: { code: string }) => e.code === 'unknown_field'), a.text);
    }
    const me = (await call(s.url, '/me', { token: huber.token })).body;
    assert.equal(me.role, 'tenant');
    assert.equal(me.organization, 'immopro');
  });

  test('PATCH /me rejects wrong types and values with field errors', async () => {
    const cases: [unknown, string, string][] = [
      [{ phone: 12345 }, '/phone', 'type'],
      [{ phone: 'call me<script>' }, '/phone', 'pattern'],
      [{ phone: '1'.repeat(41) }, '/phone', 'too_long'],
      [{ birthDate: '12.04.1986' }, '/birthDate', 'format'],
      [{ birthDate: '2999-01-01' }, '/birthDate', 'future'],
      [{ email: 'not-an-email' }, '/email', 'format'],
      [{ notifications: 'yes' }, '/notifications', 'enum'],
      [{ notifications: false }, '/notifications', 'type'],
      [{ notifyEmail: false }, '/notifyEmail', 'unknown_field'],
      [{ locale: 'fr' }, '/locale', 'enum'],
      [{}, '/', 'empty'],
    ];
    for (const [body, field, code] of cases) {
      const a = await patch(body);
      expectProblem(a, 400);
      assert.ok(a.body.errors.some((e: { field: string; code: string }) => e.field === field && e.code === code), `${JSON.stringify(body)} → ${a.text}`);
    }
    for (const body of [[], 'text', null, 42]) expectProblem(await patch(body), 400);
  });
});
