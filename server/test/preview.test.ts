import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, jwtPayload, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { addContract, auditRows, loginAs, managers, personId, unitId } from './admin-fixture.ts';
import { apiSpecPath } from '../src/app.ts';
import { readOpenApiSpec } from '../src/http/openapi-spec.ts';

// Read-only previews (issue 14): a manager starts one for a person, the code is exchanged once for a token that reads
// as the person until the preview ends or its 15 minutes are over, every write answers 403, and nothing is recorded
// — no read receipts, no file opens, no chat turns. Start and end are in the audit log with the person.

const someId = '00000000-0000-7000-8000-000000000000';

/** A preview of `person` started by `manager`: the PreviewSession answer. */
async function start(s: TestServer, manager: Session, person: string): Promise<Answer> {
  return call(s.url, '/admin/preview-sessions', { token: manager.token, body: { personId: person } });
}

/** Starts a preview and exchanges its code: the PreviewSession and the AuthResult answer. */
async function open(s: TestServer, manager: Session, person: string): Promise<{ session: any; result: Answer; token: string }> {
  const started = await start(s, manager, person);
  assert.equal(started.status, 201, started.text);
  const result = await call(s.url, '/auth/preview', { body: { organization: 'immopro', code: started.body.code } });
  assert.equal(result.status, 200, result.text);
  return { session: started.body, result, token: result.body.accessToken };
}

/** Every row of the tables where reads, receipts and chat turns are recorded, to compare before and after. */
async function recorded(s: TestServer): Promise<unknown[]> {
  const tables = ['document_reads', 'post_reads', 'ticket_participants', 'chat_conversations', 'chat_messages', 'chat_unanswered'];
  return Promise.all(tables.map((t) => s.db(t).select().then((rows) => JSON.stringify(rows.map((r) => Object.entries(r).sort())))));
}

/** The contract's writes of the resident API: every method but GET and HEAD, outside /admin and /auth. */
function residentWrites(): { method: string; path: string }[] {
  return readOpenApiSpec(apiSpecPath)
    .operations.filter((op) => !['GET', 'HEAD'].includes(op.method.toUpperCase()) && !/^\/(admin|auth)\//.test(op.path))
    .map((op) => ({ method: op.method.toUpperCase(), path: op.path.replace(/\{[^}]+\}/g, someId) }));
}

/** The passive marks and the chat: answered during a preview, but recording nothing. */
const passive = new Set(['POST /documents/read', `POST /documents/${someId}/read`, 'POST /posts/seen', `POST /posts/${someId}/read`, `POST /tickets/${someId}/read`, 'POST /chat/messages']);

