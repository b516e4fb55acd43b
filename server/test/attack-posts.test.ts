import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, expectProblem, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { pdf, postForm } from './admin-fixture.ts';
import { jobDeps, mailsTo } from './notifications-fixture.ts';
import { PostWorld, jpeg } from './posts-fixture.ts';
import { encodeCursor } from '../src/http/cursor.ts';
import { runDueJobs } from '../src/notifications/jobs.ts';
import { jobHandlers } from '../src/notifications/poller.ts';
import { instantAt, nextDay, scheduleDigests } from '../src/notifications/digest.ts';

// The bulletin board under attack (issue 12): a curious tenant, a hostile manager of another organization and a
// careless client. Another person's or organization's notice, property, category, file or send answers exactly like
// an unknown id; a notice that is not on my board today (draft, unpublished, expired, future; ended or future
// contract) is 404 on every resident endpoint; forged cursors never show another person's notices; hostile text is
// carried as text in JSON, escaped in the .ics and never breaks a mail header; concurrent publishes, cancels,
// acknowledgements, uploads and reminders each happen once; sends tell only who is in the audience when they run; no
// answer is ever a 500.

// 12:00 in Vienna (CEST); the organization's day is 2026-06-15.
const at = '2026-06-15T10:00:00Z';
const today = '2026-06-15';
const zone = 'Europe/Vienna';

/** What a client can tell apart of two answers: status, type and the body without `instance`. */
const visible = (a: Answer) => ({ status: a.status, type: a.headers.get('content-type'), body: a.body === null ? a.text : { ...a.body, instance: undefined } });
const fieldsOf = (a: Answer): string[] => (a.body?.errors ?? []).map((e: { field: string }) => e.field);
/** The unfolded content lines of an iCalendar text (RFC 5545 §3.1). */
const icsLines = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
/** The unescaped value of the first `name` property of an iCalendar text. */
const icsValue = (text: string, name: string): string | undefined => {
  const line = icsLines(text).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  if (line === undefined) return undefined;
  return line.slice(line.indexOf(':') + 1).replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
};

const xss = {
  title: '<img src=x onerror=alert(1)>"\'><script>alert(2)</script>',
  place: '<svg onload=alert(3)>Hof; Eingang, "B"',
  linkText: '<a href="javascript:alert(4)">klick</a>',
  fileName: '<img src=x onerror=alert(5)>.pdf',
  category: '<script>alert(6)</script>Allgemein',
  body: '<p>Text<script>alert(7)</script><img src=x onerror=alert(8)></p><p>END:VEVENT</p><p>ATTENDEE:mailto:x@evil.test</p>',
};

