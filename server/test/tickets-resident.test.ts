import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TicketStatusVisibility } from '@hausportal/api';
import { call, expectProblem, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { ticketFixture, type TicketFixture, type TicketOptions } from './tickets-fixture.ts';

// What a resident reads of his tickets (GET /tickets, GET /tickets/{id}, POST /tickets/{id}/read): the status his role
// may see and never the real one, no internal comment, file or reason, fields for the reporter only, the tabs, unread,
// and 404 for every ticket that is not his.

// Wednesday, 17 June 2026, in Vienna.
const at = '2026-06-17T08:00:00Z';
const day = 86_400_000;

const all = { new: 'show', in_progress: 'show', waiting: 'show', done: 'show', closed: 'show', rejected: 'show' } as const;

let s: TestServer;
let f: TicketFixture;

before(async () => {
  s = await startServer({ at });
  f = await ticketFixture(s);
});
after(() => s.close());

const get = (who: Session, path: string): Promise<Answer> => call(s.url, path, { token: who.token });

async function visibility(v: TicketStatusVisibility): Promise<void> {
  await s.db('organizations').where({ id: f.w.orgId }).update({ ticket_status_visibility: JSON.stringify(v) });
}

/** A ticket of the fixture's world; returns its id. */
const ticket = (key: string, o: TicketOptions): Promise<string> => f.w.ticket(key, o);

/** The ticket's status event to `to`, to give it a reason or a date. */
const event = (id: string, to: string) => s.db('ticket_events').where({ ticket_id: id, kind: 'status', to_status: to });

/** Every status value anywhere in a JSON answer (fields named status). */
function statusesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) statusesIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'status' && typeof v === 'string') out.push(v);
      else statusesIn(v, out);
    }
  }
  return out;
}

