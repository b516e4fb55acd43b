// GET /overview (issue 14): the portal's overview in one answer. Every part must equal what the endpoint behind it
// answers the same person (GET /me, /units, /open-items, /documents, /posts, /tickets), so the overview never shows
// more or other data than the widgets; only the token's organization counts; ended and future contracts show nothing
// of their units (DESIGN §6a); a part whose feature is off for the role is null; unread counts follow reads.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Overview, OverviewNotice, PostSummary, Property, TicketSummary, UnitSummary } from '@hausportal/api';
import { instantAt } from '../src/notifications/digest.ts';
import { call, demo, expectProblem, login, startServer, type Session, type TestServer } from './helpers.ts';
import { PostWorld } from './posts-fixture.ts';

// The organization's day is 2026-06-15 (Europe/Vienna, CEST).
const at = '2026-06-15T10:00:00Z';

const get = async (s: TestServer, path: string, session: Session) => {
  const answer = await call(s.url, path, { token: session.token });
  assert.equal(answer.status, 200, `${path}: ${answer.text}`);
  return answer.body;
};

const overviewOf = async (s: TestServer, session: Session): Promise<Overview> => get(s, '/overview', session);

const rank: Record<PostSummary['type'], number> = { danger: 0, warning: 1, info: 2, neutral: 3 };
const changed = (p: PostSummary) => p.revisedAt ?? p.publishedAt;

/** An appointment's start and end as instants (ms): whole days from midnight to the midnight after (Vienna). */
function instants(a: NonNullable<PostSummary['appointment']>): { from: number; to: number | null } {
  if (!a.allDay) return { from: Date.parse(a.start), to: a.end ? Date.parse(a.end) : null };
  return { from: instantAt(a.start, 0, 'Europe/Vienna').getTime(), to: instantAt(a.end ?? a.start, 24, 'Europe/Vienna').getTime() };
}

/** The overview as the individual endpoints tell it to `session` (what GET /overview must answer, `asOf` aside). */
async function fromEndpoints(s: TestServer, session: Session, org: string): Promise<Omit<Overview, 'asOf'>> {
  const [me, units, docs, categories, posts, tickets, pub] = await Promise.all([
    get(s, '/me', session),
    get(s, '/units?limit=200', session),
    get(s, '/documents?limit=5', session),
    get(s, '/document-categories', session),
    get(s, '/posts?limit=200', session),
    get(s, '/tickets?tab=open', session),
    call(s.url, `/organizations/${org}/public`).then((a) => a.body),
  ]);
  const today: string = pub.today;
  const now = s.clock.now().getTime();
  const active = (units.items as UnitSummary[]).filter((u) => u.active);
  const rolesOf = (propertyId: string) => [...new Set(active.filter((u) => u.propertyId === propertyId).map((u) => u.contract.role))].sort();
  const properties = (units.properties as Property[])
    .filter((p) => active.some((u) => u.propertyId === p.id))
    .map((p) => ({ id: p.id, name: p.name, address: p.address, imageUrl: p.imageUrl, roles: rolesOf(p.id), contacts: p.contacts.map((c) => ({ ...c, officeHours: c.officeHours ?? null })) }));
  const balances = await Promise.all(active.map(async (u) => {
    const open = await get(s, `/open-items?unit=${u.id}`, session);
    const mine = (open.items as { accountNo: string; openCents: number; dueOn: string | null }[]).filter((i) => i.accountNo === u.contract.accountNo);
    const overdueCents = mine.filter((i) => i.openCents > 0 && i.dueOn !== null && i.dueOn < today).reduce((sum, i) => sum + i.openCents, 0);
    const payable = u.balanceCents > 0 && (open.payments as { unitId: string; accountNo: string }[]).some((p) => p.unitId === u.id && p.accountNo === u.contract.accountNo);
    return { unitId: u.id, propertyId: u.propertyId, top: u.top, role: u.contract.role, balanceCents: u.balanceCents, overdueCents, payable };
  }));
  const categoryName = new Map((categories.items as { id: string; name: { de: string } }[]).map((c) => [c.id, c.name.de]));
  const board = posts.items as PostSummary[];
  const ordered = [...board].sort((a, b) => rank[a.type] - rank[b.type] || (changed(a) === changed(b) ? (a.id < b.id ? 1 : -1) : changed(a) < changed(b) ? 1 : -1));
  const notices: OverviewNotice[] = ordered.slice(0, 5).map((p) => ({
    id: p.id, title: p.title, type: p.type, publishedAt: p.publishedAt, unread: p.read.openedAt === null,
    appointmentFrom: p.appointment ? new Date(instants(p.appointment).from).toISOString() : null,
  }));
  const coming = board
    .filter((p) => p.appointment)
    .map((p) => ({ p, ...instants(p.appointment!) }))
    .filter((x) => (x.to ?? x.from) >= now)
    .sort((a, b) => a.from - b.from || (a.p.id < b.p.id ? -1 : 1));
  const next = coming[0];
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    person: { name: me.name, email: me.email, phone: me.phone, address: me.address },
    properties,
    balances,
    documents: docs.items.map((d: { id: string; title: string; categoryId: string; releasedAt: string; seenAt: string | null }) => ({
      id: d.id, title: d.title, category: categoryName.get(d.categoryId), publishedAt: d.releasedAt, unread: d.seenAt === null,
    })),
    notices,
    tickets: (tickets.items as TicketSummary[]).slice(0, 5).map((t) => ({ id: t.id, number: t.number, subject: t.subject, status: t.status, updatedAt: t.changedAt, unread: t.unread })),
    nextAppointment: next ? { postId: next.p.id, title: next.p.title, from: iso(next.from)!, to: iso(next.to) } : null,
    unread: { documents: docs.unreadCount, notices: posts.unreadCount, tickets: tickets.unreadCount, appointments: coming.filter((x) => x.p.read.openedAt === null).length },
  };
}

