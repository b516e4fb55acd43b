import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, expectProblem, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { PostWorld, type PostOptions } from './posts-fixture.ts';

// Who sees which notice of the bulletin board (DESIGN §6a, access/posts.ts): tenants, owners, a person in both roles,
// chosen persons, another property, another organization, ended and future contracts, a manager; drafts,
// unpublished, expired and future notices. Every resident endpoint (list, detail, read, acknowledge, .ics, file)
// answers 404 for a notice that is not mine today, exactly like an unknown id. A move-in after publishing sees the
// running notice; the display window's edges are days of the organization's calendar (Europe/Vienna).

// The organization's day is 2026-06-15 (Europe/Vienna, CEST).
const at = '2026-06-15T10:00:00Z';

/**
 * Property P (units U1–U6) and Q (unit Q1):
 * - Tina rents U1 since 2024-03-01; Olga owns U1 since 2015.
 * - Berta rents U2 since 2023 and owns U3 since 2020 (both roles).
 * - Emil rented U4 from 2022-01-01 to 2025-06-30 (ended); Fritz rents U5 from 2026-09-01 (future).
 * - Nora rents Q1 (the other property). Paula has no contract.
 * - Mara is a manager of the organization, with a person who rents U6 since 2020.
 */
const people = ['Tina', 'Olga', 'Berta', 'Emil', 'Fritz', 'Nora', 'Paula', 'Mara'] as const;
type Name = (typeof people)[number];

/** Each notice (all with an appointment, an acknowledgement and an attachment), and who sees it on 2026-06-15. */
const cases: { key: string; post: PostOptions; sees: Name[] }[] = [
  { key: 'tenants of P', post: { role: 'tenant', properties: ['P'] }, sees: ['Tina', 'Berta'] },
  { key: 'owners of P', post: { role: 'owner', properties: ['P'] }, sees: ['Olga', 'Berta'] },
  { key: 'both of P', post: { role: 'both', properties: ['P'] }, sees: ['Tina', 'Olga', 'Berta'] },
  { key: 'both of P and Q', post: { role: 'both', properties: ['P', 'Q'] }, sees: ['Tina', 'Olga', 'Berta', 'Nora'] },
  { key: 'tenants of Q', post: { role: 'tenant', properties: ['Q'] }, sees: ['Nora'] },
  { key: 'owners of Q', post: { role: 'owner', properties: ['Q'] }, sees: [] },
  { key: 'chosen Paula', post: { persons: ['Paula'] }, sees: ['Paula'] },
  { key: 'chosen ended and future', post: { persons: ['Emil', 'Fritz'] }, sees: ['Emil', 'Fritz'] },
  { key: 'chosen Nora and tenants of P', post: { role: 'tenant', properties: ['P'], persons: ['Nora'] }, sees: ['Tina', 'Berta', 'Nora'] },
  { key: 'only chosen, P named', post: { role: 'none', properties: ['P'], persons: ['Olga'] }, sees: ['Olga'] },
  { key: 'chosen manager', post: { persons: ['Mara'] }, sees: [] },
  { key: 'draft', post: { status: 'draft', properties: ['P'], persons: ['Paula'] }, sees: [] },
  { key: 'unpublished', post: { status: 'unpublished', properties: ['P'], persons: ['Paula'] }, sees: [] },
  { key: 'expired yesterday', post: { properties: ['P'], persons: ['Paula'], from: '2026-06-01', until: '2026-06-14' }, sees: [] },
  { key: 'last day today', post: { properties: ['P'], persons: ['Paula'], from: '2026-06-01', until: '2026-06-15' }, sees: ['Tina', 'Olga', 'Berta', 'Paula'] },
  { key: 'starts tomorrow', post: { properties: ['P'], persons: ['Paula'], from: '2026-06-16' }, sees: [] },
];

