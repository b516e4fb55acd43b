import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cacheSeconds } from '../src/cache.ts';
import { readerOf } from '../src/db.ts';
import { call, demo, expectProblem, login, startServer, type TestServer } from './helpers.ts';

// The session and organization caches (cache.ts, DESIGN §6 and §10): what one server learns at once, what a second
// machine on the same database learns within the stated bound, and how many queries authentication costs.

/** Statements on the tables authentication reads, through the writer and the read pool of `s`. */
function countAuthQueries(s: TestServer): { count(): number; stop(): void } {
  let count = 0;
  const onQuery = (q: { sql?: string }) => {
    if (/\b(users|memberships|sessions|organizations)\b/.test(q.sql ?? '')) count++;
  };
  const dbs = [...new Set([s.db, readerOf(s.db)])];
  for (const db of dbs) db.on('query', onQuery);
  return { count: () => count, stop: () => dbs.forEach((db) => db.removeListener('query', onQuery)) };
}

describe('caches: sessions and organizations', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  test('a signed-in request reads the session from the database at most once per 5 s, with one query', async () => {
    const session = await login(s.url, demo.lehner.username, demo.lehner.password, demo.lehner.org);
    assert.equal((await call(s.url, '/units', { token: session.token })).status, 200);
    const counter = countAuthQueries(s);
    try {
      for (let i = 0; i < 5; i++) assert.equal((await call(s.url, '/units', { token: session.token })).status, 200);
      assert.equal(counter.count(), 0, 'cached: no query for the session or the organization');
      s.clock.advance(cacheSeconds.sessions + 1);
      assert.equal((await call(s.url, '/units', { token: session.token })).status, 200);
      assert.equal(counter.count(), 1, 'expired: one query (user, membership and live family together)');
    } finally {
      counter.stop();
    }
  });

  test('a logout ends the session at once on this server and within 5 s on another machine', async () => {
    const other = await s.startOtherMachine();
    try {
      const session = await login(s.url, demo.lehner.username, demo.lehner.password, demo.lehner.org);
      assert.equal((await call(other.url, '/units', { token: session.token })).status, 200, 'the other machine caches the session');
      assert.equal((await call(s.url, '/auth/logout', { body: {}, cookie: session.cookie })).status, 204);
      expectProblem(await call(s.url, '/units', { token: session.token }), 401, 'invalid_token');
      assert.equal((await call(other.url, '/units', { token: session.token })).status, 200, 'still within the bound on the other machine');
      s.clock.advance(cacheSeconds.sessions);
      expectProblem(await call(other.url, '/units', { token: session.token }), 401, 'invalid_token');
    } finally {
      await other.close();
    }
  });

  test('documents: a withdrawal counts at once everywhere; a revoked release leaves the list at once here and within 5 s on another machine, its download is refused at once', async () => {
    const other = await s.startOtherMachine();
    try {
      const huber = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
      const manager = await login(s.url, 'andrea.pichler@immopro.example', 'Verwaltung#Wien3', 'immopro');
      const ids = async (url: string) => (await call(url, '/documents', { token: huber.token })).body.items.map((d: { id: string }) => d.id) as string[];
      const before = await ids(s.url);
      assert.ok(before.length >= 2);
      assert.deepEqual(await ids(other.url), before, 'the other machine caches her list');
      // Withdrawn: the list reads the documents themselves, so it is gone on both machines at once.
      assert.equal((await call(s.url, `/admin/documents/${before[0]}`, { token: manager.token, method: 'DELETE' })).status, 204);
      assert.deepEqual(await ids(s.url), before.slice(1));
      assert.deepEqual(await ids(other.url), before.slice(1));
      // Revoked: the release rule's result is cached for the list.
      const revoked = before[1]!;
      const release = (await call(s.url, `/admin/documents/${revoked}`, { token: manager.token })).body.releases[0].id;
      assert.equal((await call(s.url, `/admin/documents/${revoked}/releases/${release}`, { token: manager.token, method: 'DELETE' })).status, 204);
      assert.ok(!(await ids(s.url)).includes(revoked), 'gone here at once');
      expectProblem(await call(other.url, `/documents/${revoked}/file`, { token: huber.token }), 404);
      assert.ok((await ids(other.url)).includes(revoked), 'still listed there within the bound');
      s.clock.advance(cacheSeconds.documents);
      assert.ok(!(await ids(other.url)).includes(revoked));
    } finally {
      await other.close();
    }
  });

  test('a locked user is refused at once here (a write to users clears the cache)', async () => {
    const session = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
    assert.equal((await call(s.url, '/units', { token: session.token })).status, 200);
    await s.db('users').where({ email: demo.huber.username }).update({ status: 'locked' });
    try {
      expectProblem(await call(s.url, '/units', { token: session.token }), 401, 'invalid_token');
    } finally {
      await s.db('users').where({ email: demo.huber.username }).update({ status: 'active' });
    }
  });

  test('profile and terms answers are never stale: another machine shows a change made a moment ago', async () => {
    const other = await s.startOtherMachine();
    try {
      const session = await login(s.url, demo.lehner.username, demo.lehner.password, demo.lehner.org);
      assert.equal((await call(other.url, '/me', { token: session.token })).status, 200);
      const patched = await call(s.url, '/me', { method: 'PATCH', token: session.token, body: { phone: '+43 1 234 99 00' } });
      assert.equal(patched.status, 200, patched.text);
      assert.equal((await call(other.url, '/me', { token: session.token })).body.phone, '+43 1 234 99 00');
    } finally {
      await other.close();
    }
  });

  test('new terms: required at once here, within 30 s on another machine; accepting them frees both at once', async () => {
    const other = await s.startOtherMachine();
    const org = await s.db('organizations').where({ slug: 'immopro' }).first('terms_version');
    try {
      const session = await login(s.url, demo.lehner.username, demo.lehner.password, demo.lehner.org);
      assert.equal((await call(other.url, '/units', { token: session.token })).status, 200);
      await s.db('organizations').where({ slug: 'immopro' }).update({ terms_version: '2099-01' });
      expectProblem(await call(s.url, '/units', { token: session.token }), 403, 'action_required');
      assert.equal((await call(other.url, '/units', { token: session.token })).status, 200, 'the other machine has the organization cached');
      s.clock.advance(cacheSeconds.organizations);
      expectProblem(await call(other.url, '/units', { token: session.token }), 403, 'action_required');
      assert.equal((await call(s.url, '/me/terms', { token: session.token, body: { version: '2099-01' } })).status, 200);
      assert.equal((await call(other.url, '/units', { token: session.token })).status, 200, 'a cached pending action is checked again');
      assert.equal((await call(s.url, '/units', { token: session.token })).status, 200);
    } finally {
      await s.db('organizations').where({ slug: 'immopro' }).update({ terms_version: org.terms_version });
      await other.close();
    }
  });

  test('an origin an organization adds is allowed at once (CORS reads the cached list, cleared by the write)', async () => {
    const origin = 'https://www.neue-hausverwaltung.example';
    const preflight = () => call(s.url, '/units', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });
    assert.equal((await preflight()).status, 403);
    const row = await s.db('organizations').where({ slug: 'krueger' }).first('allowed_origins');
    const list = JSON.parse(typeof row.allowed_origins === 'string' ? row.allowed_origins : JSON.stringify(row.allowed_origins ?? []));
    await s.db('organizations').where({ slug: 'krueger' }).update({ allowed_origins: JSON.stringify([...list, origin]) });
    try {
      const answer = await preflight();
      assert.equal(answer.status, 204);
      assert.equal(answer.headers.get('access-control-allow-origin'), origin);
    } finally {
      await s.db('organizations').where({ slug: 'krueger' }).update({ allowed_origins: JSON.stringify(list) });
    }
  });
});

