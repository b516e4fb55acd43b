import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TicketStatus } from '@hausportal/api';
import { call, expectProblem, startServer, type TestServer } from './helpers.ts';
import { ticketFixture, type TicketFixture } from './tickets-fixture.ts';
import { jobDeps, mailsTo } from './notifications-fixture.ts';
import { runDueJobs } from '../src/notifications/jobs.ts';
import { jobHandlers } from '../src/notifications/poller.ts';
import { autoCloseDays, autoCloseJobKind, staffTransitions } from '../src/tickets/status.ts';
import { queueCommentNotices } from '../src/tickets/notices.ts';

// The status machine of tickets as staff drive it (PATCH /admin/tickets/{id}), the auto-close of `done` after 14 days,
// and the ticket notifications: a participant hears of a status change only when the status his role sees changes,
// and no mail ever names a status his role may not see or an internal reason.

const statuses: TicketStatus[] = ['new', 'in_progress', 'waiting', 'done', 'closed', 'rejected'];

/** A history that ends in `status`, as staff could have made it. */
const historyTo: Record<TicketStatus, TicketStatus[]> = {
  new: ['new'],
  in_progress: ['new', 'in_progress'],
  waiting: ['new', 'waiting'],
  done: ['new', 'in_progress', 'done'],
  closed: ['new', 'in_progress', 'done', 'closed'],
  rejected: ['new', 'rejected'],
};