describe('attack: the bulletin board', () => {
  let s: TestServer;
  let b: PostWorld;
  let other: PostWorld;
  let who: Record<'Tina' | 'Olga' | 'Emil' | 'Fritz' | 'Nora' | 'Mia', Session>;
  let karl: Session;
  let xaver: Session;
  let category = '';
  const get = (path: string, session: Session) => call(s.url, path, { token: session.token });
  const post = (path: string, session: Session, body?: unknown) => call(s.url, path, { method: 'POST', token: session.token, body });
  const mgr = (path: string, method = 'GET', body?: unknown, session = who.Mia) => call(s.url, path, { method, token: session.token, body });
  const run = () => runDueJobs(jobDeps(s.db, s.clock.now), jobHandlers);
  /** A fresh manager session (the clock moves; access tokens live minutes). */
  const signIn = async () => {
    who.Mia = await b.session(s, 'Mia');
  };
  /** A draft made through the manager API (tenants of P unless told otherwise); its AdminPost. */
  const draft = async (extra: Record<string, unknown> = {}, session = who.Mia): Promise<any> => {
    const a = await mgr('/admin/posts', 'POST', { title: 'Aushang', categoryId: category, audience: { role: 'tenant', propertyIds: [b.id('P')], personIds: [] }, ...extra }, session);
    assert.equal(a.status, 201, a.text);
    return a.body;
  };
  /** Every resident endpoint on one notice and one of its files. */
  const residentCalls = (id: string, fileId: string): [string, 'GET' | 'POST'][] => [
    [`/posts/${id}`, 'GET'],
    [`/posts/${id}/read`, 'POST'],
    [`/posts/${id}/acknowledge`, 'POST'],
    [`/posts/${id}/appointment.ics`, 'GET'],
    [`/posts/${id}/files/${fileId}`, 'GET'],
    [`/posts/${id}/files/${fileId}?size=thumb`, 'GET'],
  ];
  const readRows = async () => Number((await s.db('post_reads').count({ n: '*' }).first())!.n);

  before(async () => {
    s = await startServer({ at });
    b = await PostWorld.create(s, 'angriff');
    await b.houses({ P: ['U1', 'U2', 'U3', 'U4'], Q: ['Q1'] });
    await b.residents({
      Tina: { login: 'tenant', contracts: [['U1', 'tenant', '2024-03-01', null]] },
      Olga: { login: 'owner', contracts: [['U1', 'owner', '2015-01-01', null]] },
      Emil: { login: 'tenant', contracts: [['U2', 'tenant', '2022-01-01', '2025-06-30']] },
      Fritz: { login: 'tenant', contracts: [['U3', 'tenant', '2026-09-01', null]] },
      Nora: { login: 'tenant', contracts: [['Q1', 'tenant', '2020-01-01', null]] },
      Mia: { login: 'manager' },
    });
    category = await b.categoryId('allgemein');
    const full = { requiresAck: true, appointment: { start: '2026-06-20T06:00:00.000Z', end: '2026-06-20T08:00:00.000Z', place: 'Hof' } };
    await b.post('mine', { role: 'tenant', properties: ['P'], ...full });
    await b.file('mine', 'mine-pdf', { name: 'Plan.pdf' });
    await b.file('mine', 'mine-jpg', { name: 'Bild.jpg', mime: 'image/jpeg', thumb: true });
    await b.post('olga', { role: 'owner', properties: ['P'], ...full });
    await b.file('olga', 'olga-jpg', { name: 'Olga.jpg', mime: 'image/jpeg', thumb: true });
    await b.post('draft', { status: 'draft', role: 'tenant', properties: ['P'], ...full });
    await b.file('draft', 'draft-jpg', { name: 'Entwurf.jpg', mime: 'image/jpeg', thumb: true });
    await b.post('unpublished', { status: 'unpublished', role: 'tenant', properties: ['P'], ...full });
    await b.file('unpublished', 'unpublished-jpg', { name: 'Weg.jpg', mime: 'image/jpeg', thumb: true });
    await b.post('expired', { role: 'tenant', properties: ['P'], from: '2026-06-01', until: '2026-06-14', ...full });
    await b.file('expired', 'expired-jpg', { name: 'Alt.jpg', mime: 'image/jpeg', thumb: true });
    await b.post('future', { role: 'tenant', properties: ['P'], from: '2026-06-16', ...full });
    await b.file('future', 'future-jpg', { name: 'Neu.jpg', mime: 'image/jpeg', thumb: true });

    other = await PostWorld.create(s, 'fremd');
    await other.houses({ X: ['X1'] });
    await other.residents({ Xaver: { login: 'tenant', contracts: [['X1', 'tenant', '2020-01-01', null]] }, Karl: { login: 'manager' } });
    await other.post('theirs', { role: 'tenant', properties: ['X'], ...full });
    await other.file('theirs', 'theirs-jpg', { name: 'Fremd.jpg', mime: 'image/jpeg', thumb: true });
    // A notice of the other organization that (wrongly) names this one's property and person.
    await s.db('posts').insert({ ...(await s.db('posts').where({ id: other.post$('theirs') }).first()), id: other.post$('crossed'), title: 'crossed' });
    await s.db('post_properties').insert({ post_id: other.post$('crossed'), property_id: b.id('P') });
    await s.db('post_persons').insert({ post_id: other.post$('crossed'), person_id: b.id('person:Tina') });

    who = await b.sessions(s, ['Tina', 'Olga', 'Emil', 'Fritz', 'Nora', 'Mia'] as const);
    [karl, xaver] = await Promise.all([other.session(s, 'Karl'), other.session(s, 'Xaver')]);
  });
  after(() => s.close());

  describe('ids that are not mine', () => {
    test('another person’s, another organization’s, a crossed and an unknown notice: 404 on every resident endpoint, one answer shape', async () => {
      const before = await readRows();
      const unknown = residentCalls(randomUUID(), randomUUID());
      const cases: [string, [string, 'GET' | 'POST'][]][] = [
        ['owners’ notice', residentCalls(b.post$('olga'), b.id('post-file:olga-jpg'))],
        ['other organization', residentCalls(other.post$('theirs'), other.id('post-file:theirs-jpg'))],
        ['crossed organization', residentCalls(other.post$('crossed'), other.id('post-file:theirs-jpg'))],
      ];
      for (const [name, calls] of cases) {
        for (const [i, [path, method]] of calls.entries()) {
          const a = await call(s.url, path, { method, token: who.Tina.token });
          const u = await call(s.url, unknown[i]![0], { method, token: who.Tina.token });
          expectProblem(a, 404, 'not_found');
          assert.deepEqual(visible(a), visible(u), `${name}: ${path}`);
        }
      }
      const list = await get('/posts?limit=200', who.Tina);
      assert.deepEqual(list.body.items.map((p: any) => p.title), ['mine']);
      await post('/posts/seen', who.Tina, { ids: [b.post$('olga'), other.post$('theirs'), other.post$('crossed'), randomUUID()] });
      assert.equal(await readRows(), before, 'nothing recorded for ids that are not mine');
    });

    test('file ids: another notice’s file under my notice, the raw files id, the preview’s id, a PDF’s thumb: all 404 like a missing file', async () => {
      const mine = b.post$('mine');
      const missing = await get(`/posts/${mine}/files/${randomUUID()}`, who.Tina);
      expectProblem(missing, 404);
      const olgaFile = await s.db('post_files').where({ id: b.id('post-file:olga-jpg') }).first('file_id', 'thumb_file_id');
      const mineFile = await s.db('post_files').where({ id: b.id('post-file:mine-jpg') }).first('file_id', 'thumb_file_id');
      for (const path of [
        `/posts/${mine}/files/${b.id('post-file:olga-jpg')}`,
        `/posts/${mine}/files/${b.id('post-file:olga-jpg')}?size=thumb`,
        `/posts/${mine}/files/${other.id('post-file:theirs-jpg')}`,
        `/posts/${mine}/files/${b.id('post-file:draft-jpg')}`,
        `/posts/${mine}/files/${olgaFile.file_id}`,
        `/posts/${mine}/files/${mineFile.file_id}`,
        `/posts/${mine}/files/${mineFile.thumb_file_id}`,
        `/posts/${mine}/files/${b.id('post-file:mine-pdf')}?size=thumb`,
        `/posts/${b.post$('olga')}/files/${b.id('post-file:mine-jpg')}`,
      ]) {
        assert.deepEqual(visible(await get(path, who.Tina)), visible(missing), path);
      }
      // My own file and preview are there (the checks above can fail).
      const file = await get(`/posts/${mine}/files/${b.id('post-file:mine-jpg')}?size=thumb`, who.Tina);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'image/jpeg');
      // Any other size value is the file itself, never an error or another file.
      const odd = await get(`/posts/${mine}/files/${b.id('post-file:mine-pdf')}?size=../../x`, who.Tina);
      assert.ok(odd.status === 200 || odd.status === 400, odd.text);
    });

    test('ended and future contracts, another property and a manager: nothing listed, 404 on every endpoint, seen records nothing', async () => {
      const before = await readRows();
      for (const name of ['Emil', 'Fritz', 'Nora', 'Mia'] as const) {
        const list = await get('/posts', who[name]);
        assert.equal(list.status, 200, list.text);
        assert.deepEqual(list.body.items, [], name);
        assert.equal(list.body.unreadCount, 0, name);
        for (const [path, method] of residentCalls(b.post$('mine'), b.id('post-file:mine-jpg'))) {
          expectProblem(await call(s.url, path, { method, token: who[name].token }), 404, 'not_found');
        }
        const seen = await post('/posts/seen', who[name], { ids: [b.post$('mine')] });
        assert.equal(seen.status, 204, `${name}: ${seen.text}`);
      }
      assert.equal(await readRows(), before);
    });

    test('a draft, unpublished, expired or future notice of my property: 404 on every endpoint, like an unknown id', async () => {
      const unknown = residentCalls(randomUUID(), randomUUID());
      const before = await readRows();
      for (const key of ['draft', 'unpublished', 'expired', 'future']) {
        for (const [i, [path, method]] of residentCalls(b.post$(key), b.id(`post-file:${key}-jpg`)).entries()) {
          const a = await call(s.url, path, { method, token: who.Tina.token });
          assert.deepEqual(visible(a), visible(await call(s.url, unknown[i]![0], { method, token: who.Tina.token })), `${key}: ${path}`);
        }
      }
      await post('/posts/seen', who.Tina, { ids: ['draft', 'unpublished', 'expired', 'future'].map((k) => b.post$(k)) });
      assert.equal(await readRows(), before);
      // The one notice that is on the board answers on every endpoint (so the 404s above are real).
      for (const [path, method] of residentCalls(b.post$('mine'), b.id('post-file:mine-jpg'))) {
        const a = await call(s.url, path, { method, token: who.Tina.token });
        assert.equal(a.status, 200, `${path}: ${a.text}`);
      }
    });

    test('filters with another organization’s or an unknown property or category: the same answer; my property’s filter finds mine', async () => {
      const page = async (query: string) => {
        const a = await get(`/posts?${query}`, who.Tina);
        assert.equal(a.status, 200, a.text);
        return a.body;
      };
      const foreignCategory = await other.categoryId('allgemein');
      const unknownProperty = await page(`property=${randomUUID()}`);
      assert.deepEqual(unknownProperty.items, []);
      for (const id of [other.id('X'), b.id('Q')]) assert.deepEqual(await page(`property=${id}`), unknownProperty, id);
      const unknownCategory = await page(`category=${randomUUID()}`);
      assert.deepEqual(await page(`category=${foreignCategory}`), unknownCategory);
      assert.deepEqual(unknownCategory.items, []);
      assert.deepEqual((await page(`property=${b.id('P')}`)).items.map((p: any) => p.title), ['mine']);
      assert.deepEqual((await page(`category=${category}`)).items.map((p: any) => p.title), ['mine']);
      for (const bad of ['property=..%2F..', 'category=%27%20or%201%3D1', 'type=alarm', 'unread=maybe', 'limit=0', 'limit=201', 'limit=-1', 'limit=1e3', 'property=a&property=b']) {
        const a = await get(`/posts?${bad}`, who.Tina);
        expectProblem(a, 400, 'validation_failed');
      }
    });
  });

  describe('cursors', () => {
    let many: PostWorld;
    let ann: Session;
    let ben: Session;
    before(async () => {
      many = await PostWorld.create(s, 'blaettern');
      await many.houses({ A: ['A1'], B: ['B1'] });
      await many.residents({ Ann: { login: 'tenant', contracts: [['A1', 'tenant', '2020-01-01', null]] }, Ben: { login: 'tenant', contracts: [['B1', 'tenant', '2020-01-01', null]] } });
      for (let i = 0; i < 4; i++) await many.post(`a${i}`, { properties: ['A'], publishedAt: `2026-06-0${i + 1}T10:00:00.000Z` });
      for (let i = 0; i < 4; i++) await many.post(`b${i}`, { properties: ['B'], publishedAt: `2026-06-0${i + 1}T10:00:00.000Z`, type: i === 0 ? 'danger' : 'neutral', until: '2026-12-31' });
      [ann, ben] = await Promise.all([many.session(s, 'Ann'), many.session(s, 'Ben')]);
    });

    test('garbled, wrongly typed and over-long cursors are 400 naming the cursor', async () => {
      const cursors = ['x', '%00', 'eyJ', encodeCursor([0, 'x']), encodeCursor(['0', 'x', 'y']), encodeCursor([0, 'x', 'y', 'z']), Buffer.from('{"a":1}').toString('base64url'),
        Buffer.from('null').toString('base64url'), Buffer.from('[0,"x",null]').toString('base64url'), 'A'.repeat(5000), '!!!', '[0,"x","y"]'];
      for (const cursor of cursors) {
        const a = await get(`/posts?cursor=${encodeURIComponent(cursor)}`, ann);
        expectProblem(a, 400, 'validation_failed');
        assert.deepEqual(fieldsOf(a), ['cursor'], cursor);
        const m = await get(`/admin/posts?cursor=${encodeURIComponent(cursor)}`, who.Mia);
        expectProblem(m, 400, 'validation_failed');
      }
    });

    test('a cursor from another person’s board, or one naming another notice, pages only through my own notices', async () => {
      const all = await get('/posts?limit=200', ann);
      assert.deepEqual(all.body.items.map((p: any) => p.title), ['a3', 'a2', 'a1', 'a0']);
      const bens = await get('/posts?limit=1', ben);
      assert.equal(bens.body.items[0].title, 'b0', 'danger first');
      // Ben's cursor (after his danger notice) used by Ann, and forged keys around and naming Ben's notices.
      const forged = [bens.body.nextCursor, encodeCursor([-1, '', '']), encodeCursor([0, '9999', many.post$('b0')]), encodeCursor([5, '2026-06-03T10:00:00.000Z', many.post$('b2')]),
        encodeCursor([99, '', '']), encodeCursor([2.5, '\u0000', '\uffff']), encodeCursor([1e308, 'z', 'z'])];
      const annIds = new Set(all.body.items.map((p: any) => p.id));
      for (const cursor of forged) {
        const a = await get(`/posts?cursor=${cursor}&limit=200`, ann);
        assert.equal(a.status, 200, a.text);
        for (const item of a.body.items) assert.ok(annIds.has(item.id), `${cursor}: ${item.title}`);
        assert.equal(a.body.unreadCount, 4);
      }
      // The manager list: another organization's manager pages through his own notices only, whatever the cursor says.
      const mine = await get('/admin/posts?limit=200', karl);
      const ids = new Set(mine.body.items.map((p: any) => p.id));
      for (const cursor of [encodeCursor(['9999-12-31T00:00:00.000Z', 'zzzz']), encodeCursor(['', '']), encodeCursor(["' or 1=1 --", b.post$('mine')])]) {
        const a = await get(`/admin/posts?cursor=${cursor}&limit=200`, karl);
        assert.equal(a.status, 200, a.text);
        for (const item of a.body.items) assert.ok(ids.has(item.id), item.title);
      }
    });
  });

  describe('the manager side', () => {
    test('a resident gets 403 manager_only on every /admin post endpoint, whatever the id', async () => {
      const id = b.post$('mine');
      const calls: [string, string, unknown?][] = [
        ['/admin/post-categories', 'GET'], ['/admin/posts', 'GET'], ['/admin/posts', 'POST', { title: 'x', categoryId: category, audience: { role: 'both', propertyIds: [], personIds: [] } }],
        [`/admin/posts/${id}`, 'GET'], [`/admin/posts/${id}`, 'PATCH', { title: 'x' }], [`/admin/posts/${id}`, 'DELETE'],
        [`/admin/posts/${id}/audience-preview`, 'POST'], [`/admin/posts/${id}/publish`, 'POST', { notify: 'none' }], [`/admin/posts/${id}/unpublish`, 'POST'],
        [`/admin/posts/${id}/sends/${randomUUID()}/cancel`, 'POST'], [`/admin/posts/${id}/stats`, 'GET'], [`/admin/posts/${id}/remind`, 'POST'],
        [`/admin/posts/${id}/files/${b.id('post-file:mine-pdf')}`, 'DELETE'],
      ];
      for (const session of [who.Tina, who.Olga, xaver]) {
        for (const [path, method, body] of calls) expectProblem(await call(s.url, path, { method, token: session.token, body }), 403, 'manager_only');
        const upload = await postForm(s.url, `/admin/posts/${id}/files`, session.token, {}, [{ name: 'file', fileName: 'a.pdf', bytes: pdf(), type: 'application/pdf' }]);
        expectProblem(upload, 403, 'manager_only');
      }
      assert.equal((await s.db('posts').where({ id }).first('title')).title, 'mine');
      assert.equal(await s.db('post_files').where({ post_id: id }).count({ n: '*' }).first().then((r: any) => Number(r.n)), 2);
    });

    test('a manager of another organization on this one’s notice, file and send: 404 exactly like unknown ids, nothing changed', async () => {
      await signIn();
      const mine = await draft({ title: 'Nur für uns' });
      const up = await postForm(s.url, `/admin/posts/${mine.id}/files`, who.Mia.token, {}, [{ name: 'file', fileName: 'a.pdf', bytes: pdf(), type: 'application/pdf' }]);
      assert.equal(up.status, 201, up.text);
      const published = await mgr(`/admin/posts/${mine.id}/publish`, 'POST', { notify: 'now' });
      assert.equal(published.status, 200, published.text);
      const sendId = published.body.sends[0].id;
      const fileId = up.body.attachments[0].id;
      const u = randomUUID();
      const pairs: [string, string, string, unknown?][] = [
        [`/admin/posts/${mine.id}`, `/admin/posts/${u}`, 'GET'],
        [`/admin/posts/${mine.id}`, `/admin/posts/${u}`, 'PATCH', { title: 'Übernommen' }],
        [`/admin/posts/${mine.id}`, `/admin/posts/${u}`, 'DELETE'],
        [`/admin/posts/${mine.id}/audience-preview`, `/admin/posts/${u}/audience-preview`, 'POST'],
        [`/admin/posts/${mine.id}/publish`, `/admin/posts/${u}/publish`, 'POST', { notify: 'none' }],
        [`/admin/posts/${mine.id}/unpublish`, `/admin/posts/${u}/unpublish`, 'POST'],
        [`/admin/posts/${mine.id}/sends/${sendId}/cancel`, `/admin/posts/${u}/sends/${u}/cancel`, 'POST'],
        [`/admin/posts/${mine.id}/stats`, `/admin/posts/${u}/stats`, 'GET'],
        [`/admin/posts/${mine.id}/remind`, `/admin/posts/${u}/remind`, 'POST'],
        [`/admin/posts/${mine.id}/files/${fileId}`, `/admin/posts/${u}/files/${u}`, 'DELETE'],
      ];
      for (const [path, unknown, method, body] of pairs) {
        const a = await call(s.url, path, { method, token: karl.token, body });
        expectProblem(a, 404, 'not_found');
        assert.deepEqual(visible(a), visible(await call(s.url, unknown, { method, token: karl.token, body })), `${method} ${path}`);
      }
      const upload = await postForm(s.url, `/admin/posts/${mine.id}/files`, karl.token, {}, [{ name: 'file', fileName: 'a.pdf', bytes: pdf(), type: 'application/pdf' }]);
      expectProblem(upload, 404, 'not_found');
      // His own notice with this organization's send id or file id in the path.
      const his = await draft({ categoryId: await other.categoryId('allgemein'), audience: { role: 'tenant', propertyIds: [other.id('X')], personIds: [] } }, karl);
      expectProblem(await mgr(`/admin/posts/${his.id}/sends/${sendId}/cancel`, 'POST', undefined, karl), 404, 'not_found');
      expectProblem(await mgr(`/admin/posts/${his.id}/files/${fileId}`, 'DELETE', undefined, karl), 404, 'not_found');
      const after = (await mgr(`/admin/posts/${mine.id}`)).body;
      assert.equal(after.title, 'Nur für uns');
      assert.equal(after.status, 'published');
      assert.equal(after.attachments.length, 1);
      assert.equal(after.sends[0].cancelledAt, null);
      assert.ok(!(await get('/admin/posts?limit=200', karl)).body.items.some((p: any) => p.id === mine.id));
      // Clean up the pending send (it would mail Tina later on).
      assert.equal((await mgr(`/admin/posts/${mine.id}/unpublish`, 'POST')).status, 200);
    });

    test('body ids of another organization (category, property, person) are 404 at their field, like unknown ids; nothing stored', async () => {
      await signIn();
      const count = async () => Number((await s.db('posts').count({ n: '*' }).first())!.n);
      const before = await count();
      const base = { title: 'Fremd', categoryId: category, audience: { role: 'tenant', propertyIds: [b.id('P')], personIds: [] as string[] } };
      const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
        [{ categoryId: await other.categoryId('allgemein') }, { categoryId: randomUUID() }, '/categoryId'],
        [{ audience: { role: 'tenant', propertyIds: [other.id('X')], personIds: [] } }, { audience: { role: 'tenant', propertyIds: [randomUUID()], personIds: [] } }, '/audience/propertyIds'],
        [{ audience: { role: 'none', propertyIds: [], personIds: [other.id('person:Xaver')] } }, { audience: { role: 'none', propertyIds: [], personIds: [randomUUID()] } }, '/audience/personIds'],
      ];
      const existing = await draft();
      for (const [foreign, unknown, field] of cases) {
        const a = await mgr('/admin/posts', 'POST', { ...base, ...foreign });
        expectProblem(a, 404);
        assert.deepEqual(fieldsOf(a), [field]);
        assert.deepEqual(visible(a), visible(await mgr('/admin/posts', 'POST', { ...base, ...unknown })));
        const p = await mgr(`/admin/posts/${existing.id}`, 'PATCH', foreign);
        expectProblem(p, 404);
        assert.deepEqual(visible(p), visible(await mgr(`/admin/posts/${existing.id}`, 'PATCH', unknown)));
      }
      assert.equal(await count(), before + 1);
      const kept = (await mgr(`/admin/posts/${existing.id}`)).body;
      assert.deepEqual(kept.audience, base.audience);
      assert.equal(kept.category.id, category);
    });
  });

  describe('input', () => {
    test('bad values are 400 at their field: link targets, one-line texts, appointments, windows, impossible days', async () => {
      await signIn();
      const bad: [Record<string, unknown>, string][] = [
        [{ link: { url: 'javascript:alert(1)', text: 'x' } }, '/link/url'],
        [{ link: { url: 'data:text/html,<script>alert(1)</script>', text: 'x' } }, '/link/url'],
        [{ link: { url: 'http://example.test/', text: 'x' } }, '/link/url'],
        [{ link: { url: 'https://exa mple.test/', text: 'x' } }, '/link/url'],
        [{ link: { url: 'https://example.test/\nSet-Cookie: a=b', text: 'x' } }, '/link/url'],
        [{ link: { url: 'https://', text: 'x' } }, '/link/url'],
        [{ link: { url: 'https://example.test/\u202Egpj.exe', text: 'x' } }, '/link/url'],
        [{ link: { url: 'https://example.test/', text: 'a\r\nb' } }, '/link/text'],
        [{ title: 'Heizung\r\nBcc: alle@example.test' }, '/title'],
        [{ title: 'Heizung\nX' }, '/title'],
        [{ title: 'Heizung\u2028X' }, '/title'],
        [{ title: 'Heizung\u0085X' }, '/title'],
        [{ title: 'Heizung\u001b[31m' }, '/title'],
        [{ title: 'x'.repeat(121) }, '/title'],
        [{ title: '' }, '/title'],
        [{ appointment: { start: '2026-06-20T10:00:00Z', allDay: false, place: 'Hof\r\nEND:VEVENT' } }, '/appointment/place'],
        [{ appointment: { start: '2026-06-20T10:00:00Z', allDay: false, place: 'Hof\nKeller' } }, '/appointment/place'],
        [{ appointment: { start: '2026-06-20T10:00:00Z', end: '2026-06-20T09:59:59Z', allDay: false } }, '/appointment/end'],
        [{ appointment: { start: '2026-06-21', end: '2026-06-20', allDay: true } }, '/appointment/end'],
        [{ appointment: { start: '2026-06-20T10:00:00Z', allDay: true } }, '/appointment/start'],
        [{ appointment: { start: '2026-06-20', allDay: false } }, '/appointment/start'],
        [{ appointment: { start: '2026-06-20T10:00:00', allDay: false } }, '/appointment/start'],
        [{ appointment: { start: '2026-02-30T10:00:00Z', allDay: false } }, '/appointment/start'],
        [{ appointment: { start: '2026-02-30', allDay: true } }, '/appointment/start'],
        [{ appointment: { start: '2026-06-20T24:00:00Z', allDay: false } }, '/appointment/start'],
        [{ appointment: { start: '0001-01-01', allDay: true } }, '/appointment/start'],
        [{ visibleFrom: '2026-06-20', visibleUntil: '2026-06-19' }, '/visibleUntil'],
        [{ visibleFrom: '2026-02-30' }, '/visibleFrom'],
        [{ visibleUntil: '2026-13-01' }, '/visibleUntil'],
        [{ type: 'danger' }, '/visibleUntil'],
        [{ type: 'warning', visibleUntil: null }, '/visibleUntil'],
        [{ type: 'alarm' }, '/type'],
        [{ pinned: 'true' }, '/pinned'],
        [{ title: 42 }, '/title'],
        [{ audience: { role: 'tenant', propertyIds: 'P', personIds: [] } }, '/audience/propertyIds'],
        [{ audience: { role: 'everyone', propertyIds: [], personIds: [] } }, '/audience/role'],
        [{ audience: { role: 'none', propertyIds: [], personIds: Array.from({ length: 5001 }, (_, i) => `p${String(i).padStart(7, '0')}`) } }, '/audience/personIds'],
        [{ bodyHtml: 'x'.repeat(20_001) }, '/bodyHtml'],
        [{ extra: 1 }, '/extra'],
      ];
      const before = Number((await s.db('posts').count({ n: '*' }).first())!.n);
      const base = { title: 'Aushang', categoryId: category, audience: { role: 'tenant', propertyIds: [b.id('P')], personIds: [] } };
      for (const [extra, field] of bad) {
        const a = await mgr('/admin/posts', 'POST', { ...base, ...extra });
        expectProblem(a, 400, 'validation_failed');
        assert.ok(fieldsOf(a).some((f) => f === field || f.startsWith(`${field}/`)), `${JSON.stringify(extra).slice(0, 80)}: ${a.text.slice(0, 300)}`);
      }
      assert.equal(Number((await s.db('posts').count({ n: '*' }).first())!.n), before);
    });

    test('a title or link text of blanks only is refused, not stored empty', async () => {
      await signIn();
      const base = { categoryId: category, audience: { role: 'tenant', propertyIds: [b.id('P')], personIds: [] } };
      for (const title of [' ', '   ', '\u00a0', '\t']) {
        const a = await mgr('/admin/posts', 'POST', { ...base, title });
        expectProblem(a, 400, 'validation_failed');
        assert.deepEqual(fieldsOf(a), ['/title'], JSON.stringify(title));
      }
      const text = await mgr('/admin/posts', 'POST', { ...base, title: 'Link', link: { url: 'https://example.test/', text: '   ' } });
      expectProblem(text, 400, 'validation_failed');
      assert.deepEqual(fieldsOf(text), ['/link/text']);
      const existing = await draft();
      const patch = await mgr(`/admin/posts/${existing.id}`, 'PATCH', { title: '  ' });
      expectProblem(patch, 400, 'validation_failed');
      assert.equal((await mgr(`/admin/posts/${existing.id}`)).body.title, 'Aushang');
    });

    test('DST gaps and folds, years 0001 and 9999 as days, far instants: stored as sent or refused, never a 500', async () => {
      await signIn();
      // 02:30 on 2026-03-29 does not exist in Vienna; with an offset it is one instant all the same.
      const gap = await draft({ appointment: { start: '2026-03-29T02:30:00+01:00', end: '2026-03-29T03:30:00+02:00', allDay: false } });
      assert.equal(gap.appointment.start, '2026-03-29T01:30:00.000Z');
      assert.equal(gap.appointment.end, '2026-03-29T01:30:00.000Z');
      const fold = await draft({ appointment: { start: '2026-10-25T02:30:00+02:00', end: '2026-10-25T02:30:00+01:00', allDay: false } });
      assert.equal(fold.appointment.start, '2026-10-25T00:30:00.000Z');
      assert.equal(fold.appointment.end, '2026-10-25T01:30:00.000Z');
      const far = await draft({ visibleFrom: '0001-01-01', visibleUntil: '9999-12-31', appointment: { start: '9999-12-31', allDay: true } });
      assert.equal(far.visibleUntil, '9999-12-31');
      assert.equal(far.appointment.start, '9999-12-31');
      const published = await mgr(`/admin/posts/${far.id}/publish`, 'POST', { notify: 'none' });
      assert.equal(published.status, 200, published.text);
      assert.equal(published.body.visibleFrom, today, 'an earlier first day becomes today');
      const ics = await get(`/posts/${far.id}/appointment.ics`, who.Tina);
      assert.equal(ics.status, 200, ics.text);
      assert.equal(icsValue(ics.text, 'DTSTART'), '99991231');
      // An instant whose day would leave the four-digit years somewhere ("+010000-01-01T…" in UTC or in Vienna) is
      // refused: no calendar reads it.
      const timed = (start: string, end?: string) =>
        mgr('/admin/posts', 'POST', { title: 'Fern', categoryId: category, audience: { role: 'tenant', propertyIds: [b.id('P')], personIds: [] }, appointment: { start, end, allDay: false } });
      for (const start of ['9999-12-31T23:59:59-23:59', '9999-12-31T12:00:00Z', '0001-01-01T00:00:00+23:59', '0000-01-01T00:00:00Z', '0001-01-01T12:00:00Z']) {
        const a = await timed(start);
        expectProblem(a, 400, 'validation_failed');
        assert.deepEqual(fieldsOf(a), ['/appointment/start'], start);
      }
      const endPast = await timed('9999-12-30T10:00:00Z', '9999-12-31T23:59:59-23:59');
      expectProblem(endPast, 400, 'validation_failed');
      assert.deepEqual(fieldsOf(endPast), ['/appointment/end']);
      const last = await draft({ appointment: { start: '9999-12-30T12:00:00Z', allDay: false } });
      assert.equal(last.appointment.start, '9999-12-30T12:00:00.000Z');
      assert.equal((await mgr(`/admin/posts/${last.id}/publish`, 'POST', { notify: 'none' })).status, 200);
      const lastIcs = await get(`/posts/${last.id}/appointment.ics`, who.Tina);
      assert.ok(icsLines(lastIcs.text).includes('DTSTART;TZID=Europe/Vienna:99991230T130000'), lastIcs.text);
      assert.equal((await mgr(`/admin/posts/${last.id}/unpublish`, 'POST')).status, 200);
      for (const id of [gap.id, fold.id]) assert.equal((await mgr(`/admin/posts/${id}/publish`, 'POST', { notify: 'none' })).status, 200);
      for (const id of [gap.id, fold.id]) {
        const a = await get(`/posts/${id}/appointment.ics`, who.Tina);
        assert.equal(a.status, 200, a.text);
        assert.match(a.text, /TZID=Europe\/Vienna/);
      }
      for (const id of [gap.id, fold.id, far.id]) assert.equal((await mgr(`/admin/posts/${id}/unpublish`, 'POST')).status, 200);
    });

    test('malformed and huge bodies: NUL, 10 MB, deep nesting, not JSON, wrong content type, 201 seen ids: 400/413/415 problems', async () => {
      await signIn();
      const base = { title: 'Aushang', categoryId: category, audience: { role: 'tenant', propertyIds: [b.id('P')], personIds: [] } };
      for (const body of [{ ...base, title: 'a\u0000b' }, { ...base, bodyHtml: '<p>a\u0000b</p>' }, { ...base, appointment: { start: '2026-06-20T10:00:00Z', allDay: false, place: '\u0000' } }, { ...base, 'x\u0000': 1 }]) {
        expectProblem(await mgr('/admin/posts', 'POST', body), 400, 'validation_failed');
      }
      const huge = await call(s.url, '/admin/posts', { token: who.Mia.token, raw: JSON.stringify({ ...base, bodyHtml: 'x'.repeat(10 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
      expectProblem(huge, 413);
      const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const nested = await call(s.url, '/admin/posts', { token: who.Mia.token, raw: deep, headers: { 'content-type': 'application/json' } });
      assert.ok(nested.status === 400 || nested.status === 413, nested.text.slice(0, 200));
      expectProblem(nested, nested.status);
      expectProblem(await call(s.url, '/admin/posts', { token: who.Mia.token, raw: '{"title":', headers: { 'content-type': 'application/json' } }), 400);
      expectProblem(await call(s.url, '/admin/posts', { token: who.Mia.token, raw: JSON.stringify(base), headers: { 'content-type': 'text/plain' } }), 415);
      expectProblem(await call(s.url, '/admin/posts', { token: who.Mia.token, raw: '[]', headers: { 'content-type': 'application/json' } }), 400);
      const seen = async (body: unknown) => post('/posts/seen', who.Tina, body);
      expectProblem(await seen({ ids: Array.from({ length: 201 }, () => randomUUID()) }), 400, 'validation_failed');
      // 5,001 ids are more than a JSON body may carry (100 kB).
      expectProblem(await seen({ ids: Array.from({ length: 5001 }, () => randomUUID()) }), 413, 'payload_too_large');
      expectProblem(await seen({ ids: [] }), 400, 'validation_failed');
      expectProblem(await seen({ ids: ['../../etc'] }), 400, 'validation_failed');
      expectProblem(await seen({ ids: [b.post$('mine'), 7] }), 400, 'validation_failed');
      expectProblem(await seen({ ids: 'x' }), 400, 'validation_failed');
      expectProblem(await call(s.url, '/posts/seen', { token: who.Tina.token, raw: JSON.stringify({ ids: ['a\u0000bcdefgh'] }), headers: { 'content-type': 'application/json' } }), 400);
      expectProblem(await call(s.url, `/posts/${b.post$('mine')}/read`, { token: who.Tina.token, raw: 'x'.repeat(10 * 1024 * 1024), headers: { 'content-type': 'application/json' } }), 413);
      // 200 ids at once, mine among them: only mine is recorded.
      const ids = [b.post$('mine'), b.post$('mine'), ...Array.from({ length: 198 }, () => randomUUID())];
      assert.equal((await seen({ ids })).status, 204);
      assert.equal((await b.readsOf('Tina', 'mine')).length, 1);
    });
  });

  describe('hostile text reaching residents, calendars and mails', () => {
    let postId = '';
    before(async () => {
      await signIn();
      await s.db('post_categories').where({ id: await b.categoryId('veranstaltung') }).update({ name_de: xss.category, name_en: xss.category });
      const created = await draft({
        title: xss.title,
        bodyHtml: xss.body,
        categoryId: await b.categoryId('veranstaltung'),
        link: { url: 'https://example.test/?q=<script>&a="b"', text: xss.linkText },
        appointment: { start: '2026-06-20T08:00:00+02:00', end: '2026-06-20T10:00:00+02:00', allDay: false, place: xss.place },
      });
      postId = created.id;
      const up = await postForm(s.url, `/admin/posts/${postId}/files`, who.Mia.token, {}, [{ name: 'file', fileName: xss.fileName, bytes: pdf(), type: 'application/pdf' }]);
      assert.equal(up.status, 201, up.text);
      assert.equal((await mgr(`/admin/posts/${postId}/publish`, 'POST', { notify: 'now' })).status, 200);
      s.clock.advance(61);
      await run();
    });

    test('the JSON answers carry every text as plain text, the body sanitized', async () => {
      const detail = await get(`/posts/${postId}`, who.Tina);
      assert.equal(detail.status, 200, detail.text);
      assert.match(detail.headers.get('content-type')!, /^application\/json/);
      assert.equal(detail.body.title, xss.title);
      assert.equal(detail.body.appointment.place, xss.place);
      assert.equal(detail.body.link.text, xss.linkText);
      assert.equal(detail.body.category.name.de, xss.category);
      assert.equal(detail.body.attachments[0].name, xss.fileName);
      assert.ok(!/<script|onerror|javascript:/i.test(detail.body.bodyHtml), detail.body.bodyHtml);
      assert.ok(detail.body.bodyHtml.includes('Text'));
      assert.ok(!/<script|onerror/i.test(detail.body.excerpt), detail.body.excerpt);
      const list = await get('/posts', who.Tina);
      const item = list.body.items.find((p: any) => p.id === postId);
      assert.equal(item.title, xss.title);
      assert.ok(list.body.categories.some((c: any) => c.name.de === xss.category));
      const file = await fetch(`${s.url}/api/posts/${postId}/files/${detail.body.attachments[0].id}`, { headers: { authorization: `Bearer ${who.Tina.token}` } });
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
      assert.match(file.headers.get('content-disposition')!, /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]+$/);
    });

    test('the .ics escapes title, place and body: one event, no injected properties, the values read back unchanged', async () => {
      const ics = await get(`/posts/${postId}/appointment.ics`, who.Tina);
      assert.equal(ics.status, 200, ics.text);
      const lines = icsLines(ics.text);
      assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
      assert.equal(lines.filter((l) => l === 'END:VEVENT').length, 1);
      assert.equal(lines.filter((l) => l === 'END:VCALENDAR').length, 1);
      assert.ok(!lines.some((l) => /^ATTENDEE/.test(l)), ics.text);
      assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(ics.text), 'only CRLF line ends');
      assert.equal(icsValue(ics.text, 'SUMMARY'), xss.title);
      assert.equal(icsValue(ics.text, 'LOCATION'), xss.place);
      const description = icsValue(ics.text, 'DESCRIPTION')!;
      assert.ok(description.includes('END:VEVENT') && description.includes('ATTENDEE:mailto:x@evil.test'), description);
      assert.ok(!/alert\([78]\)/.test(description), description);
      assert.ok(description.includes(`${xss.linkText}: https://example.test/?q=<script>&a="b"`), description);
      assert.match(ics.headers.get('content-disposition')!, /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]+$/);
    });

    test('the mail: the title in one subject line, no extra header lines; the text carries it as written', async () => {
      const mails = await mailsTo(s.db, b.email('Tina'));
      const mail = mails.find((m) => m.subject.includes(xss.title));
      assert.ok(mail, JSON.stringify(mails.map((m) => m.subject)));
      assert.ok(!/[\r\n]/.test(mail!.subject), mail!.subject);
      assert.ok(mail!.text.includes(xss.title));
    });

    test('the .ics file name carries no direction controls (a title "…\u202Egpj.exe" is not saved as a picture)', async () => {
      await signIn();
      const created = await draft({ title: 'Termin\u202Egpj.exe', appointment: { start: '2026-06-20', allDay: true } });
      assert.equal((await mgr(`/admin/posts/${created.id}/publish`, 'POST', { notify: 'none' })).status, 200);
      const detail = await get(`/posts/${created.id}`, who.Tina);
      assert.equal(detail.body.title, 'Termin\u202Egpj.exe', 'the title itself is kept as text');
      const ics = await get(`/posts/${created.id}/appointment.ics`, who.Tina);
      assert.equal(ics.status, 200);
      const disposition = ics.headers.get('content-disposition')!;
      const name = decodeURIComponent(/filename\*=UTF-8''([^;\s]+)/.exec(disposition)![1]!);
      assert.ok(!/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name), name);
      assert.ok(name.endsWith('.ics'), name);
      assert.equal((await mgr(`/admin/posts/${created.id}/unpublish`, 'POST')).status, 200);
    });
  });

  describe('races', () => {
    test('two publishes at once: one 200, one 409; one send, one audit row', async () => {
      await signIn();
      const d = await draft({ title: 'Doppelt' });
      const both = await Promise.all([0, 1].map(() => mgr(`/admin/posts/${d.id}/publish`, 'POST', { notify: 'now' })));
      assert.deepEqual(both.map((a) => a.status).sort(), [200, 409]);
      expectProblem(both.find((a) => a.status === 409)!, 409, 'post_published');
      assert.equal((await s.db('post_sends').where({ post_id: d.id })).length, 1);
      assert.equal((await s.db('audit_log').where({ entity_id: d.id, action: 'post.published' })).length, 1);
      assert.equal((await mgr(`/admin/posts/${d.id}/unpublish`, 'POST')).status, 200);
    });

    test('publish and unpublish at once: never published with a cancelled send or unpublished with a pending one', async () => {
      await signIn();
      for (let i = 0; i < 3; i++) {
        const d = await draft({ title: `Hin und her ${i}` });
        const [pub, unpub] = await Promise.all([mgr(`/admin/posts/${d.id}/publish`, 'POST', { notify: 'now' }), mgr(`/admin/posts/${d.id}/unpublish`, 'POST')]);
        assert.equal(pub.status, 200, pub.text);
        assert.ok(unpub.status === 200 || unpub.status === 409, unpub.text);
        const row = await s.db('posts').where({ id: d.id }).first('status');
        const sends = await s.db('post_sends').where({ post_id: d.id });
        assert.equal(sends.length, 1);
        if (unpub.status === 200) {
          assert.equal(row.status, 'unpublished');
          assert.ok(sends[0].cancelled_at, 'the send is cancelled with the notice');
        } else {
          assert.equal(row.status, 'published');
          assert.equal(sends[0].cancelled_at, null);
          assert.equal((await mgr(`/admin/posts/${d.id}/unpublish`, 'POST')).status, 200);
        }
      }
    });

    test('two cancels of one send at once: one 200, one 409 send_done; one audit row', async () => {
      await signIn();
      const d = await draft({ title: 'Zweimal zurück' });
      const sendId = (await mgr(`/admin/posts/${d.id}/publish`, 'POST', { notify: 'now' })).body.sends[0].id;
      const both = await Promise.all([0, 1].map(() => mgr(`/admin/posts/${d.id}/sends/${sendId}/cancel`, 'POST')));
      assert.deepEqual(both.map((a) => a.status).sort(), [200, 409]);
      assert.equal((await s.db('audit_log').where({ entity_id: sendId, action: 'post.send_cancelled' })).length, 1);
      assert.equal((await mgr(`/admin/posts/${d.id}/unpublish`, 'POST')).status, 200);
    });

    test('two acknowledgements and a read at once: all 200 with one stored time', async () => {
      await signIn();
      const d = await draft({ title: 'Quittieren', requiresAck: true });
      assert.equal((await mgr(`/admin/posts/${d.id}/publish`, 'POST', { notify: 'none' })).status, 200);
      const answers = await Promise.all([post(`/posts/${d.id}/acknowledge`, who.Tina), post(`/posts/${d.id}/acknowledge`, who.Tina), post(`/posts/${d.id}/read`, who.Tina)]);
      for (const a of answers) assert.equal(a.status, 200, a.text);
      const rows = await s.db('post_reads').where({ post_id: d.id });
      assert.equal(rows.length, 1);
      assert.ok(rows[0].acknowledged_at);
      assert.equal(answers[0]!.body.read.acknowledgedAt, answers[1]!.body.read.acknowledgedAt);
      const stats = await mgr(`/admin/posts/${d.id}/stats`);
      assert.equal(stats.body.acknowledged, 1);
      assert.equal((await mgr(`/admin/posts/${d.id}/unpublish`, 'POST')).status, 200);
    });

    test('six uploads at once to a notice with a 5-file limit: five stored, one 413 too_many_files', async () => {
      await signIn();
      const d = await draft({ title: 'Sechs Dateien' });
      const bytes = await jpeg();
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => postForm(s.url, `/admin/posts/${d.id}/files`, who.Mia.token, {}, [{ name: 'file', fileName: `Bild ${i}.jpg`, bytes, type: 'image/jpeg' }])));
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 201, 201, 201, 201, 413]);
      expectProblem(answers.find((a) => a.status === 413)!, 413, 'too_many_files');
      assert.equal((await s.db('post_files').where({ post_id: d.id })).length, 5);
      assert.equal((await mgr(`/admin/posts/${d.id}`)).body.attachments.length, 5);
    });

    test('two reminders at once: one 201, one 409 reminder_too_soon with Retry-After; one reminder send', async () => {
      await signIn();
      const d = await draft({ title: 'Erinnern', requiresAck: true });
      assert.equal((await mgr(`/admin/posts/${d.id}/publish`, 'POST', { notify: 'none' })).status, 200);
      const both = await Promise.all([0, 1].map(() => mgr(`/admin/posts/${d.id}/remind`, 'POST')));
      assert.deepEqual(both.map((a) => a.status).sort(), [201, 409]);
      const refused = both.find((a) => a.status === 409)!;
      expectProblem(refused, 409, 'reminder_too_soon');
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal((await s.db('post_sends').where({ post_id: d.id, reason: 'reminder' })).length, 1);
      await run();
      assert.equal((await mgr(`/admin/posts/${d.id}/unpublish`, 'POST')).status, 200);
    });
  });
});