const withoutAsOf = ({ asOf: _, ...rest }: Overview) => rest;

describe('GET /overview: the demo residents', () => {
  let s: TestServer;
  const who: Record<string, Session> = {};

  before(async () => {
    s = await startServer({ at });
    for (const name of ['huber', 'wagner', 'lehner'] as const) who[name] = await login(s.url, demo[name].username, demo[name].password, demo[name].org);
    who.lehnerHamburg = await login(s.url, demo.lehner.username, demo.lehner.password, 'krueger');
    who.manager = await login(s.url, 'andrea.pichler@immopro.example', 'Verwaltung#Wien3', 'immopro');
  });
  after(() => s.close());

  test('Katharina Huber (tenant): every part equals what the endpoints behind it answer her', async () => {
    const overview = await overviewOf(s, who.huber!);
    assert.deepEqual(withoutAsOf(overview), await fromEndpoints(s, who.huber!, 'immopro'));
    // The demo has something in every part, so the comparison says something.
    assert.ok(overview.properties!.length > 0 && overview.balances!.length > 0 && overview.documents!.length > 0);
    assert.ok(overview.notices!.length > 0 && overview.tickets!.length > 0 && overview.nextAppointment !== null);
    assert.equal(overview.asOf.slice(0, 10), '2026-06-15');
    // A tenant gets the tenants' contacts only: not the owners' accountant.
    const contacts = overview.properties!.flatMap((p) => p.contacts.map((c) => c.name));
    assert.ok(!contacts.includes('Ing. Stefan Gruber'), contacts.join(', '));
  });

  test('Elisabeth Wagner (owner of several units in two properties): the same, with the owners\' contacts', async () => {
    const overview = await overviewOf(s, who.wagner!);
    assert.deepEqual(withoutAsOf(overview), await fromEndpoints(s, who.wagner!, 'immopro'));
    assert.ok(overview.balances!.length > 1 && overview.properties!.length > 1);
    assert.ok(overview.properties!.every((p) => p.roles.join() === 'owner'));
    assert.ok(overview.properties!.some((p) => p.contacts.some((c) => c.name === 'Ing. Stefan Gruber')));
  });

  test('Markus Lehner (tenant at ImmoPro, owner at Krüger): only the token\'s organization', async () => {
    const orgIdOf = async (slug: string) => (await s.db('organizations').where({ slug }).first('id')).id as string;
    for (const [session, slug] of [[who.lehner!, 'immopro'], [who.lehnerHamburg!, 'krueger']] as const) {
      const overview = await overviewOf(s, session);
      assert.deepEqual(withoutAsOf(overview), await fromEndpoints(s, session, slug));
      const orgId = await orgIdOf(slug);
      const propertyIds = [...overview.properties!.map((p) => p.id), ...overview.balances!.map((b) => b.propertyId)];
      assert.ok(propertyIds.length > 0, slug);
      const owners = await s.db('properties').whereIn('id', propertyIds).distinct('organization_id');
      assert.deepEqual(owners.map((r) => r.organization_id), [orgId], slug);
      for (const [table, ids] of [['documents', overview.documents!.map((d) => d.id)], ['posts', overview.notices!.map((n) => n.id)], ['tickets', overview.tickets!.map((t) => t.id)]] as const) {
        const rows = ids.length ? await s.db(table).whereIn('id', ids).distinct('organization_id') : [];
        assert.ok(rows.every((r) => r.organization_id === orgId), `${slug}: ${table}`);
      }
    }
    const vienna = await overviewOf(s, who.lehner!);
    const hamburg = await overviewOf(s, who.lehnerHamburg!);
    assert.deepEqual(vienna.properties!.map((p) => p.roles.join()), ['tenant']);
    assert.deepEqual([...new Set(hamburg.properties!.map((p) => p.roles.join()))], ['owner']);
  });

  test('contacts bring their office hours; a contact for the other role stays hidden', async () => {
    const [property] = (await overviewOf(s, who.huber!)).properties!;
    const contact = () => s.db('property_contacts').where({ property_id: property!.id, name: 'Sandra Leitner' });
    const stored = new Map<string, string | null>((await s.db('property_contacts').where({ property_id: property!.id })).map((r: any) => [r.name, r.office_hours]));
    await contact().update({ office_hours: 'Sa 9–11 Uhr' });
    try {
      const contacts = (await overviewOf(s, who.huber!)).properties![0]!.contacts;
      assert.equal(contacts.find((c) => c.name === 'Sandra Leitner')!.officeHours, 'Sa 9–11 Uhr');
      assert.ok(contacts.filter((c) => c.name !== 'Sandra Leitner').every((c) => c.officeHours === stored.get(c.name)));
    } finally {
      await contact().update({ office_hours: stored.get('Sandra Leitner') ?? null });
    }
  });

  test('a manager has no contracts: the parts are empty and nothing is unread', async () => {
    const overview = await overviewOf(s, who.manager!);
    assert.equal(overview.person.email, 'andrea.pichler@immopro.example');
    assert.deepEqual(
      { ...withoutAsOf(overview), person: null },
      { person: null, properties: [], balances: [], documents: [], notices: [], tickets: [], nextAppointment: null, unread: { documents: 0, notices: 0, tickets: 0, appointments: 0 } },
    );
  });

  test('the unread counts move when a document is read (POST /documents/{id}/read)', async () => {
    const before = await overviewOf(s, who.huber!);
    const unreadDoc = before.documents!.find((d) => d.unread);
    assert.ok(unreadDoc && before.unread.documents > 0, 'the demo has an unread document');
    const read = await call(s.url, `/documents/${unreadDoc.id}/read`, { method: 'POST', token: who.huber!.token });
    assert.equal(read.status, 200, read.text);
    const after = await overviewOf(s, who.huber!);
    assert.equal(after.unread.documents, before.unread.documents - 1);
    assert.equal(after.documents!.find((d) => d.id === unreadDoc.id)!.unread, false);
    assert.deepEqual(withoutAsOf(after), await fromEndpoints(s, who.huber!, 'immopro'));
  });

  test('a feature switched off for the role makes its part null and its count 0; the other role keeps it', async () => {
    const org = await s.db('organizations').where({ slug: 'immopro' }).first('id', 'features');
    try {
      const features = { ...JSON.parse(org.features), documents: false, 'tickets.tenant': false, 'bulletinBoard.owner': false, 'statement.owner': false };
      await s.db('organizations').where({ id: org.id }).update({ features: JSON.stringify(features) });
      const tenant = await overviewOf(s, who.huber!);
      assert.equal(tenant.documents, null);
      assert.equal(tenant.tickets, null);
      assert.ok(tenant.notices !== null && tenant.balances !== null && tenant.properties !== null);
      assert.equal(tenant.unread.documents, 0);
      assert.equal(tenant.unread.tickets, 0);
      const owner = await overviewOf(s, who.wagner!);
      assert.deepEqual([owner.documents, owner.notices, owner.nextAppointment, owner.balances], [null, null, null, null]);
      assert.equal(owner.unread.notices + owner.unread.appointments, 0);
      assert.ok(owner.tickets !== null && owner.properties !== null);
      await s.db('organizations').where({ id: org.id }).update({ features: JSON.stringify({ ...features, units: false }) });
      assert.equal((await overviewOf(s, who.huber!)).properties, null);
    } finally {
      await s.db('organizations').where({ id: org.id }).update({ features: org.features });
    }
    assert.ok((await overviewOf(s, who.huber!)).documents !== null);
  });

  test('401 without a token or with a broken one; 403 while the first-login steps are pending', async () => {
    expectProblem(await call(s.url, '/overview'), 401);
    expectProblem(await call(s.url, '/overview', { token: 'not.a.valid.token.at.all' }), 401);
    const jana = await login(s.url, demo.schulz.username, demo.schulz.password, demo.schulz.org);
    expectProblem(await call(s.url, '/overview', { token: jana.token }), 403, 'action_required');
  });
});