describe('status a resident sees', () => {
  test('Krüger-like mapping: a tenant sees waiting as in_progress, never the waiting step, its date or reason; an owner sees it all', async () => {
    await visibility({ tenant: { ...all, waiting: 'in_progress' }, owner: all });
    const id = await ticket('mapped', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress', 'waiting'], affected: [{ person: 'Otto', role: 'owner' }] });
    await event(id, 'waiting').update({ reason: 'Ersatzteil ist bestellt', reason_visibility: 'public', waiting_until: '2026-07-01' });
    await s.db('tickets').where({ id }).update({ waiting_until: '2026-07-01' });

    const tina = await get(f.tina, `/tickets/${id}`);
    assert.equal(tina.status, 200, tina.text);
    assert.equal(tina.body.status, 'in_progress');
    assert.deepEqual(statusesIn(tina.body), ['in_progress', 'new', 'in_progress']);
    assert.deepEqual(tina.body.thread.map((e: { kind: string; status?: string }) => `${e.kind}:${e.status}`), ['status:new', 'status:in_progress']);
    for (const secret of ['waiting', '2026-07-01', 'Ersatzteil']) assert.ok(!tina.text.includes(secret), `tenant answer holds ${secret}`);
    const list = await get(f.tina, '/tickets?tab=open');
    const row = list.body.items.find((t: { id: string }) => t.id === id);
    assert.equal(row.status, 'in_progress');
    assert.ok(!list.text.includes('waiting'));

    const otto = await get(f.otto, `/tickets/${id}`);
    assert.equal(otto.body.status, 'waiting');
    const waiting = otto.body.thread.at(-1);
    assert.deepEqual([waiting.status, waiting.reason, waiting.waitingUntil], ['waiting', 'Ersatzteil ist bestellt', '2026-07-01']);
    assert.equal(otto.body.affected, true);
    assert.equal(tina.body.affected, false);
    assert.equal(tina.body.affectedCount, 1);
  });

  test('hide: a ticket whose current status is hidden keeps its last visible status, and no action tells of the hidden one', async () => {
    await visibility({ tenant: { ...all, done: 'hide', rejected: 'hide' }, owner: all });
    const done = await ticket('versteckt-erledigt', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress', 'done'] });
    const a = await get(f.tina, `/tickets/${done}`);
    assert.equal(a.body.status, 'in_progress');
    assert.deepEqual(statusesIn(a.body), ['in_progress', 'new', 'in_progress']);
    assert.ok(!a.text.includes('"done"'));
    assert.deepEqual(a.body.actions, { comment: true, withdraw: false, confirm: false, reopen: false, rate: false });
    assert.equal(a.body.reopenUntil, null);

    // rejected hidden from the start: the ticket stays "new"
    const rejected = await ticket('versteckt-abgelehnt', { reporter: 'Tina', unit: 'T1', history: ['new', 'rejected'] });
    await event(rejected, 'rejected').update({ reason: 'Nicht zuständig', reason_visibility: 'public' });
    const b = await get(f.tina, `/tickets/${rejected}`);
    assert.equal(b.body.status, 'new');
    assert.deepEqual(statusesIn(b.body), ['new', 'new']);
    assert.ok(!b.text.includes('rejected') && !b.text.includes('Nicht zuständig'));
    assert.deepEqual(b.body.actions, { comment: false, withdraw: false, confirm: false, reopen: false, rate: false });
    const open = await get(f.tina, '/tickets?tab=open&limit=100');
    assert.ok(open.body.items.some((t: { id: string; status: string }) => t.id === rejected && t.status === 'new'));
  });

  test('every step visible: thread entries in order with reason codes, reasons only when public', async () => {
    await visibility({ tenant: all, owner: all });
    const id = await ticket('steps', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress', 'done', 'in_progress', 'waiting'] });
    const steps = (await event(id, 'in_progress').orderBy('at').select('id')) as { id: string }[];
    await s.db('ticket_events').where({ id: steps[0]!.id }).update({ reason: 'Techniker kommt Montag', reason_visibility: 'public' });
    await s.db('ticket_events').where({ id: steps[1]!.id }).update({ reason_code: 'reopened', reason: 'Interner Vermerk ABC', reason_visibility: 'internal', actor_kind: 'resident', actor_person_id: f.w.id('person:Tina') });
    await event(id, 'waiting').update({ reason: 'Warten auf Hausbesitzer', reason_visibility: 'public', waiting_until: '2026-06-30' });
    const a = await get(f.tina, `/tickets/${id}`);
    const thread = a.body.thread as { status: string; reason?: string; reasonCode?: string; waitingUntil?: string; author: { kind: string; name: string | null; me: boolean } }[];
    assert.deepEqual(thread.map((e) => e.status), ['new', 'in_progress', 'done', 'in_progress', 'waiting']);
    assert.equal(thread[1]!.reason, 'Techniker kommt Montag');
    assert.equal(thread[3]!.reasonCode, 'reopened');
    assert.equal(thread[3]!.reason, undefined);
    assert.deepEqual(thread[3]!.author, { kind: 'resident', name: 'Tina', me: true });
    assert.deepEqual(thread[1]!.author, { kind: 'staff', name: 'Verwaltung tickets', me: false });
    assert.deepEqual([thread[4]!.reason, thread[4]!.waitingUntil], ['Warten auf Hausbesitzer', '2026-06-30']);
    assert.ok(!a.text.includes('Interner Vermerk'));
  });
});

describe('internal comments, files and reasons', () => {
  test('never appear in any resident answer', async () => {
    await visibility({ tenant: all, owner: all });
    const id = await ticket('secrets', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress'], affected: [{ person: 'Otto', role: 'owner' }] });
    await event(id, 'in_progress').update({ reason: 'GEHEIM-Grund', reason_visibility: 'internal' });
    await f.w.comment('pub', 'secrets', { visibility: 'public', body: 'Wir kümmern uns darum.' });
    await f.w.comment('int', 'secrets', { visibility: 'internal', body: 'GEHEIM-Notiz: Mieter ist schwierig' });
    await f.w.comment('tina', 'secrets', { visibility: 'public', body: 'Danke!', person: 'Tina' });
    await f.w.ticketFile('sub', 'secrets', { visibility: 'public', name: 'Foto Küche.jpg', mime: 'image/jpeg', bytes: Buffer.from('jpeg') });
    await f.w.ticketFile('int-sub', 'secrets', { visibility: 'internal', name: 'GEHEIM-Angebot.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.4 a') });
    await f.w.ticketFile('pub-att', 'secrets', { visibility: 'public', name: 'Plan.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.4 b'), comment: 'pub' });
    await f.w.ticketFile('int-att', 'secrets', { visibility: 'internal', name: 'GEHEIM-Rechnung.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.4 c'), comment: 'pub' });
    await f.w.ticketFile('att-of-int', 'secrets', { visibility: 'public', name: 'GEHEIM-Anhang.pdf', mime: 'application/pdf', bytes: Buffer.from('%PDF-1.4 d'), comment: 'int' });

    const answers: Answer[] = [];
    for (const who of [f.tina, f.otto]) {
      answers.push(await get(who, `/tickets/${id}`));
      for (const tab of ['open', 'done', 'archive']) answers.push(await get(who, `/tickets?tab=${tab}`));
      answers.push(await call(s.url, `/tickets/${id}/read`, { token: who.token, method: 'POST' }));
    }
    for (const a of answers) {
      assert.equal(a.status, 200, a.text);
      assert.ok(!a.text.includes('GEHEIM'), `internal text in ${a.text}`);
      assert.ok(!a.text.includes(f.w.id('comment:int')));
      assert.ok(!a.text.includes(f.w.id('ticket-file:int-sub')) && !a.text.includes(f.w.id('ticket-file:int-att')));
    }
    const tina = answers[0]!.body;
    assert.deepEqual(tina.files.map((x: { name: string }) => x.name), ['Foto Küche.jpg']);
    const comments = tina.thread.filter((e: { kind: string }) => e.kind === 'comment');
    assert.deepEqual(comments.map((c: { body: string }) => c.body), ['Wir kümmern uns darum.', 'Danke!']);
    assert.deepEqual(comments[0].files.map((x: { name: string }) => x.name), ['Plan.pdf']);
    assert.deepEqual(comments[1].author, { kind: 'resident', name: 'Tina', me: true });
    // the affected neighbour sees Tina's comment without her name
    const otto = answers[5]!.body;
    assert.deepEqual(otto.thread.find((e: { body?: string }) => e.body === 'Danke!').author, { kind: 'resident', name: null, me: false });
  });

  test('a document released to the ticket shows in its thread; a withdrawn one does not', async () => {
    const id = await ticket('docs', { reporter: 'Tina', unit: 'T1', form: 'allgemeine-anfrage', history: ['new', 'in_progress'] });
    await f.w.category('req', 'Angefordert');
    for (const [key, title] of [['kopie', 'Kopie Mietvertrag'], ['alt', 'Zurückgezogen']] as const) {
      const documentId = await f.w.document(key, { category: 'req', date: '2026-06-16', title });
      await s.db('ticket_events').insert({ id: f.w.id(`event:${key}`), ticket_id: id, kind: 'document', document_id: documentId, actor_kind: 'staff', reason_visibility: 'public', at: new Date(Date.parse(at) + 3_600_000).toISOString() });
    }
    await f.w.withdraw('alt');
    const a = await get(f.tina, `/tickets/${id}`);
    const docs = a.body.thread.filter((e: { kind: string }) => e.kind === 'document');
    assert.deepEqual(docs.map((d: { document: unknown }) => d.document), [{ id: f.w.id('document:kopie'), title: 'Kopie Mietvertrag' }]);
    assert.ok(!a.text.includes('Zurückgezogen'));
    assert.equal(a.body.changedAt, new Date(Date.parse(at) + 3_600_000).toISOString());
  });
});

describe('detail', () => {
  test('fields without staff-only ones for the reporter, none for an affected person; labels, place, first answer', async () => {
    await visibility({ tenant: all, owner: all });
    const id = await ticket('fields', {
      reporter: 'Tina', unit: 'T1', location: 'kueche', category: 'sanitaer', problem: 'tropft', urgency: 'dringend', affected: [{ person: 'Otto', role: 'owner' }],
      createdAt: '2026-06-19T09:00:00Z',
    });
    const fields = [
      { key: 'description', type: 'textarea', label: { de: 'Beschreibung', en: 'Description' }, value: 'Tropft', display: { de: 'Tropft', en: 'Tropft' } },
      { key: 'staff_note', type: 'text', label: { de: 'Notiz', en: 'Note' }, value: 'GEHEIM-Feld', display: { de: 'GEHEIM-Feld', en: 'GEHEIM-Feld' } },
    ];
    await s.db('tickets').where({ id }).update({ fields: JSON.stringify(fields) });
    const tina = await get(f.tina, `/tickets/${id}`);
    assert.equal(tina.status, 200, tina.text);
    assert.deepEqual(tina.body.fields.map((x: { key: string }) => x.key), ['description']);
    assert.ok(!tina.text.includes('GEHEIM'));
    assert.deepEqual(tina.body.category, { key: 'sanitaer', label: { de: 'Sanitär', en: 'Plumbing' } });
    assert.deepEqual(tina.body.location, { key: 'kueche', label: { de: 'Küche', en: 'Kitchen' } });
    assert.deepEqual(tina.body.urgency, { key: 'dringend', label: { de: 'Dringend', en: 'Urgent' } });
    assert.deepEqual(tina.body.form, { key: 'schadensmeldung', label: { de: 'Schadensmeldung', en: 'Damage report' } });
    assert.equal(tina.body.place, 'Testgasse 1, Top T1');
    // sent on a Friday: two working days → Tuesday
    assert.equal(tina.body.firstAnswerBy, '2026-06-23');
    const otto = await get(f.otto, `/tickets/${id}`);
    assert.deepEqual(otto.body.fields, []);
    assert.equal(otto.body.rating, null);

    const common = await ticket('common', { reporter: 'Tina', property: 'A', form: 'allgemeine-anfrage', shared: true });
    const c = await get(f.tina, `/tickets/${common}`);
    assert.equal(c.body.place, 'Testgasse 1');
    assert.equal(c.body.shared, true);
    assert.equal(c.body.firstAnswerBy, null);
  });

  test('404 for another person’s, another organization’s and unknown tickets, and for managers', async () => {
    const nina = await ticket('nina', { reporter: 'Nina', unit: 'B1' });
    const other = await ticketFixture(s, 'andere');
    const foreign = await other.w.ticket('foreign', { reporter: 'Tina', unit: 'T1' });
    const mine = await ticket('mine-404', { reporter: 'Tina', unit: 'T1' });
    for (const id of [nina, foreign, '0190a0a0-0000-7000-8000-000000000000']) {
      expectProblem(await get(f.tina, `/tickets/${id}`), 404, 'not_found');
      expectProblem(await call(s.url, `/tickets/${id}/read`, { token: f.tina.token, method: 'POST' }), 404, 'not_found');
      expectProblem(await call(s.url, `/tickets/${id}/withdraw`, { token: f.tina.token, body: {} }), 404, 'not_found');
    }
    expectProblem(await get(f.manager, `/tickets/${mine}`), 404, 'not_found');
    const list = await get(f.manager, '/tickets');
    assert.deepEqual(list.body, { items: [], nextCursor: null, unreadCount: 0 });
    // the other organization's Tina sees her own ticket there, not ours
    const there = await get(other.tina, '/tickets');
    assert.deepEqual(there.body.items.map((t: { id: string }) => t.id), [foreign]);
  });

  test('an ended contract still sees its ticket without actions; a future contract too', async () => {
    await visibility({ tenant: all, owner: all });
    const emil = await ticket('emil', { reporter: 'Emil', unit: 'T3', history: ['new', 'in_progress'], createdAt: '2024-05-01T10:00:00Z' });
    const fritz = await ticket('fritz', { reporter: 'Fritz', unit: 'T3' });
    for (const [who, id] of [[f.emil, emil], [f.fritz, fritz]] as const) {
      const a = await get(who, `/tickets/${id}`);
      assert.equal(a.status, 200, a.text);
      assert.deepEqual(a.body.actions, { comment: false, withdraw: false, confirm: false, reopen: false, rate: false });
      expectProblem(await call(s.url, `/tickets/${id}/withdraw`, { token: who.token, body: {} }), 409, 'contract_ended');
    }
    // Tina's contract on T3 ended, but she rents T1 in the same property today
    const tina = await ticket('tina-t3', { reporter: 'Tina', unit: 'T3' });
    assert.equal((await get(f.tina, `/tickets/${tina}`)).body.actions.withdraw, true);
  });
});

describe('list', () => {
  let g: TicketFixture;
  before(async () => {
    g = await ticketFixture(s, 'liste');
    await s.db('organizations').where({ id: g.w.orgId }).update({ ticket_status_visibility: JSON.stringify({ tenant: all, owner: all }) });
  });
  const now = () => s.clock.now().getTime();
  const ago = (ms: number) => new Date(now() - ms).toISOString();

  test('tabs: open, done, closed or rejected up to 30 days in done, older in archive; newest change first; paging', async () => {
    // each history step is a minute after the one before: the last of four steps is 3 minutes after creation
    const last = (ms: number) => ago(ms + 3 * 60_000);
    const ids = {
      neu: await g.w.ticket('neu', { reporter: 'Tina', unit: 'T1', createdAt: ago(5 * 60_000) }),
      arbeit: await g.w.ticket('arbeit', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress'], createdAt: ago(2 * day) }),
      wartet: await g.w.ticket('wartet', { reporter: 'Tina', unit: 'T1', history: ['new', 'waiting'], createdAt: ago(day) }),
      erledigt: await g.w.ticket('erledigt', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress', 'done'], createdAt: ago(40 * day) }),
      frisch: await g.w.ticket('frisch', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress', 'done', 'closed'], createdAt: last(30 * day - 60_000) }),
      alt: await g.w.ticket('alt', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress', 'done', 'closed'], createdAt: last(30 * day + 60_000) }),
      abgelehnt: await g.w.ticket('abgelehnt', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress', 'waiting', 'rejected'], createdAt: last(31 * day) }),
    };
    await g.w.ticket('fremd', { reporter: 'Nina', unit: 'B1' });
    const tab = async (name: string, limit = 100) => (await get(g.tina, `/tickets?tab=${name}&limit=${limit}`)).body;
    assert.deepEqual((await tab('open')).items.map((t: { id: string }) => t.id), [ids.neu, ids.wartet, ids.arbeit]);
    assert.deepEqual((await tab('done')).items.map((t: { id: string }) => t.id), [ids.frisch, ids.erledigt]);
    assert.deepEqual((await tab('archive')).items.map((t: { id: string }) => t.id), [ids.alt, ids.abgelehnt]);
    const dflt = await get(g.tina, '/tickets');
    assert.equal(dflt.body.items.length, 3);

    const first = await tab('open', 2);
    assert.deepEqual(first.items.map((t: { id: string }) => t.id), [ids.neu, ids.wartet]);
    assert.equal(typeof first.nextCursor, 'string');
    const second = (await get(g.tina, `/tickets?tab=open&limit=2&cursor=${first.nextCursor}`)).body;
    assert.deepEqual(second.items.map((t: { id: string }) => t.id), [ids.arbeit]);
    assert.equal(second.nextCursor, null);
    expectProblem(await get(g.tina, '/tickets?cursor=kaputt'), 400, 'validation_failed');
  });

  test('unread: my own tickets and comments are read; a public staff comment is not until I read it; internal ones never count', async () => {
    const id = await g.w.ticket('ungelesen', { reporter: 'Otto', role: 'owner', unit: 'T2' });
    const count = async () => (await get(g.otto, '/tickets')).body;
    let page = await count();
    assert.equal(page.unreadCount, 0);
    assert.equal(page.items.find((t: { id: string }) => t.id === id).unread, false);
    s.clock.advance(60);
    await g.w.comment('selbst', 'ungelesen', { visibility: 'public', body: 'Nachtrag', person: 'Otto', at: s.clock.now().toISOString() });
    await g.w.comment('intern', 'ungelesen', { visibility: 'internal', body: 'intern', at: s.clock.now().toISOString() });
    assert.equal((await count()).unreadCount, 0);
    s.clock.advance(60);
    const answerAt = s.clock.now().toISOString();
    await g.w.comment('antwort', 'ungelesen', { visibility: 'public', body: 'Antwort', at: answerAt });
    page = await count();
    assert.equal(page.unreadCount, 1);
    const row = page.items.find((t: { id: string }) => t.id === id);
    assert.deepEqual([row.unread, row.changedAt], [true, answerAt]);
    assert.equal((await get(g.otto, `/tickets/${id}`)).body.unread, true);
    s.clock.advance(60);
    const read = await call(s.url, `/tickets/${id}/read`, { token: g.otto.token, method: 'POST' });
    assert.deepEqual(read.body, { unreadCount: 0 });
    assert.equal((await get(g.otto, `/tickets/${id}`)).body.unread, false);
    // a status change I may see makes it unread again
    s.clock.advance(60);
    await s.db('ticket_events').insert({ id: g.w.id('event:ungelesen'), ticket_id: id, kind: 'status', from_status: 'new', to_status: 'in_progress', actor_kind: 'staff', reason_visibility: 'public', at: s.clock.now().toISOString() });
    assert.equal((await count()).unreadCount, 1);
  });
});