describe('attack: sends of notices', () => {
  let s: TestServer;
  let b: PostWorld;
  let mia: Session;
  let category = '';
  const run = () => runDueJobs(jobDeps(s.db, s.clock.now), jobHandlers);
  const mgr = (path: string, method = 'GET', body?: unknown) => call(s.url, path, { method, token: mia.token, body });
  const signIn = async () => {
    mia = await b.session(s, 'Mia');
  };
  /** Titles of the mails to `name` (subjects). */
  const mailed = async (name: string, title: string): Promise<number> => (await mailsTo(s.db, b.email(name))).filter((m) => m.subject.includes(title)).length;
  const rowsOf = async (postId: string) =>
    ((await s.db('notifications as n').join('post_sends as p', 'p.id', 'n.entity_id').where('p.post_id', postId).select('n.person_id', 'n.channel')) as { person_id: string; channel: string }[])
      .map((r) => `${[...b.world.ids].find(([, v]) => v === r.person_id)![0].replace('person:', '')}:${r.channel}`)
      .sort();
  /** A notice for the tenants of P, published with `notify`; the AdminPost. */
  const publish = async (title: string, notify: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<any> => {
    await signIn();
    const d = await mgr('/admin/posts', 'POST', { title, categoryId: category, audience: { role: 'tenant', propertyIds: [b.id('P')], personIds: [] }, ...extra });
    assert.equal(d.status, 201, d.text);
    const p = await mgr(`/admin/posts/${d.body.id}/publish`, 'POST', notify);
    assert.equal(p.status, 200, p.text);
    return p.body;
  };

  before(async () => {
    // 08:00 in Vienna.
    s = await startServer({ at: '2026-06-15T06:00:00Z' });
    b = await PostWorld.create(s, 'versand');
    await b.houses({ P: ['T1', 'T2', 'T3', 'T4', 'T5'] });
    await b.residents({
      Ida: { login: 'tenant', contracts: [['T1', 'tenant', '2024-01-01', null]] },
      Dora: { login: 'tenant', contracts: [['T2', 'tenant', '2024-01-01', null]] },
      Nora: { login: 'tenant', contracts: [['T3', 'tenant', '2024-01-01', null]] },
      // Eva's last day is today; Fritz moves into her flat tomorrow.
      Eva: { login: 'tenant', contracts: [['T4', 'tenant', '2020-01-01', '2026-06-15']] },
      Fritz: { login: 'tenant', contracts: [['T4', 'tenant', '2026-06-16', null]] },
      Mia: { login: 'manager' },
    });
    await s.db('users').where({ email: b.email('Dora') }).update({ notify_mode: 'digest' });
    await s.db('users').where({ email: b.email('Nora') }).update({ notify_mode: 'none', notify_email: false });
    category = await b.categoryId('allgemein');
  });
  after(() => s.close());

  test('the 60 s undo window: at 59.999 s nothing has gone; a cancel then stops it; at 60 s it goes and can no longer be cancelled', async () => {
    const kept = await publish('Rand genau', { notify: 'now' });
    const undone = await publish('Rand knapp', { notify: 'now' });
    const sendAt = Date.parse(undone.sends[0].sendAt);
    assert.equal(sendAt - Date.parse(undone.publishedAt), 60_000);
    // The job runner with a clock standing still at the instant (the server's clock runs on).
    const runAt = (ms: number) => runDueJobs(jobDeps(s.db, () => new Date(ms)), jobHandlers);
    await runAt(Date.parse(kept.sends[0].sendAt) - 1);
    assert.equal(await mailed('Ida', 'Rand genau'), 0);
    await runAt(Date.parse(kept.sends[0].sendAt));
    assert.equal(await mailed('Ida', 'Rand genau'), 1);
    await runAt(sendAt - 1);
    assert.equal(await mailed('Ida', 'Rand knapp'), 0);
    await signIn();
    assert.equal((await mgr(`/admin/posts/${undone.id}/sends/${undone.sends[0].id}/cancel`, 'POST')).status, 200);
    await runAt(sendAt);
    s.clock.set(new Date(sendAt + 1000).toISOString());
    await run();
    assert.equal(await mailed('Ida', 'Rand genau'), 1);
    assert.equal(await mailed('Ida', 'Rand knapp'), 0);
    await signIn();
    expectProblem(await mgr(`/admin/posts/${kept.id}/sends/${kept.sends[0].id}/cancel`, 'POST'), 409, 'send_done');
    s.clock.advance(3600);
    await run();
    assert.equal(await mailed('Ida', 'Rand genau'), 1, 'once only');
    assert.equal(await mailed('Ida', 'Rand knapp'), 0);
  });

  test('notify "at" in the year 10000 (an offset past 9999-12-31) is refused, never a send due at once', async () => {
    await signIn();
    const d = await mgr('/admin/posts', 'POST', { title: 'Fernziel', categoryId: category, audience: { role: 'tenant', propertyIds: [b.id('P')], personIds: [] } });
    const far = await mgr(`/admin/posts/${d.body.id}/publish`, 'POST', { notify: 'at', at: '9999-12-31T23:59:59-23:59' });
    expectProblem(far, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(far), ['/at']);
    assert.equal((await s.db('posts').where({ id: d.body.id }).first('status')).status, 'draft');
    const ok = await mgr(`/admin/posts/${d.body.id}/publish`, 'POST', { notify: 'at', at: '9999-12-30T00:00:00Z' });
    assert.equal(ok.status, 200, ok.text);
    const again = await mgr(`/admin/posts/${d.body.id}`, 'PATCH', { title: 'Fernziel 2', substantial: true, notify: 'at', notifyAt: '9999-12-31T23:59:59-23:59' });
    expectProblem(again, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(again), ['/notifyAt']);
    await run();
    assert.equal(await mailed('Ida', 'Fernziel'), 0);
    assert.deepEqual(await rowsOf(d.body.id), []);
    assert.equal((await mgr(`/admin/posts/${d.body.id}/unpublish`, 'POST')).status, 200);
  });

  test('unpublished before its send runs: nobody is told, the send is cancelled', async () => {
    const p = await publish('Gleich wieder weg', { notify: 'now' });
    await signIn();
    assert.equal((await mgr(`/admin/posts/${p.id}/unpublish`, 'POST')).status, 200);
    s.clock.advance(120);
    await run();
    assert.deepEqual(await rowsOf(p.id), []);
    assert.equal(await mailed('Ida', 'Gleich wieder weg'), 0);
    const send = await s.db('post_sends').where({ post_id: p.id }).first('cancelled_at', 'sent_at');
    assert.ok(send.cancelled_at);
    assert.equal(send.sent_at, null);
    // Published again without a send: still nobody told of the old one.
    await signIn();
    assert.equal((await mgr(`/admin/posts/${p.id}/publish`, 'POST', { notify: 'none' })).status, 200);
    s.clock.advance(120);
    await run();
    assert.deepEqual(await rowsOf(p.id), []);
    assert.equal((await mgr(`/admin/posts/${p.id}/unpublish`, 'POST')).status, 200);
  });

  test('a contract ending between publish and send: not told; a move-in after the send: sees it, not told; danger reaches a none person; digest persons', async () => {
    // Published today 08:xx, told tomorrow at 09:00: Eva's contract has ended by then, Fritz's has begun.
    const tomorrow9 = instantAt(nextDay(today), 9, zone).toISOString();
    const later = await publish('Morgen gesagt', { notify: 'at', at: tomorrow9 });
    // Told now (in 60 s): Eva is in, Fritz not yet; a danger notice reaches Nora (none) and Dora (digest) at once.
    const now = await publish('Heute gesagt', { notify: 'now' });
    const danger = await publish('Gefahr jetzt', { notify: 'now' }, { type: 'danger', visibleUntil: '2026-06-30' });
    s.clock.advance(61);
    await run();
    assert.deepEqual(await rowsOf(now.id), ['Dora:digest', 'Eva:immediate', 'Ida:immediate']);
    assert.deepEqual(await rowsOf(danger.id), ['Dora:immediate', 'Eva:immediate', 'Ida:immediate', 'Nora:immediate']);
    for (const name of ['Dora', 'Nora', 'Ida', 'Eva']) assert.equal(await mailed(name, 'Gefahr jetzt'), 1, name);
    assert.equal(await mailed('Nora', 'Heute gesagt'), 0);
    assert.equal(await mailed('Dora', 'Heute gesagt'), 0, 'not before the digest');
    // The digest of the 16th (07:00 Vienna), then the send at 09:00.
    s.clock.set(new Date(instantAt(nextDay(today), 7, zone).getTime() + 1000).toISOString());
    await scheduleDigests(jobDeps(s.db, s.clock.now));
    await run();
    s.clock.set(new Date(Date.parse(tomorrow9) + 1000).toISOString());
    await run();
    assert.deepEqual(await rowsOf(later.id), ['Dora:digest', 'Fritz:immediate', 'Ida:immediate']);
    assert.equal(await mailed('Eva', 'Morgen gesagt'), 0, 'moved out before the send');
    assert.equal(await mailed('Fritz', 'Heute gesagt'), 0, 'moved in after the send');
    // Fritz sees the running notices all the same, Eva no longer does.
    const fritz = await b.session(s, 'Fritz');
    const titles = (await call(s.url, '/posts?limit=200', { token: fritz.token })).body.items.map((p: any) => p.title);
    for (const title of ['Heute gesagt', 'Morgen gesagt', 'Gefahr jetzt']) assert.ok(titles.includes(title), `${title} in ${titles}`);
    const eva = await b.session(s, 'Eva');
    assert.deepEqual((await call(s.url, '/posts?limit=200', { token: eva.token })).body.items, []);
    // Dora (digest) heard of the "now" notice once, in her digest of the 16th, and of the danger notice at once.
    const digest = (await mailsTo(s.db, b.email('Dora'))).filter((m) => m.text.includes('Heute gesagt'));
    assert.equal(digest.length, 1, 'Dora hears of the notice once, in her digest');
    assert.ok(!digest[0]!.subject.includes('Heute gesagt'), 'a digest, not a mail of its own');
  });
});

describe('attack: no answer is a 500', () => {
  let s: TestServer;
  let b: PostWorld;
  before(async () => {
    s = await startServer({ at });
    b = await PostWorld.create(s, 'sweep');
    await b.houses({ P: ['U1'] });
    await b.residents({ Tina: { login: 'tenant', contracts: [['U1', 'tenant', '2024-01-01', null]] }, Mia: { login: 'manager' } });
    await b.post('mine', { properties: ['P'], appointment: { start: '2026-06-20', allDay: true } });
    await b.file('mine', 'f', { name: 'a.pdf' });
  });
  after(() => s.close());

  test('every board endpoint with odd ids, queries and bodies answers below 500, errors as problem+json', async () => {
    const [tina, mia] = await b.sessions(s, ['Tina', 'Mia'] as const).then((r) => [r.Tina, r.Mia]);
    const id = b.post$('mine');
    const ids = [id, randomUUID(), 'x', '%2e%2e', 'a'.repeat(65), '%00', '%E2%80%AE', "'%20or%201=1", '-'.repeat(8)];
    const bodies: unknown[] = [undefined, {}, [], null, 'x', 1, { ids: [id] }, { notify: 'now' }, { notify: 'at', at: 'gestern' }, { notify: 'at', at: '2026-06-15T10:00:00Z' }, { notify: 'at', at: '9999-12-31T23:59:59Z' },
      { title: 'x', substantial: true, notify: 'now' }, { substantial: true, notify: 'at', notifyAt: '2026-13-01T00:00:00Z' }, { visibleUntil: '2026-06-14' }, { appointment: null, link: null }, { audience: { role: 'none', propertyIds: [], personIds: [] } }];
    const paths = (x: string): [string, string][] => [
      ['GET', `/posts/${x}`], ['POST', `/posts/${x}/read`], ['POST', `/posts/${x}/acknowledge`], ['GET', `/posts/${x}/appointment.ics`], ['GET', `/posts/${x}/files/${x}`], ['GET', `/posts/${x}/files/${x}?size=thumb`],
      ['GET', `/admin/posts/${x}`], ['PATCH', `/admin/posts/${x}`], ['DELETE', `/admin/posts/${x}`], ['POST', `/admin/posts/${x}/audience-preview`], ['POST', `/admin/posts/${x}/publish`],
      ['POST', `/admin/posts/${x}/unpublish`], ['POST', `/admin/posts/${x}/sends/${x}/cancel`], ['GET', `/admin/posts/${x}/stats`], ['POST', `/admin/posts/${x}/remind`], ['DELETE', `/admin/posts/${x}/files/${x}`],
      ['POST', '/posts/seen'], ['GET', `/posts?property=${x}&category=${x}&cursor=${x}`], ['GET', `/admin/posts?status=${x}&cursor=${x}`], ['POST', '/admin/posts'],
    ];
    const problems: string[] = [];
    for (const x of ids) {
      for (const [method, path] of paths(x)) {
        for (const body of method === 'GET' || method === 'DELETE' ? [undefined] : bodies) {
          for (const session of [tina, mia]) {
            const a = await call(s.url, path, { method, token: session.token, body });
            if (a.status >= 500) problems.push(`${method} ${path} ${JSON.stringify(body)}: ${a.status} ${a.text.slice(0, 200)}`);
            else if (a.status >= 400 && !(a.headers.get('content-type') ?? '').startsWith('application/problem+json')) problems.push(`${method} ${path}: ${a.status} not a problem`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
