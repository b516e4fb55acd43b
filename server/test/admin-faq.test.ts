import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { auditRows, json, loginAs, managers, organizationId } from './admin-fixture.ts';
import { xssPayloads } from './fixtures/xss-payloads.ts';
import { renderFaqAnswer } from '../src/chat/faq-markdown.ts';
import { createFaqEntry, deleteFaqEntry, faqAllowed, faqRecordsOf, faqVersion, updateFaqEntry, type FaqRole } from '../src/chat/faq.ts';

// The manager API of the chat bot's FAQ (issue 13): the starter set of the demo, creating, reading, replacing and
// removing entries with their rules (every bad input a 400, 404 or 409 naming its field, never a 500), the sanitized
// answer, export and import (merge and replace, all or nothing) and the audit rows. Another organization's entries
// answer 404, residents 403, visitors 401. Then the answer renderer (faq-markdown.ts) against the XSS corpus and
// Markdown links, and what the chat reads: which entries a person may get (faqAllowed) and the cache version.

const at = '2026-03-10T09:00:00Z';

describe('manager API of the FAQ', () => {
  let s: TestServer;
  let pichler: Session;
  let krueger: Session;
  let huber: Session;
  let immoproProperty = '';
  let kruegerProperty = '';
  let foreign = '';
  const manager = (path: string, method = 'GET', body?: unknown) => json(s.url, path, pichler.token, method, body);
  const entry = (extra: Record<string, unknown> = {}) => ({ key: 'waschkueche-neu', lang: 'de', questions: ['Wann ist die Waschküche offen?', 'Öffnungszeiten Waschküche'], answer: 'Täglich von **7 bis 20 Uhr**.', ...extra });
  const created = async (extra: Record<string, unknown> = {}): Promise<any> => {
    const a = await manager('/admin/faq', 'POST', entry(extra));
    assert.equal(a.status, 201, a.text);
    return a.body;
  };
  /** A problem naming `field` (a JSON pointer). */
  const expectField = (a: Answer, status: number, field: string, code?: string) => {
    expectProblem(a, status, code);
    assert.ok(a.body.errors.some((e: { field: string }) => e.field === field), `${field} in ${a.text}`);
  };
  const count = async (slug: string): Promise<number> => Number((await s.db('faq_entries').where({ organization_id: await organizationId(s.db, slug) }).count({ n: '*' }).first())!.n);

  before(async () => {
    s = await startServer({ at });
    pichler = await loginAs(s, managers.pichler);
    krueger = await loginAs(s, managers.krueger);
    huber = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
    immoproProperty = (await s.db('properties').where({ organization_id: await organizationId(s.db, 'immopro') }).first('id')).id;
    kruegerProperty = (await s.db('properties').where({ organization_id: await organizationId(s.db, 'krueger') }).first('id')).id;
    const theirs = await json(s.url, '/admin/faq', krueger.token, 'POST', entry({ key: 'fremd' }));
    assert.equal(theirs.status, 201, theirs.text);
    foreign = theirs.body.id;
  });
  after(() => s.close());

  test('the demo starts with the starter set: 42 keys in German and English, by category, sort and key', async () => {
    const all = await manager('/admin/faq');
    assert.equal(all.status, 200, all.text);
    assert.equal(all.body.items.length, 84);
    const en = await manager('/admin/faq?lang=en');
    assert.equal(en.body.items.length, 42);
    assert.ok(en.body.items.every((e: { lang: string }) => e.lang === 'en'));
    const order = all.body.items.map((e: any) => [e.category, e.sort, e.key, e.lang]);
    const sorted = [...order].sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] !== b[1] ? a[1] - b[1] : a[2] !== b[2] ? (a[2] < b[2] ? -1 : 1) : a[3] < b[3] ? -1 : 1));
    assert.deepEqual(order, sorted);
    const chimney = all.body.items.find((e: any) => e.key === 'chimney_sweep' && e.lang === 'de');
    assert.match(chimney.questions.join(' '), /Rauchfangkehrer/);
    assert.deepEqual(all.body.items.find((e: any) => e.key === 'reserve_fund').roles, ['owner']);
    assert.equal(all.headers.get('cache-control'), 'private, no-store');
  });

  test('an entry is added with its defaults and a sanitized answer, read back, and audited', async () => {
    const e = await created({ answer: 'Täglich von **7 bis 20 Uhr**.\n\n<script>alert(1)</script> [Plan](https://www.immopro.example/plan) [x](javascript:alert(1))' });
    assert.deepEqual(
      { key: e.key, lang: e.lang, category: e.category, roles: e.roles, propertyIds: e.propertyIds, validFrom: e.validFrom, validUntil: e.validUntil, active: e.active, sort: e.sort },
      { key: 'waschkueche-neu', lang: 'de', category: 'allgemein', roles: ['tenant', 'owner'], propertyIds: [], validFrom: null, validUntil: null, active: true, sort: 0 },
    );
    assert.equal(e.answerHtml, '<p>Täglich von <strong>7 bis 20 Uhr</strong>.</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href="https://www.immopro.example/plan" rel="noopener noreferrer" target="_blank">Plan</a> [x](javascript:alert(1))</p>');
    assert.match(e.answer, /<script>/, 'the Markdown is kept as written');
    assert.ok(e.updatedAt >= at.replace('Z', '.000Z') && e.updatedAt < '2026-03-10T10:00:00Z', e.updatedAt);
    const read = await manager(`/admin/faq/${e.id}`);
    assert.deepEqual(read.body, e);
    const audit = await auditRows(s.db, 'faq.created').where({ entity_id: e.id }).first();
    assert.equal(audit.entity_type, 'faq_entry');
    assert.deepEqual(JSON.parse(audit.detail), { key: 'waschkueche-neu', lang: 'de' });
    const row = await s.db('faq_entries').where({ id: e.id }).first();
    assert.match(row.answer_text, /^Täglich von 7 bis 20 Uhr\.\n\n<script>alert\(1\)<\/script> Plan \(https:\/\/www\.immopro\.example\/plan\)/);
    assert.equal((await manager(`/admin/faq/${e.id}`, 'DELETE')).status, 204);
  });

  test('questions are trimmed and repeats dropped; roles keep their order', async () => {
    const e = await created({ key: 'trim', questions: ['  Wo ist   der Keller? ', 'wo ist der keller?', 'Kellerabteil'], roles: ['owner', 'tenant'] });
    assert.deepEqual(e.questions, ['Wo ist der Keller?', 'Kellerabteil']);
    assert.deepEqual(e.roles, ['tenant', 'owner']);
    await manager(`/admin/faq/${e.id}`, 'DELETE');
  });

  test('the rules: key taken, window, blank text, unknown and foreign properties, the contract', async () => {
    expectField(await manager('/admin/faq', 'POST', entry({ key: 'waste' })), 409, '/key', 'faq_key_taken');
    expectField(await manager('/admin/faq', 'POST', entry({ validFrom: '2026-05-01', validUntil: '2026-04-30' })), 400, '/validUntil', 'validation_failed');
    expectField(await manager('/admin/faq', 'POST', entry({ questions: ['Gut so', '   '] })), 400, '/questions/1');
    expectField(await manager('/admin/faq', 'POST', entry({ answer: '   ' })), 400, '/answer');
    expectField(await manager('/admin/faq', 'POST', entry({ category: '  ' })), 400, '/category');
    expectField(await manager('/admin/faq', 'POST', entry({ propertyIds: [kruegerProperty] })), 404, '/propertyIds', 'not_found');
    expectField(await manager('/admin/faq', 'POST', entry({ propertyIds: [immoproProperty, '0190d1a4-7a8e-7bcd-8e0f-1234567890ab'] })), 404, '/propertyIds', 'not_found');
    for (const bad of [{ key: 'Groß' }, { key: '' }, { lang: 'fr' }, { questions: [] }, { answer: 'x'.repeat(4001) }, { roles: ['manager'] }, { sort: 1.5 }, { validFrom: '2026-13-01' }, { extra: 1 }]) {
      const a = await manager('/admin/faq', 'POST', entry(bad));
      expectProblem(a, 400, 'validation_failed');
    }
    const withProperty = await created({ key: 'nur-p', propertyIds: [immoproProperty], validFrom: '2026-03-01', validUntil: '2026-03-01' });
    assert.deepEqual(withProperty.propertyIds, [immoproProperty]);
    await manager(`/admin/faq/${withProperty.id}`, 'DELETE');
    assert.equal(await count('immopro'), 84, 'nothing else was written');
  });

  test('the same key in the other language is another entry', async () => {
    const de = await created({ key: 'zweisprachig' });
    const en = await created({ key: 'zweisprachig', lang: 'en', questions: ['When is the laundry open?'], answer: 'Daily 7 am to 8 pm.' });
    assert.notEqual(de.id, en.id);
    for (const e of [de, en]) await manager(`/admin/faq/${e.id}`, 'DELETE');
  });

  test('PUT replaces the entry (omitted fields back to their defaults); a taken key is a 409', async () => {
    const e = await created({ key: 'ersetzen', category: 'haus', sort: 5, active: false });
    s.clock.advance(60);
    const put = await manager(`/admin/faq/${e.id}`, 'PUT', entry({ key: 'ersetzt', answer: '*neu*' }));
    assert.equal(put.status, 200, put.text);
    assert.equal(put.body.key, 'ersetzt');
    assert.equal(put.body.answerHtml, '<p><em>neu</em></p>');
    assert.equal(put.body.category, 'allgemein');
    assert.equal(put.body.active, true);
    assert.ok(put.body.updatedAt > e.updatedAt, 'updatedAt moves');
    expectField(await manager(`/admin/faq/${e.id}`, 'PUT', entry({ key: 'waste' })), 409, '/key', 'faq_key_taken');
    expectField(await manager(`/admin/faq/${e.id}`, 'PUT', entry({ propertyIds: [kruegerProperty] })), 404, '/propertyIds');
    assert.equal((await manager(`/admin/faq/${e.id}`, 'PUT', entry({ key: 'ersetzt' }))).status, 200, 'its own key is not taken');
    const audit = await auditRows(s.db, 'faq.updated').where({ entity_id: e.id }).first();
    assert.deepEqual(JSON.parse(audit.detail), { key: 'ersetzt', lang: 'de', before: { key: 'ersetzen', lang: 'de' } });
    assert.equal((await manager(`/admin/faq/${e.id}`, 'DELETE')).status, 204);
    expectProblem(await manager(`/admin/faq/${e.id}`), 404, 'not_found');
    expectProblem(await manager(`/admin/faq/${e.id}`, 'DELETE'), 404, 'not_found');
    expectProblem(await manager(`/admin/faq/${e.id}`, 'PUT', entry()), 404, 'not_found');
    assert.equal((await auditRows(s.db, 'faq.deleted').where({ entity_id: e.id })).length, 1);
  });

  test("another organization's entry answers 404 and stays as it is", async () => {
    expectProblem(await manager(`/admin/faq/${foreign}`), 404, 'not_found');
    expectProblem(await manager(`/admin/faq/${foreign}`, 'PUT', entry()), 404, 'not_found');
    expectProblem(await manager(`/admin/faq/${foreign}`, 'DELETE'), 404, 'not_found');
    expectProblem(await manager('/admin/faq/not-an-id'), 404, 'not_found');
    assert.equal((await json(s.url, `/admin/faq/${foreign}`, krueger.token, 'GET')).body.key, 'fremd');
  });

  test('residents get 403 and visitors 401 on every FAQ and unanswered endpoint', async () => {
    const endpoints: [string, string, unknown?][] = [
      ['GET', '/admin/faq'], ['POST', '/admin/faq', entry()], ['GET', '/admin/faq/export'], ['POST', '/admin/faq/import', { schema: 'hausportal.faq/1', entries: [] }],
      ['GET', `/admin/faq/${foreign}`], ['PUT', `/admin/faq/${foreign}`, entry()], ['DELETE', `/admin/faq/${foreign}`], ['GET', '/admin/chat/unanswered'],
    ];
    for (const [method, path, body] of endpoints) {
      expectProblem(await json(s.url, path, huber.token, method, body), 403, 'manager_only');
      expectProblem(await call(s.url, path, { method, body }), 401);
    }
  });

  test('export and import into another organization (replace) give the same FAQ', async () => {
    const exported = await manager('/admin/faq/export');
    assert.equal(exported.status, 200, exported.text);
    assert.equal(exported.body.schema, 'hausportal.faq/1');
    assert.equal(exported.body.entries.length, 84);
    assert.deepEqual(Object.keys(exported.body.entries[0]).sort(), ['active', 'answer', 'category', 'key', 'lang', 'propertyIds', 'questions', 'roles', 'sort', 'validFrom', 'validUntil']);
    const before = await count('krueger');
    const imported = await json(s.url, '/admin/faq/import?mode=replace', krueger.token, 'POST', exported.body);
    assert.equal(imported.status, 200, imported.text);
    // Krüger has the German starter set (same keys) and its own "fremd", which replace removes.
    assert.deepEqual(imported.body, { created: 0, updated: 84, removed: before - 84 });
    const again = await json(s.url, '/admin/faq/export', krueger.token, 'GET');
    assert.deepEqual(again.body, exported.body);
    const audit = await auditRows(s.db, 'faq.imported').first();
    assert.deepEqual(JSON.parse(audit.detail), { mode: 'replace', entries: 84, created: 0, updated: 84, removed: before - 84 });
  });

  test('merge adds and replaces by key and language and removes nothing', async () => {
    const doc = {
      schema: 'hausportal.faq/1',
      entries: [
        { ...entry({ key: 'waste' }), answer: 'Neu: **Mist** trennen.', category: 'entsorgung' },
        entry({ key: 'import-neu', propertyIds: [immoproProperty], roles: ['owner'] }),
      ],
    };
    const a = await manager('/admin/faq/import', 'POST', doc);
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.body, { created: 1, updated: 1, removed: 0 });
    const list = (await manager('/admin/faq?lang=de')).body.items;
    assert.equal(list.find((e: any) => e.key === 'waste').answerHtml, '<p>Neu: <strong>Mist</strong> trennen.</p>');
    assert.deepEqual(list.find((e: any) => e.key === 'import-neu').propertyIds, [immoproProperty]);
    assert.equal(await count('immopro'), 85);
  });

  test('a bad import writes nothing: foreign property 404 and twice-listed key 400 naming the entry', async () => {
    const before = await manager('/admin/faq/export');
    const foreignProperty = { schema: 'hausportal.faq/1', entries: [entry({ key: 'gut' }), entry({ key: 'schlecht', propertyIds: [kruegerProperty] })] };
    expectField(await manager('/admin/faq/import?mode=replace', 'POST', foreignProperty), 404, '/entries/1/propertyIds', 'not_found');
    const twice = { schema: 'hausportal.faq/1', entries: [entry({ key: 'doppelt' }), entry({ key: 'doppelt' })] };
    expectField(await manager('/admin/faq/import', 'POST', twice), 400, '/entries/1/key');
    const window = { schema: 'hausportal.faq/1', entries: [entry({ key: 'a' }), entry({ key: 'b', validFrom: '2026-02-02', validUntil: '2026-02-01' })] };
    expectField(await manager('/admin/faq/import', 'POST', window), 400, '/entries/1/validUntil');
    for (const bad of [{ schema: 'hausportal.faq/2', entries: [] }, { entries: [] }, { schema: 'hausportal.faq/1', entries: [{ key: 'x' }] }]) expectProblem(await manager('/admin/faq/import', 'POST', bad), 400, 'validation_failed');
    expectProblem(await manager('/admin/faq/import?mode=all', 'POST', { schema: 'hausportal.faq/1', entries: [] }), 400, 'validation_failed');
    assert.deepEqual((await manager('/admin/faq/export')).body, before.body);
  });

  test('replace with an empty document removes every entry', async () => {
    const a = await json(s.url, '/admin/faq/import?mode=replace', krueger.token, 'POST', { schema: 'hausportal.faq/1', entries: [] });
    assert.deepEqual(a.body, { created: 0, updated: 0, removed: 84 });
    assert.equal(await count('krueger'), 0);
  });
});

