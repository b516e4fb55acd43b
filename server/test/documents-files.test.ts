import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import yauzl from 'yauzl';
import { call, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { DocumentWorld } from './documents-fixture.ts';
import { entryNames, folderName } from '../src/documents/archive.ts';

// My documents as a tenant sees them: the category tree, the list with its filters, pages and unread count, read
// state, single downloads (headers, UTF-8 names, bytes) and ZIP archives; bad input answers 400 naming the field.

const at = '2026-06-15T10:00:00Z';
const utf8Name = 'Jahresabrechnung 2025 – Müller & Söhne.pdf';
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f00000000049454e44ae426082', 'hex');

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

/** The entries of a ZIP: name → bytes, in the archive's order. */
function unzip(bytes: Buffer): Promise<[string, Buffer][]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries: [string, Buffer][] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr) return reject(streamErr);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push([entry.fileName, Buffer.concat(chunks)]);
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The exact name of an RFC 6266 / 5987 `filename*` parameter. */
const filenameStar = (header: string | null): string | undefined => {
  const m = /filename\*=UTF-8''([^;\s]+)/.exec(header ?? '');
  return m ? decodeURIComponent(m[1]!) : undefined;
};

describe('documents: list, read state, downloads and archives', () => {
  let s: TestServer;
  let w: DocumentWorld;
  let tina: Session;
  const doc = (key: string) => w.id(`document:${key}`);
  const cat = (key: string) => w.id(`category:${key}`);
  const get = (path: string, session = tina): Promise<Answer> => call(s.url, path, { token: session.token });
  const post = (path: string, body?: unknown): Promise<Answer> => call(s.url, path, { method: 'POST', body, token: tina.token });
  const fetchBytes = async (path: string): Promise<Download> => {
    const res = await fetch(`${s.url}/api${path}`, { headers: { authorization: `Bearer ${tina.token}` } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const list = async (query = ''): Promise<any> => {
    const answer = await get(`/documents${query}`);
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  };
  const keysOf = (items: any[]) => items.map((d: any) => d.title);
  const fields = (a: Answer) => a.body.errors.map((e: any) => e.field);

  before(async () => {
    s = await startServer({ at });
    w = await DocumentWorld.create(s, 'docs-files');
    await w.person('Tina', { email: 'tina.files@example.test', password: 'Tina-Dateien-2026', role: 'tenant' });
    await w.property('P', 'Testgasse 1', null);
    await w.unit('P', 'U1');
    await w.contract('c:tina', 'U1', 'Tina', 'tenant', '2020-03-01', null, 'T-1');
    await w.category('bk', 'BK-Abrechnung', { sort: 10, en: 'Operating costs' });
    await w.category('heat', 'Heizkosten', { parent: 'bk', sort: 10 });
    await w.category('heat-detail', 'Einzelabrechnung', { parent: 'heat' });
    await w.category('contracts', 'Verträge', { sort: 20 });
    await w.category('old', 'Alt', { parent: 'contracts', sort: 5 });
    await w.category('rules', 'Hausordnung', { sort: 20 });
    await w.category('misc', 'Sonstiges', { sort: 30, sensitive: true, mandatory: true });
    const mine = { rule: 'unit_current' as const, units: ['U1'] };
    await w.released('BK 2024', { category: 'bk', date: '2025-05-31', period: '2024' }, mine);
    await w.released('Heizung 2024', { category: 'heat', date: '2025-05-31', period: '2024' }, mine);
    await w.released('Heizung Detail 2025', { category: 'heat-detail', date: '2026-04-30' }, mine);
    await w.released('Mietvertrag', { category: 'contracts', date: '2024-02-15' }, { rule: 'persons', persons: ['Tina'] });
    await w.released('Hausordnung', { category: 'rules', date: '2023-01-10' }, { rule: 'property_role', properties: ['P'] });
    await w.released('Hausordnung alt', { category: 'rules', date: '2020-01-01', fileName: 'Hausordnung.pdf' }, { rule: 'property_role', properties: ['P'] });
    await w.released('Müller', { category: 'bk', date: '2026-05-10', fileName: utf8Name }, mine);
    await w.released('Plan', { category: 'rules', date: '2024-06-01', fileName: 'Plan.png', bytes: png, mime: 'image/png' }, mine);
    tina = await login(s.url, 'tina.files@example.test', 'Tina-Dateien-2026', 'docs-files');
  });
  after(() => s.close());

  /** Newest document date first; equal dates by id, descending. */
  const byDate = () => {
    const rows: [string, string, string][] = [
      ['BK 2024', '2025-05-31', doc('BK 2024')],
      ['Heizung 2024', '2025-05-31', doc('Heizung 2024')],
      ['Heizung Detail 2025', '2026-04-30', doc('Heizung Detail 2025')],
      ['Mietvertrag', '2024-02-15', doc('Mietvertrag')],
      ['Hausordnung', '2023-01-10', doc('Hausordnung')],
      ['Hausordnung alt', '2020-01-01', doc('Hausordnung alt')],
      ['Müller', '2026-05-10', doc('Müller')],
      ['Plan', '2024-06-01', doc('Plan')],
    ];
    return rows.sort((a, b) => b[1].localeCompare(a[1]) || (b[2] < a[2] ? -1 : 1)).map((r) => r[0]);
  };

  test('categories: a tree, parents before children, each level by sort then name, with depth', async () => {
    const answer = await get('/document-categories');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'private, no-store');
    assert.deepEqual(answer.body.items.map((c: any) => [c.name.de, c.depth, c.parentId]), [
      ['BK-Abrechnung', 1, null],
      ['Heizkosten', 2, cat('bk')],
      ['Einzelabrechnung', 3, cat('heat')],
      ['Hausordnung', 1, null],
      ['Verträge', 1, null],
      ['Alt', 2, cat('contracts')],
      ['Sonstiges', 1, null],
    ]);
    assert.deepEqual(answer.body.items[0], {
      id: cat('bk'), parentId: null, name: { de: 'BK-Abrechnung', en: 'Operating costs' }, sort: 10, depth: 1,
      defaultRoles: 'both', defaultNotify: 'digest', mandatory: false, sensitive: false,
    });
    assert.deepEqual([answer.body.items[6].mandatory, answer.body.items[6].sensitive], [true, true]);
  });

  test('the list: newest first, with file, place and read state; everything unread', async () => {
    const page = await list();
    assert.deepEqual(keysOf(page.items), byDate());
    assert.deepEqual([page.nextCursor, page.unreadCount], [null, 8]);
    const müller = page.items.find((d: any) => d.title === 'Müller');
    assert.deepEqual(müller, {
      id: doc('Müller'), title: 'Müller', categoryId: cat('bk'), documentDate: '2026-05-10', periodLabel: null, fileName: utf8Name,
      mimeType: 'application/pdf', size: w.bytes.get('Müller')!.length, releasedAt: müller.releasedAt,
      place: { propertyId: w.id('P'), propertyName: 'Haus P', address: 'Testgasse 1, 1050 Wien', unitId: w.id('unit:U1'), top: 'U1' },
      seenAt: null, openedAt: null,
    });
    assert.equal(page.items.find((d: any) => d.title === 'BK 2024').periodLabel, '2024');
    assert.equal(page.items.find((d: any) => d.title === 'Plan').mimeType, 'image/png');
  });

  test('pages of any size add up to the whole list, without gaps or repeats', async () => {
    for (const limit of [1, 3, 7]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await list(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.items.length <= limit);
        assert.equal(page.unreadCount, 8);
        seen.push(...keysOf(page.items));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, byDate(), `limit ${limit}`);
    }
    const last = await list('?limit=8');
    assert.equal(last.nextCursor, null, 'no cursor when the page holds the rest');
  });

  test('filters: a category with its subcategories, a year (of the period, else of the document date), unread; the count stays global', async () => {
    const only = (keys: string[]) => byDate().filter((k) => keys.includes(k));
    assert.deepEqual(keysOf((await list(`?category=${cat('bk')}`)).items), only(['BK 2024', 'Heizung 2024', 'Heizung Detail 2025', 'Müller']));
    assert.deepEqual(keysOf((await list(`?category=${cat('heat')}`)).items), only(['Heizung 2024', 'Heizung Detail 2025']));
    assert.deepEqual(keysOf((await list(`?category=${cat('heat-detail')}`)).items), ['Heizung Detail 2025']);
    assert.deepEqual(keysOf((await list(`?category=${cat('old')}`)).items), []);
    // The year is the period's when the period label is a year (the 2024 statements dated May 2025 belong to 2024), else the document date's.
    assert.deepEqual(keysOf((await list('?year=2024')).items), only(['BK 2024', 'Heizung 2024', 'Mietvertrag', 'Plan']));
    assert.deepEqual(keysOf((await list('?year=2025')).items), []);
    assert.deepEqual(keysOf((await list(`?year=2026&category=${cat('bk')}`)).items), only(['Heizung Detail 2025', 'Müller']));
    const none = await list(`?category=${randomUUID()}`);
    assert.deepEqual([none.items, none.nextCursor, none.unreadCount], [[], null, 8]);
    const paged = await list(`?category=${cat('bk')}&limit=2`);
    const rest = await list(`?category=${cat('bk')}&limit=2&cursor=${paged.nextCursor}`);
    assert.deepEqual([...keysOf(paged.items), ...keysOf(rest.items)], only(['BK 2024', 'Heizung 2024', 'Heizung Detail 2025', 'Müller']));
    assert.deepEqual(keysOf((await list('?unread=true')).items), byDate());
    assert.deepEqual(keysOf((await list('?unread=false')).items), byDate(), 'unread=false filters nothing');
  });

  test('marking one read: seen once, not opened; the unread count and filter follow', async () => {
    const first = await post(`/documents/${doc('Mietvertrag')}/read`);
    assert.equal(first.status, 200, first.text);
    const t1 = s.clock.now().toISOString();
    assert.deepEqual({ ...first.body, seenAt: first.body.seenAt <= t1 }, { id: doc('Mietvertrag'), seenAt: true, openedAt: null, unreadCount: 7 });
    s.clock.advance(60);
    const again = await post(`/documents/${doc('Mietvertrag')}/read`);
    assert.deepEqual(again.body, first.body, 'the first time stays');
    const page = await list();
    assert.equal(page.items.find((d: any) => d.title === 'Mietvertrag').seenAt, first.body.seenAt);
    assert.deepEqual([page.unreadCount, keysOf((await list('?unread=true')).items)], [7, byDate().filter((k) => k !== 'Mietvertrag')]);
    assert.deepEqual(await w.readOf('Tina', 'Mietvertrag'), { first_seen_at: first.body.seenAt, first_opened_at: null });
  });

  test('a download: the stored type, nosniff, no caching, its length, the exact UTF-8 name and the bytes', async () => {
    const file = await fetchBytes(`/documents/${doc('Müller')}/file`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(file.headers.get('cache-control'), 'private, no-store');
    assert.equal(file.headers.get('content-length'), String(w.bytes.get('Müller')!.length));
    const disposition = file.headers.get('content-disposition');
    assert.match(disposition ?? '', /^attachment; filename="Jahresabrechnung 2025 _ M_ller & S_hne\.pdf"; /);
    assert.equal(filenameStar(disposition), utf8Name);
    assert.deepEqual(file.bytes, w.bytes.get('Müller'));
    const image = await fetchBytes(`/documents/${doc('Plan')}/file`);
    assert.deepEqual([image.headers.get('content-type'), image.headers.get('x-content-type-options'), filenameStar(image.headers.get('content-disposition'))], ['image/png', 'nosniff', 'Plan.png']);
    assert.deepEqual(image.bytes, png);
  });

  test('a download counts as opened and seen, once; an earlier seen time stays', async () => {
    const opened = await w.readOf('Tina', 'Müller');
    assert.ok(opened?.first_opened_at && opened.first_seen_at === opened.first_opened_at);
    s.clock.advance(60);
    assert.equal((await fetchBytes(`/documents/${doc('Müller')}/file`)).status, 200);
    assert.deepEqual(await w.readOf('Tina', 'Müller'), opened);
    const seen = (await w.readOf('Tina', 'Mietvertrag'))!.first_seen_at;
    await fetchBytes(`/documents/${doc('Mietvertrag')}/file`);
    const both = (await w.readOf('Tina', 'Mietvertrag'))!;
    assert.equal(both.first_seen_at, seen);
    assert.ok(both.first_opened_at! > seen!);
    const item = (await list()).items.find((d: any) => d.title === 'Mietvertrag');
    assert.deepEqual([item.seenAt, item.openedAt], [seen, both.first_opened_at]);
    const marked = await post(`/documents/${doc('Mietvertrag')}/read`);
    assert.deepEqual([marked.body.seenAt, marked.body.openedAt], [seen, both.first_opened_at]);
  });

  test('an archive: the chosen files as a ZIP in folders of their places, equal names in a folder numbered, each counted as opened', async () => {
    const ids = [doc('Hausordnung'), doc('Hausordnung alt'), doc('Plan'), doc('Hausordnung')];
    const zip = await fetchBytes(`/documents/archive?ids=${ids.join(',')}`);
    assert.equal(zip.status, 200, zip.bytes.toString());
    assert.equal(zip.headers.get('content-type'), 'application/zip');
    assert.equal(zip.headers.get('content-disposition'), `attachment; filename="Dokumente.zip"; filename*=UTF-8''Dokumente.zip`);
    assert.equal(zip.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(zip.headers.get('cache-control'), 'private, no-store');
    assert.equal(zip.headers.get('content-length'), String(zip.bytes.length));
    // Released for the property, then through the unit (as the list shows their places).
    assert.deepEqual(await unzip(zip.bytes), [
      ['Haus P/Hausordnung.pdf', w.bytes.get('Hausordnung')],
      ['Haus P/Hausordnung (2).pdf', w.bytes.get('Hausordnung alt')],
      ['Haus P, Top U1/Plan.png', png],
    ]);
    for (const key of ['Hausordnung', 'Hausordnung alt', 'Plan']) assert.ok((await w.readOf('Tina', key))?.first_opened_at, key);
    const utf8 = await fetchBytes(`/documents/archive?ids=${doc('Müller')},${doc('Mietvertrag')}`);
    assert.deepEqual(await unzip(utf8.bytes), [
      [`Haus P, Top U1/${utf8Name}`, w.bytes.get('Müller')],
      ['Persönlich/Mietvertrag.pdf', w.bytes.get('Mietvertrag')],
    ]);
  });

  test('an archive of an owner of two properties: the equal file names lie in the folders of their places', async () => {
    await w.person('Olga', { email: 'olga.files@example.test', password: 'Olga-Dateien-2026', role: 'owner' });
    await w.property('Q', 'Quellenstraße 2', null);
    await w.property('R', 'Rennweg 3', null);
    // A property name with characters no file name may hold.
    await s.db('properties').where({ id: w.id('R') }).update({ name: ' ../Haus: "R"?*<>|\\ ' });
    await w.unit('Q', 'Q-1');
    await w.unit('R', 'R-1');
    await w.contract('c:olga-q', 'Q-1', 'Olga', 'owner', '2019-01-01', null, 'O-1');
    await w.contract('c:olga-r', 'R-1', 'Olga', 'owner', '2021-01-01', null, 'O-2');
    const papers: [string, string, Parameters<DocumentWorld['release']>[2]][] = [
      ['WE-Vertrag Q', 'WE-Vertrag.pdf', { rule: 'unit_current', units: ['Q-1'] }],
      ['WE-Vertrag R', 'WE-Vertrag.pdf', { rule: 'unit_current', units: ['R-1'] }],
      ['Protokoll Q', 'WE-Vertrag.pdf', { rule: 'property_role', properties: ['Q'] }],
      ['Brief', 'WE-Vertrag.pdf', { rule: 'persons', persons: ['Olga'] }],
      ['Brief 2', 'we-vertrag.PDF', { rule: 'persons', persons: ['Olga'] }],
    ];
    for (const [key, fileName, release] of papers) await w.released(key, { category: 'contracts', date: '2025-01-01', fileName }, release);
    const olga = await login(s.url, 'olga.files@example.test', 'Olga-Dateien-2026', 'docs-files');
    const res = await fetch(`${s.url}/api/documents/archive?ids=${papers.map(([key]) => doc(key)).join(',')}`, { headers: { authorization: `Bearer ${olga.token}` } });
    assert.equal(res.status, 200);
    const entries = await unzip(Buffer.from(await res.arrayBuffer()));
    assert.deepEqual(entries.map(([name]) => name), [
      'Haus Q, Top Q-1/WE-Vertrag.pdf',
      '_Haus_ _R_______, Top R-1/WE-Vertrag.pdf',
      'Haus Q/WE-Vertrag.pdf',
      'Persönlich/WE-Vertrag.pdf',
      'Persönlich/we-vertrag (2).PDF',
    ]);
    assert.deepEqual(entries.map(([, bytes]) => bytes), papers.map(([key]) => w.bytes.get(key)));
    // The folders follow the places the list shows.
    const items = (await call(s.url, '/documents', { token: olga.token })).body.items;
    const places = papers.map(([key]) => items.find((d: any) => d.id === doc(key)).place);
    assert.deepEqual(places.map(folderName), entries.map(([name]) => name.slice(0, name.indexOf('/'))));
  });

  test('a file that does not match its recorded size cuts the archive off; the server goes on', async () => {
    await w.released('Kaputt', { category: 'rules', date: '2019-01-01' }, { rule: 'persons', persons: ['Tina'] });
    await s.db('files').where({ id: w.id('file:Kaputt') }).update({ size: 5 });
    await assert.rejects(fetchBytes(`/documents/archive?ids=${doc('Plan')},${doc('Kaputt')}`));
    assert.equal((await fetchBytes(`/documents/${doc('Plan')}/file`)).status, 200);
    await w.withdraw('Kaputt');
  });

  test('ZIP entry names: no folders or reserved characters, equal names in a folder (ignoring case) numbered', () => {
    const inFolder = (folder: string, names: string[]) => names.map((name) => ({ folder, name }));
    assert.deepEqual(entryNames(inFolder('F', ['a/b.pdf', '..', ' .x.pdf', 'C:\\boot.ini', 'x.pdf', 'X.pdf', 'x (2).pdf', 'README', 'readme', '', 'Rechnung\u202efdp.exe'])), [
      'a_b.pdf', 'Dokument', 'x.pdf', 'C__boot.ini', 'x (2).pdf', 'X (3).pdf', 'x (2) (2).pdf', 'README', 'readme (2)', 'Dokument (2)', 'Rechnung_fdp.exe',
    ].map((name) => `F/${name}`));
    assert.deepEqual(entryNames([...inFolder('A', ['x.pdf', 'x.pdf']), ...inFolder('B', ['x.pdf']), ...inFolder('a', ['X.pdf'])]), ['A/x.pdf', 'A/x (2).pdf', 'B/x.pdf', 'a/X (3).pdf']);
    const place = (propertyName: string | null, top: string | null = null) => ({ propertyName, top, unitId: top === null ? null : 'u' });
    assert.deepEqual([place(null), place('Haus A'), place('Haus A', '7'), place('..'), place(' .Haus/B: "C"? '), place('\u0000Haus\u202eC', '1/2')].map(folderName), [
      'Persönlich', 'Haus A', 'Haus A, Top 7', 'Objekt', 'Haus_B_ _C__', '_Haus_C, Top 1_2',
    ]);
  });

  test('marking all read, or those of a category and its subcategories', async () => {
    const before = (await list()).unreadCount;
    const heat = await post('/documents/read', { category: cat('heat') });
    assert.deepEqual(heat.body, { marked: 2, unreadCount: before - 2 });
    assert.deepEqual((await post('/documents/read', { category: cat('heat') })).body, { marked: 0, unreadCount: before - 2 });
    const all = await post('/documents/read', {});
    assert.deepEqual(all.body, { marked: before - 2, unreadCount: 0 });
    assert.deepEqual((await list('?unread=true')).items, []);
    assert.ok((await list()).items.every((d: any) => d.seenAt !== null));
    expectProblem(await post('/documents/read', { category: randomUUID() }), 404, 'not_found');
  });

  test('bad input answers 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/documents?year=abc', 'year'],
      ['/documents?year=1899', 'year'],
      ['/documents?limit=0', 'limit'],
      ['/documents?limit=201', 'limit'],
      ['/documents?unread=maybe', 'unread'],
      ['/documents?category=no!', 'category'],
      ['/documents?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['/documents?cursor=%2F%2F', 'cursor'],
      ['/documents?sort=title', 'sort'],
      ['/documents/short/file', 'id'],
      ['/documents/archive', 'ids'],
      ['/documents/archive?ids=', 'ids'],
      [`/documents/archive?ids=${doc('Plan')},,${doc('Plan')}`, 'ids/1'],
      [`/documents/archive?ids=${doc('Plan')},no!`, 'ids'],
      [`/documents/archive?ids=${Array.from({ length: 201 }, () => doc('Plan')).join(',')}`, 'ids'],
    ];
    for (const [path, field] of cases) {
      const answer = await get(path);
      expectProblem(answer, 400);
      assert.ok(fields(answer).includes(field), `${path}: ${JSON.stringify(fields(answer))}`);
    }
    for (const body of [{ category: 'no!' }, { category: 5 }, { other: 1 }]) {
      const answer = await post('/documents/read', body);
      expectProblem(answer, 400);
    }
    expectProblem(await post(`/documents/${'x'.repeat(70)}/read`), 400);
  });
});