describe('ticket status changes', () => {
  let s: TestServer;
  let f: TicketFixture;
  const run = () => runDueJobs(jobDeps(s.db, s.clock.now), jobHandlers);
  const patch = (ticket: string, body: unknown) => call(s.url, `/admin/tickets/${f.w.id(`ticket:${ticket}`)}`, { method: 'PATCH', token: f.manager.token, body });
  const ticketRow = (ticket: string) => s.db('tickets').where({ id: f.w.id(`ticket:${ticket}`) }).first();
  const notices = (entityIds: string[]) => s.db('notifications').whereIn('entity_id', entityIds).select('person_id', 'kind', 'channel');
  const lastEvent = async (ticket: string) =>
    (await s.db('ticket_events').where({ ticket_id: f.w.id(`ticket:${ticket}`), kind: 'status' }).orderBy('at', 'desc').orderBy('id', 'desc').first()) as Record<string, unknown>;
  const person = (name: string) => f.w.id(`person:${name}`);
  /** A ticket whose history lies an hour back (its steps a minute apart), so that changes made now come after it. */
  const ticket = (key: string, o: Parameters<TicketFixture['w']['ticket']>[1]) => f.w.ticket(key, { createdAt: new Date(s.clock.now().getTime() - 3_600_000).toISOString(), ...o });

  before(async () => {
    s = await startServer({ at: '2026-03-10T09:00:00Z' });
    f = await ticketFixture(s);
  });
  after(() => s.close());

  test('every staff transition is allowed or refused with 409 transition_not_allowed, as the table says', async () => {
    for (const from of statuses) {
      for (const to of statuses) {
        const key = `machine-${from}-${to}`;
        await ticket(key, { reporter: 'Tina', unit: 'T1', history: historyTo[from] });
        const answer = await patch(key, to === 'waiting' ? { status: to, reason: 'Wir warten auf den Installateur.' } : { status: to });
        const allowed = staffTransitions[from].includes(to);
        if (allowed) {
          assert.equal(answer.status, 200, `${from} → ${to}: ${answer.text}`);
          assert.equal(answer.body.status, to);
          const row = await ticketRow(key);
          assert.equal(row.status, to);
          assert.equal(Number(row.reopen_count), to === 'in_progress' && ['done', 'closed', 'rejected'].includes(from) ? 1 : 0, `${from} → ${to} reopen count`);
          const event = await lastEvent(key);
          assert.deepEqual([event.from_status, event.to_status, event.actor_kind], [from, to, 'staff']);
        } else {
          expectProblem(answer, 409, 'transition_not_allowed');
          assert.equal((await ticketRow(key)).status, from, `${from} → ${to} must not change the ticket`);
        }
      }
    }
    // The table of the issue: new → in_progress|waiting|done|rejected; in_progress → waiting|done|rejected;
    // waiting → in_progress|done|rejected; done → in_progress|closed; closed|rejected → in_progress.
    assert.deepEqual(
      statuses.map((from) => statuses.filter((to) => staffTransitions[from].includes(to)).length),
      [4, 3, 3, 2, 1, 1],
    );
  });

  test('waiting needs a reason (400 at /reason) and keeps waitingUntil only while waiting', async () => {
    await ticket('wait', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress'] });
    const missing = await patch('wait', { status: 'waiting' });
    expectProblem(missing, 400, 'validation_failed');
    assert.equal(missing.body.errors[0].field, '/reason');
    expectProblem(await patch('wait', { status: 'waiting', reason: '   ' }), 400, 'validation_failed');
    expectProblem(await patch('wait', { status: 'done', waitingUntil: '2026-04-01' }), 400, 'validation_failed');
    expectProblem(await patch('wait', { reason: 'ohne Status' }), 400, 'validation_failed');

    const waiting = await patch('wait', { status: 'waiting', reason: 'Ersatzteil bestellt', reasonVisibility: 'internal', waitingUntil: '2026-04-01' });
    assert.equal(waiting.status, 200, waiting.text);
    assert.equal(waiting.body.waitingUntil, '2026-04-01');
    const entry = waiting.body.thread.at(-1);
    assert.deepEqual([entry.status, entry.fromStatus, entry.reason, entry.visibility, entry.waitingUntil], ['waiting', 'in_progress', 'Ersatzteil bestellt', 'internal', '2026-04-01']);
    const back = await patch('wait', { status: 'in_progress' });
    assert.equal(back.body.waitingUntil, null);
    assert.equal((await ticketRow('wait')).waiting_until, null);
    assert.equal(Number((await ticketRow('wait')).reopen_count), 0);
  });

  test('Krüger mapping: in_progress → waiting notifies the owner but not the tenant; mails show only visible statuses, never an internal reason', async () => {
    const put = await call(s.url, '/admin/settings/ticket-status-visibility', {
      method: 'PUT', token: f.manager.token,
      body: {
        tenant: { new: 'show', in_progress: 'show', waiting: 'in_progress', done: 'show', closed: 'show', rejected: 'hide' },
        owner: { new: 'show', in_progress: 'show', waiting: 'show', done: 'show', closed: 'show', rejected: 'show' },
      },
    });
    assert.equal(put.status, 200, put.text);
    const id = await ticket('lift', { reporter: 'Tina', unit: 'T1', subject: 'Lift steht', history: ['new', 'in_progress'], affected: [{ person: 'Otto', role: 'owner' }] });
    const number = (await ticketRow('lift')).number as string;
    const secret = 'Hausverwaltung prüft Haftung der Liftfirma';
    // Earlier tests' notices out of the way first.
    await run();
    const tinaBefore = (await mailsTo(s.db, 'tina@tickets.test')).length;
    const ottoBefore = (await mailsTo(s.db, 'otto@tickets.test')).length;

    const waiting = await patch('lift', { status: 'waiting', reason: secret, reasonVisibility: 'internal' });
    assert.equal(waiting.status, 200, waiting.text);
    assert.deepEqual(waiting.body.visibleStatus, { tenant: 'in_progress', owner: 'waiting' });
    const waitEvent = (await lastEvent('lift')).id as string;
    assert.deepEqual(await notices([waitEvent]), [{ person_id: person('Otto'), kind: 'ticket_status', channel: 'immediate' }]);

    // Back to in_progress: the tenant still sees in_progress (no notice), the owner sees a change.
    await patch('lift', { status: 'in_progress' });
    const backEvent = (await lastEvent('lift')).id as string;
    assert.deepEqual((await notices([backEvent])).map((n) => n.person_id), [person('Otto')]);

    // Rejected is hidden from tenants: the tenant keeps seeing in_progress and is not told.
    await patch('lift', { status: 'rejected', reason: secret, reasonVisibility: 'internal' });
    const rejectEvent = (await lastEvent('lift')).id as string;
    assert.deepEqual((await notices([rejectEvent])).map((n) => n.person_id), [person('Otto')]);

    // Reopened (the owner is told, the tenant saw in_progress all along) and done: both see done and both are told.
    await patch('lift', { status: 'in_progress' });
    const reopenEvent = (await lastEvent('lift')).id as string;
    assert.deepEqual((await notices([reopenEvent])).map((n) => n.person_id), [person('Otto')]);
    await patch('lift', { status: 'done', reason: secret, reasonVisibility: 'internal' });
    const doneEvent = (await lastEvent('lift')).id as string;
    assert.deepEqual((await notices([doneEvent])).map((n) => n.person_id).sort(), [person('Tina'), person('Otto')].sort());
    assert.equal(Number((await ticketRow('lift')).reopen_count), 1);

    await run();
    const tina = (await mailsTo(s.db, 'tina@tickets.test')).slice(tinaBefore);
    const otto = (await mailsTo(s.db, 'otto@tickets.test')).slice(ottoBefore);
    assert.equal(tina.length, 1, JSON.stringify(tina));
    assert.match(tina[0]!.subject, new RegExp(`: Anliegen ${number}: Lift steht – Erledigt$`));
    assert.match(tina[0]!.text, /Erledigt/);
    assert.deepEqual(otto.map((m) => /Lift steht – (.+)$/.exec(m.subject)?.[1]), ['Wartend', 'In Bearbeitung', 'Abgelehnt', 'In Bearbeitung', 'Erledigt']);
    for (const mail of [...tina, ...otto]) {
      assert.ok(!mail.subject.includes(secret) && !mail.text.includes(secret), 'no internal reason in a mail');
      assert.match(mail.text, new RegExp(`Ihr Anliegen ${number} \\(„Lift steht“\\) hat einen neuen Stand: `));
    }
    for (const mail of tina) assert.ok(!/Wartend|Abgelehnt|waiting|rejected/i.test(mail.subject + mail.text), 'no status hidden from tenants');
    assert.ok(id);
  });

  test('each participant hears in his own way: immediate, digest or not at all', async () => {
    await ticket('modes', { reporter: 'Tina', unit: 'T1', history: ['new'], affected: [{ person: 'Otto', role: 'owner' }, { person: 'Nina', role: 'tenant' }] });
    const users = (name: string) => s.db('users').where({ email: `${name}@tickets.test` });
    await users('otto').update({ notify_mode: 'digest' });
    await users('nina').update({ notify_mode: 'none' });
    try {
      await patch('modes', { status: 'in_progress' });
      const event = (await lastEvent('modes')).id as string;
      const rows = await notices([event]);
      assert.deepEqual(
        rows.map((r) => [r.person_id, r.channel]).sort(),
        [[person('Tina'), 'immediate'], [person('Otto'), 'digest']].sort(),
      );
    } finally {
      await users('otto').update({ notify_mode: 'immediate' });
      await users('nina').update({ notify_mode: 'immediate' });
    }
  });

  test('comments: a public one tells every participant but its author, an internal one nobody', async () => {
    await ticket('talk', { reporter: 'Tina', unit: 'T1', subject: 'Heizung kalt', history: ['new', 'in_progress'], affected: [{ person: 'Otto', role: 'owner' }] });
    const ticketId = f.w.id('ticket:talk');
    const internal = await f.w.comment('talk-internal', 'talk', { visibility: 'internal', body: 'Nur intern: Firma Mayer teuer' });
    const fromTina = await f.w.comment('talk-tina', 'talk', { visibility: 'public', body: 'Immer noch kalt', person: 'Tina' });
    await s.db.transaction(async (trx) => {
      const ctx = { clock: s.clock.now };
      assert.equal(await queueCommentNotices(trx, ctx, { organizationId: f.w.orgId, ticketId, commentId: internal, authorPersonId: null }), 0);
      assert.equal(await queueCommentNotices(trx, ctx, { organizationId: f.w.orgId, ticketId, commentId: fromTina, authorPersonId: person('Tina') }), 1);
    });
    assert.deepEqual(await notices([internal]), []);
    assert.deepEqual(await notices([fromTina]), [{ person_id: person('Otto'), kind: 'ticket_comment', channel: 'immediate' }]);
    const before = (await mailsTo(s.db, 'otto@tickets.test')).length;
    await run();
    const mails = (await mailsTo(s.db, 'otto@tickets.test')).slice(before);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /Anliegen \d{4}-\d{5}: Heizung kalt – neue Nachricht$/);
    assert.match(mails[0]!.text, /zu Ihrem Anliegen \d{4}-\d{5} \(„Heizung kalt“\) gibt es eine neue Nachricht\. Aktueller Stand: In Bearbeitung\./);
    assert.ok(!mails[0]!.text.includes('Firma Mayer'));
  });

  test('a notice is not mailed to a person who left the ticket meanwhile', async () => {
    await ticket('left', { reporter: 'Tina', unit: 'T1', history: ['new'], affected: [{ person: 'Nina', role: 'tenant' }] });
    await patch('left', { status: 'in_progress' });
    await s.db('ticket_participants').where({ ticket_id: f.w.id('ticket:left'), person_id: person('Nina') }).delete();
    const before = (await mailsTo(s.db, 'nina@tickets.test')).length;
    await run();
    assert.equal((await mailsTo(s.db, 'nina@tickets.test')).length, before);
  });

  test(`done closes itself after ${autoCloseDays} days, only when still done from that same change`, async () => {
    await ticket('auto', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress'] });
    await ticket('redone', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress'] });
    const done = await patch('auto', { status: 'done' });
    const doneAt = Date.parse((await ticketRow('auto')).status_at);
    const jobs = await s.db('jobs').where({ kind: autoCloseJobKind }).whereLike('key', `ticket-autoclose:${f.w.id('ticket:auto')}:%`).select('run_at');
    assert.equal(done.status, 200);
    assert.deepEqual(jobs.map((j) => Date.parse(j.run_at) - doneAt), [autoCloseDays * 86_400_000]);

    // "redone": done, reopened, done again a day later: the first job leaves it alone, the second closes it.
    await patch('redone', { status: 'done' });
    await patch('redone', { status: 'in_progress' });
    s.clock.advance(86_400);
    f.manager = await f.w.login('Manni');
    const again = await patch('redone', { status: 'done' });
    assert.equal(again.status, 200, again.text);

    s.clock.advance((autoCloseDays - 1) * 86_400 - 60);
    await run();
    assert.equal((await ticketRow('auto')).status, 'done', 'not before 14 days');
    s.clock.advance(120);
    await run();
    assert.equal((await ticketRow('auto')).status, 'closed');
    const closed = await lastEvent('auto');
    assert.deepEqual([closed.from_status, closed.to_status, closed.reason_code, closed.actor_kind], ['done', 'closed', 'auto_closed', 'system']);
    assert.equal((await ticketRow('redone')).status, 'done', 'the first done job leaves a ticket done again later');
    s.clock.advance(86_400);
    await run();
    assert.equal((await ticketRow('redone')).status, 'closed');
    // Closed by hand before: nothing happens.
    f.manager = await f.w.login('Manni');
    await ticket('manual', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress'] });
    await patch('manual', { status: 'done' });
    await patch('manual', { status: 'closed' });
    s.clock.advance((autoCloseDays + 1) * 86_400);
    await run();
    assert.equal((await s.db('ticket_events').where({ ticket_id: f.w.id('ticket:manual'), reason_code: 'auto_closed' })).length, 0);
  });
});
