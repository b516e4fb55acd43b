import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { newId } from '../src/ids.ts';
import { academicTitles } from '../src/admin/persons-routes.ts';
import { auditRows, categoryId, json, loginAs, managers, pdf, personId, postForm, propertyId, unitId, upload } from './admin-fixture.ts';

// Who may use the manager API: managers of the token's organization only (403 for tenants and owners, 401 without a
// login), and nothing of another organization (404, like an id that does not exist). Settings and the audit log.

describe('admin: access', () => {
  let s: TestServer;
  let pichler: Session;
  let krueger: Session;
  let immoproDocument: string;
  let immoproRelease: string;
  let immoproFaq: string;

  before(async () => {
    s = await startServer({ at: '2026-06-15T10:00:00Z' });
    pichler = await loginAs(s, managers.pichler);
    krueger = await loginAs(s, managers.krueger);
    const doc = await upload(s, pichler.token, await categoryId(s.db, 'immopro', 'Hausordnung'), 'Hausordnung neu');
    immoproDocument = doc.id;
    const release = await json(s.url, `/admin/documents/${doc.id}/releases`, pichler.token, 'POST', { rule: 'property_role', propertyIds: [await propertyId(s.db, 'Wohnhausanlage Naschmarkt')] });
    assert.equal(release.status, 201, release.text);
    immoproRelease = release.body.id;
    immoproFaq = (await s.db('faq_entries as f').join('organizations as o', 'o.id', 'f.organization_id').where('o.slug', 'immopro').first('f.id')).id;
  });
  after(() => s.close());

  /** Every endpoint of the manager API, with a request that a manager could make. */
  const endpoints = (): { name: string; send: (token?: string) => Promise<Answer> }[] => {
    const doc = `/admin/documents/${immoproDocument}`;
    const rule = { rule: 'persons', personIds: ['00000000-0000-7000-8000-000000000000'] };
    return [
      { name: 'GET /admin/settings', send: (t) => call(s.url, '/admin/settings', { token: t }) },
      { name: 'PATCH /admin/settings', send: (t) => call(s.url, '/admin/settings', { token: t, method: 'PATCH', body: { digestHour: 9 } }) },
      { name: 'GET /admin/persons', send: (t) => call(s.url, '/admin/persons', { token: t }) },
      { name: 'GET /admin/documents', send: (t) => call(s.url, '/admin/documents', { token: t }) },
      {
        name: 'POST /admin/documents',
        send: (t) => postForm(s.url, '/admin/documents', t, { title: 'x', categoryId: immoproDocument, documentDate: '2026-01-01' }, [{ name: 'file', fileName: 'x.pdf', bytes: pdf() }]),
      },
      { name: 'POST /admin/documents/bulk', send: (t) => postForm(s.url, '/admin/documents/bulk', t, { dryRun: 'true' }, [{ name: 'archive', fileName: 'a.zip', bytes: pdf() }, { name: 'index', fileName: 'i.csv', bytes: Buffer.from('a;b;c;d;e\n') }]) },
      { name: 'GET /admin/documents/{id}', send: (t) => call(s.url, doc, { token: t }) },
      { name: 'DELETE /admin/documents/{id}', send: (t) => call(s.url, doc, { token: t, method: 'DELETE' }) },
      { name: 'POST …/releases', send: (t) => call(s.url, `${doc}/releases`, { token: t, body: rule }) },
      { name: 'POST …/releases/preview', send: (t) => call(s.url, `${doc}/releases/preview`, { token: t, body: rule }) },
      { name: 'DELETE …/releases/{releaseId}', send: (t) => call(s.url, `${doc}/releases/${immoproRelease}`, { token: t, method: 'DELETE' }) },
      { name: 'GET …/receipts', send: (t) => call(s.url, `${doc}/receipts`, { token: t }) },
      ...faqEndpoints(),
    ];
  };

  /** The FAQ and the unanswered questions of the chat bot. */
  const faqEndpoints = (): { name: string; send: (token?: string) => Promise<Answer> }[] => {
    const entry = { key: 'probe', lang: 'de', questions: ['Probe?'], answer: 'Probe.' };
    const faq = `/admin/faq/${immoproFaq}`;
    return [
      { name: 'GET /admin/faq', send: (t) => call(s.url, '/admin/faq', { token: t }) },
      { name: 'POST /admin/faq', send: (t) => call(s.url, '/admin/faq', { token: t, body: entry }) },
      { name: 'GET /admin/faq/export', send: (t) => call(s.url, '/admin/faq/export', { token: t }) },
      { name: 'POST /admin/faq/import', send: (t) => call(s.url, '/admin/faq/import', { token: t, body: { schema: 'hausportal.faq/1', entries: [entry] } }) },
      { name: 'GET /admin/faq/{id}', send: (t) => call(s.url, faq, { token: t }) },
      { name: 'PUT /admin/faq/{id}', send: (t) => call(s.url, faq, { token: t, method: 'PUT', body: entry }) },
      { name: 'DELETE /admin/faq/{id}', send: (t) => call(s.url, faq, { token: t, method: 'DELETE' }) },
      { name: 'GET /admin/chat/unanswered', send: (t) => call(s.url, '/admin/chat/unanswered', { token: t }) },
    ];
  };

  test('without a login every endpoint answers 401', async () => {
    for (const e of endpoints()) expectProblem(await e.send(undefined), 401);
  });

  test('tenants and owners get 403 manager_only on every endpoint, and nothing changes', async () => {
    const before = await s.db('audit_log').count({ n: '*' }).first();
    const sessions = [
      await login(s.url, demo.huber.username, demo.huber.password, 'immopro'),
      await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro'),
      await login(s.url, demo.lehner.username, demo.lehner.password, 'immopro'),
      await login(s.url, demo.lehner.username, demo.lehner.password, 'krueger'),
      await login(s.url, demo.becker.username, demo.becker.password, 'krueger'),
    ];
    for (const session of sessions)
      for (const e of endpoints()) {
        const a = await e.send(session.token);
        assert.equal(a.status, 403, `${e.name} as ${session.user?.email}: ${a.text}`);
        expectProblem(a, 403, 'manager_only');
      }
    assert.deepEqual(await s.db('audit_log').count({ n: '*' }).first(), before);
    assert.equal((await s.db('documents').where({ id: immoproDocument }).first()).withdrawn_at, null);
    assert.equal((await s.db('document_releases').where({ id: immoproRelease }).first()).revoked_at, null);
    assert.ok(await s.db('faq_entries').where({ id: immoproFaq }).first(), 'the FAQ entry is still there');
    assert.equal(await s.db('faq_entries').where({ key: 'probe' }).first(), undefined);
  });

  test('the demo managers Andrea Pichler and Sabine Krüger can use it', async () => {
    for (const manager of [pichler, krueger]) {
      for (const path of ['/admin/settings', '/admin/persons', '/admin/documents']) {
        const a = await call(s.url, path, { token: manager.token });
        assert.equal(a.status, 200, `${path}: ${a.text}`);
        assert.equal(a.headers.get('cache-control'), 'private, no-store');
      }
    }
    const persons = (await call(s.url, '/admin/persons', { token: krueger.token })).body.items.map((p: any) => p.name);
    assert.ok(persons.includes('Thomas Becker'));
    assert.ok(!persons.includes('Katharina Huber'));
  });

  test("another organization's manager gets 404 for this one's document, release, category, unit, person and property", async () => {
    const doc = `/admin/documents/${immoproDocument}`;
    const persons = { rule: 'persons', personIds: [await personId(s.db, 'krueger', 'Thomas Becker')] };
    for (const a of [
      await call(s.url, doc, { token: krueger.token }),
      await call(s.url, doc, { token: krueger.token, method: 'DELETE' }),
      await call(s.url, `${doc}/releases`, { token: krueger.token, body: persons }),
      await call(s.url, `${doc}/releases/preview`, { token: krueger.token, body: persons }),
      await call(s.url, `${doc}/releases/${immoproRelease}`, { token: krueger.token, method: 'DELETE' }),
      await call(s.url, `${doc}/receipts`, { token: krueger.token }),
      await call(s.url, `/admin/faq/${immoproFaq}`, { token: krueger.token }),
      await call(s.url, `/admin/faq/${immoproFaq}`, { token: krueger.token, method: 'PUT', body: { key: 'x', lang: 'de', questions: ['x?'], answer: 'x' } }),
      await call(s.url, `/admin/faq/${immoproFaq}`, { token: krueger.token, method: 'DELETE' }),
    ])
      expectProblem(a, 404, 'not_found');

    // A release of this organization under a document of the other one.
    const own = await upload(s, krueger.token, await categoryId(s.db, 'krueger', 'Hausordnung'));
    expectProblem(await call(s.url, `/admin/documents/${own.id}/releases/${immoproRelease}`, { token: krueger.token, method: 'DELETE' }), 404, 'not_found');

    // A category of this organization for an upload there.
    const category = await postForm(s.url, '/admin/documents', krueger.token, { title: 'x', categoryId: await categoryId(s.db, 'immopro', 'Hausordnung'), documentDate: '2026-01-01' }, [
      { name: 'file', fileName: 'x.pdf', bytes: pdf() },
    ]);
    expectProblem(category, 404, 'not_found');
    assert.deepEqual(category.body.errors.map((e: any) => e.field), ['categoryId']);

    // Units, persons and properties of this organization in a rule for a document there.
    const rules: [unknown, string][] = [
      [{ rule: 'persons', personIds: [await personId(s.db, 'immopro', 'Katharina Huber')] }, '/personIds'],
      [{ rule: 'unit_current', unitIds: [await unitId(s.db, '0048-0007')] }, '/unitIds'],
      [{ rule: 'occupancy', unitIds: [await unitId(s.db, '0048-0007')], from: '2025-01-01', to: '2025-12-31' }, '/unitIds'],
      [{ rule: 'property_role', propertyIds: [await propertyId(s.db, 'Wohnhausanlage Naschmarkt')] }, '/propertyIds'],
    ];
    for (const [rule, field] of rules) {
      for (const path of [`/admin/documents/${own.id}/releases`, `/admin/documents/${own.id}/releases/preview`]) {
        const a = await call(s.url, path, { token: krueger.token, body: rule });
        expectProblem(a, 404, 'not_found');
        assert.deepEqual(a.body.errors.map((e: any) => e.field), [field]);
      }
    }
    assert.equal(Number((await s.db('document_releases').where({ document_id: own.id }).count({ n: '*' }).first())!.n), 0);

    // Nothing of this organization in the other's lists.
    const list = (await call(s.url, '/admin/documents?limit=200', { token: krueger.token })).body.items.map((d: any) => d.id);
    assert.ok(list.includes(own.id));
    assert.ok(!list.includes(immoproDocument));
  });

  test('PATCH /admin/settings changes the digest hour at once, with an audit row naming the manager and the client address', async () => {
    const get = await call(s.url, '/admin/settings', { token: pichler.token });
    const { emergencyNumbers, ...rest } = get.body;
    assert.deepEqual({ digestHour: rest.digestHour, timeZone: rest.timeZone }, { digestHour: 7, timeZone: 'Europe/Vienna' });
    assert.ok(emergencyNumbers.some((n: { phone: string }) => n.phone === '128'), 'the demo names the Austrian gas emergency number');
    const patch = await call(s.url, '/admin/settings', { token: pichler.token, method: 'PATCH', body: { digestHour: 18 } });
    assert.equal(patch.status, 200, patch.text);
    assert.deepEqual(patch.body, { ...rest, digestHour: 18, emergencyNumbers });
    assert.equal((await call(s.url, '/admin/settings', { token: pichler.token })).body.digestHour, 18);
    assert.equal((await call(s.url, '/me', { token: pichler.token })).body.digestHour, 18);
    assert.equal((await call(s.url, '/admin/settings', { token: krueger.token })).body.digestHour, 7);

    const [row] = await auditRows(s.db, 'settings.updated');
    assert.equal(row.actor_user_id, (await s.db('users').where({ username: 'apichler' }).first()).id);
    assert.equal(row.entity_type, 'organization');
    assert.match(row.client_ip, /^(::ffff:)?127\.0\.0\.1$/);
    assert.deepEqual(JSON.parse(row.detail), { digestHour: { from: 7, to: 18 } });
    assert.ok(Date.parse(row.at) >= Date.parse('2026-06-15T10:00:00Z'));

    for (const body of [{}, { digestHour: 24 }, { digestHour: -1 }, { digestHour: '8' }, { digestHour: 8, timeZone: 'Mars/Olympus_Mons' }, { emergencyNumbers: [{ label: { de: 'Gas' }, phone: '128' }] }, { emergencyNumbers: [{ label: { de: 'Gas', en: 'Gas' }, phone: 'call me' }] }])
      expectProblem(await call(s.url, '/admin/settings', { token: pichler.token, method: 'PATCH', body }), 400, 'validation_failed');
  });

  test('PATCH /admin/settings replaces the emergency numbers that forms show for "Notfall", audited; GET /forms shows them', async () => {
    const numbers = [{ label: { de: 'Gas-Notruf', en: 'Gas emergency' }, phone: '128' }, { label: { de: 'Notdienst Installateur', en: 'Plumber on call' }, phone: '+43 1 234 56 78' }];
    const patch = await call(s.url, '/admin/settings', { token: pichler.token, method: 'PATCH', body: { emergencyNumbers: numbers } });
    assert.equal(patch.status, 200, patch.text);
    assert.deepEqual(patch.body.emergencyNumbers, numbers);
    const [row] = (await auditRows(s.db, 'settings.updated')).filter((r: { detail: string }) => 'emergencyNumbers' in JSON.parse(r.detail));
    assert.deepEqual(JSON.parse(row.detail).emergencyNumbers.to, numbers);
    const huber = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
    assert.deepEqual((await call(s.url, '/forms', { token: huber.token })).body.emergencyNumbers, numbers);
  });

  test('behind a trusted proxy the audit log keeps the forwarded client address', async () => {
    const sibling = await s.startSibling({ trustProxy: true });
    try {
      const a = await call(sibling.url, '/admin/settings', { token: pichler.token, method: 'PATCH', body: { digestHour: 6 }, headers: { 'x-forwarded-for': '203.0.113.7' } });
      assert.equal(a.status, 200, a.text);
      const rows = await auditRows(s.db, 'settings.updated');
      assert.equal(rows.at(-1).client_ip, '203.0.113.7');
    } finally {
      await sibling.close();
    }
    // Without trust, the header counts for nothing.
    await call(s.url, '/admin/settings', { token: pichler.token, method: 'PATCH', body: { digestHour: 5 }, headers: { 'x-forwarded-for': '203.0.113.8' } });
    assert.match((await auditRows(s.db, 'settings.updated')).at(-1).client_ip, /^(::ffff:)?127\.0\.0\.1$/);
  });

  test('GET /admin/persons: search by name or email, pages, every contract with hasLogin', async () => {
    const page = async (query: string) => {
      const a = await call(s.url, `/admin/persons${query}`, { token: pichler.token });
      assert.equal(a.status, 200, a.text);
      return a.body;
    };
    const huber = (await page('?q=HUBER')).items;
    assert.deepEqual(huber.map((p: any) => [p.name, p.hasLogin]), [['Katharina Huber', true]]);
    assert.deepEqual(huber[0].contracts.map((c: any) => [c.top, c.role, c.validFrom, c.validTo]), [['7', 'tenant', '2024-03-01', null]]);
    assert.equal(huber[0].contracts[0].address, 'Linke Wienzeile 48, 1060 Wien');
    // The unit's Top-EDV number (what a bulk index may name) and the property's name come with each contract.
    assert.deepEqual([huber[0].contracts[0].edvNo, huber[0].contracts[0].propertyName], ['0048-0007', 'Wohnhausanlage Naschmarkt']);
    assert.equal(huber[0].contracts[0].unitId, await unitId(s.db, '0048-0007'));
    // The former tenant: an ended contract, no login.
    const maier = (await page('?q=maier')).items;
    assert.deepEqual(maier.map((p: any) => [p.name, p.hasLogin, p.contracts[0].validTo]), [['Gerhard Maier', false, '2024-02-29']]);
    assert.deepEqual((await page('?q=%40immopro.example')).items.map((p: any) => p.name), ['Andrea Pichler']);
    // LIKE wildcards are plain characters.
    assert.deepEqual((await page('?q=%25')).items, []);
    assert.deepEqual((await page('?q=_')).items, []);

    const all = (await page('?limit=200')).items.map((p: any) => p.name);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const body = await page(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.items.map((p: any) => p.name));
      cursor = body.nextCursor;
    }
    assert.deepEqual(seen, all);
    expectProblem(await call(s.url, '/admin/persons?q=', { token: pichler.token }), 400);
    expectProblem(await call(s.url, '/admin/persons?q=a%00b', { token: pichler.token }), 400);
    expectProblem(await call(s.url, '/admin/persons?cursor=abc', { token: pichler.token }), 400);
  });

  test('GET /admin/persons sorts by name without leading academic titles (up to three), pages included', async () => {
    const org = (await s.db('organizations').where({ slug: 'immopro' }).first('id')).id;
    const titled = ['Prof. DI Dr. Anton Zeilinger', 'Mag.a Berta Titel', 'Dipl.-Ing. Christa Titel', 'Di Stefano Titel', 'Drago Titel', 'Ing.  Egon Titel', 'DR. Gustav Titel'];
    for (const name of titled) await s.db('persons').insert({ id: newId(), organization_id: org, name, email: null, created_at: new Date().toISOString() });
    const names = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const a = await call(s.url, `/admin/persons${query}${cursor ? `&cursor=${cursor}` : ''}`, { token: pichler.token });
        assert.equal(a.status, 200, a.text);
        seen.push(...a.body.items.map((p: any) => p.name));
        cursor = a.body.nextCursor;
      }
      return seen;
    };
    // "Di" and "DR." are no titles as written, "Drago" starts with none; "Ing." followed by two blanks is one.
    const expected = ['Prof. DI Dr. Anton Zeilinger', 'Mag.a Berta Titel', 'Dipl.-Ing. Christa Titel', 'DR. Gustav Titel', 'Di Stefano Titel', 'Drago Titel', 'Ing.  Egon Titel'];
    assert.deepEqual(await names('?q=titel&limit=2'), expected.slice(1));
    const all = await names('?limit=3');
    assert.deepEqual(all.filter((n) => titled.includes(n) || n === 'Dr. Elisabeth Wagner'), [
      'Prof. DI Dr. Anton Zeilinger', 'Mag.a Berta Titel', 'Dipl.-Ing. Christa Titel', 'DR. Gustav Titel', 'Di Stefano Titel', 'Drago Titel', 'Ing.  Egon Titel', 'Dr. Elisabeth Wagner',
    ]);
    // Dr. Elisabeth Wagner among the E names, after every D and before every F.
    const wagner = all.indexOf('Dr. Elisabeth Wagner');
    const key = (name: string): string => {
      const title = academicTitles.find((t) => name.startsWith(`${t} `));
      return title ? key(name.slice(title.length).trimStart()) : name[0]!;
    };
    assert.ok(all.slice(0, wagner).every((n) => key(n) <= 'E'), JSON.stringify(all));
    assert.ok(all.slice(wagner + 1).every((n) => key(n) >= 'E'), JSON.stringify(all));
  });
});