describe('the answer renderer', () => {
  /** Every tag the HTML may hold, written as the renderer writes it. */
  const allowedTag = /<\/?(?:p|strong|em|ul|ol|li)>|<br \/>|<\/a>|<a(?: href="(?:https:\/\/|mailto:|tel:)[^"<>]*")? rel="noopener noreferrer" target="_blank">/g;
  const unsafe = (html: string): string | null => {
    const rest = html.replace(allowedTag, '');
    return rest.includes('<') || rest.includes('>') ? rest : null;
  };

  test('the XSS corpus is shown as text: no markup but the allowed tags, the marker kept', () => {
    for (const payload of xssPayloads) {
      const { html, text } = renderFaqAnswer(payload.html);
      assert.equal(unsafe(html), null, `${payload.name}: ${html}`);
      assert.ok(text.includes(payload.marker), `${payload.name}: marker in the text`);
    }
  });

  test('Markdown links keep only https, mailto and tel targets', () => {
    const links = [
      '[a](javascript:alert(1))', '[a](JaVaScRiPt:alert(1))', '[a](&#106;avascript:alert(1))', '[a](vbscript:msgbox(1))', '[a](data:text/html;base64,PHNjcmlwdD4=)',
      '<javascript:alert(1)>', '[a](http://example.org/)', '[a](//evil.example/)', '[a](/relative)', '![a](https://example.org/x.png)', '[a](https://example.org/ "x\\" onmouseover=\\"alert(1)")',
    ];
    for (const md of links) assert.equal(unsafe(renderFaqAnswer(md).html), null, md);
    assert.doesNotMatch(links.map((md) => renderFaqAnswer(md).html).join(''), /href="(?!https:)/);
    assert.deepEqual(renderFaqAnswer('[Gas-Notruf](tel:128), [Mail](mailto:office@immopro.at), www.immopro.at, [Plan](https://www.immopro.at/plan)'), {
      html: '<p><a href="tel:128" rel="noopener noreferrer" target="_blank">Gas-Notruf</a>, <a href="mailto:office@immopro.at" rel="noopener noreferrer" target="_blank">Mail</a>, '
        + '<a href="https://www.immopro.at" rel="noopener noreferrer" target="_blank">www.immopro.at</a>, <a href="https://www.immopro.at/plan" rel="noopener noreferrer" target="_blank">Plan</a></p>',
      text: 'Gas-Notruf (128), Mail (office@immopro.at), www.immopro.at, Plan (https://www.immopro.at/plan)',
    });
  });

  test('paragraphs, line breaks and lists; headings, code and quotes stay text', () => {
    assert.deepEqual(renderFaqAnswer('# Titel\n\nEins\nzwei\n\n- a\n- b\n\n1. x\n2. y\n\n> Zitat `code`'), {
      html: '<p># Titel</p>\n<p>Eins<br />\nzwei</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>\n<p>&gt; Zitat `code`</p>',
      text: '# Titel\n\nEins\nzwei\n\n- a\n- b\n\n1. x\n2. y\n\n> Zitat `code`',
    });
    assert.deepEqual(renderFaqAnswer(''), { html: '', text: '' });
  });
});

describe('reading the FAQ for the chat', () => {
  const record = { active: true, validFrom: '2026-03-01', validUntil: '2026-03-31', roles: ['owner'] as FaqRole[], propertyIds: ['P'] };
  const asker = (signedIn: boolean, roles: FaqRole[] = [], propertyIds: string[] = []) => ({ signedIn, roles: new Set(roles), propertyIds: new Set(propertyIds) });

  test('signed out (or signed in without a contract): every active entry in its window that is not limited to properties', () => {
    const unlimited = { ...record, propertyIds: [] };
    for (const who of [asker(false), asker(true)]) {
      // Limited to properties (e.g. a door code for one building): only for people with a contract there.
      assert.equal(faqAllowed({ ...record, propertyIds: ['P'] }, who, '2026-03-10'), false);
      assert.equal(faqAllowed({ ...unlimited, roles: ['owner'] }, who, '2026-03-10'), true);
      assert.equal(faqAllowed(unlimited, who, '2026-03-01'), true);
      assert.equal(faqAllowed(unlimited, who, '2026-03-31'), true);
      assert.equal(faqAllowed(unlimited, who, '2026-02-28'), false);
      assert.equal(faqAllowed(unlimited, who, '2026-04-01'), false);
      assert.equal(faqAllowed({ ...unlimited, active: false }, who, '2026-03-10'), false);
    }
    assert.equal(faqAllowed({ ...unlimited, validFrom: null, validUntil: null }, asker(false), '1999-01-01'), true);
  });

  test('signed in: role and property must match; empty lists mean all', () => {
    assert.equal(faqAllowed(record, asker(true, ['owner'], ['P', 'Q']), '2026-03-10'), true);
    assert.equal(faqAllowed(record, asker(true, ['tenant'], ['P']), '2026-03-10'), false);
    assert.equal(faqAllowed(record, asker(true, ['owner'], ['Q']), '2026-03-10'), false);
    assert.equal(faqAllowed({ ...record, roles: [], propertyIds: [] }, asker(true, ['tenant'], ['Q']), '2026-03-10'), true);
  });

  test('the version changes with every write, also within one millisecond', async () => {
    const s = await startServer();
    try {
      const org = await organizationId(s.db, 'immopro');
      const now = '2026-03-10T09:00:00.000Z';
      const input = (key: string, answer = 'Antwort') => ({ key, lang: 'de' as const, questions: ['Frage?'], answer });
      const versions = [await faqVersion(s.db, org)];
      const id = await s.db.transaction((trx) => createFaqEntry(trx, org, input('a'), now));
      versions.push(await faqVersion(s.db, org));
      await s.db.transaction((trx) => updateFaqEntry(trx, org, id, input('a', 'Andere Antwort'), now));
      versions.push(await faqVersion(s.db, org));
      await s.db.transaction(async (trx) => {
        await deleteFaqEntry(trx, org, id);
        await createFaqEntry(trx, org, input('b'), now);
      });
      versions.push(await faqVersion(s.db, org));
      assert.equal(new Set(versions).size, 4, versions.join(' '));
      assert.equal(await faqVersion(s.db, org), versions[3], 'stable without writes');
      await assert.rejects(s.db.transaction(async (trx) => {
        await createFaqEntry(trx, org, input('c'), now);
        throw new Error('rolled back');
      }));
      assert.equal(await faqVersion(s.db, org), versions[3], 'a rolled-back write changes nothing');
      const records = await faqRecordsOf(s.db, org);
      assert.equal(records.length, 85);
      assert.deepEqual(records.filter((r) => r.key === 'b').map((r) => [r.answerText, r.answerHtml, r.roles, r.active]), [['Antwort', '<p>Antwort</p>', ['tenant', 'owner'], true]]);
    } finally {
      await s.close();
    }
  });
});