describe('posts: who sees what', () => {
  const t = {} as { s: TestServer; b: PostWorld; other: PostWorld; who: Record<Name, Session>; xaver: Session; unknown: { status: number; body: unknown } };

  /** An answer without `instance`, to compare 404s. */
  const strip = (a: Answer) => ({ status: a.status, body: { ...a.body, instance: undefined } });
  const post = (key: string) => t.b.post$(key);
  const fileOf = (key: string) => t.b.id(`post-file:${key}`);
  const ask = (path: string, method: 'GET' | 'POST', session: Session) => call(t.s.url, path, { method, token: session.token });

  /** The calls of every resident endpoint on one notice (and its one file). */
  const endpoints = (id: string, fileId: string): [string, string, 'GET' | 'POST'][] => [
    ['detail', `/posts/${id}`, 'GET'],
    ['read', `/posts/${id}/read`, 'POST'],
    ['acknowledge', `/posts/${id}/acknowledge`, 'POST'],
    ['ics', `/posts/${id}/appointment.ics`, 'GET'],
    ['file', `/posts/${id}/files/${fileId}`, 'GET'],
    ['thumb', `/posts/${id}/files/${fileId}?size=thumb`, 'GET'],
  ];
  const titles = async (session: Session): Promise<string[]> => {
    const answer = await ask('/posts?limit=200', 'GET', session);
    assert.equal(answer.status, 200, answer.text);
    return answer.body.items.map((p: any) => p.title).sort();
  };

  before(async () => {
    const s = (t.s = await startServer({ at }));
    const b = (t.b = await PostWorld.create(s, 'board-rules'));
    await b.houses({ P: ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'], Q: ['Q1'] });
    await b.residents({
      Tina: { login: 'tenant', contracts: [['U1', 'tenant', '2024-03-01', null]] },
      Olga: { login: 'owner', contracts: [['U1', 'owner', '2015-01-01', null]] },
      Berta: { login: 'tenant', contracts: [['U2', 'tenant', '2023-01-01', null], ['U3', 'owner', '2020-01-01', null]] },
      Emil: { login: 'tenant', contracts: [['U4', 'tenant', '2022-01-01', '2025-06-30']] },
      Fritz: { login: 'tenant', contracts: [['U5', 'tenant', '2026-09-01', null]] },
      Nora: { login: 'tenant', contracts: [['Q1', 'tenant', '2020-01-01', null]] },
      Paula: { login: 'tenant' },
      Mara: { login: 'manager', contracts: [['U6', 'tenant', '2020-01-01', null]] },
    });
    for (const c of cases) {
      await b.post(c.key, { ...c.post, requiresAck: true, appointment: { start: '2026-06-20T06:00:00.000Z', end: '2026-06-20T08:00:00.000Z', place: 'Hof' } });
      await b.file(c.key, c.key, { name: `${c.key}.jpg`, mime: 'image/jpeg', thumb: true });
    }

    // Another organization: a notice for its own tenant, and one that (wrongly) names a property and a person of this one.
    const other = (t.other = await PostWorld.create(s, 'board-other'));
    await other.houses({ R: ['R1'] });
    await other.residents({ Xaver: { login: 'tenant', contracts: [['R1', 'tenant', '2020-01-01', null]] } });
    await other.post('foreign', { properties: ['R'], requiresAck: true, appointment: { start: '2026-06-20T06:00:00.000Z' } });
    await other.file('foreign', 'foreign', { name: 'foreign.pdf' });
    await other.post('foreign naming P', { requiresAck: true, appointment: { start: '2026-06-20T06:00:00.000Z' } });
    await s.db('post_properties').insert({ post_id: other.post$('foreign naming P'), property_id: b.id('P') });
    await s.db('post_persons').insert({ post_id: other.post$('foreign naming P'), person_id: b.id('person:Tina') });

    t.who = await b.sessions(s, people);
    t.xaver = await other.session(s, 'Xaver');
    t.unknown = strip(await ask(`/posts/${randomUUID()}`, 'GET', t.who.Tina));
  });
  after(() => t.s.close());

  test('every audience, for every person: the list holds exactly the notices shown to them today', async () => {
    for (const name of people) {
      const expected = cases.filter((c) => c.sees.includes(name)).map((c) => c.key).sort();
      assert.deepEqual(await titles(t.who[name]), expected, name);
    }
    assert.deepEqual(await titles(t.xaver), ['foreign']);
  });

  test('a notice not shown to me answers 404 on every endpoint, exactly like an unknown id', async () => {
    expectProblem(await ask(`/posts/${randomUUID()}`, 'GET', t.who.Tina), 404, 'not_found');
    for (const name of people) {
      for (const c of cases.filter((c) => !c.sees.includes(name))) {
        for (const [what, path, method] of endpoints(post(c.key), fileOf(c.key))) {
          assert.deepEqual(strip(await ask(path, method, t.who[name])), t.unknown, `${name}: ${c.key}, ${what}`);
        }
      }
    }
    // Nothing was recorded for them.
    const reads = (await t.s.db('post_reads').whereIn('post_id', cases.map((c) => post(c.key))).select('post_id', 'person_id')) as { post_id: string; person_id: string }[];
    for (const r of reads) {
      const c = cases.find((x) => post(x.key) === r.post_id)!;
      assert.ok(c.sees.some((name) => t.b.id(`person:${name}`) === r.person_id), `a read of ${c.key} by someone not shown it`);
    }
  });

  test('a notice shown to me answers on every endpoint', async () => {
    for (const name of people) {
      for (const c of cases.filter((c) => c.sees.includes(name))) {
        for (const [what, path, method] of endpoints(post(c.key), fileOf(c.key))) {
          const answer = await ask(path, method, t.who[name]);
          assert.equal(answer.status, 200, `${name}: ${c.key}, ${what}: ${answer.text}`);
        }
        assert.deepEqual((await t.b.readsOf(name, c.key)).map((r) => r.revision), [1], `${name}: ${c.key}`);
      }
    }
  });

  test('another organization: neither side sees the other\'s notices, whatever they name', async () => {
    for (const key of ['foreign', 'foreign naming P']) {
      for (const [what, path, method] of endpoints(t.other.post$(key), t.other.id('post-file:foreign'))) {
        assert.deepEqual(strip(await ask(path, method, t.who.Tina)), t.unknown, `${key}, ${what}`);
      }
    }
    for (const [what, path, method] of endpoints(post('both of P'), fileOf('both of P'))) {
      assert.equal((await ask(path, method, t.xaver)).status, 404, what);
    }
    // The file of a notice of mine, asked for under another notice of mine, is not found either.
    expectProblem(await ask(`/posts/${post('both of P')}/files/${fileOf('tenants of P')}`, 'GET', t.who.Tina), 404, 'not_found');
  });

  test('a manager sees an empty board and leaves no read behind, even where his person is chosen', async () => {
    const page = await ask('/posts', 'GET', t.who.Mara);
    assert.equal(page.status, 200);
    assert.deepEqual(page.body, { items: [], nextCursor: null, unreadCount: 0, categories: [] });
    const seen = await call(t.s.url, '/posts/seen', { body: { ids: [post('chosen manager'), post('both of P')] }, token: t.who.Mara.token });
    assert.equal(seen.status, 204);
    assert.equal(Number((await t.s.db('post_reads').where({ person_id: t.b.id('person:Mara') }).count({ n: '*' }).first())!.n), 0);
  });

  test('POST /posts/seen ignores ids that are not mine today', async () => {
    const ids = [post('owners of P'), post('draft'), post('tenants of P'), randomUUID(), t.other.post$('foreign')];
    const answer = await call(t.s.url, '/posts/seen', { body: { ids }, token: t.who.Tina.token });
    assert.equal(answer.status, 204, answer.text);
    const rows = (await t.s.db('post_reads').where({ person_id: t.b.id('person:Tina') }).whereIn('post_id', ids).pluck('post_id')) as string[];
    assert.deepEqual(rows, [post('tenants of P')]);
  });
});

describe('posts: moving in, moving out and the display window in the organization\'s calendar', () => {
  let s: TestServer;
  let b: PostWorld;

  /** The titles shown to `name` at `instant` (a fresh login: the clock may have jumped past the token's lifetime). */
  async function shownAt(instant: string, name: string): Promise<string[]> {
    s.clock.set(instant);
    const session = await b.session(s, name);
    const answer = await call(s.url, '/posts', { token: session.token });
    assert.equal(answer.status, 200, answer.text);
    return answer.body.items.map((p: any) => p.title).sort();
  }

  /** Whether the detail of `key` answers 200 for `name` at `instant`. */
  async function openAt(instant: string, name: string, key: string): Promise<number> {
    s.clock.set(instant);
    const session = await b.session(s, name);
    return (await call(s.url, `/posts/${b.post$(key)}`, { token: session.token })).status;
  }

  before(async () => {
    s = await startServer({ at });
    b = await PostWorld.create(s, 'board-window');
    await b.houses({ P: ['U1', 'U2', 'U3'] });
    // Moritz moves in on 1 September; Emil moves out on 31 August.
    await b.residents({
      Tina: { login: 'tenant', contracts: [['U1', 'tenant', '2024-03-01', null]] },
      Moritz: { login: 'tenant', contracts: [['U2', 'tenant', '2026-09-01', null]] },
      Emil: { login: 'tenant', contracts: [['U3', 'tenant', '2020-01-01', '2026-08-31']] },
    });
    // Published in June, running to the end of the year.
    await b.post('Hausordnung', { role: 'tenant', properties: ['P'], from: '2026-06-01', until: '2026-12-31', publishedAt: '2026-06-01T08:00:00.000Z' });
    // Shown from 10 to 20 January 2027 (CET, UTC+1).
    await b.post('Winterdienst', { role: 'tenant', properties: ['P'], from: '2027-01-10', until: '2027-01-20' });
    // Shown on 29 March 2026 only, the day clocks go forward (CET → CEST).
    await b.post('Zeitumstellung', { role: 'tenant', properties: ['P'], from: '2026-03-29', until: '2026-03-29' });
  });
  after(() => s.close());

  test('someone who moves in after publishing sees the running notice from the first day of the contract (Vienna)', async () => {
    assert.deepEqual(await shownAt('2026-08-31T21:59:00Z', 'Moritz'), []); // 23:59 on 31 August in Vienna
    assert.deepEqual(await shownAt('2026-08-31T22:00:00Z', 'Moritz'), ['Hausordnung']); // 00:00 on 1 September
    assert.equal(await openAt('2026-09-01T10:00:00Z', 'Moritz', 'Hausordnung'), 200);
  });

  test('someone who moved out no longer sees it from the day after the contract ends', async () => {
    assert.deepEqual(await shownAt('2026-08-31T21:59:00Z', 'Emil'), ['Hausordnung']);
    assert.deepEqual(await shownAt('2026-08-31T22:00:00Z', 'Emil'), []);
    assert.equal(await openAt('2026-09-01T10:00:00Z', 'Emil', 'Hausordnung'), 404);
  });

  test('the window opens at midnight in Vienna: 23:30 UTC the day before is already 00:30 there', async () => {
    assert.deepEqual(await shownAt('2027-01-09T22:59:00Z', 'Tina'), []); // 23:59 on 9 January in Vienna
    assert.equal(await openAt('2027-01-09T22:59:00Z', 'Tina', 'Winterdienst'), 404);
    assert.deepEqual(await shownAt('2027-01-09T23:30:00Z', 'Tina'), ['Winterdienst']); // 00:30 on 10 January
    assert.equal(await openAt('2027-01-09T23:30:00Z', 'Tina', 'Winterdienst'), 200);
  });

  test('the window closes at the end of the last day in Vienna, although it is still that day in UTC', async () => {
    assert.deepEqual(await shownAt('2027-01-20T22:59:00Z', 'Tina'), ['Winterdienst']); // 23:59 on 20 January
    assert.deepEqual(await shownAt('2027-01-20T23:00:00Z', 'Tina'), []); // 00:00 on 21 January
    assert.equal(await openAt('2027-01-20T23:30:00Z', 'Tina', 'Winterdienst'), 404);
    assert.deepEqual(await shownAt('2027-01-21T12:00:00Z', 'Tina'), []);
  });

  test('a one-day window on the day clocks go forward lasts 23 hours', async () => {
    assert.deepEqual(await shownAt('2026-03-28T22:59:00Z', 'Tina'), []); // 23:59 CET on 28 March
    assert.deepEqual(await shownAt('2026-03-28T23:00:00Z', 'Tina'), ['Zeitumstellung']); // 00:00 CET on 29 March
    assert.deepEqual(await shownAt('2026-03-29T21:59:00Z', 'Tina'), ['Zeitumstellung']); // 23:59 CEST
    assert.deepEqual(await shownAt('2026-03-29T22:00:00Z', 'Tina'), []); // 00:00 CEST on 30 March
  });
});