describe('preview sessions', () => {
  let s: TestServer;
  let pichler: Session;
  let krueger: Session;
  let huber: Session;
  let huberPerson: string;

  before(async () => {
    s = await startServer({ at: '2026-06-15T10:00:00Z' });
    [pichler, krueger, huber] = await Promise.all([loginAs(s, managers.pichler), loginAs(s, managers.krueger), login(s.url, demo.huber.username, demo.huber.password, 'immopro')]);
    huberPerson = await personId(s.db, 'immopro', 'Katharina Huber');
  });
  after(() => s.close());

  test('only a manager of the person’s organization may start or end a preview', async () => {
    expectProblem(await call(s.url, '/admin/preview-sessions', { body: { personId: huberPerson } }), 401);
    expectProblem(await start(s, huber, huberPerson), 403, 'manager_only');
    expectProblem(await start(s, krueger, huberPerson), 404, 'not_found');
    expectProblem(await start(s, pichler, someId), 404, 'not_found');
    const started = await start(s, pichler, huberPerson);
    assert.equal(started.status, 201, started.text);
    const path = `/admin/preview-sessions/${started.body.id}`;
    expectProblem(await call(s.url, path, { method: 'DELETE' }), 401);
    expectProblem(await call(s.url, path, { method: 'DELETE', token: huber.token }), 403, 'manager_only');
    expectProblem(await call(s.url, path, { method: 'DELETE', token: krueger.token }), 404);
    expectProblem(await call(s.url, `/admin/preview-sessions/${someId}`, { method: 'DELETE', token: pichler.token }), 404);
    assert.equal((await call(s.url, path, { method: 'DELETE', token: pichler.token })).status, 204);
  });

  test('a preview answers a single-use code, the portal address with it and its 15 minutes; the start is audited', async () => {
    const started = await start(s, pichler, huberPerson);
    assert.equal(started.status, 201, started.text);
    const { id, code, url, expiresAt, person } = started.body;
    assert.match(code, /^[A-Za-z0-9_-]{32}$/);
    assert.equal(url, `${new URL(s.url).origin}/portal.html?org=immopro#hp-preview=${code}`);
    assert.equal(Date.parse(expiresAt) - s.clock.now().getTime() <= 15 * 60_000, true);
    assert.equal(Date.parse(expiresAt) - s.clock.now().getTime() > 14 * 60_000, true);
    assert.deepEqual(person, { id: huberPerson, name: 'Katharina Huber' });
    const stored = await s.db('preview_sessions').where({ id }).first();
    assert.notEqual(stored.code_hash, code);
    const audit = (await auditRows(s.db, 'preview.started')).find((r: any) => r.entity_id === id);
    assert.equal(audit.actor_user_id, pichler.user.id);
    assert.deepEqual({ ...JSON.parse(audit.detail), expiresAt: undefined }, { personId: huberPerson, personName: 'Katharina Huber', expiresAt: undefined });
  });

  test('the code is exchanged once for a token of the person that ends with the preview; no refresh cookie', async () => {
    const started = await start(s, pichler, huberPerson);
    const body = { organization: 'immopro', code: started.body.code };
    expectProblem(await call(s.url, '/auth/preview', { body: { ...body, organization: 'krueger' } }), 400, 'invalid_code');
    const [first, second] = await Promise.all([call(s.url, '/auth/preview', { body }), call(s.url, '/auth/preview', { body })]);
    const [won, lost] = first.status === 200 ? [first, second] : [second, first];
    assert.equal(won.status, 200, won.text);
    expectProblem(lost, 400, 'invalid_code');
    expectProblem(await call(s.url, '/auth/preview', { body }), 400, 'invalid_code');
    assert.deepEqual(won.headers.getSetCookie(), []);
    const claims = jwtPayload(won.body.accessToken);
    assert.deepEqual([claims.prv, claims.sid, claims.sub, claims.aud], [started.body.id, started.body.id, huber.user.id, 'immopro']);
    assert.equal(claims.exp, Math.floor(Date.parse(started.body.expiresAt) / 1000));
    const user = won.body.user;
    assert.equal(user.id, huber.user.id);
    assert.equal(user.role, 'tenant');
    assert.deepEqual(user.preview, { sessionId: started.body.id, expiresAt: started.body.expiresAt, person: { id: huberPerson, name: 'Katharina Huber' } });
    const me = await call(s.url, '/me', { token: won.body.accessToken });
    assert.deepEqual(me.body, user);
  });

  test('the person’s other organizations stay unknown to the manager', async () => {
    const lehner = await login(s.url, demo.lehner.username, demo.lehner.password, 'immopro');
    assert.equal(lehner.user.memberships.length, 2);
    const { result } = await open(s, pichler, await personId(s.db, 'immopro', 'Markus Lehner'));
    assert.deepEqual(result.body.user.memberships, [{ organization: 'immopro', organizationName: lehner.user.memberships.find((m: any) => m.organization === 'immopro').organizationName, role: 'tenant' }]);
  });

  test('reads answer as they answer the person', async () => {
    const { token } = await open(s, pichler, huberPerson);
    const unit = (await call(s.url, '/units', { token: huber.token })).body.items[0].id;
    for (const path of ['/units', `/units/${unit}`, `/ledger?unit=${unit}`, '/documents', '/posts', '/tickets?tab=open', '/chat/conversations', '/forms']) {
      const [own, preview] = await Promise.all([call(s.url, path, { token: huber.token }), call(s.url, path, { token })]);
      assert.equal(preview.status, 200, `${path}: ${preview.text}`);
      assert.deepEqual(preview.body, own.body, path);
    }
  });

  test('every write of the resident API answers 403, also PATCH /me and the password; nothing is recorded', async () => {
    const { token } = await open(s, pichler, huberPerson);
    const writes = residentWrites();
    assert.ok(writes.length >= 15, `only ${writes.length} writes in the contract`);
    const before = await recorded(s);
    const tickets = await s.db('tickets').count({ n: '*' }).first();
    for (const { method, path } of writes.filter((w) => !passive.has(`${w.method} ${w.path}`))) {
      const answer = await call(s.url, path, { method, token, body: {} });
      expectProblem(answer, 403, 'preview_read_only');
    }
    expectProblem(await call(s.url, '/auth/password', { token, body: { currentPassword: demo.huber.password, newPassword: 'Ein-neues-Passwort-2026' } }), 403, 'preview_read_only');
    expectProblem(await call(s.url, '/me', { method: 'PATCH', token, body: { phone: '+43 1 234' } }), 403, 'preview_read_only');
    assert.deepEqual(await recorded(s), before);
    assert.deepEqual(await s.db('tickets').count({ n: '*' }).first(), tickets);
    // The contract's passive marks are exactly the ones a preview may send.
    assert.deepEqual(writes.filter((w) => passive.has(`${w.method} ${w.path}`)).length, passive.size);
  });

  test('read receipts, file opens and chat turns answer as usual and record nothing', async () => {
    const { token } = await open(s, pichler, huberPerson);
    const documents = (await call(s.url, '/documents', { token })).body.items as any[];
    const unread = documents.filter((d) => d.seenAt === null);
    assert.ok(unread.length > 0, 'the demo has unread documents');
    const posts = (await call(s.url, '/posts', { token })).body.items as any[];
    const ticket = (await call(s.url, '/tickets?tab=open', { token })).body.items[0];
    const before = await recorded(s);

    const read = await call(s.url, `/documents/${unread[0].id}/read`, { token, body: {} });
    assert.equal(read.status, 200, read.text);
    assert.deepEqual([read.body.seenAt, read.body.openedAt], [null, null]);
    assert.equal((await call(s.url, '/documents/read', { token, body: {} })).status, 200);
    assert.equal((await call(s.url, '/posts/seen', { token, body: { ids: posts.map((p) => p.id) } })).status, 204);
    const opened = await call(s.url, `/posts/${posts[0].id}/read`, { token, body: {} });
    assert.equal(opened.status, 200, opened.text);
    expectProblem(await call(s.url, `/posts/${posts[0].id}/acknowledge`, { token, body: {} }), 403, 'preview_read_only');
    assert.equal((await call(s.url, `/tickets/${ticket.id}/read`, { token, body: {} })).status, 200);
    const file = await fetch(`${s.url}/api/documents/${unread[0].id}/file`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(file.status, 200);
    await file.arrayBuffer();
    const archive = await fetch(`${s.url}/api/documents/archive?ids=${unread.map((d) => d.id).join(',')}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(archive.status, 200);
    await archive.arrayBuffer();
    for (const text of ['Wann wird der Lift repariert?', 'Quorx blubbert zwischen Fliederbeeten?']) {
      const chat = await call(s.url, '/chat/messages', { token, body: { text } });
      assert.equal(chat.status, 200, chat.text);
      assert.equal(chat.body.conversationId, null);
    }
    assert.deepEqual(await recorded(s), before);

    // The same receipt from the person's own session is recorded: the comparison above would have seen it.
    assert.equal((await call(s.url, `/documents/${unread[0].id}/read`, { token: huber.token, body: {} })).status, 200);
    assert.notDeepEqual(await recorded(s), before);
  });

  test('a preview token may not use the manager API, even of a person who is a manager', async () => {
    const { token, result } = await open(s, pichler, await personId(s.db, 'immopro', 'Andrea Pichler'));
    assert.equal(result.body.user.role, 'tenant');
    expectProblem(await call(s.url, '/admin/settings', { token }), 403, 'preview_read_only');
    expectProblem(await call(s.url, '/admin/persons', { token }), 403, 'preview_read_only');
    expectProblem(await call(s.url, '/admin/preview-sessions', { token, body: { personId: huberPerson } }), 403, 'preview_read_only');
  });

  test('a person without a portal user is previewed in the role of the contracts, following the access rule', async () => {
    const unit = await unitId(s.db, '0048-0009');
    const owner = await addContract(s.db, 'immopro', 'Theresa Neuhold', unit, 'owner', '2025-01-01', null, 'theresa@example.com');
    const { result, token, session } = await open(s, pichler, owner);
    assert.equal(result.body.user.role, 'owner');
    assert.equal(result.body.user.id, session.id);
    assert.equal(result.body.user.name, 'Theresa Neuhold');
    assert.deepEqual(result.body.user.pendingActions, []);
    assert.deepEqual((await call(s.url, '/units', { token })).body.items.map((u: any) => u.id), [unit]);
    assert.deepEqual((await call(s.url, '/chat/conversations', { token })).body.items, []);
    expectProblem(await call(s.url, '/tickets', { token, body: {} }), 403, 'preview_read_only');

    const ended = await addContract(s.db, 'immopro', 'Otto Ausgezogen', unit, 'tenant', '2020-01-01', '2025-12-31');
    const endedUnits = (await call(s.url, '/units', { token: (await open(s, pichler, ended)).token })).body.items;
    assert.deepEqual(endedUnits.map((u: any) => [u.id, u.active]), [[unit, false]]);
    const future = await addContract(s.db, 'immopro', 'Fiona Zukunft', unit, 'tenant', '2027-01-01', null);
    assert.deepEqual((await call(s.url, '/units', { token: (await open(s, pichler, future)).token })).body.items, []);
  });

  test('ending the preview from the page or by the manager refuses its token at once; the end is audited once', async () => {
    const fromPage = await open(s, pichler, huberPerson);
    expectProblem(await call(s.url, '/auth/preview', { method: 'DELETE', token: huber.token }), 401);
    assert.equal((await call(s.url, '/auth/preview', { method: 'DELETE', token: fromPage.token })).status, 204);
    expectProblem(await call(s.url, '/units', { token: fromPage.token }), 401);
    expectProblem(await call(s.url, '/auth/preview', { method: 'DELETE', token: fromPage.token }), 401);

    const byManager = await open(s, pichler, huberPerson);
    const path = `/admin/preview-sessions/${byManager.session.id}`;
    assert.equal((await call(s.url, path, { method: 'DELETE', token: pichler.token })).status, 204);
    assert.equal((await call(s.url, path, { method: 'DELETE', token: pichler.token })).status, 204);
    expectProblem(await call(s.url, '/units', { token: byManager.token }), 401);

    for (const id of [fromPage.session.id, byManager.session.id]) {
      const ends = (await auditRows(s.db, 'preview.ended')).filter((r: any) => r.entity_id === id);
      assert.equal(ends.length, 1);
      assert.equal(ends[0].actor_user_id, pichler.user.id);
      assert.deepEqual(JSON.parse(ends[0].detail), { personId: huberPerson, personName: 'Katharina Huber', reason: 'ended' });
    }
    // An ended preview's code is worth nothing either.
    const unused = await start(s, pichler, huberPerson);
    await call(s.url, `/admin/preview-sessions/${unused.body.id}`, { method: 'DELETE', token: pichler.token });
    expectProblem(await call(s.url, '/auth/preview', { body: { organization: 'immopro', code: unused.body.code } }), 400, 'invalid_code');
  });

  test('after 15 minutes the token answers 401, the end is audited once, and an unused code has expired', async () => {
    const running = await open(s, pichler, huberPerson);
    const unused = await start(s, pichler, huberPerson);
    s.clock.advance(15 * 60 + 1);
    expectProblem(await call(s.url, '/units', { token: running.token }), 401);
    expectProblem(await call(s.url, '/units', { token: running.token }), 401);
    const ends = (await auditRows(s.db, 'preview.ended')).filter((r: any) => r.entity_id === running.session.id);
    assert.equal(ends.length, 1);
    assert.equal(JSON.parse(ends[0].detail).reason, 'expired');
    expectProblem(await call(s.url, '/auth/preview', { body: { organization: 'immopro', code: unused.body.code } }), 400, 'invalid_code');

    // The next start ends the previews nobody came back to, so every start has its end.
    assert.equal((await start(s, await loginAs(s, managers.pichler), huberPerson)).status, 201);
    const started = (await auditRows(s.db, 'preview.started')).map((r: any) => r.entity_id);
    const open_ = await s.db('preview_sessions').whereNull('ended_at').select('id');
    const ended = new Set((await auditRows(s.db, 'preview.ended')).map((r: any) => r.entity_id));
    assert.deepEqual(started.filter((id: string) => !ended.has(id)), open_.map((r: any) => r.id));
  });
});

describe('preview code exchange: rate limit', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ at: '2026-06-15T10:00:00Z' });
  });
  after(() => s.close());

  test('ten wrong codes from one address in 15 minutes, then 429 with Retry-After', async () => {
    for (let i = 0; i < 10; i++) expectProblem(await call(s.url, '/auth/preview', { body: { organization: 'immopro', code: `wrong-code-number-${i}` } }), 400, 'invalid_code');
    const refused = await call(s.url, '/auth/preview', { body: { organization: 'immopro', code: 'wrong-code-number-x' } });
    expectProblem(refused, 429, 'rate_limited');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
  });
});