describe('GET /overview: ended and future contracts', () => {
  let s: TestServer;
  let b: PostWorld;
  let who: Record<'Tina' | 'Erika' | 'Felix', Session>;

  before(async () => {
    s = await startServer({ at, seed: true });
    b = await PostWorld.create(s, 'ovw');
    const w = b.world;
    await b.houses({ P: ['U1', 'U2', 'U3'] });
    // Tina rents U1; Erika rented U2 until the end of last year and left owing; Felix moves into U3 on 1 September.
    await b.residents({
      Tina: { login: 'tenant', contracts: [['U1', 'tenant', '2024-03-01', null]] },
      Erika: { login: 'tenant', contracts: [['U2', 'tenant', '2022-01-01', '2025-12-31']] },
      Felix: { login: 'tenant', contracts: [['U3', 'tenant', '2026-09-01', null]] },
    });
    await w.book('c:Erika:0', '2025-10', '2025-12', () => [{ item: 'main_rent', label: 'Miete', key: 'area', net: 50000, bp: 1000 }], new Set(['2025-12']));
    await w.book('c:Felix:0', '2026-09', '2026-09', () => [{ item: 'main_rent', label: 'Miete', key: 'area', net: 60000, bp: 1000 }], new Set(['2026-09']));
    await w.category('bk', 'BK-Abrechnung');
    await w.released('house', { category: 'bk', date: '2026-06-01', title: 'Hausinfo P' }, { rule: 'property_role', properties: ['P'] });
    await w.released('now-u2', { category: 'bk', date: '2026-06-02', title: 'Zählerstand U2' }, { rule: 'unit_current', units: ['U2'] });
    await w.released('now-u3', { category: 'bk', date: '2026-06-03', title: 'Übergabe U3' }, { rule: 'unit_current', units: ['U3'] });
    await w.released('later-u3', { category: 'bk', date: '2026-06-04', title: 'BK 2026 U3' }, { rule: 'occupancy', role: 'tenant', period: ['2026-01-01', '2026-12-31'], units: ['U3'] });
    await b.post('lift', { type: 'danger', properties: ['P'], appointment: { start: '2026-06-20T06:00:00.000Z', end: '2026-06-20T10:00:00.000Z' } });
    who = await b.sessions(s, ['Tina', 'Erika', 'Felix'] as const);
  });
  after(() => s.close());

  test('the current tenant sees the property, its notice and its documents (the fixture reaches somebody)', async () => {
    const tina = await overviewOf(s, who.Tina);
    assert.deepEqual(withoutAsOf(tina), await fromEndpoints(s, who.Tina, 'ovw'));
    assert.deepEqual(tina.balances!.map((x) => x.top), ['U1']);
    assert.deepEqual(tina.documents!.map((d) => d.title), ['Hausinfo P']);
    assert.deepEqual(tina.notices!.map((n) => n.title), ['lift']);
    assert.equal(tina.nextAppointment?.title, 'lift');
  });

  test('an ended contract: no unit, property, balance, notice or appointment of it, though GET /units still lists it', async () => {
    const erika = await overviewOf(s, who.Erika);
    const units = (await get(s, '/units', who.Erika)).items as UnitSummary[];
    assert.deepEqual(units.map((u) => [u.top, u.active, u.balanceCents > 0]), [['U2', false, true]]);
    assert.deepEqual([erika.properties, erika.balances, erika.notices, erika.nextAppointment], [[], [], [], null]);
    assert.ok(!erika.documents!.some((d) => ['Hausinfo P', 'Zählerstand U2', 'Übergabe U3'].includes(d.title)), JSON.stringify(erika.documents));
    assert.deepEqual(erika.unread, { documents: 0, notices: 0, tickets: 0, appointments: 0 });
    assert.deepEqual(withoutAsOf(erika), await fromEndpoints(s, who.Erika, 'ovw'));
  });

  test('a future contract: nothing before it begins — not its unit, its charges, its documents or the building\'s notices', async () => {
    const felix = await overviewOf(s, who.Felix);
    assert.deepEqual(withoutAsOf(felix), {
      person: withoutAsOf(felix).person,
      properties: [], balances: [], documents: [], notices: [], tickets: [], nextAppointment: null,
      unread: { documents: 0, notices: 0, tickets: 0, appointments: 0 },
    });
    assert.equal(felix.person.name, 'Felix');
  });
});
