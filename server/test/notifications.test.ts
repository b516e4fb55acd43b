import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, login, startServer, type TestServer } from './helpers.ts';
import { DocumentWorld } from './documents-fixture.ts';
import { jobDeps, mailsTo, member, releaseTo } from './notifications-fixture.ts';
import { enqueue, maxJobAttempts, retryDelaySeconds, runDueJobs, type JobHandler } from '../src/notifications/jobs.ts';
import { jobHandlers } from '../src/notifications/poller.ts';
import { noticesJob } from '../src/notifications/notices.ts';
import { digestKey, instantAt, scheduleDigests } from '../src/notifications/digest.ts';

// Notices of document releases (DESIGN §6a): each person's choice (immediate, daily digest, none), mandatory
// categories, sensitive titles kept out of mails, no empty digests, the digest hour in the organization's time zone,
// failed jobs retried without a second mail. Jobs are run here by calling the runner with the test's clock; the
// poller of the running server is tested in jobs-instances.test.ts.

// 06:00 in Vienna (CET): an hour before the organization's digest at 07:00 (05:00 UTC → digest at 06:00 UTC).
const at = '2026-03-10T05:00:00Z';

describe('notifications', () => {
  let s: TestServer;
  let w: DocumentWorld;
  const email: Record<string, string> = {};
  const run = () => runDueJobs(jobDeps(s.db, s.clock.now), jobHandlers);
  const doc = (key: string) => w.id(`document:${key}`);
  const rowsOf = (key: string) => s.db('notifications').where({ entity_id: doc(key) }).select('person_id', 'channel', 'mailed_at');
  const person = (id: string) => [...w.ids].find(([, v]) => v === id)![0].replace('person:', '');

  before(async () => {
    s = await startServer({ at });
    w = await DocumentWorld.create(s, 'notify');
    // Ida: immediate (the default). Dora and Nora choose over PATCH /me below. Otto has no login; Ina is invited only.
    email.Ida = await member(w, 'Ida');
    email.Dora = 'dora@example.test';
    email.Nora = 'nora@example.test';
    await w.person('Dora', { email: email.Dora, password: 'Dora-Digest-2026', role: 'tenant' });
    await w.person('Nora', { email: email.Nora, password: 'Nora-Nichts-2026', role: 'tenant' });
    await w.person('Otto');
    email.Ina = await member(w, 'Ina', { status: 'invited' });
    await w.category('bk', 'BK-Abrechnung', { en: 'Service charge statement' });
    await w.category('ho', 'Hausordnung', { en: 'House rules', mandatory: true });
    await w.category('mahn', 'Mahnungen', { en: 'Reminders', sensitive: true });
  });
  after(() => s.close());

  test('the choice is made over PATCH /me and read by the notices', async () => {
    for (const [name, password, notifications, locale] of [['Dora', 'Dora-Digest-2026', 'digest', 'en'], ['Nora', 'Nora-Nichts-2026', 'none', 'de']] as const) {
      const session = await login(s.url, email[name]!, password, 'notify');
      const patched = await call(s.url, '/me', { method: 'PATCH', token: session.token, body: { notifications, locale } });
      assert.equal(patched.status, 200, patched.text);
      assert.equal(patched.body.notifications, notifications);
      assert.equal(patched.body.digestHour, 7);
      assert.equal((await call(s.url, '/me', { token: session.token })).body.notifications, notifications);
    }
  });

  test('immediate, digest and none: the release channel meets each person\'s choice', async () => {
    await w.document('bk-2025', { category: 'bk', title: 'Jahresabrechnung 2025', date: '2026-03-01' });
    const everyone = ['Ida', 'Dora', 'Nora', 'Otto', 'Ina'];
    assert.equal(await releaseTo(w, s.clock.now, 'bk-2025', 'bk-2025', everyone, 'immediate'), 2);
    const rows = await rowsOf('bk-2025');
    assert.deepEqual(rows.map((r) => [person(r.person_id), r.channel]).sort(), [['Dora', 'digest'], ['Ida', 'immediate']]);
    const jobs = await s.db('jobs').where({ kind: 'notices', organization_id: w.orgId }).whereNull('done_at');
    assert.equal(jobs.length, 1);

    await run();
    const [mail, ...more] = await mailsTo(s.db, email.Ida!);
    assert.equal(more.length, 0);
    assert.equal(mail!.subject, 'Verwaltung notify: 1 neues Dokument in der Kategorie BK-Abrechnung: Jahresabrechnung 2025');
    assert.match(mail!.text, /^Guten Tag,/);
    assert.match(mail!.text, /liegt 1 neues Dokument für Sie bereit/);
    assert.match(mail!.text, /- Jahresabrechnung 2025 \(Kategorie BK-Abrechnung\)/);
    // The portal link: the organization's first allowed origin.
    assert.match(mail!.text, /https:\/\/www\.immopro\.example/);
    for (const name of ['Dora', 'Nora', 'Ina']) assert.deepEqual(await mailsTo(s.db, email[name]!), [], name);
    assert.ok((await rowsOf('bk-2025')).find((r) => person(r.person_id) === 'Ida')!.mailed_at);

    // A second release of the same document to the same persons notifies nobody again.
    assert.equal(await releaseTo(w, s.clock.now, 'bk-2025 again', 'bk-2025', everyone, 'immediate'), 0);
    assert.equal((await s.db('jobs').where({ kind: 'notices', organization_id: w.orgId }).whereNull('done_at')).length, 0);
    await run();
    assert.equal((await mailsTo(s.db, email.Ida!)).length, 1);

    // `default` takes the category's default (digest); `none` sends nothing in a category that is not mandatory.
    await w.document('bk-2024', { category: 'bk', title: 'Jahresabrechnung 2024', date: '2025-03-01' });
    assert.equal(await releaseTo(w, s.clock.now, 'bk-2024', 'bk-2024', ['Ida', 'Nora'], 'default'), 1);
    assert.deepEqual((await rowsOf('bk-2024')).map((r) => [person(r.person_id), r.channel]), [['Ida', 'digest']]);
    await w.document('bk-2023', { category: 'bk', title: 'Jahresabrechnung 2023', date: '2024-03-01' });
    assert.equal(await releaseTo(w, s.clock.now, 'bk-2023', 'bk-2023', everyone, 'none'), 0);
    assert.deepEqual(await rowsOf('bk-2023'), []);
  });

  test('a mandatory category reaches a person who chose none, and says why', async () => {
    await w.document('ho', { category: 'ho', title: 'Hausordnung 2026', date: '2026-03-01' });
    assert.equal(await releaseTo(w, s.clock.now, 'ho', 'ho', ['Ida', 'Dora', 'Nora'], 'none'), 3);
    assert.deepEqual((await rowsOf('ho')).map((r) => [person(r.person_id), r.channel]).sort(), [['Dora', 'digest'], ['Ida', 'immediate'], ['Nora', 'immediate']]);
    await run();
    const [nora] = await mailsTo(s.db, email.Nora!);
    assert.equal(nora!.subject, 'Verwaltung notify: 1 neues Dokument in der Kategorie Hausordnung: Hausordnung 2026');
    assert.match(nora!.text, /obwohl Sie keine Benachrichtigungen gewählt haben/);
    const ida = (await mailsTo(s.db, email.Ida!)).at(-1)!;
    assert.match(ida.subject, /Hausordnung 2026/);
    assert.doesNotMatch(ida.text, /obwohl/);
  });

  test('a sensitive category\'s mail names the category, never the title', async () => {
    const title = 'Mahnung Top 7 über 1.234,56 EUR';
    await w.document('mahnung', { category: 'mahn', title, date: '2026-03-09' });
    assert.equal(await releaseTo(w, s.clock.now, 'mahnung', 'mahnung', ['Ida', 'Dora'], 'immediate'), 2);
    await run();
    const mail = (await mailsTo(s.db, email.Ida!)).at(-1)!;
    assert.equal(mail.subject, 'Verwaltung notify: Ein neues Dokument in der Kategorie Mahnungen');
    assert.match(mail.text, /\n- Kategorie Mahnungen\n/);
    for (const part of [title, 'Top 7', '1.234,56']) {
      assert.ok(!mail.subject.includes(part), part);
      assert.ok(!mail.text.includes(part), part);
    }
  });

  test('a withdrawn document or a revoked release is not mailed', async () => {
    await w.document('gone', { category: 'bk', title: 'Zurückgezogen', date: '2026-03-01' });
    await w.document('revoked', { category: 'bk', title: 'Widerrufen', date: '2026-03-01' });
    const before = (await mailsTo(s.db, email.Ida!)).length;
    assert.equal(await releaseTo(w, s.clock.now, 'gone', 'gone', ['Ida'], 'immediate'), 1);
    assert.equal(await releaseTo(w, s.clock.now, 'revoked', 'revoked', ['Ida'], 'immediate'), 1);
    await w.withdraw('gone');
    await w.revoke('revoked');
    await run();
    assert.equal((await mailsTo(s.db, email.Ida!)).length, before);
    // Handled: not read again by the next job.
    for (const key of ['gone', 'revoked']) assert.ok((await rowsOf(key))[0]!.mailed_at, key);
  });

  test('the digest goes out at the organization\'s hour in its time zone, one mail per person, none empty', async () => {
    // A second organization in New York: 07:00 there is 11:00 UTC on 10 March 2026 (daylight saving time since 8 March).
    const ny = await DocumentWorld.create(s, 'notify-ny');
    await s.db('organizations').where({ id: ny.orgId }).update({ time_zone: 'America/New_York' });
    const ned = await member(ny, 'Ned', { mode: 'digest', locale: 'en' });
    await ny.category('bk', 'BK-Abrechnung', { en: 'Service charge statement' });
    await ny.document('ny-bk', { category: 'bk', title: 'Statement 2025', date: '2026-03-01' });
    assert.equal(await releaseTo(ny, s.clock.now, 'ny-bk', 'ny-bk', ['Ned'], 'immediate'), 1);

    await scheduleDigests({ db: s.db, clock: s.clock.now });
    const runAt = async (org: string, day: string) => (await s.db('jobs').where({ key: digestKey(org, day) }).first('run_at'))?.run_at;
    assert.equal(await runAt(w.orgId, '2026-03-10'), '2026-03-10T06:00:00.000Z');
    assert.equal(await runAt(w.orgId, '2026-03-11'), '2026-03-11T06:00:00.000Z');
    assert.equal(await runAt(ny.orgId, '2026-03-10'), '2026-03-10T11:00:00.000Z');
    assert.equal(instantAt('2026-07-01', 7, 'Europe/Vienna').toISOString(), '2026-07-01T05:00:00.000Z');
    // Queued once, however often the pollers look.
    await scheduleDigests({ db: s.db, clock: s.clock.now });
    assert.equal((await s.db('jobs').where({ key: digestKey(w.orgId, '2026-03-10') })).length, 1);

    // 06:59:59 in Vienna: nothing yet.
    s.clock.set('2026-03-10T05:59:59Z');
    await run();
    assert.deepEqual(await mailsTo(s.db, email.Dora!), []);

    // 07:00 in Vienna: Dora's digest (English) with everything she is owed, Ida's with her one digest notice.
    s.clock.set('2026-03-10T06:00:01Z');
    await run();
    const dora = await mailsTo(s.db, email.Dora!);
    assert.equal(dora.length, 1);
    assert.equal(dora[0]!.subject, 'Verwaltung notify: your daily summary, 3 new documents');
    assert.match(dora[0]!.text, /^Hello [^,\n]+,\n\nhere is your daily summary: 3 new documents/);
    assert.match(dora[0]!.text, /- Hausordnung 2026 \(category House rules\)/);
    assert.match(dora[0]!.text, /- Jahresabrechnung 2025 \(category Service charge statement\)/);
    assert.match(dora[0]!.text, /\n- Category Reminders\n/);
    assert.ok(!dora[0]!.text.includes('Mahnung Top 7'));
    const idaDigest = (await mailsTo(s.db, email.Ida!)).filter((m) => m.subject.includes('tägliche Übersicht'));
    assert.deepEqual(idaDigest.map((m) => m.subject), ['Verwaltung notify: Ihre tägliche Übersicht, 1 neues Dokument']);
    // Nobody with nothing gets a digest; New York's digest is not due yet.
    assert.equal((await mailsTo(s.db, email.Nora!)).filter((m) => /Übersicht|summary/.test(m.subject)).length, 0);
    assert.deepEqual(await mailsTo(s.db, ned), []);
    assert.equal((await s.db('notifications').where({ organization_id: w.orgId, channel: 'digest' }).whereNull('mailed_at')).length, 0);

    // 07:00 in New York.
    s.clock.set('2026-03-10T11:00:01Z');
    await run();
    assert.deepEqual((await mailsTo(s.db, ned)).map((m) => m.subject), ['Verwaltung notify-ny: your daily summary, 1 new document']);

    // The next day's digest runs and writes no mail at all: nothing is pending.
    const outbox = async () => (await s.db('outbox').whereIn('organization_id', [w.orgId, ny.orgId])).length;
    const mailsBefore = await outbox();
    s.clock.set('2026-03-11T11:00:01Z');
    await scheduleDigests({ db: s.db, clock: s.clock.now });
    await run();
    assert.ok((await s.db('jobs').where({ key: digestKey(w.orgId, '2026-03-11') }).first('done_at')).done_at);
    assert.ok((await s.db('jobs').where({ key: digestKey(ny.orgId, '2026-03-11') }).first('done_at')).done_at);
    assert.equal(await outbox(), mailsBefore);
  });

  test('a changed digest hour moves the job not yet run', async () => {
    await s.db('organizations').where({ id: w.orgId }).update({ digest_hour: 18 });
    await scheduleDigests({ db: s.db, clock: s.clock.now });
    // 11 March has run; 12 March (Vienna) now at 18:00 CET.
    assert.equal((await s.db('jobs').where({ key: digestKey(w.orgId, '2026-03-12') }).first('run_at')).run_at, '2026-03-12T17:00:00.000Z');
    await s.db('organizations').where({ id: w.orgId }).update({ digest_hour: 7 });
  });

  test('a job that fails is rolled back, retried later and mails once', async () => {
    await w.document('retry', { category: 'bk', title: 'Wiederholt', date: '2026-03-01' });
    assert.equal(await releaseTo(w, s.clock.now, 'retry', 'retry', ['Ida'], 'immediate'), 1);
    let calls = 0;
    const failingOnce: JobHandler = async (trx, job, deps) => {
      const mails = await noticesJob(trx, job, deps);
      if (++calls === 1) throw new Error('the mail relay said no');
      return mails;
    };
    const handlers = { ...jobHandlers, notices: failingOnce };
    const deps = jobDeps(s.db, s.clock.now);
    const retried = () => mailsTo(s.db, email.Ida!).then((mails) => mails.filter((m) => m.subject.includes('Wiederholt')));

    await runDueJobs(deps, handlers);
    assert.equal(calls, 1);
    assert.deepEqual(await retried(), [], 'the outbox row went with the rollback');
    const job = await s.db('jobs').where({ kind: 'notices', organization_id: w.orgId }).orderBy('created_at', 'desc').first();
    assert.equal(job.done_at, null);
    assert.equal(Number(job.attempts), 1);
    assert.match(job.last_error, /the mail relay said no/);
    assert.ok(Date.parse(job.run_at) > s.clock.now().getTime(), 'moved back');
    assert.equal((await rowsOf('retry'))[0]!.mailed_at, null);

    // Not due again before its delay.
    await runDueJobs(deps, handlers);
    assert.equal(calls, 1);
    s.clock.advance(retryDelaySeconds(1) + 1);
    await runDueJobs(deps, handlers);
    await runDueJobs(deps, handlers);
    assert.equal(calls, 2);
    assert.equal((await retried()).length, 1);
    assert.ok((await s.db('jobs').where({ id: job.id }).first('done_at')).done_at);
  });

  test('a job that keeps failing is given up after the last attempt', async () => {
    let calls = 0;
    const boom: JobHandler = async () => {
      calls++;
      throw new Error('broken');
    };
    const deps = jobDeps(s.db, s.clock.now);
    await enqueue(s.db, s.clock.now, { kind: 'boom', key: 'boom:1' });
    for (let attempt = 1; attempt <= maxJobAttempts; attempt++) {
      await runDueJobs(deps, { ...jobHandlers, boom });
      assert.equal(calls, attempt);
      s.clock.advance(retryDelaySeconds(attempt) + 1);
    }
    const job = await s.db('jobs').where({ key: 'boom:1' }).first();
    assert.equal(Number(job.attempts), maxJobAttempts);
    assert.ok(job.done_at);
    assert.match(job.last_error, /broken/);
    s.clock.advance(24 * 3600);
    await runDueJobs(deps, { ...jobHandlers, boom });
    assert.equal(calls, maxJobAttempts);
  });

  test('enqueue with a key queues once', async () => {
    assert.equal(await enqueue(s.db, s.clock.now, { kind: 'noop', key: 'once:1', runAt: '2099-01-01T00:00:00.000Z' }), true);
    assert.equal(await s.db.transaction((trx) => enqueue(trx, s.clock.now, { kind: 'noop', key: 'once:1' })), false);
    const rows = await s.db('jobs').where({ key: 'once:1' });
    assert.equal(rows.length, 1);
    assert.equal(rows[0].run_at, '2099-01-01T00:00:00.000Z');
  });
});
