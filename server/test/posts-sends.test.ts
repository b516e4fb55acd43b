import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectProblem, login, startServer, type Session, type TestServer } from './helpers.ts';
import { auditRows, json } from './admin-fixture.ts';
import { DocumentWorld } from './documents-fixture.ts';
import { jobDeps, mailsTo, member } from './notifications-fixture.ts';
import { addDefaultPostCategories } from '../src/posts/categories.ts';
import { visiblePostIds } from '../src/access/posts.ts';
import { runDueJobs } from '../src/notifications/jobs.ts';
import { jobHandlers } from '../src/notifications/poller.ts';
import { instantAt, nextDay, scheduleDigests } from '../src/notifications/digest.ts';
import { dayIn } from '../src/calendar.ts';
import type { Db } from '../src/db.ts';

// Sends of notices (posts/sends.ts) through the manager API and the job runner: "now" waits 60 s (nothing before,
// the mails after), undo within the window sends nothing, `at` and `digest`, each person's own choice (immediate,
// digest, none) and danger notices at once to everyone, one mail per person and send with two servers on one
// database, the audience frozen when the send runs, substantial edits (new revision, reads and acknowledgements
// start again, "aktualisiert" mails) against small ones, the statistics with names, reminders (who, 7-day limit).
// Jobs are run by calling the runner with the test's clock (as notifications.test.ts does).

// 06:00 in Vienna; the organization's digest goes at 07:00 (06:00 UTC).
const start = '2026-03-10T05:00:00Z';
const zone = 'Europe/Vienna';

