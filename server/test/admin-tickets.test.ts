import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, expectProblem, startServer, type TestServer } from './helpers.ts';
import { auditRows, pdf, postForm } from './admin-fixture.ts';
import { ticketFixture, type TicketFixture } from './tickets-fixture.ts';

// The manager side of tickets: the list with its filters and paging, one ticket with everything staff see, changes
// of assignee and category, public answers and internal notes, fulfilling a Dokumentenanforderung with a document,
// and the organization's status visibility setting. Residents get 403 on /admin, another organization's ids 404.

describe('manager tickets', () => {
  let s: TestServer;
  let f: TicketFixture;
  let other: TicketFixture;
  const hourAgo = () => new Date(s.clock.now().getTime() - 3_600_000).toISOString();
  const ticket = (key: string, o: Parameters<TicketFixture['w']['ticket']>[1]) => f.w.ticket(key, { createdAt: hourAgo(), ...o });
  const tid = (key: string) => f.w.id(`ticket:${key}`);
  const admin = (path: string, method = 'GET', body?: unknown) => call(s.url, `/admin${path}`, { method, token: f.manager.token, body });
  const comment = (key: string, fields: Record<string, string>, files: { fileName: string; bytes: Buffer }[] = []) =>
    postForm(s.url, `/admin/tickets/${tid(key)}/comments`, f.manager.token, fields, files.map((x) => ({ ...x, name: 'files' })));
  const list = async (query: string): Promise<string[]> => {
    const answer = await admin(`/tickets?${query}`);
    assert.equal(answer.status, 200, answer.text);
    return answer.body.items.map((t: { subject: string }) => t.subject);
  };

  before(async () => {
    s = await startServer({ at: '2026-03-10T09:00:00Z' });
    f = await ticketFixture(s);
    other = await ticketFixture(s, 'other');
    await ticket('kitchen', {
      reporter: 'Tina', unit: 'T1', subject: 'Küche tropft', location: 'kueche', category: 'sanitaer', problem: 'tropft', urgency: 'normal',
      history: ['new', 'in_progress'], affected: [{ person: 'Otto', role: 'owner' }],
    });
    await ticket('light', { reporter: 'Otto', unit: 'T2', role: 'owner', subject: 'Licht im Keller', location: 'keller', category: 'elektro', history: ['new'] });
    await ticket('zweig', { reporter: 'Nina', unit: 'B1', subject: 'Zweigasse', category: 'sanitaer', history: ['new', 'in_progress', 'done'] });
    await other.w.ticket('foreign', { reporter: 'Tina', unit: 'T1', subject: 'Fremd', createdAt: hourAgo() });
  });
  after(() => s.close());

  test('residents get 403 on every manager ticket endpoint; another organization\'s ticket is 404 like a missing one', async () => {
    const mine = tid('kitchen');
    for (const [path, method, body] of [
      ['/tickets', 'GET'], [`/tickets/${mine}`, 'GET'], [`/tickets/${mine}`, 'PATCH', { category: 'x' }], [`/tickets/${mine}/documents`, 'POST', { documentId: mine }],
      ['/settings/ticket-status-visibility', 'GET'],
    ] as [string, string, unknown?][]) {
      expectProblem(await call(s.url, `/admin${path}`, { method, token: f.tina.token, body }), 403, 'manager_only');
    }
    expectProblem(await postForm(s.url, `/admin/tickets/${mine}/comments`, f.tina.token, { body: 'x', visibility: 'internal' }, []), 403, 'manager_only');

    const foreign = other.w.id('ticket:foreign');
    for (const id of [foreign, '01890000-0000-7000-8000-000000000000']) {
      expectProblem(await admin(`/tickets/${id}`), 404, 'not_found');
      expectProblem(await admin(`/tickets/${id}`, 'PATCH', { status: 'in_progress' }), 404, 'not_found');
      expectProblem(await admin(`/tickets/${id}/documents`, 'POST', { documentId: foreign }), 404, 'not_found');
      expectProblem(await postForm(s.url, `/admin/tickets/${id}/comments`, f.manager.token, { body: 'x', visibility: 'public' }, []), 404, 'not_found');
    }
    assert.ok(!(await list('limit=100')).includes('Fremd'));
    assert.equal((await other.w.db('tickets').where({ id: foreign }).first()).status, 'new');
  });

  test('the list filters by status, category, property and unread, latest updated first, page by page', async () => {
    // Their last changes: Zweigasse two minutes, Küche one minute, Licht no minute after they were sent.
    assert.deepEqual(await list('limit=100'), ['Zweigasse', 'Küche tropft', 'Licht im Keller']);
    assert.deepEqual(await list('status=new'), ['Licht im Keller']);
    assert.deepEqual((await list('category=sanitaer')).sort(), ['Küche tropft', 'Zweigasse']);
    assert.deepEqual(await list(`property=${f.w.id('B')}`), ['Zweigasse']);
    assert.deepEqual(await list(`property=${other.w.id('A')}`), []);

    // Paging: two pages of one and two, nothing twice, nothing left out.
    const first = await admin('/tickets?limit=1');
    assert.equal(first.body.items.length, 1);
    const second = await admin(`/tickets?limit=2&cursor=${first.body.nextCursor}`);
    assert.equal(second.body.nextCursor, null);
    const paged = [...first.body.items, ...second.body.items].map((t: { id: string }) => t.id);
    assert.deepEqual(paged, (await admin('/tickets')).body.items.map((t: { id: string }) => t.id));
    const updated = (await admin('/tickets')).body.items.map((t: { updatedAt: string }) => t.updatedAt);
    assert.deepEqual(updated, [...updated].sort().reverse());
    expectProblem(await admin('/tickets?cursor=nonsense'), 400, 'validation_failed');

    // Unread: resident activity after staff last opened it; opening it marks it read.
    assert.deepEqual(await list('unread=true'), []);
    await s.db('tickets').where({ id: tid('light') }).update({ resident_activity_at: s.clock.now().toISOString() });
    assert.deepEqual(await list('unread=true'), ['Licht im Keller']);
    assert.ok(!(await list('unread=false')).includes('Licht im Keller'));
    const opened = await admin(`/tickets/${tid('light')}`);
    assert.equal(opened.status, 200, opened.text);
    assert.equal(opened.body.unread, false);
    assert.deepEqual(await list('unread=true'), []);
    s.clock.advance(60);
    await s.db('tickets').where({ id: tid('light') }).update({ resident_activity_at: s.clock.now().toISOString() });
    assert.deepEqual(await list('unread=true'), ['Licht im Keller']);
  });

  test('one ticket: real status, labels, participants, what each role sees, internal reasons and notes with their visibility', async () => {
    await f.w.comment('kitchen-note', 'kitchen', { visibility: 'internal', body: 'Installateur Mayer beauftragt', at: hourAgo() });
    await f.w.ticketFile('kitchen-photo', 'kitchen', { visibility: 'public', name: 'Küche 🚰.pdf', mime: 'application/pdf', bytes: pdf('Küche') });
    const waiting = await admin(`/tickets/${tid('kitchen')}`, 'PATCH', { status: 'waiting', reason: 'Warten auf Ersatzteil', reasonVisibility: 'internal', waitingUntil: '2026-03-20' });
    assert.equal(waiting.status, 200, waiting.text);
    const t = (await admin(`/tickets/${tid('kitchen')}`)).body;
    assert.equal(t.status, 'waiting');
    assert.equal(t.waitingUntil, '2026-03-20');
    assert.deepEqual([t.location.label.de, t.category.label.de, t.problem.label.de, t.urgency.label.de], ['Küche', 'Sanitär', 'Wasserhahn tropft', 'Normal']);
    assert.deepEqual([t.property.name, t.unit.top, t.reporter.name], ['Haus A', 'T1', 'Tina']);
    assert.deepEqual(t.participants.map((p: { name: string; kind: string; role: string }) => [p.name, p.kind, p.role]).sort(), [['Otto', 'affected', 'owner'], ['Tina', 'reporter', 'tenant']]);
    assert.equal(t.affectedCount, 1);
    // The organization copies ImmoPro's setting: owners do not see `waiting` and keep the status they saw before.
    assert.deepEqual(t.visibleStatus, { tenant: 'waiting', owner: 'in_progress' });
    assert.deepEqual(t.files.map((x: { name: string; visibility: string }) => [x.name, x.visibility]), [['Küche 🚰.pdf', 'public']]);
    const note = t.thread.find((e: { kind: string }) => e.kind === 'comment');
    assert.deepEqual([note.body, note.visibility, note.author.kind], ['Installateur Mayer beauftragt', 'internal', 'staff']);
    const last = t.thread.at(-1);
    assert.deepEqual([last.kind, last.fromStatus, last.status, last.reason, last.visibility, last.author.name], ['status', 'in_progress', 'waiting', 'Warten auf Ersatzteil', 'internal', 'Manni']);
    const ats = t.thread.map((e: { at: string }) => e.at);
    assert.deepEqual(ats, [...ats].sort());
  });

  test('PATCH: assignee must be a manager of the organization, category is a free key, each change audited', async () => {
    const manni = (await s.db('memberships').where({ person_id: f.w.id('person:Manni') }).first('user_id')).user_id as string;
    const tina = (await s.db('memberships').where({ person_id: f.w.id('person:Tina') }).first('user_id')).user_id as string;
    const foreignManager = (await s.db('memberships').where({ person_id: other.w.id('person:Manni') }).first('user_id')).user_id as string;
    for (const id of [tina, foreignManager]) {
      const refused = await admin(`/tickets/${tid('zweig')}`, 'PATCH', { assigneeId: id, category: 'heizung' });
      expectProblem(refused, 400, 'validation_failed');
      assert.equal(refused.body.errors[0].field, '/assigneeId');
    }
    assert.equal((await s.db('tickets').where({ id: tid('zweig') }).first()).category, 'sanitaer', 'nothing written on a refusal');
    const ok = await admin(`/tickets/${tid('zweig')}`, 'PATCH', { assigneeId: manni, category: 'heizung' });
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual(ok.body.assignee, { id: manni, name: 'Manni' });
    assert.deepEqual(ok.body.category, { key: 'heizung', label: { de: 'heizung', en: 'heizung' } });
    assert.deepEqual((await list('category=heizung')), ['Zweigasse']);
    const unassigned = await admin(`/tickets/${tid('zweig')}`, 'PATCH', { assigneeId: null });
    assert.equal(unassigned.body.assignee, null);
    const rows = await auditRows(s.db, 'ticket.updated').where({ entity_id: tid('zweig') });
    assert.equal(rows.length, 2);
    assert.deepEqual(JSON.parse(rows[0].detail).category, { from: 'sanitaer', to: 'heizung' });
  });

  test('comments: a public answer notifies the participants, an internal note with its file notifies nobody', async () => {
    await ticket('answer', { reporter: 'Tina', unit: 'T1', subject: 'Antwort', history: ['new'], affected: [{ person: 'Otto', role: 'owner' }] });
    const internal = await comment('answer', { body: 'Nur für uns', visibility: 'internal' }, [{ fileName: 'Angebot Mayer.pdf', bytes: pdf('Angebot') }]);
    assert.equal(internal.status, 201, internal.text);
    const note = internal.body.thread.find((e: { body?: string }) => e.body === 'Nur für uns');
    assert.equal(note.visibility, 'internal');
    assert.deepEqual(note.files.map((x: { name: string }) => x.name), ['Angebot Mayer.pdf']);
    assert.equal((await s.db('ticket_files').where({ ticket_id: tid('answer') }).first()).visibility, 'internal');
    const commentIds = async () => (await s.db('ticket_comments').where({ ticket_id: tid('answer') }).select('id')).map((c) => c.id as string);
    assert.equal((await s.db('notifications').whereIn('entity_id', await commentIds())).length, 0);

    const answer = await comment('answer', { body: 'Der Installateur kommt am Montag.', visibility: 'public' });
    assert.equal(answer.status, 201, answer.text);
    const rows = await s.db('notifications').whereIn('entity_id', await commentIds()).select('person_id', 'kind');
    assert.deepEqual(rows.map((r) => r.person_id).sort(), [f.w.id('person:Tina'), f.w.id('person:Otto')].sort());
    assert.ok(rows.every((r) => r.kind === 'ticket_comment'));
    assert.deepEqual((await auditRows(s.db, 'ticket.commented').where({ entity_id: tid('answer') })).map((r) => JSON.parse(r.detail).visibility), ['internal', 'public']);
    expectProblem(await comment('answer', { body: 'x', visibility: 'secret' }), 400, 'validation_failed');
  });

  test('a Dokumentenanforderung is fulfilled by a document: released to the participants, in the thread, optionally done', async () => {
    await f.w.category('konto', 'Kontoauszüge');
    await f.w.document('auszug', { category: 'konto', date: '2026-02-28', title: 'Kontoauszug 2025' });
    await f.w.document('withdrawn', { category: 'konto', date: '2026-02-28' });
    await s.db('documents').where({ id: f.w.id('document:withdrawn') }).update({ withdrawn_at: s.clock.now().toISOString() });
    await other.w.category('konto', 'Kontoauszüge');
    await other.w.document('fremd', { category: 'konto', date: '2026-02-28' });
    await ticket('request', { reporter: 'Tina', unit: 'T1', subject: 'Bitte Kontoauszug', history: ['new', 'in_progress'] });
    const docId = f.w.id('document:auszug');

    // Before: Tina cannot download it.
    expectProblem(await call(s.url, `/documents/${docId}/file`, { token: f.tina.token }), 404);
    for (const documentId of [f.w.id('document:withdrawn'), other.w.id('document:fremd')]) {
      expectProblem(await admin(`/tickets/${tid('request')}/documents`, 'POST', { documentId }), 404, 'not_found');
    }
    const fulfilled = await admin(`/tickets/${tid('request')}/documents`, 'POST', { documentId: docId, done: true });
    assert.equal(fulfilled.status, 201, fulfilled.text);
    assert.equal(fulfilled.body.status, 'done');
    const entry = fulfilled.body.thread.find((e: { kind: string }) => e.kind === 'document');
    assert.deepEqual(entry.document, { id: docId, title: 'Kontoauszug 2025' });
    assert.equal(entry.author.kind, 'staff');
    const release = await s.db('document_releases').where({ document_id: docId }).first();
    assert.deepEqual([release.rule, release.ticket_id], ['persons', tid('request')]);

    const file = await fetch(`${s.url}/api/documents/${docId}/file`, { headers: { authorization: `Bearer ${f.tina.token}` } });
    assert.equal(file.status, 200);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), f.w.bytes.get('auszug'));
    expectProblem(await call(s.url, `/documents/${docId}/file`, { token: f.nina.token }), 404);

    // Done already: "done" again is refused before anything is released.
    const again = await admin(`/tickets/${tid('request')}/documents`, 'POST', { documentId: docId, done: true });
    expectProblem(again, 409, 'transition_not_allowed');
    assert.equal((await s.db('document_releases').where({ document_id: docId })).length, 1);
    assert.equal((await auditRows(s.db, 'ticket.document_released').where({ entity_id: tid('request') })).length, 1);
  });

  test('status visibility setting: GET, PUT (audited), new may not be hidden', async () => {
    const got = await admin('/settings/ticket-status-visibility');
    assert.equal(got.status, 200, got.text);
    assert.equal(got.body.tenant.rejected, 'closed');
    assert.equal(got.body.owner.waiting, 'hide');
    const krueger = {
      tenant: { new: 'show', in_progress: 'show', waiting: 'in_progress', done: 'show', closed: 'show', rejected: 'hide' },
      owner: { new: 'show', in_progress: 'show', waiting: 'show', done: 'show', closed: 'hide', rejected: 'show' },
    };
    const put = await admin('/settings/ticket-status-visibility', 'PUT', krueger);
    assert.equal(put.status, 200, put.text);
    assert.deepEqual((await admin('/settings/ticket-status-visibility')).body, krueger);
    assert.deepEqual(JSON.parse((await s.db('organizations').where({ id: f.w.orgId }).first()).ticket_status_visibility), krueger);
    const audits = await auditRows(s.db, 'settings.ticket_status_visibility_updated').where({ entity_id: f.w.orgId });
    assert.equal(audits.length, 1);
    assert.deepEqual(JSON.parse(audits[0].detail).to, krueger);

    // The detail shows the mapping at once.
    await ticket('mapped', { reporter: 'Tina', unit: 'T1', history: ['new', 'in_progress', 'waiting'] });
    assert.deepEqual((await admin(`/tickets/${tid('mapped')}`)).body.visibleStatus, { tenant: 'in_progress', owner: 'waiting' });

    const hidden = await admin('/settings/ticket-status-visibility', 'PUT', { ...krueger, tenant: { ...krueger.tenant, new: 'hide' } });
    expectProblem(hidden, 400, 'validation_failed');
    assert.equal(hidden.body.errors[0].field, '/tenant/new');
    expectProblem(await admin('/settings/ticket-status-visibility', 'PUT', { tenant: krueger.tenant }), 400, 'validation_failed');
    assert.deepEqual((await admin('/settings/ticket-status-visibility')).body, krueger);
    // The other organization is untouched.
    assert.equal(JSON.parse((await s.db('organizations').where({ id: other.w.orgId }).first()).ticket_status_visibility).tenant.waiting, 'show');
  });
});
