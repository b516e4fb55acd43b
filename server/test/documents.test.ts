import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, demo, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { DocumentWorld, type ReleaseOptions } from './documents-fixture.ts';

// Who sees which document (DESIGN §6a): every release rule against current, ended and future contracts, tenant and
// owner roles, occupancy periods before, inside and after a contract; 404 for everything that is not mine, exactly
// like an unknown id; revocations and withdrawals at once; managers and other organizations.

// The organization's day is 2026-06-15 (Europe/Vienna).
const at = '2026-06-15T10:00:00Z';

/**
 * Property P (units U1–U6) and Q (unit Q1):
 * - Tina rents U1 since 2024-03-01; Olga owns U1 since 2015.
 * - Emil rented U2 from 2022-01-01 to 2025-06-30 (ended); Sam rents U2 since 2025-07-01.
 * - Fritz rents U3 from 2026-09-01 (future).
 * - Edda owned U4 from 2010 to 2024-12-31 (ended); Fiona owns U5 from 2027-01-01 (future).
 * - Nora rents Q1 (the other property). Paula has no contract.
 * - Mara is a manager of the organization, with a person who rents U6 since 2020.
 */
const people = ['Tina', 'Olga', 'Emil', 'Sam', 'Fritz', 'Edda', 'Fiona', 'Nora', 'Paula', 'Mara'] as const;
type Name = (typeof people)[number];

const p25: [string, string] = ['2025-01-01', '2025-12-31'];

/** Each release, and who it reaches on 2026-06-15. */
const cases: { key: string; release: ReleaseOptions; reaches: Name[] }[] = [
  // persons: the named persons, whatever their contracts
  { key: 'persons Tina', release: { rule: 'persons', persons: ['Tina'] }, reaches: ['Tina'] },
  { key: 'persons no contract and future', release: { rule: 'persons', persons: ['Paula', 'Fritz'] }, reaches: ['Paula', 'Fritz'] },
  { key: 'persons ended', release: { rule: 'persons', persons: ['Emil'] }, reaches: ['Emil'] },
  { key: 'persons manager', release: { rule: 'persons', persons: ['Mara'] }, reaches: [] },
  // occupancy: the contracts on the units overlapping the period, begun; an ended contract keeps its own days
  { key: 'occupancy before contract', release: { rule: 'occupancy', role: 'tenant', period: ['2021-01-01', '2021-12-31'], units: ['U2'] }, reaches: [] },
  { key: 'occupancy inside ended contract', release: { rule: 'occupancy', role: 'tenant', period: ['2025-01-01', '2025-03-31'], units: ['U2'] }, reaches: ['Emil'] },
  { key: 'occupancy across a move', release: { rule: 'occupancy', role: 'tenant', period: p25, units: ['U2'] }, reaches: ['Emil', 'Sam'] },
  { key: 'occupancy last day of ended contract', release: { rule: 'occupancy', role: 'tenant', period: ['2025-06-30', '2025-06-30'], units: ['U2'] }, reaches: ['Emil'] },
  { key: 'occupancy after ended contract', release: { rule: 'occupancy', role: 'tenant', period: ['2025-07-01', '2025-12-31'], units: ['U2'] }, reaches: ['Sam'] },
  { key: 'occupancy future contract', release: { rule: 'occupancy', role: null, period: ['2026-01-01', '2026-12-31'], units: ['U3'] }, reaches: [] },
  { key: 'occupancy tenants', release: { rule: 'occupancy', role: 'tenant', period: p25, units: ['U1'] }, reaches: ['Tina'] },
  { key: 'occupancy owners', release: { rule: 'occupancy', role: 'owner', period: p25, units: ['U1'] }, reaches: ['Olga'] },
  { key: 'occupancy both', release: { rule: 'occupancy', role: null, period: p25, units: ['U1', 'U6'] }, reaches: ['Tina', 'Olga'] },
  { key: 'occupancy ended owner, own years', release: { rule: 'occupancy', role: 'owner', period: ['2024-01-01', '2024-12-31'], units: ['U4'] }, reaches: ['Edda'] },
  { key: 'occupancy ended owner, later year', release: { rule: 'occupancy', role: 'owner', period: p25, units: ['U4'] }, reaches: [] },
  { key: 'occupancy future owner', release: { rule: 'occupancy', role: 'owner', period: ['2027-01-01', '2027-12-31'], units: ['U5'] }, reaches: [] },
  { key: 'occupancy tenants, role does not fit', release: { rule: 'occupancy', role: 'owner', period: p25, units: ['U2'] }, reaches: [] },
  // unit_current: the contracts on the units that have begun and not ended
  { key: 'unit both', release: { rule: 'unit_current', units: ['U1'] }, reaches: ['Tina', 'Olga'] },
  { key: 'unit tenants', release: { rule: 'unit_current', role: 'tenant', units: ['U1'] }, reaches: ['Tina'] },
  { key: 'unit owners', release: { rule: 'unit_current', role: 'owner', units: ['U1'] }, reaches: ['Olga'] },
  { key: 'unit after a move', release: { rule: 'unit_current', units: ['U2'] }, reaches: ['Sam'] },
  { key: 'unit future tenant', release: { rule: 'unit_current', units: ['U3'] }, reaches: [] },
  { key: 'unit ended and future owners', release: { rule: 'unit_current', units: ['U4', 'U5'] }, reaches: [] },
  // property_role: the contracts on any unit of the properties that have begun and not ended
  { key: 'property tenants', release: { rule: 'property_role', role: 'tenant', properties: ['P'] }, reaches: ['Tina', 'Sam'] },
  { key: 'property owners', release: { rule: 'property_role', role: 'owner', properties: ['P'] }, reaches: ['Olga'] },
  { key: 'property both', release: { rule: 'property_role', properties: ['P'] }, reaches: ['Tina', 'Olga', 'Sam'] },
  { key: 'property other', release: { rule: 'property_role', properties: ['Q'] }, reaches: ['Nora'] },
];

