import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TicketActions, TicketStatus } from '@hausportal/api';
import { call, expectProblem, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { exe, pdf, postForm } from './admin-fixture.ts';
import { ticketFixture, type TicketFixture, type TicketOptions } from './tickets-fixture.ts';

// What a resident does to his tickets: comment, withdraw, confirm, reopen within 14 days of done, rate after closed.
// The actions offered and the answers to each request per status, reporter and affected, the status his role sees,
// and contracts valid today, ended or still to begin.

const at = '2026-06-17T08:00:00Z';
const day = 86_400_000;
const all = { new: 'show', in_progress: 'show', waiting: 'show', done: 'show', closed: 'show', rejected: 'show' } as const;

let s: TestServer;
let f: TicketFixture;

before(async () => {
  s = await startServer({ at });
  f = await ticketFixture(s);
  await s.db('organizations').where({ id: f.w.orgId }).update({ ticket_status_visibility: JSON.stringify({ tenant: all, owner: all }) });
});
after(() => s.close());

let n = 0;
/** A new ticket reported by Tina (tenant, T1) with Otto (owner in the property) affected, whose history ends in `history`. */
const ticket = (history: TicketStatus[], o: Partial<TicketOptions> = {}): Promise<string> =>
  f.w.ticket(`t${++n}`, {
    reporter: 'Tina', unit: 'T1', history, affected: [{ person: 'Otto', role: 'owner' }], createdAt: new Date(s.clock.now().getTime() - 3_600_000).toISOString(), ...o,
  });

const get = (who: Session, id: string): Promise<Answer> => call(s.url, `/tickets/${id}`, { token: who.token });
const post = (who: Session, id: string, action: string, body: unknown = {}): Promise<Answer> => call(s.url, `/tickets/${id}/${action}`, { token: who.token, body });
const comment = (who: Session, id: string, body: string, files: { fileName: string; bytes: Buffer; type?: string }[] = []): Promise<Answer> =>
  postForm(s.url, `/tickets/${id}/comments`, who.token, { body }, files.map((x) => ({ ...x, name: 'files' })));

const none: TicketActions = { comment: false, withdraw: false, confirm: false, reopen: false, rate: false };

/** By real status (every status shown): what the reporter and an affected person are offered. */
const matrix: Record<TicketStatus, { reporter: TicketActions; affected: TicketActions }> = {
  new: { reporter: { ...none, comment: true, withdraw: true }, affected: { ...none, comment: true } },
  in_progress: { reporter: { ...none, comment: true, withdraw: true }, affected: { ...none, comment: true } },
  waiting: { reporter: { ...none, comment: true, withdraw: true }, affected: { ...none, comment: true } },
  done: { reporter: { ...none, comment: true, confirm: true, reopen: true }, affected: { ...none, comment: true } },
  closed: { reporter: { ...none, rate: true }, affected: none },
  rejected: { reporter: none, affected: none },
};

const histories: Record<TicketStatus, TicketStatus[]> = {
  new: ['new'],
  in_progress: ['new', 'in_progress'],
  waiting: ['new', 'in_progress', 'waiting'],
  done: ['new', 'in_progress', 'done'],
  closed: ['new', 'in_progress', 'done', 'closed'],
  rejected: ['new', 'rejected'],
};

const statusRequests: Record<'withdraw' | 'confirm' | 'reopen' | 'rate', unknown> = {
  withdraw: {},
  confirm: undefined,
  reopen: { comment: 'Tropft immer noch.' },
  rate: { stars: 4, comment: 'Schnell erledigt' },
};
const paths = { withdraw: 'withdraw', confirm: 'confirm', reopen: 'reopen', rate: 'rating' } as const;
const outcome: Record<'withdraw' | 'confirm' | 'reopen', TicketStatus> = { withdraw: 'rejected', confirm: 'closed', reopen: 'in_progress' };

describe('actions per status', () => {
  for (const status of Object.keys(matrix) as TicketStatus[]) {
    test(`${status}: offered actions, and each request allowed or 409; an affected person gets 403 reporter_only`, async () => {
      const id = await ticket(histories[status]);
      assert.deepEqual((await get(f.tina, id)).body.actions, matrix[status].reporter);
      assert.deepEqual((await get(f.otto, id)).body.actions, matrix[status].affected);
      for (const action of Object.keys(statusRequests) as (keyof typeof statusRequests)[]) {
        expectProblem(await post(f.otto, id, paths[action], statusRequests[action]), 403, 'reporter_only');
        const other = await ticket(histories[status]);
        const answer = await post(f.tina, other, paths[action], statusRequests[action]);
        if (!matrix[status].reporter[action]) {
          expectProblem(answer, 409, 'transition_not_allowed');
          continue;
        }
        assert.equal(answer.status, 200, `${status} ${action}: ${answer.text}`);
        const row = await s.db('tickets').where({ id: other }).first('status', 'reopen_count', 'rating', 'rating_comment', 'resident_activity_at');
        if (action === 'rate') {
          assert.deepEqual(answer.body.rating, { stars: 4, comment: 'Schnell erledigt' });
          assert.deepEqual([row.status, row.rating, row.rating_comment], ['closed', 4, 'Schnell erledigt']);
          continue;
        }
        assert.equal(row.status, outcome[action]);
        assert.equal(answer.body.status, outcome[action]);
        const last = answer.body.thread.filter((e: { kind: string }) => e.kind === 'status').at(-1);
        assert.deepEqual([last.status, last.reasonCode, last.author.me], [outcome[action], { withdraw: 'withdrawn', confirm: 'confirmed', reopen: 'reopened' }[action], true]);
        assert.equal(Number(row.reopen_count), action === 'reopen' ? 1 : 0);
        // the change is a new step of the history, written by the resident
        const event = await s.db('ticket_events').where({ ticket_id: other, to_status: outcome[action] }).orderBy('at', 'desc').first('actor_kind', 'actor_person_id', 'from_status');
        assert.deepEqual(event, { actor_kind: 'resident', actor_person_id: f.w.id('person:Tina'), from_status: status });
      }
      const c = await comment(f.otto, id, `Auch bei mir (${status})`);
      if (matrix[status].affected.comment) assert.equal(c.status, 201, c.text);
      else expectProblem(c, 409, 'ticket_closed');
    });
  }
});

describe('withdraw, reopen, rate', () => {
  test('withdraw with a comment: the comment is public in the thread and counts as resident activity', async () => {
    const id = await ticket(['new']);
    const a = await post(f.tina, id, 'withdraw', { comment: 'Hat sich erledigt, danke.' });
    assert.equal(a.status, 200, a.text);
    const entry = a.body.thread.find((e: { kind: string }) => e.kind === 'comment');
    assert.deepEqual([entry.body, entry.author], ['Hat sich erledigt, danke.', { kind: 'resident', name: 'Tina', me: true }]);
    assert.ok((await s.db('tickets').where({ id }).first('resident_activity_at')).resident_activity_at);
    expectProblem(await post(f.tina, id, 'withdraw'), 409, 'transition_not_allowed');
  });

  test('reopen within 14 days of done, not after; it needs a comment', async () => {
    const id = await ticket(['new', 'in_progress', 'done']);
    const doneAt = Date.parse((await s.db('ticket_events').where({ ticket_id: id, to_status: 'done' }).first('at')).at as string);
    const until = new Date(doneAt + 14 * day).toISOString();
    /** Moves the clock and logs Tina in on that day (an access token lives minutes). */
    const on = async (instant: number): Promise<Session> => {
      s.clock.set(new Date(instant).toISOString());
      return f.w.login('Tina');
    };
    try {
      let tina = await on(doneAt + 13 * day);
      const a = await get(tina, id);
      assert.deepEqual([a.body.reopenUntil, a.body.actions.reopen], [until, true]);
      expectProblem(await post(tina, id, 'reopen', {}), 400, 'validation_failed');
      // just after the fourteenth day: confirm still, reopen no more
      tina = await on(Date.parse(until) + 1000);
      const b = await get(tina, id);
      assert.deepEqual([b.body.reopenUntil, b.body.actions.reopen, b.body.actions.confirm], [null, false, true]);
      expectProblem(await post(tina, id, 'reopen', { comment: 'Immer noch kaputt' }), 409, 'transition_not_allowed');
      tina = await on(doneAt + 2 * day);
      const c = await post(tina, id, 'reopen', { comment: 'Immer noch kaputt' });
      assert.equal(c.status, 200, c.text);
      assert.deepEqual([c.body.status, c.body.reopenUntil], ['in_progress', null]);
      assert.ok(c.body.thread.some((e: { kind: string; body?: string }) => e.kind === 'comment' && e.body === 'Immer noch kaputt'));
    } finally {
      s.clock.set(at);
    }
  });

  test('rate again replaces the rating; 1–5 only; an affected person does not see it', async () => {
    const id = await ticket(['new', 'in_progress', 'done', 'closed']);
    assert.equal((await post(f.tina, id, 'rating', { stars: 2 })).body.rating.stars, 2);
    const again = await post(f.tina, id, 'rating', { stars: 5, comment: 'Doch gut' });
    assert.deepEqual(again.body.rating, { stars: 5, comment: 'Doch gut' });
    expectProblem(await post(f.tina, id, 'rating', { stars: 6 }), 400, 'validation_failed');
    expectProblem(await post(f.tina, id, 'rating', { stars: 0 }), 400, 'validation_failed');
    assert.equal((await get(f.otto, id)).body.rating, null);
  });
});

describe('notices of my own actions', () => {
  test('withdraw, confirm and reopen tell the other participants, never the resident who acted', async () => {
    const statusNotices = async (id: string) =>
      (await s.db('notifications as n').join('ticket_events as e', 'e.id', 'n.entity_id').where({ 'e.ticket_id': id, 'n.kind': 'ticket_status' }).select('n.person_id')).map((r: { person_id: string }) => r.person_id);
    const withdrawn = await ticket(['new']);
    assert.equal((await post(f.tina, withdrawn, 'withdraw', { comment: 'Schon repariert.' })).status, 200);
    assert.deepEqual(await statusNotices(withdrawn), [f.w.id('person:Otto')]);
    const confirmed = await ticket(['new', 'in_progress', 'done']);
    assert.equal((await post(f.tina, confirmed, 'confirm')).status, 200);
    assert.deepEqual(await statusNotices(confirmed), [f.w.id('person:Otto')]);
    const reopened = await ticket(['new', 'in_progress', 'done']);
    assert.equal((await post(f.tina, reopened, 'reopen', { comment: 'Tropft wieder.' })).status, 200);
    assert.deepEqual(await statusNotices(reopened), [f.w.id('person:Otto')]);
  });
});

describe('what the role sees decides', () => {
  test('a done ticket shown as in_progress cannot be confirmed or reopened; waiting shown as in_progress can be withdrawn', async () => {
    await s.db('organizations').where({ id: f.w.orgId }).update({ ticket_status_visibility: JSON.stringify({ tenant: { ...all, done: 'in_progress', waiting: 'in_progress' }, owner: all }) });
    try {
      const done = await ticket(['new', 'in_progress', 'done']);
      const a = await get(f.tina, done);
      assert.equal(a.body.status, 'in_progress');
      assert.deepEqual(a.body.actions, { ...none, comment: true });
      for (const action of ['confirm', 'withdraw'] as const) expectProblem(await post(f.tina, done, action, statusRequests[action]), 409, 'transition_not_allowed');
      expectProblem(await post(f.tina, done, 'reopen', statusRequests.reopen), 409, 'transition_not_allowed');
      const waiting = await ticket(['new', 'waiting']);
      assert.deepEqual((await get(f.tina, waiting)).body.actions, { ...none, comment: true, withdraw: true });
      const w = await post(f.tina, waiting, 'withdraw');
      assert.equal(w.status, 200, w.text);
      assert.equal(w.body.status, 'rejected');
      assert.ok(!w.text.includes('waiting'));
    } finally {
      await s.db('organizations').where({ id: f.w.orgId }).update({ ticket_status_visibility: JSON.stringify({ tenant: all, owner: all }) });
    }
  });
});

describe('comments', () => {
  test('a public comment: in the thread as mine, stored public, the ticket records resident activity, the others are told', async () => {
    const id = await ticket(['new', 'in_progress']);
    const a = await comment(f.tina, id, 'Hier noch ein Hinweis.');
    assert.equal(a.status, 201, a.text);
    const entry = a.body.thread.at(-1);
    assert.deepEqual([entry.kind, entry.body, entry.author], ['comment', 'Hier noch ein Hinweis.', { kind: 'resident', name: 'Tina', me: true }]);
    const stored = await s.db('ticket_comments').where({ ticket_id: id }).first('visibility', 'author_kind', 'author_person_id');
    assert.deepEqual(stored, { visibility: 'public', author_kind: 'resident', author_person_id: f.w.id('person:Tina') });
    const row = await s.db('tickets').where({ id }).first('resident_activity_at', 'updated_at');
    assert.ok(row.resident_activity_at && row.resident_activity_at === row.updated_at);
    // the affected neighbour is told, the author is not
    const notices = await s.db('notifications').where({ kind: 'ticket_comment', entity_id: entry.id }).select('person_id');
    assert.deepEqual(notices.map((r: { person_id: string }) => r.person_id), [f.w.id('person:Otto')]);
    expectProblem(await comment(f.tina, id, ''), 400, 'validation_failed');
  });

  test('files with a comment are public; names with umlauts and emoji survive; other types are refused', async () => {
    const id = await ticket(['new', 'in_progress']);
    const a = await comment(f.tina, id, 'Hier die Rechnung.', [{ fileName: 'Rechnung Küche 🚿.pdf', bytes: pdf('Rechnung'), type: 'application/pdf' }]);
    assert.equal(a.status, 201, a.text);
    const entry = a.body.thread.at(-1);
    assert.deepEqual(entry.files.map((x: { name: string; mime: string }) => [x.name, x.mime]), [['Rechnung Küche 🚿.pdf', 'application/pdf']]);
    assert.deepEqual(a.body.files, []);
    assert.deepEqual(await s.db('ticket_files').where({ ticket_id: id }).select('visibility', 'comment_id'), [{ visibility: 'public', comment_id: entry.id }]);
    expectProblem(await comment(f.tina, id, 'Programm', [{ fileName: 'setup.pdf', bytes: exe() }]), 415);
    assert.equal(Number((await s.db('ticket_comments').where({ ticket_id: id }).count({ n: '*' }).first())!.n), 1);
  });

  test('closed or rejected: 409 ticket_closed; an ended or future contract: 409 contract_ended; a foreign ticket: 404', async () => {
    for (const history of [histories.closed, histories.rejected]) expectProblem(await comment(f.tina, await ticket(history), 'Noch was'), 409, 'ticket_closed');
    const emil = await f.w.ticket('emil', { reporter: 'Emil', unit: 'T3', history: ['new', 'in_progress'] });
    expectProblem(await comment(f.emil, emil, 'Ich wohne nicht mehr hier'), 409, 'contract_ended');
    const fritz = await f.w.ticket('fritz', { reporter: 'Fritz', unit: 'T3' });
    expectProblem(await comment(f.fritz, fritz, 'Ich ziehe erst ein'), 409, 'contract_ended');
    expectProblem(await comment(f.nina, await ticket(['new']), 'Fremd'), 404, 'not_found');
    expectProblem(await comment(f.manager, await ticket(['new']), 'Verwaltung'), 404, 'not_found');
    assert.equal(await s.db('ticket_comments').whereIn('body', ['Noch was', 'Ich wohne nicht mehr hier', 'Ich ziehe erst ein', 'Fremd', 'Verwaltung']).first('id'), undefined);
  });
});
