import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { dayIn } from '@hausportal/api';
import { call, demo, expectProblem, login, startServer, type Session, type TestServer } from './helpers.ts';
import { PostWorld } from './posts-fixture.ts';

// The resident board (GET /posts and friends) on a world of its own: the board's order (pinned and danger first, then
// warning, newest change first), the filters, paging with a cursor, the unread count and categories, the detail with
// body, link and attachments, reads per revision ("neu" again after a substantial change), acknowledgements (first
// times kept, also under concurrent calls), and attachment downloads. Answers are checked against the contract by
// the test server.

const at = '2026-06-15T10:00:00Z';

/** Board notices for Tina (tenant of U1 in P), and the order she sees them in. */
const order = ['danger new', 'danger old', 'warning pinned', 'neutral pinned', 'warning new', 'warning revised', 'info', 'neutral b', 'neutral a', 'by name'];

describe('posts: the board', () => {
  let s: TestServer;
  let b: PostWorld;
  let tina: Session;
  let olga: Session;
  const get = (path: string, session = tina) => call(s.url, path, { token: session.token });
  const post = (path: string, session = tina, body?: unknown) => call(s.url, path, { method: 'POST', token: session.token, body });
  const titles = (answer: { body: any }) => answer.body.items.map((p: any) => p.title);

  before(async () => {
    s = await startServer({ at });
    b = await PostWorld.create(s, 'board-list');
    await b.houses({ P: ['U1', 'U2'], Q: ['Q1'] });
    await b.residents({
      Tina: { login: 'tenant', contracts: [['U1', 'tenant', '2024-03-01', null]] },
      Olga: { login: 'owner', contracts: [['U1', 'owner', '2015-01-01', null], ['Q1', 'owner', '2015-01-01', null]] },
    });
    const day = (d: string, time = '08:00') => `2026-06-${d}T${time}:00.000Z`;
    await b.post('neutral a', { properties: ['P'], publishedAt: day('11'), category: 'hausordnung' });
    await b.post('neutral b', { properties: ['P'], publishedAt: day('11'), category: 'hausordnung' });
    await b.post('danger old', { type: 'danger', properties: ['P'], publishedAt: day('01'), until: '2026-06-30', category: 'heizung-wasser', requiresAck: true });
    await b.post('warning new', { type: 'warning', properties: ['P'], publishedAt: day('14'), until: '2026-06-30', category: 'wartung' });
    await b.post('neutral pinned', { pinned: true, properties: ['P'], publishedAt: day('13') });
    await b.post('info', { type: 'info', properties: ['P', 'Q'], publishedAt: day('15', '07:00'), category: 'veranstaltung' });
    await b.post('warning revised', { type: 'warning', properties: ['P'], publishedAt: day('05'), revision: 2, revisedAt: day('13'), until: '2026-06-30', category: 'wartung' });
    await b.post('danger new', { type: 'danger', properties: ['P'], publishedAt: day('12'), until: '2026-06-30', category: 'heizung-wasser' });
    await b.post('warning pinned', { type: 'warning', pinned: true, properties: ['P'], publishedAt: day('02'), until: '2026-06-30', category: 'lift' });
    await b.post('by name', { persons: ['Tina'], publishedAt: day('10'), category: 'allgemein' });
    await b.post('for owners', { role: 'owner', properties: ['P', 'Q'], publishedAt: day('10') });
    const long = `<p>${'Sehr geehrte Bewohnerinnen und Bewohner, '.repeat(8)}</p><p>Zweiter Absatz mit <a href="https://example.at/info">Link</a>.</p>`;
    await b.post('detailed', {
      persons: ['Olga'], body: long, link: { url: 'https://example.at/sommerfest', text: 'Anmeldung' }, requiresAck: true,
      appointment: { start: '2026-07-04T14:00:00.000Z', end: '2026-07-04T20:00:00.000Z', place: 'Innenhof' }, publishedAt: day('09'),
    });
    await b.file('detailed', 'plan', { name: 'Lageplan „Hof“ 😀.pdf', createdAt: day('09') });
    await b.file('detailed', 'photo', { name: 'Hof.jpg', mime: 'image/jpeg', thumb: true, createdAt: day('09', '09:00') });
    await b.file('detailed', 'png', { name: 'Skizze.png', mime: 'image/png', bytes: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00f' } }).png().toBuffer(), createdAt: day('09', '10:00') });
    ({ Tina: tina, Olga: olga } = await b.sessions(s, ['Tina', 'Olga']));
  });
  after(() => s.close());

  test('the order: pinned (danger first), then warning, then the rest, newest change first, then id', async () => {
    const page = await get('/posts');
    assert.equal(page.status, 200, page.text);
    assert.deepEqual(titles(page), order);
    const byTitle = new Map(page.body.items.map((p: any) => [p.title, p]));
    assert.equal((byTitle.get('danger old') as any).pinned, true, 'a danger notice is pinned');
    assert.equal((byTitle.get('warning new') as any).pinned, false);
    assert.equal((byTitle.get('warning revised') as any).revisedAt, '2026-06-13T08:00:00.000Z');
    assert.equal((byTitle.get('warning revised') as any).revision, 2);
    assert.equal(page.body.nextCursor, null);
    assert.equal(page.body.unreadCount, order.length);
    // The two notices published at the same instant: the later id first.
    assert.ok(b.post$('neutral b') > b.post$('neutral a'));
  });

  test('each item: category, window, my properties (none when it reaches me by name), no body', async () => {
    const items: any[] = (await get('/posts')).body.items;
    const info = items.find((p) => p.title === 'info');
    assert.deepEqual(info.properties, [{ id: b.id('P'), name: 'Haus P' }], 'only the property where I hold a contract');
    assert.deepEqual(info.category.name, { de: 'Veranstaltung', en: 'Event' });
    assert.equal(info.category.key, 'veranstaltung');
    assert.equal(info.visibleFrom, '2026-06-15');
    assert.equal(info.visibleUntil, null);
    assert.deepEqual(info.read, { seenAt: null, openedAt: null, acknowledgedAt: null });
    assert.deepEqual(items.find((p) => p.title === 'by name').properties, []);
    assert.equal(info.bodyHtml, undefined);
    const both: any[] = (await get('/posts', olga)).body.items;
    assert.deepEqual(both.find((p) => p.title === 'for owners').properties.map((p: any) => p.name), ['Haus P', 'Haus Q']);
  });

  test('categories: those of all my notices, in the organization\'s order, whatever the filter', async () => {
    const keys = (answer: any) => answer.body.categories.map((c: any) => c.key);
    const expected = ['allgemein', 'hausordnung', 'wartung', 'heizung-wasser', 'lift', 'veranstaltung'];
    assert.deepEqual(keys(await get('/posts')), expected);
    assert.deepEqual(keys(await get('/posts?type=info')), expected);
  });

  test('filters: type, category, property, unread; combined', async () => {
    assert.deepEqual(titles(await get('/posts?type=warning')), ['warning pinned', 'warning new', 'warning revised']);
    assert.deepEqual(titles(await get('/posts?type=danger')), ['danger new', 'danger old']);
    assert.deepEqual(titles(await get(`/posts?category=${await b.categoryId('hausordnung')}`)), ['neutral b', 'neutral a']);
    assert.deepEqual(titles(await get(`/posts?property=${b.id('P')}`)), order.filter((t) => t !== 'by name'));
    assert.deepEqual(titles(await get(`/posts?property=${b.id('Q')}`)), [], 'not a property of mine');
    assert.deepEqual(titles(await get(`/posts?property=${b.id('Q')}`, olga)), ['info', 'for owners']);
    assert.deepEqual(titles(await get(`/posts?type=warning&category=${await b.categoryId('wartung')}`)), ['warning new', 'warning revised']);
    expectProblem(await get('/posts?type=urgent'), 400, 'validation_failed');
    expectProblem(await get('/posts?property=nope'), 400, 'validation_failed');
  });

  test('paging: limit and cursor walk the whole board once; a cursor that is not one is a 400', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: any = await get(`/posts?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(answer.status, 200, answer.text);
      assert.ok(answer.body.items.length <= 3);
      assert.equal(answer.body.unreadCount, order.length);
      seen.push(...titles(answer));
      cursor = answer.body.nextCursor;
      pages++;
    } while (cursor);
    assert.deepEqual(seen, order);
    assert.equal(pages, 4);
    // Exactly a page: no next cursor.
    const first: any = await get(`/posts?limit=${order.length}`);
    assert.equal(first.body.nextCursor, null);
    // The cursor also pages a filtered list.
    const warn: any = await get('/posts?type=warning&limit=2');
    assert.deepEqual(titles(warn), ['warning pinned', 'warning new']);
    assert.deepEqual(titles(await get(`/posts?type=warning&limit=2&cursor=${warn.body.nextCursor}`)), ['warning revised']);
    expectProblem(await get(`/posts?cursor=${Buffer.from('["x"]').toString('base64url')}`), 400, 'validation_failed');
    expectProblem(await get('/posts?cursor=bm90LWpzb24'), 400, 'validation_failed');
  });

  test('the detail: sanitized body, link, appointment, attachments in upload order; excerpt ≤ 200 characters', async () => {
    const answer = await get(`/posts/${b.post$('detailed')}`, olga);
    assert.equal(answer.status, 200, answer.text);
    const d = answer.body;
    assert.match(d.bodyHtml, /^<p>Sehr geehrte/);
    assert.match(d.bodyHtml, /<a href="https:\/\/example.at\/info" rel="noopener noreferrer" target="_blank">Link<\/a>/);
    assert.deepEqual(d.link, { url: 'https://example.at/sommerfest', text: 'Anmeldung' });
    assert.deepEqual(d.appointment, { start: '2026-07-04T14:00:00.000Z', end: '2026-07-04T20:00:00.000Z', allDay: false, place: 'Innenhof' });
    assert.deepEqual(d.attachments.map((f: any) => [f.name, f.mime, f.image, f.thumb]), [
      ['Lageplan „Hof“ 😀.pdf', 'application/pdf', false, false],
      ['Hof.jpg', 'image/jpeg', true, true],
      ['Skizze.png', 'image/png', true, false],
    ]);
    assert.equal(d.attachments[0].size, b.bytes.get('plan')!.length);
    assert.equal(d.attachmentCount, 3);
    assert.ok([...d.excerpt].length <= 200, d.excerpt);
    assert.match(d.excerpt, /^Sehr geehrte Bewohnerinnen .*…$/);
    assert.doesNotMatch(d.excerpt, /\n|<p>/);
    const summary = (await get('/posts', olga)).body.items.find((p: any) => p.title === 'detailed');
    assert.equal(summary.excerpt, d.excerpt);
    assert.equal(summary.attachmentCount, 3);
    assert.equal(summary.link, undefined);
    // Reading the detail records nothing: opening is its own call.
    assert.deepEqual(await b.readsOf('Olga', 'detailed'), []);
  });

  test('reads: seen, then opened; the unread count falls; repeated calls keep the first times', async () => {
    const id = b.post$('info');
    assert.equal((await post('/posts/seen', tina, { ids: [id, id] })).status, 204);
    const [seen] = await b.readsOf('Tina', 'info');
    assert.ok(seen!.first_seen_at && seen!.opened_at === null);
    assert.equal((await get('/posts')).body.unreadCount, order.length, 'seen is not opened');
    s.clock.advance(60);
    const read = await post(`/posts/${id}/read`);
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.id, id);
    assert.equal(read.body.read.seenAt, seen!.first_seen_at);
    assert.ok(read.body.read.openedAt > seen!.first_seen_at!);
    assert.equal(read.body.read.acknowledgedAt, null);
    assert.equal(read.body.unreadCount, order.length - 1);
    s.clock.advance(60);
    const again = await post(`/posts/${id}/read`);
    assert.deepEqual(again.body, read.body);
    assert.equal((await post('/posts/seen', tina, { ids: [id] })).status, 204);
    assert.deepEqual(await b.readsOf('Tina', 'info'), [{ revision: 1, first_seen_at: seen!.first_seen_at, opened_at: read.body.read.openedAt, acknowledged_at: null }]);
    const page = await get('/posts?unread=true');
    assert.deepEqual(titles(page), order.filter((t) => t !== 'info'));
    assert.equal(page.body.unreadCount, order.length - 1);
    assert.deepEqual((await get('/posts')).body.items.find((p: any) => p.title === 'info').read, read.body.read);
  });

  test('acknowledging: only where asked (409), counts as opened and seen, keeps the first time', async () => {
    expectProblem(await post(`/posts/${b.post$('warning new')}/acknowledge`), 409, 'acknowledgement_not_required');
    assert.deepEqual(await b.readsOf('Tina', 'warning new'), []);
    const id = b.post$('danger old');
    const ack = await post(`/posts/${id}/acknowledge`);
    assert.equal(ack.status, 200, ack.text);
    const t = ack.body.read.acknowledgedAt;
    assert.ok(t);
    assert.deepEqual(ack.body.read, { seenAt: t, openedAt: t, acknowledgedAt: t });
    s.clock.advance(60);
    assert.deepEqual((await post(`/posts/${id}/acknowledge`)).body.read, ack.body.read);
    assert.deepEqual((await post(`/posts/${id}/read`)).body.read, ack.body.read);
    const item = (await get('/posts')).body.items.find((p: any) => p.title === 'danger old');
    assert.equal(item.requiresAck, true);
    assert.deepEqual(item.read, ack.body.read);
  });

  test('acknowledging after opening keeps the opening time', async () => {
    const id = b.post$('detailed');
    const read = await post(`/posts/${id}/read`, olga);
    s.clock.advance(60);
    const ack = await post(`/posts/${id}/acknowledge`, olga);
    assert.equal(ack.body.read.openedAt, read.body.read.openedAt);
    assert.equal(ack.body.read.seenAt, read.body.read.seenAt);
    assert.ok(ack.body.read.acknowledgedAt > read.body.read.openedAt);
  });

  test('concurrent acknowledgements and reads leave one row with one set of first times', async () => {
    const id = b.post$('danger new');
    await b.db('posts').where({ id }).update({ requires_ack: true });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => post(`/posts/${id}/${i % 3 === 0 ? 'read' : 'acknowledge'}`)));
    for (const a of answers) assert.equal(a.status, 200, a.text);
    const rows = await b.readsOf('Tina', 'danger new');
    assert.equal(rows.length, 1);
    const acks = answers.filter((_, i) => i % 3 !== 0).map((a) => a.body.read);
    for (const r of acks) assert.deepEqual(r, { seenAt: rows[0]!.first_seen_at, openedAt: rows[0]!.opened_at, acknowledgedAt: rows[0]!.acknowledged_at });
  });

  test('a substantial change makes the notice "neu" again and asks for a new acknowledgement; the old reads stay', async () => {
    const id = b.post$('danger old');
    const before = (await get('/posts')).body;
    assert.ok(before.items.find((p: any) => p.title === 'danger old').read.acknowledgedAt);
    await b.revise('danger old', '2026-06-15T09:00:00.000Z');
    const after = (await get('/posts')).body;
    const item = after.items.find((p: any) => p.title === 'danger old');
    assert.equal(item.revision, 2);
    assert.equal(item.revisedAt, '2026-06-15T09:00:00.000Z');
    assert.deepEqual(item.read, { seenAt: null, openedAt: null, acknowledgedAt: null });
    assert.equal(after.unreadCount, before.unreadCount + 1);
    assert.deepEqual(titles({ body: after }).slice(0, 2), ['danger old', 'danger new'], 'the newest change comes first');
    const ack = await post(`/posts/${id}/acknowledge`);
    assert.equal(ack.body.unreadCount, before.unreadCount);
    assert.deepEqual((await b.readsOf('Tina', 'danger old')).map((r) => [r.revision, r.acknowledged_at !== null]), [[1, true], [2, true]]);
  });

  test('attachments: inline images with previews, other files as attachments, UTF-8 names, 404s', async () => {
    const base = `/posts/${b.post$('detailed')}/files`;
    const fetchFile = (path: string, session = olga) => fetch(`${s.url}/api${path}`, { headers: { authorization: `Bearer ${session.token}` } });
    const pdf = await fetchFile(`${base}/${b.id('post-file:plan')}`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(pdf.headers.get('content-disposition'), `attachment; filename="Lageplan _Hof_ __.pdf"; filename*=UTF-8''${encodeURIComponent('Lageplan „Hof“ 😀.pdf')}`);
    assert.equal(pdf.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(pdf.headers.get('cache-control'), 'private, no-store');
    assert.equal(pdf.headers.get('content-length'), String(b.bytes.get('plan')!.length));
    assert.deepEqual(Buffer.from(await pdf.arrayBuffer()), b.bytes.get('plan'));

    const photo = await fetchFile(`${base}/${b.id('post-file:photo')}`);
    assert.equal(photo.headers.get('content-type'), 'image/jpeg');
    assert.match(photo.headers.get('content-disposition')!, /^inline; filename="Hof.jpg"/);
    assert.deepEqual(Buffer.from(await photo.arrayBuffer()), b.bytes.get('photo'));
    const thumb = await fetchFile(`${base}/${b.id('post-file:photo')}?size=thumb`);
    assert.equal(thumb.status, 200);
    assert.equal(thumb.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual(Buffer.from(await thumb.arrayBuffer()), b.bytes.get('photo:thumb'));
    assert.equal((await sharp(b.bytes.get('photo:thumb')!).metadata()).width, 32);
    const png = await fetchFile(`${base}/${b.id('post-file:png')}`);
    assert.match(png.headers.get('content-disposition')!, /^inline; filename="Skizze.png"/);

    expectProblem(await get(`${base}/${b.id('post-file:plan')}?size=thumb`, olga), 404, 'not_found');
    expectProblem(await get(`${base}/${b.id('post-file:png')}?size=thumb`, olga), 404, 'not_found');
    expectProblem(await get(`${base}/${b.id('post-file:plan')}`, tina), 404, 'not_found');
    expectProblem(await get(`/posts/${b.post$('info')}/files/${b.id('post-file:plan')}`, olga), 404, 'not_found');
    expectProblem(await get(`${base}/${b.id('post-file:plan')}?size=huge`, olga), 400, 'validation_failed');
  });

  test('a notice that is unpublished or ends is gone at once, with its files and its place in the count', async () => {
    const before = (await get('/posts', olga)).body;
    await b.db('posts').where({ id: b.post$('detailed') }).update({ status: 'unpublished', unpublished_at: new Date().toISOString() });
    const after = (await get('/posts', olga)).body;
    assert.deepEqual(titles({ body: after }), titles({ body: before }).filter((t: string) => t !== 'detailed'));
    expectProblem(await get(`/posts/${b.post$('detailed')}`, olga), 404, 'not_found');
    expectProblem(await get(`/posts/${b.post$('detailed')}/files/${b.id('post-file:plan')}`, olga), 404, 'not_found');
    await b.db('posts').where({ id: b.post$('detailed') }).update({ status: 'published' });
  });
});

describe('posts: the demo board', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  test('a demo tenant sees the running notices of her house, no draft, expired or future one, and can open each', async () => {
    const huber = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
    const page = await call(s.url, '/posts', { token: huber.token });
    assert.equal(page.status, 200, page.text);
    assert.ok(page.body.items.length > 0);
    const pinned = page.body.items.map((p: any) => p.pinned);
    assert.deepEqual(pinned, [...pinned].sort((a: boolean, b: boolean) => Number(b) - Number(a)), 'pinned first');
    const org = await s.db('organizations').where({ slug: 'immopro' }).first('id');
    const today = dayIn(s.clock.now().getTime(), 'Europe/Vienna');
    const hidden = (await s.db('posts')
      .where({ organization_id: org.id })
      .where((q) => q.whereNot('status', 'published').orWhere('visible_from', '>', today).orWhere('visible_until', '<', today))
      .pluck('id')) as string[];
    assert.ok(hidden.length >= 3, 'the seed has a draft, an expired and a future notice');
    for (const item of page.body.items) {
      assert.ok(!hidden.includes(item.id), item.title);
      const detail = await call(s.url, `/posts/${item.id}`, { token: huber.token });
      assert.equal(detail.status, 200, detail.text);
      if (item.appointment) assert.equal((await call(s.url, `/posts/${item.id}/appointment.ics`, { token: huber.token })).status, 200);
      for (const f of detail.body.attachments) assert.equal((await call(s.url, `/posts/${item.id}/files/${f.id}`, { token: huber.token })).status, 200, f.name);
    }
    for (const id of hidden) expectProblem(await call(s.url, `/posts/${id}`, { token: huber.token }), 404, 'not_found');
    const manager = await login(s.url, 'apichler', 'Verwaltung#Wien3', 'immopro');
    assert.deepEqual((await call(s.url, '/posts', { token: manager.token })).body.items, []);
  });
});
