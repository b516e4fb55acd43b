import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, login, startServer, type TestServer } from './helpers.ts';

const outbox = async (base: string, to: string) => (await call(base, `/dev/outbox?to=${encodeURIComponent(to)}`)).body.items as { subject: string; text: string }[];
const codeIn = (text: string) => /(?:code|Code): ([A-Z2-7]{32})/.exec(text)?.[1];

describe('passwords, reset, terms', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  test('reset request answers 202 for known and unknown emails alike; only the known one gets a code', async () => {
    const known = await call(s.url, '/auth/password-reset', { body: { organization: 'immopro', email: 'Elisabeth.Wagner@example.org' } });
    const unknown = await call(s.url, '/auth/password-reset', { body: { organization: 'immopro', email: 'niemand@example.org' } });
    const wrongOrg = await call(s.url, '/auth/password-reset', { body: { organization: 'krueger', email: 'elisabeth.wagner@example.org' } });
    for (const a of [known, unknown, wrongOrg]) {
      assert.equal(a.status, 202);
      assert.equal(a.text, '');
    }
    const mails = await outbox(s.url, 'elisabeth.wagner@example.org');
    assert.equal(mails.length, 1);
    const code = codeIn(mails[0]!.text)!;
    assert.ok(code, mails[0]!.text);
    assert.ok(code.length * 5 >= 128, 'at least 128 bits');
    assert.equal((await outbox(s.url, 'niemand@example.org')).length, 0);
    const stored = await s.db('one_time_codes').where({ purpose: 'reset' });
    assert.ok(stored.every((r: { code_hash: string }) => r.code_hash !== code && !r.code_hash.includes(code)));
  });

  test('reset: policy checked, code single-use, every session revoked, notice mailed', async () => {
    const session = await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro');
    const code = codeIn((await outbox(s.url, 'elisabeth.wagner@example.org'))[0]!.text)!;

    const weak = await call(s.url, '/auth/password-reset/confirm', { body: { code, newPassword: 'ewagner-passwort' } });
    expectProblem(weak, 422, 'password_policy');
    const codes = weak.body.errors.map((e: { code: string }) => e.code).sort();
    assert.deepEqual(codes, ['policy_digit', 'policy_upper', 'policy_username']);

    const ok = await call(s.url, '/auth/password-reset/confirm', { body: { code, newPassword: 'Grinzing-Heuriger-7' } });
    assert.equal(ok.status, 204);
    const twice = await call(s.url, '/auth/password-reset/confirm', { body: { code, newPassword: 'Grinzing-Heuriger-8' } });
    expectProblem(twice, 422, 'invalid_code');
    assert.equal(twice.body.errors[0].field, '/code');

    expectProblem(await call(s.url, '/auth/refresh', { body: {}, cookie: session.cookie }), 401);
    expectProblem(await call(s.url, '/me', { token: session.token }), 401);
    expectProblem(await call(s.url, '/auth/login', { body: { organization: 'immopro', username: 'ewagner', password: demo.wagner.password } }), 401, 'invalid_credentials');
    await login(s.url, 'ewagner', 'Grinzing-Heuriger-7', 'immopro');
    const mails = await outbox(s.url, 'elisabeth.wagner@example.org');
    assert.match(mails[0]!.subject, /Passwort wurde geändert/);
  });

  test('reset codes expire after 30 minutes', async () => {
    await call(s.url, '/auth/password-reset', { body: { organization: 'krueger', email: 'thomas.becker@example.net' } });
    const mail = (await outbox(s.url, 'thomas.becker@example.net'))[0]!;
    assert.match(mail.subject, /password reset/, 'English user gets an English mail');
    const code = codeIn(mail.text)!;
    s.clock.advance(30 * 60 + 1);
    try {
      expectProblem(await call(s.url, '/auth/password-reset/confirm', { body: { code, newPassword: 'Speicherstadt-2026' } }), 422, 'invalid_code');
    } finally {
      s.clock.advance(-(30 * 60 + 1));
    }
  });

  test('first login: terms and password change are pending; everything else answers 403 action_required', async () => {
    const session = await login(s.url, demo.schulz.username, demo.schulz.password, 'krueger');
    assert.deepEqual(session.user.pendingActions, ['accept-terms', 'change-password']);
    assert.equal(session.user.mustChangePassword, true);
    assert.equal(session.user.termsAcceptedAt, null);

    const blocked = await call(s.url, '/me', { method: 'PATCH', token: session.token, body: { locale: 'en' } });
    expectProblem(blocked, 403, 'action_required');
    assert.deepEqual(blocked.body.pendingActions, ['accept-terms', 'change-password']);
    assert.equal((await call(s.url, '/me', { token: session.token })).status, 200);

    const terms = (await call(s.url, '/organizations/krueger/public')).body.terms;
    expectProblem(await call(s.url, '/me/terms', { token: session.token, body: { version: 'old' } }), 409, 'terms_version_mismatch');
    const accepted = await call(s.url, '/me/terms', { token: session.token, body: { version: terms.version } });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.body.termsVersion, terms.version);
    assert.ok(accepted.body.termsAcceptedAt);
    assert.deepEqual(accepted.body.pendingActions, ['change-password']);
    expectProblem(await call(s.url, '/me', { method: 'PATCH', token: session.token, body: { locale: 'en' } }), 403, 'action_required');

    const wrong = await call(s.url, '/auth/password', { token: session.token, body: { currentPassword: 'nicht-richtig', newPassword: 'Landungsbrücken-3' } });
    expectProblem(wrong, 422, 'wrong_password');
    assert.equal(wrong.body.errors[0].field, '/currentPassword');
    const same = await call(s.url, '/auth/password', { token: session.token, body: { currentPassword: demo.schulz.password, newPassword: demo.schulz.password } });
    expectProblem(same, 422, 'password_policy');
    assert.equal(same.body.errors[0].code, 'same_password');
    const short = await call(s.url, '/auth/password', { token: session.token, body: { currentPassword: demo.schulz.password, newPassword: 'kurz' } });
    expectProblem(short, 422, 'password_policy');
    assert.deepEqual(short.body.errors, [{ field: '/newPassword', code: 'too_short', message: short.body.errors[0].message }]);
    const common = await call(s.url, '/auth/password', { token: session.token, body: { currentPassword: demo.schulz.password, newPassword: 'passwort123' } });
    assert.ok(common.body.errors.some((e: { code: string }) => e.code === 'policy_common'));

    // a second session elsewhere is ended by the change; this one stays
    const other = await login(s.url, demo.schulz.username, demo.schulz.password, 'krueger');
    const changed = await call(s.url, '/auth/password', { token: session.token, body: { currentPassword: demo.schulz.password, newPassword: 'Landungsbrücken-3' } });
    assert.equal(changed.status, 204);
    expectProblem(await call(s.url, '/me', { token: other.token }), 401);
    expectProblem(await call(s.url, '/auth/refresh', { body: {}, cookie: other.cookie }), 401);
    const me = await call(s.url, '/me', { token: session.token });
    assert.equal(me.status, 200);
    assert.deepEqual(me.body.pendingActions, []);
    assert.equal(me.body.mustChangePassword, false);
    assert.equal((await call(s.url, '/me', { method: 'PATCH', token: session.token, body: { locale: 'en' } })).status, 200);
    assert.equal((await call(s.url, '/auth/refresh', { body: {}, cookie: session.cookie })).status, 200);
  });

  test('new terms version makes accept-terms pending again', async () => {
    const session = await login(s.url, demo.becker.username, demo.becker.password, 'krueger');
    assert.deepEqual(session.user.pendingActions, []);
    await s.db('organizations').where({ slug: 'krueger' }).update({ terms_version: '2027-01' });
    const me = await call(s.url, '/me', { token: session.token });
    assert.deepEqual(me.body.pendingActions, ['accept-terms']);
    expectProblem(await call(s.url, '/me', { method: 'PATCH', token: session.token, body: { locale: 'de' } }), 403, 'action_required');
    assert.equal((await call(s.url, '/me/terms', { token: session.token, body: { version: '2027-01' } })).status, 200);
  });

  test('reset requests are limited per address', async () => {
    let limited;
    for (let i = 0; i < 12 && !limited; i++) {
      const a = await call(s.url, '/auth/password-reset', { body: { organization: 'immopro', email: `x${i}@example.com` } });
      if (a.status === 429) limited = a;
      else assert.equal(a.status, 202);
    }
    assert.ok(limited, 'got 429');
    expectProblem(limited, 429, 'rate_limited');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  });
});
