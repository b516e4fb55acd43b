import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { auditRows, json, loginAs, managers, organizationId } from './admin-fixture.ts';
import { DocumentWorld } from './documents-fixture.ts';
import { addDefaultPostCategories } from '../src/posts/categories.ts';
import { visiblePostIds } from '../src/access/posts.ts';

// The manager API of the bulletin board (issue 12): categories, drafts and their rules (every bad input a 400 or 404
// naming its field, never a 500), the list, edits with and without a new revision, publishing and unpublishing,
// deleting drafts only, the audience preview and the audit rows. Another organization's ids answer 404, residents 403.
// Sends, stats and reminders: posts-sends.test.ts; attachments: admin-posts-files.test.ts.

// 10:00 in Vienna.
const at = '2026-03-10T09:00:00Z';
const day = '2026-03-10';

describe('manager API of the bulletin board', () => {
  let s: TestServer;
  let w: DocumentWorld;
  let mia: Session;
  let tina: Session;
  let category = '';
  let pichler: Session;
  let foreign = '';
  const manager = (path: string, method = 'GET', body?: unknown) => json(s.url, path, mia.token, method, body);
  const audience = () => ({ role: 'tenant', propertyIds: [w.id('P')], personIds: [] as string[] });
  const draft = (extra: Record<string, unknown> = {}) => manager('/admin/posts', 'POST', { title: 'Lifttausch', categoryId: category, audience: audience(), ...extra });
  const created = async (extra: Record<string, unknown> = {}): Promise<any> => {
    const a = await draft(extra);
    assert.equal(a.status, 201, a.text);
    return a.body;
  };
  /** A new session (access tokens live minutes; the clock moves by days). */
  const signIn = async () => {
    mia = await login(s.url, 'mia@example.test', 'Mia-Verwaltung-2026', 'brett');
  };
  const visibleTo = async (person: string): Promise<string[]> =>
    ((await visiblePostIds(s.db, w.orgId, w.id(`person:${person}`), day)) as { post_id: string }[]).map((r) => r.post_id);

  /** 400 `validation_failed` naming `field` (a JSON pointer). */
  const expectField = (a: Answer, field: string, status = 400) => {
    expectProblem(a, status);
    assert.ok(a.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${a.text}`);
  };

  before(async () => {
    s = await startServer({ at });
    w = await DocumentWorld.create(s, 'brett');
    await addDefaultPostCategories(s.db, w.orgId, new Date());
    await w.person('Mia Manager', { email: 'mia@example.test', password: 'Mia-Verwaltung-2026', role: 'manager' });
    await w.person('Tina', { email: 'tina@example.test', password: 'Tina-Mieterin-2026', role: 'tenant' });
    await w.person('Otto');
    await w.property('P', 'Testgasse 1', null);
    await w.property('Q', 'Probeweg 2', null);
    await w.unit('P', 'T1');
    await w.unit('Q', 'Q1');
    await w.contract('c:tina', 'T1', 'Tina', 'tenant', '2024-01-01', null, 'T-1');
    await w.contract('c:otto', 'Q1', 'Otto', 'owner', '2020-01-01', null, 'O-1');
    await signIn();
    tina = await login(s.url, 'tina@example.test', 'Tina-Mieterin-2026', 'brett');
    category = (await s.db('post_categories').where({ organization_id: w.orgId, key: 'wartung' }).first('id')).id;
    // A notice of ImmoPro (the demo), for the 404s of another organization's ids.
    const immopro = await organizationId(s.db, 'immopro');
    await addDefaultPostCategories(s.db, immopro, new Date());
    pichler = await loginAs(s, managers.pichler);
    const theirs = await json(s.url, '/admin/posts', pichler.token, 'POST', {
      title: 'Fremd', categoryId: (await s.db('post_categories').where({ organization_id: immopro, key: 'allgemein' }).first('id')).id, audience: { role: 'both', propertyIds: [], personIds: [] },
    });
    assert.equal(theirs.status, 201, theirs.text);
    foreign = theirs.body.id;
  });
  after(() => s.close());

  test('the categories: the ten defaults in their order, with keys and both names', async () => {
    const a = await manager('/admin/post-categories');
    assert.equal(a.status, 200, a.text);
    assert.equal(a.body.length, 10);
    assert.deepEqual(a.body[0].name, { de: 'Allgemein', en: 'General' });
    assert.equal(a.body[9].key, 'veranstaltung');
  });

  test('residents get 403; another organization\'s notice is 404 for every endpoint', async () => {
    for (const [path, method] of [['/admin/posts', 'GET'], ['/admin/post-categories', 'GET'], [`/admin/posts/${foreign}`, 'GET'], [`/admin/posts/${foreign}/stats`, 'GET']] as const) {
      expectProblem(await json(s.url, path, tina.token, method), 403, 'manager_only');
    }
    expectProblem(await json(s.url, '/admin/posts', tina.token, 'POST', { title: 'x', categoryId: category, audience: audience() }), 403, 'manager_only');
    const huber = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
    expectProblem(await json(s.url, `/admin/posts/${foreign}`, huber.token, 'GET'), 403, 'manager_only');
    const someSend = '0190aaaa-0000-7000-8000-000000000000';
    for (const [path, method, body] of [
      [`/admin/posts/${foreign}`, 'GET'],
      [`/admin/posts/${foreign}`, 'PATCH', { title: 'Meins' }],
      [`/admin/posts/${foreign}`, 'DELETE'],
      [`/admin/posts/${foreign}/audience-preview`, 'POST'],
      [`/admin/posts/${foreign}/publish`, 'POST', { notify: 'none' }],
      [`/admin/posts/${foreign}/unpublish`, 'POST'],
      [`/admin/posts/${foreign}/stats`, 'GET'],
      [`/admin/posts/${foreign}/remind`, 'POST'],
      [`/admin/posts/${foreign}/sends/${someSend}/cancel`, 'POST'],
      [`/admin/posts/${foreign}/files/${someSend}`, 'DELETE'],
    ] as const) {
      expectProblem(await manager(path, method, body), 404, 'not_found');
    }
    // Untouched.
    const theirs = await json(s.url, `/admin/posts/${foreign}`, pichler.token, 'GET');
    assert.equal(theirs.body.title, 'Fremd');
    assert.equal(theirs.body.status, 'draft');
  });

  test('a draft: body sanitized with its plain text, defaults, nobody sees it', async () => {
    const post = await created({
      bodyHtml: '<p onclick="x()">Der Lift wird <strong>getauscht</strong>.<script>alert(1)</script></p><p><a href="javascript:alert(1)">hier</a> <a href="https://example.org/lift">Plan</a></p>',
      appointment: { start: '2026-03-20T08:00:00+01:00', end: '2026-03-20T16:30:00+01:00', allDay: false, place: ' Stiege 1 ' },
      link: { url: 'https://example.org/lift', text: 'Ablauf' },
      requiresAck: true,
    });
    assert.equal(post.status, 'draft');
    assert.equal(post.bodyHtml, '<p>Der Lift wird <strong>getauscht</strong>.</p><p>hier <a href="https://example.org/lift" rel="noopener noreferrer" target="_blank">Plan</a></p>');
    assert.equal(post.type, 'neutral');
    assert.equal(post.visibleFrom, day);
    assert.equal(post.visibleUntil, null);
    assert.deepEqual(post.appointment, { start: '2026-03-20T07:00:00.000Z', end: '2026-03-20T15:30:00.000Z', allDay: false, place: 'Stiege 1' });
    assert.deepEqual(post.link, { url: 'https://example.org/lift', text: 'Ablauf' });
    assert.equal(post.revision, 1);
    assert.equal(post.publishedAt, null);
    assert.deepEqual(post.sends, []);
    assert.deepEqual(post.category, { id: category, key: 'wartung', name: { de: 'Wartung & Reparatur', en: 'Maintenance & repairs' } });
    const row = await s.db('posts').where({ id: post.id }).first('body_text', 'author_user_id');
    assert.equal(row.body_text, 'Der Lift wird getauscht.\n\nhier Plan (https://example.org/lift)');
    assert.equal(row.author_user_id, mia.user.id);
    assert.deepEqual(await visibleTo('Tina'), []);
    const [entry] = await auditRows(s.db, 'post.created').where({ entity_id: post.id });
    assert.ok(entry, 'audited');
    // An all-day appointment keeps its days.
    const allDay = await created({ appointment: { start: '2026-04-01', end: '2026-04-02', allDay: true } });
    assert.deepEqual(allDay.appointment, { start: '2026-04-01', end: '2026-04-02', allDay: true, place: null });
  });

  test('every broken rule is a 400 naming its field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'Zwei\nZeilen' }, '/title'],
      [{ title: 'Steuer\u0007zeichen' }, '/title'],
      [{ title: 'Trenner\u2028hier' }, '/title'],
      [{ title: '   ' }, '/title'],
      [{ title: 'x'.repeat(121) }, '/title'],
      [{ type: 'warning' }, '/visibleUntil'],
      [{ type: 'danger', visibleUntil: null }, '/visibleUntil'],
      [{ visibleFrom: '2026-04-02', visibleUntil: '2026-04-01' }, '/visibleUntil'],
      [{ visibleFrom: '2026-02-30' }, '/visibleFrom'],
      [{ appointment: { start: '2026-03-20', allDay: false } }, '/appointment/start'],
      [{ appointment: { start: '2026-03-20T08:00:00', allDay: false } }, '/appointment/start'],
      [{ appointment: { start: '2026-03-20T25:00:00Z', allDay: false } }, '/appointment/start'],
      [{ appointment: { start: '2026-03-20T08:00:00Z', end: '2026-03-20T07:00:00Z', allDay: false } }, '/appointment/end'],
      [{ appointment: { start: '2026-03-20T08:00:00Z', allDay: true } }, '/appointment/start'],
      [{ appointment: { start: '2026-03-21', end: '2026-03-20', allDay: true } }, '/appointment/end'],
      [{ appointment: { start: '2026-02-29', allDay: true } }, '/appointment/start'],
      [{ appointment: { start: '2026-03-20', allDay: true, place: 'Hof\r\nBcc: x' } }, '/appointment/place'],
      [{ link: { url: 'http://example.org', text: 'x' } }, '/link/url'],
      [{ link: { url: 'https://', text: 'x' } }, '/link/url'],
      [{ link: { url: 'https://exa mple.org', text: 'x' } }, '/link/url'],
      [{ link: { url: 'javascript:alert(1)//https://', text: 'x' } }, '/link/url'],
      [{ link: { url: 'https://example.org', text: 'a\nb' } }, '/link/text'],
      [{ audience: { role: 'everyone', propertyIds: [], personIds: [] } }, '/audience/role'],
      [{ audience: { role: 'tenant', propertyIds: Array.from({ length: 501 }, (_, i) => `id-${String(i).padStart(8, '0')}`), personIds: [] } }, '/audience/propertyIds'],
      [{ audience: { role: 'tenant', propertyIds: [], personIds: Array.from({ length: 5001 }, (_, i) => `id-${String(i).padStart(8, '0')}`) } }, '/audience/personIds'],
      [{ audience: { role: 'tenant', propertyIds: ['../../etc'], personIds: [] } }, '/audience/propertyIds/0'],
      [{ pinned: 'yes' }, '/pinned'],
      [{ bodyHtml: 'x'.repeat(20_001) }, '/bodyHtml'],
      [{ extra: 1 }, '/extra'],
      [{ title: 'NUL\u0000' }, '/title'],
      [{ bodyHtml: '<p>\u0000</p>' }, '/bodyHtml'],
    ];
    for (const [extra, field] of cases) expectField(await draft(extra), field);
    expectField(await manager('/admin/posts', 'POST', { title: 'x', audience: audience() }), '/categoryId');
    expectProblem(await call(s.url, '/admin/posts', { token: mia.token, method: 'POST', raw: '{"title": "x",', headers: { 'content-type': 'application/json' } }), 400);
    assert.equal((await s.db('posts').where({ organization_id: w.orgId, title: 'Zwei\nZeilen' })).length, 0);
  });

  test('an unknown or foreign category, property or person is a 404 naming the field', async () => {
    const immopro = await organizationId(s.db, 'immopro');
    const theirCategory = (await s.db('post_categories').where({ organization_id: immopro }).first('id')).id;
    const theirProperty = (await s.db('properties').where({ organization_id: immopro }).first('id')).id;
    const theirPerson = (await s.db('persons').where({ organization_id: immopro }).first('id')).id;
    expectField(await manager('/admin/posts', 'POST', { title: 'x', categoryId: theirCategory, audience: audience() }), '/categoryId', 404);
    expectField(await draft({ audience: { role: 'both', propertyIds: [w.id('P'), theirProperty], personIds: [] } }), '/audience/propertyIds', 404);
    expectField(await draft({ audience: { role: 'none', propertyIds: [], personIds: [w.id('person:Tina'), theirPerson] } }), '/audience/personIds', 404);
    const post = await created();
    expectField(await manager(`/admin/posts/${post.id}`, 'PATCH', { audience: { role: 'none', propertyIds: [], personIds: [theirPerson] } }), '/audience/personIds', 404);
    assert.deepEqual((await manager(`/admin/posts/${post.id}`)).body.audience, audience());
  });

  test('no input gives a 500: many shapes of wrong values on create and patch', async () => {
    const post = await created();
    const values: unknown[] = [null, 0, -1, 1e308, true, '', ' ', '\u0000', '\ud800', 'x'.repeat(5000), [], [null], {}, { a: 1 }, '2026-13-01', '9999-12-31T23:59:59Z', '<script>'];
    const fields = ['title', 'bodyHtml', 'type', 'categoryId', 'audience', 'visibleFrom', 'visibleUntil', 'appointment', 'link', 'pinned', 'requiresAck', 'substantial', 'notify', 'notifyAt'];
    for (const field of fields) {
      for (const value of values) {
        for (const [path, method] of [['/admin/posts', 'POST'], [`/admin/posts/${post.id}`, 'PATCH']] as const) {
          const body = method === 'POST' ? { title: 'x', categoryId: category, audience: audience(), [field]: value } : { [field]: value };
          const a = await manager(path, method, body);
          assert.ok(a.status < 500, `${method} ${field}=${JSON.stringify(value)?.slice(0, 40)}: ${a.status} ${a.text}`);
        }
      }
    }
    for (const value of [{ start: '\u0000', allDay: false }, { start: 'x'.repeat(32), allDay: false }, { start: '2026-01-01', end: '2026-01-01T00:00:00Z', allDay: true }]) {
      const a = await draft({ appointment: value });
      assert.equal(a.status, 400, a.text);
    }
    for (const query of ['?status=gone', '?limit=0', '?limit=100000', '?cursor=%00', '?cursor=eyJ4IjoxfQ', '?status=draft&cursor=W10']) {
      const a = await manager(`/admin/posts${query}`);
      assert.equal(a.status, 400, `${query}: ${a.text}`);
    }
    for (const path of [`/admin/posts/${post.id}/publish`, `/admin/posts/${post.id}/publish`]) {
      for (const body of [{}, { notify: 'later' }, { notify: 'at' }, { notify: 'at', at: 'morgen' }, { notify: 'now', at: '2026-03-11T10:00:00Z' }, { notify: 'none', at: '2026-03-11T10:00:00Z' }, { notify: 'at', at: '2020-01-01T00:00:00Z' }]) {
        const a = await manager(path, 'POST', body);
        assert.equal(a.status, 400, `${JSON.stringify(body)}: ${a.text}`);
      }
    }
    assert.equal((await manager(`/admin/posts/${post.id}`)).body.status, 'draft');
  });

  test('the list: newest change first, by status, paged with a cursor', async () => {
    const [a, b, c] = [await created({ title: 'Liste A' }), await created({ title: 'Liste B' }), await created({ title: 'Liste C' })];
    s.clock.advance(1);
    assert.equal((await manager(`/admin/posts/${a.id}`, 'PATCH', { title: 'Liste A, geändert' })).status, 200);
    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const page: Answer = await manager(`/admin/posts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200, page.text);
      assert.ok(page.body.items.length <= 2);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const ids = all.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, 'no notice twice');
    assert.equal(ids[0], a.id);
    assert.ok(ids.indexOf(c.id) < ids.indexOf(b.id));
    const sorted = [...all].sort((x, y) => (y.updatedAt as string).localeCompare(x.updatedAt) || (y.id as string).localeCompare(x.id));
    assert.deepEqual(ids, sorted.map((p) => p.id));
    assert.equal(ids.length, (await s.db('posts').where({ organization_id: w.orgId })).length);
    const pub = await manager(`/admin/posts/${b.id}/publish`, 'POST', { notify: 'none' });
    assert.equal(pub.status, 200, pub.text);
    const published = await manager('/admin/posts?status=published');
    assert.deepEqual(published.body.items.map((p: { id: string }) => p.id), [b.id]);
    assert.ok(!(await manager('/admin/posts?status=draft')).body.items.some((p: { id: string }) => p.id === b.id));
  });

  test('publish and unpublish: residents of the audience see it only while published; 409s', async () => {
    const post = await created({ title: 'Wasser', type: 'warning', visibleUntil: '2026-03-31', requiresAck: true });
    const board = async () => ((await call(s.url, '/posts', { token: tina.token })).body.items as { id: string }[]).map((p) => p.id);
    assert.ok(!(await visibleTo('Tina')).includes(post.id));
    assert.ok(!(await board()).includes(post.id), 'not on the resident board');
    expectProblem(await call(s.url, `/posts/${post.id}`, { token: tina.token }), 404);
    const pub = await manager(`/admin/posts/${post.id}/publish`, 'POST', { notify: 'none' });
    assert.equal(pub.status, 200, pub.text);
    assert.ok((await board()).includes(post.id), 'on the resident board at once');
    // Read and acknowledged through the resident API: the manager's figures name her.
    assert.equal((await call(s.url, `/posts/${post.id}/acknowledge`, { token: tina.token, method: 'POST' })).status, 200);
    const stats = (await manager(`/admin/posts/${post.id}/stats`)).body;
    assert.deepEqual([stats.recipients, stats.opened, stats.acknowledged, stats.persons.map((p: { name: string }) => p.name)], [1, 1, 1, ['Tina']]);
    assert.equal(pub.body.status, 'published');
    assert.equal(pub.body.publishedAt, s.clock.now().toISOString().slice(0, 10) + pub.body.publishedAt.slice(10));
    assert.deepEqual(pub.body.sends, []);
    assert.ok((await visibleTo('Tina')).includes(post.id));
    assert.ok(!(await visibleTo('Otto')).includes(post.id), 'Otto owns a unit of another property');
    expectProblem(await manager(`/admin/posts/${post.id}/publish`, 'POST', { notify: 'none' }), 409, 'post_published');
    expectProblem(await manager(`/admin/posts/${post.id}`, 'DELETE'), 409, 'post_published');
    const off = await manager(`/admin/posts/${post.id}/unpublish`, 'POST');
    assert.equal(off.status, 200, off.text);
    assert.equal(off.body.status, 'unpublished');
    assert.ok(off.body.unpublishedAt);
    assert.ok(!(await visibleTo('Tina')).includes(post.id));
    assert.ok(!(await board()).includes(post.id), 'off the resident board at once');
    expectProblem(await call(s.url, `/posts/${post.id}`, { token: tina.token }), 404);
    expectProblem(await manager(`/admin/posts/${post.id}/unpublish`, 'POST'), 409, 'post_not_published');
    expectProblem(await manager(`/admin/posts/${post.id}`, 'DELETE'), 409, 'post_published');
    // Published again.
    assert.equal((await manager(`/admin/posts/${post.id}/publish`, 'POST', { notify: 'none' })).body.status, 'published');
    assert.ok((await visibleTo('Tina')).includes(post.id));
    const actions = (await auditRows(s.db).where({ entity_id: post.id })).map((r: { action: string }) => r.action);
    assert.deepEqual(actions, ['post.created', 'post.published', 'post.unpublished', 'post.published']);
  });

  test('publishing moves an earlier visibleFrom to today, keeps a later one; refuses an ended window and an empty audience', async () => {
    s.clock.advance(86_400);
    await signIn();
    const early = await created({ title: 'Früh', visibleFrom: '2026-03-01' });
    const later = await created({ title: 'Später', visibleFrom: '2026-04-01' });
    assert.equal((await manager(`/admin/posts/${early.id}/publish`, 'POST', { notify: 'none' })).body.visibleFrom, '2026-03-11');
    assert.equal((await manager(`/admin/posts/${later.id}/publish`, 'POST', { notify: 'none' })).body.visibleFrom, '2026-04-01');
    const ended = await created({ title: 'Vorbei', visibleFrom: '2026-03-01', visibleUntil: '2026-03-05' });
    expectProblem(await manager(`/admin/posts/${ended.id}/publish`, 'POST', { notify: 'none' }), 409, 'post_expired');
    const nobody = await created({ title: 'Niemand', audience: { role: 'none', propertyIds: [w.id('P')], personIds: [] } });
    expectProblem(await manager(`/admin/posts/${nobody.id}/publish`, 'POST', { notify: 'now' }), 409, 'post_no_audience');
    s.clock.advance(-86_400);
    await signIn();
  });

  test('edits: a draft takes anything; small edits keep the revision; substantial ones add one', async () => {
    const post = await created({ title: 'Hausordnung', requiresAck: true });
    const edited = await manager(`/admin/posts/${post.id}`, 'PATCH', { title: 'Hausordnung 2026', substantial: true, type: 'info' });
    assert.equal(edited.status, 200, edited.text);
    assert.equal(edited.body.revision, 1, 'a draft has no revisions');
    assert.equal(edited.body.type, 'info');
    expectField(await manager(`/admin/posts/${post.id}`, 'PATCH', { title: 'x', notify: 'now' }), '/notify');
    expectProblem(await manager(`/admin/posts/${post.id}`, 'PATCH', { substantial: true, notify: 'now' }), 409, 'post_not_published');
    await manager(`/admin/posts/${post.id}/publish`, 'POST', { notify: 'none' });
    const small = await manager(`/admin/posts/${post.id}`, 'PATCH', { bodyHtml: '<p>Tippfehler behoben</p>' });
    assert.equal(small.body.revision, 1);
    assert.equal(small.body.revisedAt, null);
    assert.equal(small.body.bodyHtml, '<p>Tippfehler behoben</p>');
    // Clearing a field: link and appointment null; warning without visibleUntil refused on the merged notice.
    expectField(await manager(`/admin/posts/${post.id}`, 'PATCH', { type: 'danger' }), '/visibleUntil');
    s.clock.advance(60);
    const editedAt = s.clock.now().getTime();
    const big = await manager(`/admin/posts/${post.id}`, 'PATCH', { bodyHtml: '<p>Neue Ruhezeiten</p>', substantial: true });
    assert.equal(big.body.revision, 2);
    // The test clock runs on: the revision is dated between the edit and its answer.
    const revisedAt = Date.parse(big.body.revisedAt);
    assert.ok(revisedAt >= editedAt && revisedAt <= s.clock.now().getTime(), big.body.revisedAt);
    assert.deepEqual(big.body.sends, [], 'notify none by default');
    const row = await s.db('posts').where({ id: post.id }).first('body_text', 'revision');
    assert.equal(row.body_text, 'Neue Ruhezeiten');
    const detail = (await auditRows(s.db, 'post.updated').where({ entity_id: post.id })).map((r: { detail: string }) => JSON.parse(r.detail));
    assert.deepEqual(detail.map((d: { substantial: boolean; revision: number }) => [d.substantial, d.revision]), [[true, 1], [false, 1], [true, 2]]);
  });

  test('delete: a draft goes with its audience; published ones stay', async () => {
    const post = await created({ title: 'Weg damit', audience: { role: 'both', propertyIds: [w.id('P')], personIds: [w.id('person:Otto')] } });
    const gone = await manager(`/admin/posts/${post.id}`, 'DELETE');
    assert.equal(gone.status, 204, gone.text);
    expectProblem(await manager(`/admin/posts/${post.id}`), 404);
    assert.equal((await s.db('post_persons').where({ post_id: post.id })).length, 0);
    assert.equal((await s.db('post_properties').where({ post_id: post.id })).length, 0);
    assert.equal((await auditRows(s.db, 'post.deleted').where({ entity_id: post.id })).length, 1);
    expectProblem(await manager(`/admin/posts/${post.id}`, 'DELETE'), 404);
  });

  test('the audience preview: the persons reached today, with their units; duplicates in the audience count once', async () => {
    const post = await created({ title: 'Vorschau', audience: { role: 'both', propertyIds: [w.id('P'), w.id('P')], personIds: [w.id('person:Otto'), w.id('person:Otto'), w.id('person:Tina')] } });
    assert.deepEqual(post.audience.personIds.length, 2);
    const a = await manager(`/admin/posts/${post.id}/audience-preview`, 'POST');
    assert.equal(a.status, 200, a.text);
    assert.equal(a.body.count, 2);
    assert.equal(a.body.units, 1);
    assert.deepEqual(a.body.persons.map((p: { name: string; units: string[] }) => [p.name, p.units]), [['Otto', []], ['Tina', ['T1']]]);
  });
});