describe('documents: who sees what', () => {
  let s: TestServer;
  let w: DocumentWorld;
  let other: DocumentWorld;
  const who = {} as Record<Name, Session>;
  let xaver: Session;
  let unknown: { status: number; body: unknown };

  const email = (name: string) => `${name.toLowerCase()}.docs@example.test`;
  const password = (name: string) => `${name}-Dokumente-2026`;
  const get = (path: string, session: Session): Promise<Answer> => call(s.url, path, { token: session.token });
  const strip = (a: Answer) => ({ status: a.status, body: { ...a.body, instance: undefined } });
  const titles = async (session: Session): Promise<string[]> => {
    const answer = await get('/documents?limit=200', session);
    assert.equal(answer.status, 200, answer.text);
    return answer.body.items.map((d: any) => d.title).sort();
  };
  const doc = (key: string) => w.id(`document:${key}`);

  before(async () => {
    s = await startServer({ at });
    w = await DocumentWorld.create(s, 'docs-rules');
    await Promise.all(people.map((name) => w.person(name, { email: email(name), password: password(name), role: name === 'Mara' ? 'manager' : name === 'Olga' || name === 'Edda' || name === 'Fiona' ? 'owner' : 'tenant' })));
    await w.property('P', 'Testgasse 1', null);
    await w.property('Q', 'Quergasse 2', null);
    for (const top of ['U1', 'U2', 'U3', 'U4', 'U5', 'U6']) await w.unit('P', top);
    await w.unit('Q', 'Q1');
    await w.contract('c:tina', 'U1', 'Tina', 'tenant', '2024-03-01', null, 'T-1');
    await w.contract('c:olga', 'U1', 'Olga', 'owner', '2015-01-01', null, 'O-1');
    await w.contract('c:emil', 'U2', 'Emil', 'tenant', '2022-01-01', '2025-06-30', 'E-2');
    await w.contract('c:sam', 'U2', 'Sam', 'tenant', '2025-07-01', null, 'S-2');
    await w.contract('c:fritz', 'U3', 'Fritz', 'tenant', '2026-09-01', null, 'F-3');
    await w.contract('c:edda', 'U4', 'Edda', 'owner', '2010-01-01', '2024-12-31', 'E-4');
    await w.contract('c:fiona', 'U5', 'Fiona', 'owner', '2027-01-01', null, 'F-5');
    await w.contract('c:nora', 'Q1', 'Nora', 'tenant', '2020-01-01', null, 'N-1');
    await w.contract('c:mara', 'U6', 'Mara', 'tenant', '2020-01-01', null, 'M-6');
    await w.category('letters', 'Schreiben');
    for (const c of cases) await w.released(c.key, { category: 'letters', date: '2026-01-15' }, c.release);

    // Another organization, with a release that names (wrongly) a unit of this one.
    other = await DocumentWorld.create(s, 'docs-other');
    await other.person('Xaver', { email: email('Xaver'), password: password('Xaver'), role: 'tenant' });
    await other.category('letters', 'Schreiben');
    await other.released('foreign', { category: 'letters', date: '2026-02-01' }, { rule: 'persons', persons: ['Xaver'] });
    await other.document('foreign unit', { category: 'letters', date: '2026-02-01' });
    await s.db('document_releases').insert({ id: other.id('release:foreign unit'), organization_id: other.orgId, document_id: other.id('document:foreign unit'), rule: 'unit_current', released_at: at });
    await s.db('document_release_targets').insert({ release_id: other.id('release:foreign unit'), unit_id: w.id('unit:U1') });

    const sessions = await Promise.all(people.map((name) => login(s.url, email(name), password(name), 'docs-rules')));
    people.forEach((name, i) => (who[name] = sessions[i]!));
    xaver = await login(s.url, email('Xaver'), password('Xaver'), 'docs-other');
    unknown = strip(await get(`/documents/${randomUUID()}/file`, who.Tina));
  });
  after(() => s.close());

  test('every rule, for every person: the list holds exactly the documents released to them', async () => {
    for (const name of people) {
      const expected = cases.filter((c) => c.reaches.includes(name)).map((c) => c.key).sort();
      assert.deepEqual(await titles(who[name]), expected, name);
    }
  });

  test('a document not released to me answers 404 on download, exactly like an unknown id', async () => {
    expectProblem(await get(`/documents/${randomUUID()}/file`, who.Tina), 404, 'not_found');
    for (const name of people) {
      for (const c of cases.filter((c) => !c.reaches.includes(name))) {
        assert.deepEqual(strip(await get(`/documents/${doc(c.key)}/file`, who[name])), unknown, `${name}: ${c.key}`);
      }
    }
  });

  test('another person\'s document and an unknown id answer the same 404 on read and archive', async () => {
    const theirs = doc('persons Tina');
    for (const id of [theirs, randomUUID()]) {
      const read = await call(s.url, `/documents/${id}/read`, { method: 'POST', token: who.Olga.token });
      expectProblem(read, 404, 'not_found');
      const archive = await get(`/documents/archive?ids=${id}`, who.Olga);
      expectProblem(archive, 404, 'not_found');
      assert.deepEqual([strip(read).body, strip(archive).body], [unknown.body, unknown.body]);
    }
    // One foreign id among mine is enough for the whole archive to be refused.
    assert.deepEqual(strip(await get(`/documents/archive?ids=${doc('unit owners')},${theirs}`, who.Olga)), unknown);
    assert.equal(await w.readOf('Olga', 'unit owners'), undefined, 'nothing recorded');
    assert.equal(await w.readOf('Olga', 'persons Tina'), undefined);
  });

  test('another organization\'s documents answer 404 both ways; its releases never reach this one', async () => {
    const foreign = other.id('document:foreign');
    assert.deepEqual(strip(await get(`/documents/${foreign}/file`, who.Tina)), unknown);
    expectProblem(await call(s.url, `/documents/${foreign}/read`, { method: 'POST', token: who.Tina.token }), 404, 'not_found');
    expectProblem(await get(`/documents/archive?ids=${foreign}`, who.Tina), 404, 'not_found');
    assert.deepEqual(strip(await get(`/documents/${doc('persons Tina')}/file`, xaver)), unknown);
    assert.deepEqual(await titles(xaver), ['foreign']);
    assert.ok(!(await titles(who.Tina)).includes('foreign unit'));
    const categories = await get('/document-categories', xaver);
    assert.deepEqual(categories.body.items.map((c: any) => c.id), [other.id('category:letters')]);
  });

  test('a manager sees no documents, downloads none and leaves no read behind', async () => {
    const list = await get('/documents', who.Mara);
    assert.deepEqual(list.body, { items: [], nextCursor: null, unreadCount: 0 });
    assert.deepEqual(strip(await get(`/documents/${doc('persons manager')}/file`, who.Mara)), unknown);
    expectProblem(await call(s.url, `/documents/${doc('persons manager')}/read`, { method: 'POST', token: who.Mara.token }), 404);
    assert.deepEqual((await call(s.url, '/documents/read', { body: {}, token: who.Mara.token })).body, { marked: 0, unreadCount: 0 });
    assert.equal((await s.db('document_reads').where({ person_id: w.id('person:Mara') })).length, 0);
    // The categories are the organization's, for managers too.
    assert.equal((await get('/document-categories', who.Mara)).body.items.length, 1);
  });

  test('a revoked release ends access with the next download; another release keeps it', async () => {
    await w.released('revocable', { category: 'letters', date: '2026-03-01' }, { rule: 'persons', persons: ['Nora'] });
    const first = await get(`/documents/${doc('revocable')}/file`, who.Nora);
    assert.equal(first.status, 200);
    await w.revoke('revocable');
    assert.deepEqual(strip(await get(`/documents/${doc('revocable')}/file`, who.Nora)), unknown);
    assert.ok(!(await titles(who.Nora)).includes('revocable'));
    // A second release of the same document reaches her again; revoking it ends that too.
    await w.release('revocable again', 'revocable', { rule: 'unit_current', units: ['Q1'] });
    assert.equal((await get(`/documents/${doc('revocable')}/file`, who.Nora)).status, 200);
    await w.revoke('revocable again');
    assert.deepEqual(strip(await get(`/documents/${doc('revocable')}/file`, who.Nora)), unknown);
    expectProblem(await get(`/documents/archive?ids=${doc('revocable')}`, who.Nora), 404);
  });

  test('a withdrawn document vanishes from the list, the download, the archive and the read', async () => {
    await w.released('withdrawn', { category: 'letters', date: '2026-03-02' }, { rule: 'persons', persons: ['Nora'] });
    assert.ok((await titles(who.Nora)).includes('withdrawn'));
    const before = (await get('/documents', who.Nora)).body.unreadCount;
    await w.withdraw('withdrawn');
    assert.ok(!(await titles(who.Nora)).includes('withdrawn'));
    assert.equal((await get('/documents', who.Nora)).body.unreadCount, before - 1);
    assert.deepEqual(strip(await get(`/documents/${doc('withdrawn')}/file`, who.Nora)), unknown);
    expectProblem(await get(`/documents/archive?ids=${doc('withdrawn')}`, who.Nora), 404);
    expectProblem(await call(s.url, `/documents/${doc('withdrawn')}/read`, { method: 'POST', token: who.Nora.token }), 404);
  });

  test('the place: through a unit, else the property, else personal; the earliest live release counts', async () => {
    await w.released('placed', { category: 'letters', date: '2026-04-01' }, { rule: 'persons', persons: ['Tina'], releasedAt: '2026-04-03T08:00:00.000Z' });
    await w.release('placed by house', 'placed', { rule: 'property_role', properties: ['P'], releasedAt: '2026-04-02T08:00:00.000Z' });
    await w.release('placed by unit', 'placed', { rule: 'unit_current', units: ['U1'], releasedAt: '2026-04-04T08:00:00.000Z' });
    await w.release('placed revoked', 'placed', { rule: 'persons', persons: ['Tina'], releasedAt: '2026-04-01T08:00:00.000Z' });
    await w.revoke('placed revoked');
    const item = async (key: string) => (await get('/documents?limit=200', who.Tina)).body.items.find((d: any) => d.title === key);
    const house = { propertyId: w.id('P'), propertyName: 'Haus P', address: 'Testgasse 1, 1050 Wien' };
    assert.deepEqual([(await item('placed')).place, (await item('placed')).releasedAt], [{ ...house, unitId: w.id('unit:U1'), top: 'U1' }, '2026-04-02T08:00:00.000Z']);
    await w.revoke('placed by unit');
    assert.deepEqual((await item('placed')).place, { ...house, unitId: null, top: null });
    await w.revoke('placed by house');
    assert.deepEqual([(await item('placed')).place, (await item('placed')).releasedAt], [{ propertyId: null, propertyName: null, address: null, unitId: null, top: null }, '2026-04-03T08:00:00.000Z']);
    assert.deepEqual((await item('property tenants')).place, { ...house, unitId: null, top: null });
    assert.deepEqual((await item('occupancy tenants')).place, { ...house, unitId: w.id('unit:U1'), top: 'U1' });
  });

  test('the demo: the tenant downloads her documents as PDFs; the late payer\'s reminder is not hers; the manager sees none', async () => {
    const huber = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
    const lehner = await login(s.url, demo.lehner.username, demo.lehner.password, demo.lehner.org);
    const mine = (await get('/documents', huber)).body;
    assert.ok(mine.items.some((d: any) => d.title.startsWith('Hausordnung')), JSON.stringify(mine.items.map((d: any) => d.title)));
    for (const item of mine.items) {
      const file = await fetch(`${s.url}/api/documents/${item.id}/file`, { headers: { authorization: `Bearer ${huber.token}` } });
      const bytes = Buffer.from(await file.arrayBuffer());
      assert.deepEqual([file.status, file.headers.get('content-type'), bytes.subarray(0, 5).toString(), bytes.length], [200, 'application/pdf', '%PDF-', item.size], item.title);
    }
    const reminder = (await get('/documents', lehner)).body.items.find((d: any) => d.title.includes('Mahnung'));
    assert.ok(reminder);
    assert.deepEqual(strip(await get(`/documents/${reminder.id}/file`, huber)), unknown);
    const manager = await login(s.url, 'apichler', 'Verwaltung#Wien3', 'immopro');
    assert.deepEqual((await get('/documents', manager)).body, { items: [], nextCursor: null, unreadCount: 0 });
    assert.ok((await get('/document-categories', manager)).body.items.length >= 10);
  });

  test('a future contract reaches its documents from its first day; the ended ones stay as they were', async () => {
    s.clock.set('2026-09-01T06:00:00Z');
    try {
      // Access tokens live minutes: sign in again on the new day.
      for (const name of ['Fritz', 'Emil'] as const) who[name] = await login(s.url, email(name), password(name), 'docs-rules');
      const reached = cases.filter((c) => c.reaches.includes('Fritz')).map((c) => c.key);
      const now = [...reached, 'occupancy future contract', 'unit future tenant', 'property tenants', 'property both'].sort();
      assert.deepEqual(await titles(who.Fritz), now);
      assert.equal((await get(`/documents/${doc('unit future tenant')}/file`, who.Fritz)).status, 200);
      assert.deepEqual(await titles(who.Emil), cases.filter((c) => c.reaches.includes('Emil')).map((c) => c.key).sort());
    } finally {
      s.clock.set(at);
    }
  });
});