describe('caches: what a session may see', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  test('a contract that ends is out of the lists at once here, within 5 s on another machine', async () => {
    const other = await s.startOtherMachine();
    const session = await login(s.url, demo.lehner.username, demo.lehner.password, demo.lehner.org);
    const active = async (url: string) => ((await call(url, '/units', { token: session.token })).body.items as { contract: { id: string }; active: boolean }[]).filter((u) => u.active).map((u) => u.contract.id);
    const [contractId] = await active(s.url);
    assert.ok(contractId, 'the demo tenant has an active contract');
    assert.deepEqual(await active(other.url), await active(s.url));
    const before = await s.db('contracts').where({ id: contractId }).first('valid_from');
    try {
      // Moved to start next year: a contract that has not begun opens nothing (DESIGN §6a).
      await s.db('contracts').where({ id: contractId }).update({ valid_from: `${new Date().getFullYear() + 1}-01-01` });
      assert.ok(!(await active(s.url)).includes(contractId), 'this server sees it at once');
      assert.ok((await active(other.url)).includes(contractId), 'the other machine still has it cached');
      s.clock.advance(cacheSeconds.access);
      assert.ok(!(await active(other.url)).includes(contractId), 'and drops it after 5 s');
    } finally {
      await s.db('contracts').where({ id: contractId }).update({ valid_from: before.valid_from });
      await other.close();
    }
  });

  test('a property contact that changes shows at once', async () => {
    const session = await login(s.url, demo.lehner.username, demo.lehner.password, demo.lehner.org);
    const phones = async () => ((await call(s.url, '/units', { token: session.token })).body.properties as { contacts: { phone: string | null }[] }[]).flatMap((p) => p.contacts.map((c) => c.phone));
    const propertyId = (await call(s.url, '/units', { token: session.token })).body.properties[0].id as string;
    const contact = await s.db('property_contacts').where({ property_id: propertyId }).whereRaw("visible_to like '%tenant%'").whereNotNull('phone').first('id', 'phone');
    assert.ok((await phones()).includes(contact.phone));
    await s.db('property_contacts').where({ id: contact.id }).update({ phone: '+43 1 999 00 11' });
    try {
      assert.ok((await phones()).includes('+43 1 999 00 11'));
    } finally {
      await s.db('property_contacts').where({ id: contact.id }).update({ phone: contact.phone });
    }
  });
});