describe('sends of notices', () => {
  let s: TestServer;
  let w: DocumentWorld;
  let mia: Session;
  let category = '';
  const email: Record<string, string> = {};
  const run = (db: Db = s.db) => runDueJobs(jobDeps(db, s.clock.now), jobHandlers);
  const signIn = async () => {
    mia = await login(s.url, 'mia@example.test', 'Mia-Verwaltung-2026', 'sends');
  };
  const manager = (path: string, method = 'GET', body?: unknown) => json(s.url, path, mia.token, method, body);
  /** The mails to `name` about the notice titled `title`. */
  const mails = async (name: string, title: string) => (await mailsTo(s.db, email[name]!)).filter((m) => m.subject.includes(title) || m.text.includes(title));
  const rowsOf = async (sendId: string) =>
    ((await s.db('notifications').where({ entity_id: sendId }).select('person_id', 'kind', 'channel', 'mailed_at')) as { person_id: string; kind: string; channel: string; mailed_at: string | null }[])
      .map((r) => ({ ...r, name: [...w.ids].find(([, v]) => v === r.person_id)![0].replace('person:', '') }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const today = () => dayIn(s.clock.now(), zone);

  /** A published notice for the tenants of P (or `extra`), told as `notify`; returns the AdminPost. */
  async function publish(title: string, notify: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<any> {
    await signIn();
    const draft = await manager('/admin/posts', 'POST', { title, categoryId: category, audience: { role: 'tenant', propertyIds: [w.id('P')], personIds: [] }, ...extra });
    assert.equal(draft.status, 201, draft.text);
    const published = await manager(`/admin/posts/${draft.body.id}/publish`, 'POST', notify);
    assert.equal(published.status, 200, published.text);
    return published.body;
  }

  /** Moves the clock to the next digest (07:00 Vienna) and runs the due jobs, the digest among them. */
  async function runDigest(): Promise<void> {
    const hour = instantAt(today(), 7, zone);
    const next = hour > s.clock.now() ? hour : instantAt(nextDay(today()), 7, zone);
    s.clock.set(new Date(next.getTime() + 1000).toISOString());
    await scheduleDigests(jobDeps(s.db, s.clock.now));
    await run();
  }

  before(async () => {
    s = await startServer({ at: start });
    w = await DocumentWorld.create(s, 'sends');
    await addDefaultPostCategories(s.db, w.orgId, new Date());
    category = (await s.db('post_categories').where({ organization_id: w.orgId, key: 'heizung-wasser' }).first('id')).id;
    await w.person('Mia Manager', { email: 'mia@example.test', password: 'Mia-Verwaltung-2026', role: 'manager' });
    // Ida: immediate; Dora: digest; Nora: none; Olga owns Ida's flat; Otto has no login; Eva moved out, Fritz moves in
    // in April; Hans lives in Q.
    email.Ida = await member(w, 'Ida');
    email.Dora = await member(w, 'Dora', { mode: 'digest', locale: 'en' });
    email.Nora = await member(w, 'Nora', { mode: 'none' });
    email.Olga = await member(w, 'Olga');
    email.Eva = await member(w, 'Eva');
    email.Fritz = await member(w, 'Fritz');
    email.Hans = await member(w, 'Hans');
    await w.person('Otto');
    await w.property('P', 'Testgasse 1', null);
    await w.property('Q', 'Probeweg 2', null);
    for (const top of ['T1', 'T2', 'T3', 'T4', 'T5']) await w.unit('P', top);
    await w.unit('Q', 'Q1');
    await w.contract('c:ida', 'T1', 'Ida', 'tenant', '2024-01-01', null, 'A-1');
    await w.contract('c:olga', 'T1', 'Olga', 'owner', '2019-01-01', null, 'A-2');
    await w.contract('c:dora', 'T2', 'Dora', 'tenant', '2025-01-01', null, 'A-3');
    await w.contract('c:nora', 'T3', 'Nora', 'tenant', '2025-01-01', null, 'A-4');
    await w.contract('c:otto', 'T4', 'Otto', 'tenant', '2025-01-01', null, 'A-5');
    await w.contract('c:eva', 'T5', 'Eva', 'tenant', '2020-01-01', '2026-02-28', 'A-6');
    await w.contract('c:fritz', 'T5', 'Fritz', 'tenant', '2026-04-01', null, 'A-7');
    await w.contract('c:hans', 'Q1', 'Hans', 'tenant', '2025-01-01', null, 'A-8');
  });
  after(() => s.close());

  test('"now" waits 60 s: nothing before, then one mail each; digest persons get it with the digest, none persons not at all', async () => {
    const post = await publish('Heizung aus', { notify: 'now' });
    const [send] = post.sends;
    assert.equal(send.mode, 'now');
    assert.equal(send.reason, 'publish');
    assert.equal(Date.parse(send.sendAt) - Date.parse(post.publishedAt), 60_000);
    await run();
    assert.deepEqual(await mails('Ida', 'Heizung aus'), []);
    s.clock.advance(59);
    await run();
    assert.deepEqual(await mails('Ida', 'Heizung aus'), []);
    assert.deepEqual(await rowsOf(send.id), []);
    s.clock.advance(2);
    await run();
    const [mail, ...more] = await mails('Ida', 'Heizung aus');
    assert.deepEqual(more, []);
    assert.equal(mail!.subject, 'Verwaltung sends: Mitteilung: Heizung aus');
    assert.ok(mail!.text.includes('am Schwarzen Brett gibt es einen neuen Aushang: „Heizung aus“ (Mitteilung, Kategorie Heizung & Wasser).'), mail!.text);
    assert.deepEqual((await rowsOf(send.id)).map((r) => [r.name, r.kind, r.channel, r.mailed_at !== null]), [['Dora', 'post', 'digest', false], ['Ida', 'post', 'immediate', true]]);
    for (const name of ['Nora', 'Olga', 'Eva', 'Fritz', 'Hans']) assert.deepEqual(await mails(name, 'Heizung aus'), [], name);
    await signIn();
    const stored = (await manager(`/admin/posts/${post.id}`)).body.sends[0];
    assert.equal(stored.recipients, 2);
    assert.ok(stored.sentAt);
    await runDigest();
    const [digest] = await mails('Dora', 'Heizung aus');
    assert.ok(digest, 'in the digest');
    assert.match(digest!.subject, /your daily summary, 1 notice on the bulletin board/);
    assert.ok(digest!.text.includes('- Notice: Heizung aus (category Heating & water)'), digest!.text);
  });

  test('undo: a cancelled send tells nobody; a send that ran or was cancelled cannot be cancelled', async () => {
    const post = await publish('Rückgängig', { notify: 'now' });
    const sendId = post.sends[0].id;
    const cancelled = await manager(`/admin/posts/${post.id}/sends/${sendId}/cancel`, 'POST');
    assert.equal(cancelled.status, 200, cancelled.text);
    assert.ok(cancelled.body.sends[0].cancelledAt);
    expectProblem(await manager(`/admin/posts/${post.id}/sends/${sendId}/cancel`, 'POST'), 409, 'send_done');
    s.clock.advance(61);
    await run();
    assert.deepEqual(await rowsOf(sendId), []);
    assert.deepEqual(await mails('Ida', 'Rückgängig'), []);
    assert.equal((await auditRows(s.db, 'post.send_cancelled').where({ entity_id: sendId })).length, 1);
    // A send of another notice is not this one's.
    const other = await publish('Andere', { notify: 'now' });
    expectProblem(await manager(`/admin/posts/${post.id}/sends/${other.sends[0].id}/cancel`, 'POST'), 404);
    s.clock.advance(61);
    await run();
    expectProblem(await manager(`/admin/posts/${other.id}/sends/${other.sends[0].id}/cancel`, 'POST'), 409, 'send_done');
    assert.equal((await mails('Ida', 'Andere')).length, 1);
  });

  test('"at": goes at the chosen time, or when the window opens if that is later; not after it closes', async () => {
    const at = new Date(s.clock.now().getTime() + 2 * 3600_000).toISOString();
    const post = await publish('Zur Zeit', { notify: 'at', at });
    assert.equal(post.sends[0].mode, 'at');
    assert.equal(post.sends[0].sendAt, at);
    s.clock.advance(3600);
    await run();
    assert.deepEqual(await mails('Ida', 'Zur Zeit'), []);
    s.clock.advance(3601);
    await run();
    assert.equal((await mails('Ida', 'Zur Zeit')).length, 1);
    // A window opening the day after tomorrow: "now" and an earlier "at" wait for its midnight in Vienna.
    const opens = nextDay(nextDay(today()));
    const later = await publish('Ab übermorgen', { notify: 'now' }, { visibleFrom: opens });
    assert.equal(later.sends[0].sendAt, instantAt(opens, 0, zone).toISOString());
    const early = await publish('Auch übermorgen', { notify: 'at', at: new Date(s.clock.now().getTime() + 3600_000).toISOString() }, { visibleFrom: opens });
    assert.equal(early.sends[0].sendAt, instantAt(opens, 0, zone).toISOString());
    await signIn();
    const draft = await manager('/admin/posts', 'POST', { title: 'Kurz', categoryId: category, audience: { role: 'tenant', propertyIds: [w.id('P')], personIds: [] }, visibleUntil: today() });
    const tooLate = await manager(`/admin/posts/${draft.body.id}/publish`, 'POST', { notify: 'at', at: instantAt(nextDay(today()), 1, zone).toISOString() });
    expectProblem(tooLate, 400);
    assert.equal(tooLate.body.errors[0].field, '/at');
    // Cleared away: not to be sent into later tests.
    for (const p of [later, early]) assert.equal((await manager(`/admin/posts/${p.id}/unpublish`, 'POST')).status, 200);
  });

  test('"digest": every person\'s next digest; a danger notice goes at once to everyone, digest and none included', async () => {
    const post = await publish('Sammelpost', { notify: 'digest' });
    assert.equal(post.sends[0].mode, 'digest');
    s.clock.advance(61);
    await run();
    assert.deepEqual((await rowsOf(post.sends[0].id)).map((r) => [r.name, r.channel]), [['Dora', 'digest'], ['Ida', 'digest']]);
    assert.deepEqual(await mails('Ida', 'Sammelpost'), []);
    const danger = await publish('Wasser abgestellt', { notify: 'digest' }, { type: 'danger', visibleUntil: nextDay(today()) });
    s.clock.advance(61);
    await run();
    assert.deepEqual((await rowsOf(danger.sends[0].id)).map((r) => [r.name, r.channel, r.mailed_at !== null]), [['Dora', 'immediate', true], ['Ida', 'immediate', true], ['Nora', 'immediate', true]]);
    const [nora] = await mails('Nora', 'Wasser abgestellt');
    assert.equal(nora!.subject, 'Verwaltung sends: Gefahrenhinweis: Wasser abgestellt');
    assert.ok(nora!.text.includes('über Gefahrenhinweise immer benachrichtigt'), nora!.text);
    assert.equal((await mails('Dora', 'Wasser abgestellt'))[0]!.subject, 'Verwaltung sends: Danger: Wasser abgestellt');
    await runDigest();
    assert.equal((await mails('Ida', 'Sammelpost')).length, 1);
    assert.equal((await mails('Dora', 'Sammelpost')).length, 1);
    assert.equal((await mails('Ida', 'Wasser abgestellt')).length, 1, 'not again with the digest');
  });

  test('two servers on one database: every person gets one mail per send', async () => {
    const other = await s.startOtherMachine();
    try {
      const posts = [];
      for (const title of ['Doppelt 1', 'Doppelt 2', 'Doppelt 3']) posts.push(await publish(title, { notify: 'now' }, { type: 'danger', visibleUntil: nextDay(today()) }));
      s.clock.advance(61);
      await Promise.all([run(s.db), run(other.db), run(s.db), run(other.db)]);
      for (const title of ['Doppelt 1', 'Doppelt 2', 'Doppelt 3']) for (const name of ['Ida', 'Dora', 'Nora']) assert.equal((await mails(name, title)).length, 1, `${name}: ${title}`);
      for (const p of posts) assert.equal((await s.db('post_sends').where({ post_id: p.id }).first('recipients')).recipients, 3);
    } finally {
      await other.close();
    }
  });

  test('the audience is frozen when the send runs: who moves in later sees the notice but is not mailed', async () => {
    const post = await publish('Eingefroren', { notify: 'now' });
    // Moves in before the send runs: told.
    email.Mona = await member(w, 'Mona');
    await w.unit('P', 'T6');
    await w.contract('c:mona', 'T6', 'Mona', 'tenant', today(), null, 'A-9');
    s.clock.advance(61);
    await run();
    assert.equal((await mails('Mona', 'Eingefroren')).length, 1);
    email.Paul = await member(w, 'Paul');
    await w.unit('P', 'T7');
    await w.contract('c:paul', 'T7', 'Paul', 'tenant', today(), null, 'A-10');
    await run();
    s.clock.advance(3600);
    await run();
    assert.deepEqual(await mails('Paul', 'Eingefroren'), []);
    const seen = ((await visiblePostIds(s.db, w.orgId, w.id('person:Paul'), today())) as { post_id: string }[]).map((r) => r.post_id);
    assert.ok(seen.includes(post.id));
    assert.deepEqual((await rowsOf(post.sends[0].id)).map((r) => r.name), ['Dora', 'Ida', 'Mona']);
  });

  test('edits: small ones keep the reads; a substantial one makes a new revision, starts reads again and can notify', async () => {
    const post = await publish('Hausordnung neu', { notify: 'none' }, { requiresAck: true, audience: { role: 'both', propertyIds: [w.id('P')], personIds: [] } });
    const revisionOne = { post_id: post.id, revision: 1, first_seen_at: s.clock.now().toISOString(), opened_at: s.clock.now().toISOString() };
    await s.db('post_reads').insert([
      { ...revisionOne, person_id: w.id('person:Ida'), acknowledged_at: s.clock.now().toISOString() },
      { ...revisionOne, person_id: w.id('person:Olga'), acknowledged_at: null },
    ]);
    const stats = async () => {
      const a = await manager(`/admin/posts/${post.id}/stats`);
      assert.equal(a.status, 200, a.text);
      return a.body;
    };
    let now = await stats();
    assert.deepEqual([now.revision, now.requiresAck, now.recipients, now.seen, now.opened, now.acknowledged], [1, true, 7, 2, 2, 1]);
    // Eva moved out, Fritz moves in later: neither is reached.
    assert.deepEqual(now.persons.map((p: { name: string }) => p.name), ['Dora', 'Ida', 'Mona', 'Nora', 'Olga', 'Otto', 'Paul']);
    const ida = now.persons.find((p: { name: string }) => p.name === 'Ida');
    assert.deepEqual([ida.units, ida.hasLogin, ida.acknowledgedAt !== null], [['T1'], true, true]);
    assert.equal(now.persons.find((p: { name: string }) => p.name === 'Otto').hasLogin, false);
    // A typo fixed: same revision, reads kept.
    const small = await manager(`/admin/posts/${post.id}`, 'PATCH', { title: 'Hausordnung, neu' });
    assert.equal(small.body.revision, 1);
    now = await stats();
    assert.deepEqual([now.revision, now.opened, now.acknowledged], [1, 2, 1]);
    // A substantial change, told at once (after the minute).
    s.clock.advance(10);
    const big = await manager(`/admin/posts/${post.id}`, 'PATCH', { bodyHtml: '<p>Ruhezeiten ab 21 Uhr</p>', substantial: true, notify: 'now' });
    assert.equal(big.status, 200, big.text);
    assert.equal(big.body.revision, 2);
    assert.ok(big.body.revisedAt);
    assert.deepEqual(big.body.sends.map((x: { reason: string; revision: number }) => [x.reason, x.revision]), [['update', 2]]);
    now = await stats();
    assert.deepEqual([now.revision, now.seen, now.opened, now.acknowledged, now.notified], [2, 0, 0, 0, 0]);
    s.clock.advance(61);
    await run();
    const [mail] = await mails('Ida', 'Hausordnung, neu');
    assert.equal(mail!.subject, 'Verwaltung sends: Aktualisiert – Mitteilung: Hausordnung, neu');
    assert.ok(mail!.text.includes('wurde aktualisiert. Bitte bestätigen Sie ihn erneut mit „Zur Kenntnis genommen“.'), mail!.text);
    assert.equal((await mails('Olga', 'Hausordnung, neu')).length, 1);
    await signIn();
    now = await stats();
    assert.equal(now.notified, 4, 'Ida, Mona, Olga and Paul were mailed; Dora waits for the digest');
    assert.ok(now.persons.find((p: { name: string }) => p.name === 'Ida').notifiedAt);
    assert.equal(now.persons.find((p: { name: string }) => p.name === 'Dora').notifiedAt, null);
    // A new send replaces one not yet run.
    const first = await manager(`/admin/posts/${post.id}`, 'PATCH', { substantial: true, notify: 'now' });
    const second = await manager(`/admin/posts/${post.id}`, 'PATCH', { substantial: true, notify: 'now' });
    const [, a, b] = second.body.sends;
    assert.equal(first.body.revision, 3);
    assert.ok(a.cancelledAt, 'the earlier pending send is cancelled');
    assert.equal(b.cancelledAt, null);
    await manager(`/admin/posts/${post.id}/unpublish`, 'POST');
  });

  test('reminders: to those not done with the current revision, at once, at most once in 7 days, only while shown', async () => {
    const post = await publish('Zählerablesung', { notify: 'none' }, { requiresAck: true, audience: { role: 'both', propertyIds: [w.id('P')], personIds: [] } });
    const at = s.clock.now().toISOString();
    await s.db('post_reads').insert([
      { post_id: post.id, revision: 1, person_id: w.id('person:Ida'), first_seen_at: at, opened_at: at, acknowledged_at: at },
      { post_id: post.id, revision: 1, person_id: w.id('person:Mona'), first_seen_at: at, opened_at: at, acknowledged_at: null },
      { post_id: post.id, revision: 1, person_id: w.id('person:Paul'), first_seen_at: at, opened_at: at, acknowledged_at: at },
    ]);
    // The test clock runs on: "at once" is a send time between the click and its answer.
    const clicked = s.clock.now().getTime();
    const reminded = await manager(`/admin/posts/${post.id}/remind`, 'POST');
    const answered = s.clock.now().getTime();
    assert.equal(reminded.status, 201, reminded.text);
    assert.deepEqual([reminded.body.reason, reminded.body.mode], ['reminder', 'now']);
    const sendAt = Date.parse(reminded.body.sendAt);
    assert.ok(sendAt >= clicked && sendAt <= answered, `${reminded.body.sendAt} lies between the click and the answer`);
    await run();
    assert.deepEqual((await rowsOf(reminded.body.id)).map((r) => [r.name, r.kind, r.channel]), [['Dora', 'post_reminder', 'digest'], ['Mona', 'post_reminder', 'immediate'], ['Olga', 'post_reminder', 'immediate']]);
    const [mail] = await mails('Mona', 'Zählerablesung');
    assert.equal(mail!.subject, 'Verwaltung sends: Erinnerung – Mitteilung: Zählerablesung');
    assert.ok(mail!.text.includes('dies ist eine Erinnerung an den Aushang „Zählerablesung“'), mail!.text);
    assert.deepEqual(await mails('Ida', 'Zählerablesung'), []);
    // Dora opens and acknowledges it before her digest: the reminder is left out of it.
    await s.db('post_reads').insert({ post_id: post.id, revision: 1, person_id: w.id('person:Dora'), first_seen_at: at, opened_at: at, acknowledged_at: at });
    const tooSoon = await manager(`/admin/posts/${post.id}/remind`, 'POST');
    expectProblem(tooSoon, 409, 'reminder_too_soon');
    assert.equal(Number(tooSoon.headers.get('retry-after')), 7 * 86_400);
    const stats = (await manager(`/admin/posts/${post.id}/stats`)).body;
    assert.equal(stats.remindedAt, reminded.body.sendAt);
    assert.equal(Date.parse(stats.nextReminderAt) - Date.parse(stats.remindedAt), 7 * 86_400_000);
    await runDigest();
    assert.deepEqual(await mails('Dora', 'Zählerablesung'), []);
    s.clock.set(new Date(Date.parse(reminded.body.sendAt) + 7 * 86_400_000 - 3600_000).toISOString());
    await signIn();
    const stillTooSoon = await manager(`/admin/posts/${post.id}/remind`, 'POST');
    expectProblem(stillTooSoon, 409, 'reminder_too_soon');
    assert.ok(Number(stillTooSoon.headers.get('retry-after')) <= 3600);
    s.clock.advance(3600);
    await signIn();
    assert.equal((await manager(`/admin/posts/${post.id}/stats`)).body.nextReminderAt, null);
    assert.equal((await manager(`/admin/posts/${post.id}/remind`, 'POST')).status, 201);
    assert.equal((await auditRows(s.db, 'post.reminded').where({ entity_id: post.id })).length, 2);
    await manager(`/admin/posts/${post.id}/unpublish`, 'POST');
    s.clock.advance(7 * 86_400);
    await signIn();
    expectProblem(await manager(`/admin/posts/${post.id}/remind`, 'POST'), 409, 'post_not_shown');
    await run();
  });

  test('unpublishing cancels pending sends, and mails not yet out leave the notice out', async () => {
    await publish('Gleich weg', { notify: 'now' });
    const digest = await publish('Auch weg', { notify: 'digest' });
    s.clock.advance(61);
    await run();
    assert.deepEqual((await rowsOf(digest.sends[0].id)).map((r) => [r.name, r.channel]), [['Dora', 'digest'], ['Ida', 'digest'], ['Mona', 'digest'], ['Paul', 'digest']], 'in the digest queue');
    const pendingAgain = await publish('Später weg', { notify: 'now' });
    for (const p of [digest, pendingAgain]) {
      const off = await manager(`/admin/posts/${p.id}/unpublish`, 'POST');
      assert.equal(off.status, 200, off.text);
    }
    const cancelled = (await manager(`/admin/posts/${pendingAgain.id}`)).body.sends[0];
    assert.ok(cancelled.cancelledAt);
    assert.equal(cancelled.sentAt, null);
    assert.ok((await s.db('jobs').where({ key: `post-send:${cancelled.id}` }).first('done_at')).done_at, 'its job is done');
    s.clock.advance(61);
    await runDigest();
    assert.deepEqual(await mails('Dora', 'Auch weg'), []);
    assert.deepEqual(await mails('Ida', 'Auch weg'), []);
    assert.deepEqual(await mails('Ida', 'Später weg'), []);
    assert.equal((await mails('Ida', 'Gleich weg')).length, 1);
    assert.equal((await s.db('notifications').where({ entity_id: digest.sends[0].id }).whereNull('mailed_at')).length, 0, 'marked, not mailed again tomorrow');
    const actions = (await auditRows(s.db).where({ entity_id: pendingAgain.id })).map((r: { action: string }) => r.action);
    assert.deepEqual(actions, ['post.created', 'post.published', 'post.unpublished']);
  });

  test('taken off and published again, the same revision tells only those not told yet; a new revision tells everyone again', async () => {
    const post = await publish('Wieder da', { notify: 'now' });
    s.clock.advance(61);
    await run();
    assert.equal((await mails('Ida', 'Wieder da')).length, 1);
    assert.equal((await manager(`/admin/posts/${post.id}/unpublish`, 'POST')).status, 200);
    const again = await manager(`/admin/posts/${post.id}/publish`, 'POST', { notify: 'now' });
    assert.equal(again.status, 200, again.text);
    s.clock.advance(61);
    await run();
    assert.equal((await mails('Ida', 'Wieder da')).length, 1, 'not mailed twice for one revision');
    assert.equal(again.body.sends.at(-1).reason, 'publish');
    assert.equal((await manager(`/admin/posts/${post.id}`)).body.sends.at(-1).recipients, 0);
    const changed = await manager(`/admin/posts/${post.id}`, 'PATCH', { title: 'Wieder da, geändert', substantial: true, notify: 'now' });
    assert.equal(changed.status, 200, changed.text);
    s.clock.advance(61);
    await run();
    assert.equal((await mails('Ida', 'Wieder da, geändert')).length, 1, 'a substantial change tells again');
  });
});
