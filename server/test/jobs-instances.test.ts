import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startServer, type RunningServer } from '../../e2e/server.ts';
import type { Db } from '../src/db.ts';
import { queueDocumentNotices } from '../src/notifications/notify.ts';
import { DocumentWorld } from './documents-fixture.ts';
import { member } from './notifications-fixture.ts';
import { freshDatabase, TestClock, type TestDatabase, type TestServer } from './helpers.ts';

// Two real server processes (server/src/main.ts) on ONE database, both polling the jobs every few milliseconds
// (HP_JOB_POLL_MS): every job runs once and every mail is in the outbox exactly once. On the SQLite file of the test,
// or, with HP_DATABASE_URL=postgres://…, in a fresh schema of that PostgreSQL database (helpers.ts freshDatabase).

const documents = 30;
const persons = 20;

/** The URL that opens `database` in another process: on PostgreSQL its schema selected through search_path. */
function urlOf(database: TestDatabase): string {
  if (!database.schema) return database.url;
  const url = new URL(database.url);
  url.searchParams.set('options', `-c search_path=${database.schema}`);
  return url.toString();
}

/** Polls `check` until it holds; fails (with `what`) only when it never does within `limitMs`. */
async function until(check: () => Promise<boolean>, what: string, limitMs = 120_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('two server processes on one database', () => {
  let shared: TestDatabase;
  const servers: RunningServer[] = [];
  let db: Db;

  before(async () => {
    shared = await freshDatabase();
    db = shared.db;
    // One after the other: the first one seeds the empty database.
    for (let i = 0; i < 2; i++) servers.push(await startServer({ databaseUrl: urlOf(shared), env: { HP_JOB_POLL_MS: '5' } }));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await shared?.drop();
  });

  test('both poll the jobs; each job runs once and each mail is in the outbox exactly once', async () => {
    const clock = new TestClock();
    const w = await DocumentWorld.create({ db, clock } as unknown as TestServer, `jobs-${randomBytes(3).toString('hex')}`);
    const names = Array.from({ length: persons }, (_, i) => `Person${String(i + 1).padStart(2, '0')}`);
    const emails = [];
    for (const name of names) emails.push(await member(w, name));
    await w.category('bk', 'BK-Abrechnung');
    const keys = Array.from({ length: documents }, (_, i) => `doc-${i + 1}`);
    for (const key of keys) {
      await w.document(key, { category: 'bk', title: `Abrechnung ${key}`, date: '2026-03-01' });
      await w.release(key, key, { rule: 'persons', persons: names });
    }
    // Every job becomes visible to both pollers at the same commit.
    const notified = await db.transaction(async (trx) => {
      let sum = 0;
      for (const key of keys)
        sum += await queueDocumentNotices(trx, { clock: clock.now }, { organizationId: w.orgId, documentId: w.id(`document:${key}`), personIds: names.map((n) => w.id(`person:${n}`)), notify: 'immediate' });
      return sum;
    });
    assert.equal(notified, documents * persons);
    const jobs = () => db('jobs').where({ organization_id: w.orgId, kind: 'notices' });
    assert.equal((await jobs()).length, documents);

    await until(async () => (await jobs().clone().whereNull('done_at')).length === 0, 'every job done');

    const mails: { to: string; subject: string }[] = await db('outbox').where({ organization_id: w.orgId }).select('to', 'subject');
    assert.equal(mails.length, documents * persons, servers.map((s) => s.output()).join('\n'));
    const seen = new Map<string, number>();
    for (const m of mails) seen.set(`${m.to}\u0000${m.subject}`, (seen.get(`${m.to}\u0000${m.subject}`) ?? 0) + 1);
    assert.equal(seen.size, documents * persons, 'no mail twice');
    for (const email of emails) assert.equal(mails.filter((m) => m.to === email).length, documents, email);
    for (const key of keys) assert.equal(mails.filter((m) => m.subject.endsWith(`: Abrechnung ${key}`)).length, persons, key);
    assert.deepEqual(
      (await jobs()).filter((j: { attempts: number | string; last_error: string | null }) => Number(j.attempts) > 0 || j.last_error),
      [],
      'no job failed',
    );
    assert.equal((await db('notifications').where({ organization_id: w.orgId }).whereNull('mailed_at')).length, 0);
  });
});
