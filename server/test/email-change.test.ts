import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { maskEmail } from '../src/auth/mails.ts';
import { call, demo, expectProblem, login, startServer, type Session, type TestServer } from './helpers.ts';

const outbox = async (base: string, to: string) => (await call(base, `/dev/outbox?to=${encodeURIComponent(to)}`)).body.items as { subject: string; text: string }[];

describe('changing the email address (the login name)', () => {
  let s: TestServer;
  let huber: Session;
  before(async () => {
    s = await startServer();
    huber = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
  });
  after(() => s.close());

  const patch = (body: unknown, token = huber.token) => call(s.url, '/me', { method: 'PATCH', token, body });
  const attempts = async (userId: string) => (await s.db('login_attempts').where({ key: `account:${userId}` })).length;
  const email = async (userId: string) => (await s.db('users').where({ id: userId }).first('email')).email as string;

  test('maskEmail keeps the first character and the domain', () => {
    assert.equal(maskEmail('kathi.neu@example.com'), 'k…@example.com');
    assert.equal(maskEmail('ö@example.at'), 'ö…@example.at');
    assert.equal(maskEmail('broken'), '…');
  });

  test('without the current password: 400 on /currentPassword, nothing changed, nothing counted', async () => {
    const phone = (await call(s.url, '/me', { token: huber.token })).body.phone;
    const a = await patch({ email: 'kathi.neu@example.com', phone: '+43 1 111' });
    expectProblem(a, 400, 'validation_failed');
    assert.deepEqual(a.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]), [['/currentPassword', 'required']]);
    expectProblem(await patch({ email: 'kathi.neu@example.com', currentPassword: '' }), 400);
    assert.equal(await email(huber.user.id), demo.huber.username);
    assert.equal((await call(s.url, '/me', { token: huber.token })).body.phone, phone);
    assert.equal(await attempts(huber.user.id), 0);
  });

  test('wrong password: 403 wrong_password on /currentPassword, counted like a failed login; a taken address is not told', async () => {
    const a = await patch({ email: 'kathi.neu@example.com', currentPassword: 'Naschmarkt-Top8' });
    expectProblem(a, 403, 'wrong_password');
    assert.equal(a.body.errors[0].field, '/currentPassword');
    const taken = await patch({ email: 'markus.lehner@example.net', currentPassword: 'nicht-das-passwort' });
    expectProblem(taken, 403, 'wrong_password');
    assert.equal(await attempts(huber.user.id), 2);
    assert.equal(await email(huber.user.id), demo.huber.username);
    assert.equal((await outbox(s.url, demo.huber.username)).length, 0);
  });

  test('five wrong passwords lock both this check and the login (429) for the account', async () => {
    const lehner = await login(s.url, demo.lehner.username, demo.lehner.password, 'immopro');
    for (let i = 0; i < 5; i++) expectProblem(await patch({ email: 'markus.neu@example.net', currentPassword: `falsch-${i}` }, lehner.token), 403, 'wrong_password');
    const right = await patch({ email: 'markus.neu@example.net', currentPassword: demo.lehner.password }, lehner.token);
    expectProblem(right, 429, 'rate_limited');
    assert.ok(Number(right.headers.get('retry-after')) > 0);
    expectProblem(await call(s.url, '/auth/login', { body: { organization: 'immopro', username: demo.lehner.username, password: demo.lehner.password } }), 429, 'rate_limited');
    assert.equal(await email(lehner.user.id), demo.lehner.username);
    // Other changes still work without a password.
    assert.equal((await patch({ locale: 'en' }, lehner.token)).status, 200);
  });

  test('phone, notifications or the same address need no password and end no session', async () => {
    const other = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
    const a = await patch({ phone: '+43 1 234', notifications: 'none', email: 'Katharina.Huber@Example.com' });
    assert.equal(a.status, 200, a.text);
    assert.equal(a.body.email, demo.huber.username);
    assert.equal((await call(s.url, '/me', { token: other.token })).status, 200);
    assert.equal((await outbox(s.url, demo.huber.username)).length, 0);
  });

  test('right password: changed, login with the new address, masked notice to the old one, other sessions ended', async () => {
    const other = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
    const a = await patch({ email: 'Kathi.Neu@example.com', currentPassword: demo.huber.password });
    assert.equal(a.status, 200, a.text);
    assert.equal(a.body.email, 'kathi.neu@example.com');

    const mails = await outbox(s.url, demo.huber.username);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /E-Mail-Adresse wurde geändert/);
    assert.ok(mails[0]!.text.includes('k…@example.com'), mails[0]!.text);
    assert.ok(!/kathi\.neu/i.test(mails[0]!.text), 'the full new address is not in the mail');
    assert.equal((await outbox(s.url, 'kathi.neu@example.com')).length, 0);

    expectProblem(await call(s.url, '/me', { token: other.token }), 401);
    expectProblem(await call(s.url, '/auth/refresh', { body: {}, cookie: other.cookie }), 401);
    assert.equal((await call(s.url, '/me', { token: huber.token })).status, 200);
    assert.equal((await call(s.url, '/auth/refresh', { body: {}, cookie: huber.cookie })).status, 200);

    await login(s.url, 'kathi.neu@example.com', demo.huber.password, 'immopro');
    expectProblem(await call(s.url, '/auth/login', { body: { organization: 'immopro', username: demo.huber.username, password: demo.huber.password } }), 401);
  });

  test('an English account gets the notice in English', async () => {
    const becker = await login(s.url, demo.becker.username, demo.becker.password, 'krueger');
    const a = await patch({ email: 'thomas.neu@example.net', currentPassword: demo.becker.password }, becker.token);
    assert.equal(a.status, 200, a.text);
    const [mail] = await outbox(s.url, demo.becker.username);
    assert.match(mail!.subject, /your email address was changed/);
    assert.match(mail!.text, /changed to t…@example\.net/);
  });
});
