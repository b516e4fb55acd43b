import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import yazl from 'yazl';
import { call, demo, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { auditRows, categoryId, exe, html, loginAs, managers, pdf, personId, postForm, propertyId, unitId, type FilePart } from './admin-fixture.ts';
import { DocumentWorld } from './documents-fixture.ts';
import { engineOf } from '../src/db.ts';
import { openArchive } from '../src/admin/bulk-archive.ts';

// The documents API under attack: a hostile tenant, a hostile manager of another organization and a careless client.
// Foreign ids answer exactly like unknown ones; uploads, bulk imports, release rules and query parameters that are
// wrong answer problem+json 400/404/413/415 naming the field, never a 500; concurrent writes stay one audit row each
// and never fail; download names cannot pass for another type; every rule agrees across list, file, read and archive.

const at = '2026-06-15T10:00:00Z';

/** The names of a ZIP's entries, in the archive's order (read as the bulk import reads a ZIP). */
const entriesOf = async (bytes: Buffer): Promise<string[]> => (await openArchive(bytes)).entries.map((e) => e.name);

/** A ZIP of the entries; `rename` then overwrites equally long names in the bytes (yazl refuses `../` and `/x`). */
function zip(entries: [string, Uint8Array][], rename: [string, string][] = []): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, bytes] of entries) z.addBuffer(Buffer.from(bytes), name);
    z.end();
    const parts: Buffer[] = [];
    z.outputStream.on('data', (d: Buffer) => parts.push(d));
    z.outputStream.on('error', reject);
    z.outputStream.on('end', () => {
      const out = Buffer.concat(parts);
      for (const [from, to] of rename) {
        assert.equal(Buffer.byteLength(from), Buffer.byteLength(to));
        for (let i = out.indexOf(from); i >= 0; i = out.indexOf(from, i + 1)) out.write(to, i);
      }
      resolve(out);
    });
  });
}

/** The exact name of an RFC 6266 / 5987 `filename*` parameter. */
const filenameStar = (header: string | null): string | undefined => {
  const m = /filename\*=UTF-8''([^;\s]+)/.exec(header ?? '');
  return m ? decodeURIComponent(m[1]!) : undefined;
};

/** What a client can tell apart of two answers: status, the headers that describe the body, the body. */
const visible = (a: Answer) => ({ status: a.status, type: a.headers.get('content-type'), length: a.headers.get('content-length'), body: a.text });
const fieldsOf = (a: Answer) => a.body.errors.map((e: any) => e.field).sort();
const rows = async (s: TestServer, table: string) => Number((await s.db(table).count({ n: '*' }).first())!.n);
const tables = ['documents', 'files', 'document_releases', 'document_release_targets', 'document_reads', 'audit_log', 'notifications', 'jobs'];
const counts = async (s: TestServer) => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await rows(s, t)] as const)));

describe('attack: the documents API', () => {
  let s: TestServer;
  let pichler: Session;
  let krueger: Session;
  let huber: Session;
  let wagner: Session;
  let bk: string;
  let foreignCategory: string;
  let huberId: string;
  const upload = (fields: Record<string, string>, files: FilePart[], token = pichler.token) => postForm(s.url, '/admin/documents', token, fields, files);
  const pdfPart = (fileName = 'Dokument.pdf', bytes: Uint8Array = pdf()): FilePart => ({ name: 'file', fileName, bytes, type: 'application/pdf' });
  const fields = () => ({ title: 'Abrechnung', categoryId: bk, documentDate: '2026-03-31' });
  const release = (id: string, body: unknown, token = pichler.token) => call(s.url, `/admin/documents/${id}/releases`, { token, body });
  /** A PDF uploaded by Andrea Pichler and released to Katharina Huber; its id. */
  const releasedToHuber = async (fileName: string, bytes: Uint8Array = pdf(fileName)): Promise<string> => {
    const a = await upload(fields(), [pdfPart(fileName, bytes)]);
    assert.equal(a.status, 201, a.text);
    const r = await release(a.body.id, { rule: 'persons', personIds: [huberId], notify: 'none' });
    assert.equal(r.status, 201, r.text);
    return a.body.id;
  };
  const download = async (path: string, session = huber) => {
    const res = await fetch(`${s.url}/api${path}`, { headers: { authorization: `Bearer ${session.token}` } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  before(async () => {
    s = await startServer({ at });
    [pichler, krueger] = await Promise.all([loginAs(s, managers.pichler), loginAs(s, managers.krueger)]);
    huber = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
    wagner = await login(s.url, demo.wagner.username, demo.wagner.password, demo.wagner.org);
    bk = await categoryId(s.db, 'immopro', 'BK-Abrechnung');
    foreignCategory = await categoryId(s.db, 'krueger', 'Nebenkostenabrechnung');
    huberId = await personId(s.db, 'immopro', 'Katharina Huber');
  });
  after(() => s.close());

  test('the download name always ends in the sniffed type and carries no bidi controls (file and ZIP entry)', async () => {
    const polyglot = Buffer.concat([pdf('Seite'), html()]);
    const cases: [string, Uint8Array, string][] = [
      // A right-to-left override shows "Rechnung‮fdp.exe" as "Rechnungexe.pdf".
      ['Rechnung\u202Efdp.exe', pdf(), 'Rechnung_fdp.exe.pdf'],
      // A PDF that is a web page too must not be saved as one.
      ['Seite.html', polyglot, 'Seite.html.pdf'],
      ['Scan', pdf(), 'Scan.pdf'],
      ['Bericht.PDF', pdf(), 'Bericht.PDF'],
      ['Brief\u2067.pdf', pdf(), 'Brief_.pdf'],
    ];
    for (const [name, bytes, offered] of cases) {
      const id = await releasedToHuber(name, bytes);
      const admin = await call(s.url, `/admin/documents/${id}`, { token: pichler.token });
      assert.equal(admin.body.fileName, name, 'the manager sees the name as uploaded');
      const file = await download(`/documents/${id}/file`);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.equal(filenameStar(file.headers.get('content-disposition')), offered, name);
      assert.match(file.headers.get('content-disposition')!, /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]+$/);
      const archive = await download(`/documents/archive?ids=${id}`);
      assert.deepEqual(await entriesOf(archive.bytes), [`Persönlich/${offered}`], name);
    }
  });

  test('quotes, backslashes, semicolons and percent signs stay inside a well-formed Content-Disposition', async () => {
    const boundary = 'hp-attack-boundary';
    const part = (headers: string, body: Buffer | string) => Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
    const name = 'a"b;c%41 d\'f.pdf';
    const body = Buffer.concat([
      ...Object.entries(fields()).map(([k, v]) => part(`Content-Disposition: form-data; name="${k}"`, v)),
      part(`Content-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name).replace(/'/g, '%27')}`, pdf()),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const res = await fetch(`${s.url}/api/admin/documents`, { method: 'POST', body, headers: { authorization: `Bearer ${pichler.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    const created = (await res.json()) as any;
    assert.equal(res.status, 201, JSON.stringify(created));
    assert.equal(created.fileName, name);
    await release(created.id, { rule: 'persons', personIds: [huberId], notify: 'none' });
    const file = await download(`/documents/${created.id}/file`);
    const disposition = file.headers.get('content-disposition')!;
    assert.equal(disposition, `attachment; filename="a_b_c_41 d'f.pdf"; filename*=UTF-8''a%22b%3Bc%2541%20d%27f.pdf`);
    assert.equal(filenameStar(disposition), name);
  });

  test('uploads: programs, pages and pictures called .pdf, empty files, bad names and bad forms are refused; nothing stored, no audit row', async () => {
    const before = await counts(s);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>');
    for (const bytes of [exe(), html(), svg]) {
      const a = await upload(fields(), [pdfPart('Rechnung.pdf', bytes)]);
      expectProblem(a, 415, 'unsupported_file_type');
      assert.deepEqual(fieldsOf(a), ['file']);
    }
    // An empty file is a mistake of the sender, said as such (not "must be a PDF…").
    const empty = await upload(fields(), [pdfPart('Rechnung.pdf', Buffer.alloc(0))]);
    expectProblem(empty, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(empty), ['file']);
    assert.match(empty.text, /empty/);
    const raw = async (fileHeader: string) => {
      const boundary = 'hp-raw';
      const part = (headers: string, body: Buffer | string) => Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
      const body = Buffer.concat([
        ...Object.entries(fields()).map(([k, v]) => part(`Content-Disposition: form-data; name="${k}"`, v)),
        part(fileHeader, pdf()),
        Buffer.from(`--${boundary}--\r\n`),
      ]);
      const res = await fetch(`${s.url}/api/admin/documents`, { method: 'POST', body, headers: { authorization: `Bearer ${pichler.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, body: JSON.parse(text) } as Answer;
    };
    // CR LF (a second header line), NUL: refused naming the file.
    for (const name of ['a%0D%0AX-Injected%3A%201.pdf', 'a%00.pdf', 'a%1B%5B31m.pdf']) {
      const a = await raw(`Content-Disposition: form-data; name="file"; filename*=UTF-8''${name}`);
      expectProblem(a, 400, 'validation_failed');
      assert.deepEqual(fieldsOf(a), ['file']);
    }
    const long = await upload(fields(), [pdfPart(`${'a'.repeat(252)}.pdf`)]);
    expectProblem(long, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(long), ['file']);
    const two = await upload(fields(), [pdfPart('a.pdf'), pdfPart('b.pdf')]);
    expectProblem(two, 413, 'too_many_files');
    const wrongPart = await upload(fields(), [{ name: 'datei', fileName: 'a.pdf', bytes: pdf() }]);
    expectProblem(wrongPart, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(wrongPart), ['datei']);
    const none = await upload(fields(), []);
    expectProblem(none, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(none), ['file']);
    const huge = await upload({ ...fields(), periodLabel: 'x'.repeat(64 * 1024) }, [pdfPart()]);
    expectProblem(huge, 413, 'field_too_large');
    assert.deepEqual(fieldsOf(huge), ['periodLabel']);
    expectProblem(await call(s.url, '/admin/documents', { token: pichler.token, body: fields() }), 415);
    const form = `--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nT\r\n--x--\r\n`;
    expectProblem(await call(s.url, '/admin/documents', { token: pichler.token, raw: form, headers: { 'content-type': 'text/plain; boundary=x' } }), 415);
    expectProblem(await call(s.url, '/admin/documents', { token: pichler.token, raw: form, headers: { 'content-type': 'multipart/form-data' } }), 400);
    expectProblem(await call(s.url, '/admin/documents', { token: pichler.token, raw: '{"title":"x"}', headers: { 'content-type': 'multipart/form-data; boundary=x' } }), 400);
    const foreign = await upload({ ...fields(), categoryId: foreignCategory }, [pdfPart()]);
    const unknown = await upload({ ...fields(), categoryId: randomUUID() }, [pdfPart()]);
    expectProblem(foreign, 404, 'not_found');
    assert.deepEqual(visible(foreign), visible(unknown));
    expectProblem(await upload(fields(), [pdfPart()], huber.token), 403, 'manager_only');
    assert.deepEqual(await counts(s), before);
  });

  test('a path in the file name is dropped (a backslash counts as a folder too); the name is only ever a download name', async () => {
    for (const [name, kept] of [['../../etc/passwd', 'passwd'], ['C:\\Users\\x\\Brief.pdf', 'Brief.pdf'], ['Ordner\\Brief.pdf', 'Brief.pdf']]) {
      const a = await upload(fields(), [pdfPart(name)]);
      assert.equal(a.status, 201, a.text);
      assert.equal(a.body.fileName, kept);
    }
  });

  test('titles and period labels are one line of text: line breaks, control characters or blanks are 400 naming the field', async () => {
    const before = await counts(s);
    const cases: [Record<string, string>, string][] = [
      [{ title: 'Abrechnung\r\nBitte überweisen Sie an AT00 0000' }, 'title'],
      [{ title: 'Abrechnung\u001b[2J' }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ periodLabel: '2025\n2026' }, 'periodLabel'],
      [{ periodLabel: ' ' }, 'periodLabel'],
    ];
    for (const [change, field] of cases) {
      const a = await upload({ ...fields(), ...change }, [pdfPart()]);
      expectProblem(a, 400, 'validation_failed');
      assert.deepEqual(fieldsOf(a), [field], JSON.stringify(change));
    }
    assert.deepEqual(await counts(s), before);
    // HTML and script are just text: kept and answered as JSON data, exactly.
    const script = '<img src=x onerror=alert(1)><script>alert(document.cookie)</script>';
    const ok = await upload({ ...fields(), title: script }, [pdfPart()]);
    assert.equal(ok.status, 201, ok.text);
    assert.match(ok.headers.get('content-type')!, /^application\/json/);
    assert.equal(ok.body.title, script);
  });

  test('a form field the contract does not know is 400 naming it, not silently dropped', async () => {
    const before = await counts(s);
    const a = await upload({ ...fields(), notify: 'immediate' }, [pdfPart()]);
    expectProblem(a, 400, 'validation_failed');
    assert.deepEqual(a.body.errors.map((e: any) => [e.field, e.code]), [['notify', 'unknown_field']]);
    const bulk = await postForm(s.url, '/admin/documents/bulk', pichler.token, { dryRun: 'true', title: 'x' }, [
      { name: 'archive', fileName: 'a.zip', bytes: await zip([['a.pdf', pdf()]]) },
      { name: 'index', fileName: 'i.csv', bytes: Buffer.from('a.pdf;katharina.huber@example.com;BK-Abrechnung;Brief;2026-01-01\n') },
    ]);
    expectProblem(bulk, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(bulk), ['title']);
    assert.deepEqual(await counts(s), before);
  });

  test('bulk: paths in the ZIP are only names, formulas are plain titles, bombs and floods are refused', async () => {
    const archive = await zip(
      [['QQ/QQ/etc/Brief.pdf', pdf('a')], ['Qtmp/Abs.pdf', pdf('b')], ['CQQwinQWin.pdf', pdf('c')]],
      [['QQ/QQ/', '../../'], ['Qtmp/', '/tmp/'], ['CQQwinQ', 'C:\\win\\']],
    );
    const index = Buffer.from(
      [
        '../../etc/Brief.pdf;katharina.huber@example.com;BK-Abrechnung;=cmd|\' /C calc\'!A0;2026-01-01',
        'Abs.pdf;katharina.huber@example.com;BK-Abrechnung;+SUM(A1);2026-01-01',
        'Win.pdf;katharina.huber@example.com;BK-Abrechnung;@Brief;2026-01-01',
        'Brief.pdf;katharina.huber@example.com;BK-Abrechnung;"Zeile 1\nZeile 2";2026-01-01',
        'Brief.pdf;jana.schulz@example.org;BK-Abrechnung;Fremd;2026-01-01',
        'Brief.pdf;0145-0002;BK-Abrechnung;Fremde Einheit;2026-01-01',
        'Brief.pdf;katharina.huber@example.com;BK-Abrechnung;Zu viele;2026-01-01;x',
      ].join('\n'),
    );
    const send = (fields: Record<string, string>, a: Buffer, i: Buffer) =>
      postForm(s.url, '/admin/documents/bulk', pichler.token, fields, [
        { name: 'archive', fileName: 'a.zip', bytes: a },
        { name: 'index', fileName: 'i.csv', bytes: i },
      ]);
    const before = await counts(s);
    const dry = await send({ dryRun: 'true' }, archive, index);
    assert.equal(dry.status, 200, dry.text);
    assert.deepEqual(dry.body.rows.map((r: any) => r.status), ['matched', 'matched', 'matched', 'invalid', 'unmatched', 'unmatched', 'invalid']);
    assert.match(dry.body.rows[3].message, /title/i);
    assert.deepEqual(await counts(s), before, 'a dry run stores nothing');

    const real = await send({ notify: 'none' }, archive, index);
    assert.equal(real.status, 200, real.text);
    const stored = real.body.rows.filter((r: any) => r.documentId !== null).map((r: any) => r.documentId);
    assert.equal(stored.length, 3);
    const docs = await Promise.all(stored.map((id: string) => call(s.url, `/admin/documents/${id}`, { token: pichler.token })));
    assert.deepEqual(docs.map((d) => [d.body.title, d.body.fileName]), [
      ["=cmd|' /C calc'!A0", 'Brief.pdf'],
      ['+SUM(A1)', 'Abs.pdf'],
      ['@Brief', 'Win.pdf'],
    ]);

    // Latin-1, a BOM-only index, a bomb, a flood of entries.
    expectProblem(await send({ dryRun: 'true' }, archive, Buffer.from('Abs.pdf;x;BK-Abrechnung;M\xfcller;2026-01-01\n', 'latin1')), 400, 'validation_failed');
    expectProblem(await send({ dryRun: 'true' }, archive, Buffer.from('\ufeff')), 400, 'validation_failed');
    const bomb = await zip([['Bombe.pdf', Buffer.concat([pdf(), Buffer.alloc(s.config.uploadMaxBytes)])]]);
    assert.ok(bomb.length * 200 < s.config.uploadMaxBytes);
    const boom = await send({ dryRun: 'true' }, bomb, Buffer.from('Bombe.pdf;katharina.huber@example.com;BK-Abrechnung;Bombe;2026-01-01\n'));
    expectProblem(boom, 413, 'archive_too_large');
    const flood = await zip(Array.from({ length: 2001 }, (_, i) => [`f${i}.pdf`, new Uint8Array()] as [string, Uint8Array]));
    expectProblem(await send({ dryRun: 'true' }, flood, Buffer.from('f1.pdf;x@y;BK-Abrechnung;T;2026-01-01\n')), 413, 'too_many_entries');
  });

  test('bulk: a failure in the middle of the import stores nothing', async () => {
    const engine = engineOf(s.db);
    if (engine === 'sqlite') {
      await s.db.raw("create trigger attack_boom before insert on documents when new.title = 'Boom' begin select raise(abort, 'boom'); end");
    } else {
      await s.db.raw("create function attack_boom() returns trigger language plpgsql as $$ begin if new.title = 'Boom' then raise exception 'boom'; end if; return new; end $$");
      await s.db.raw('create trigger attack_boom before insert on documents for each row execute function attack_boom()');
    }
    try {
      const before = await counts(s);
      const a = await postForm(s.url, '/admin/documents/bulk', pichler.token, { notify: 'immediate' }, [
        { name: 'archive', fileName: 'a.zip', bytes: await zip([['a.pdf', pdf('a')], ['b.pdf', pdf('b')], ['c.pdf', pdf('c')]]) },
        {
          name: 'index',
          fileName: 'i.csv',
          bytes: Buffer.from(['a.pdf;katharina.huber@example.com;BK-Abrechnung;Erster;2026-01-01', 'b.pdf;katharina.huber@example.com;BK-Abrechnung;Boom;2026-01-01', 'c.pdf;katharina.huber@example.com;BK-Abrechnung;Dritter;2026-01-01'].join('\n')),
        },
      ]);
      expectProblem(a, 500, 'internal_error');
      assert.deepEqual(await counts(s), before);
    } finally {
      await s.db.raw(engine === 'sqlite' ? 'drop trigger attack_boom' : 'drop trigger attack_boom on documents');
      if (engine !== 'sqlite') await s.db.raw('drop function attack_boom()');
    }
  });

  test('release rules that make no sense are 400 naming the field; previews and failures leave no audit row', async () => {
    const doc = (await upload(fields(), [pdfPart()])).body.id;
    const unit = await unitId(s.db, '0048-0007');
    const before = await rows(s, 'audit_log');
    const cases: [unknown, string[]][] = [
      [{ rule: 'occupancy', unitIds: [unit], from: '2026-02-01', to: '2026-01-31' }, ['/from']],
      [{ rule: 'occupancy', unitIds: [unit], from: '2026-02-30', to: '2026-03-31' }, ['/from']],
      [{ rule: 'occupancy', unitIds: [unit], from: '2026-01-01' }, ['/to']],
      [{ rule: 'unit_current', unitIds: [unit, unit] }, ['/unitIds']],
      [{ rule: 'unit_current', unitIds: Array.from({ length: 1001 }, () => randomUUID()) }, ['/unitIds']],
      [{ rule: 'unit_current', unitIds: [] }, ['/unitIds']],
      [{ rule: 'unit_current', unitIds: [unit], from: '2026-01-01' }, ['/from']],
      [{ rule: 'persons', personIds: [huberId], roles: 'tenant' }, ['/roles']],
      [{ rule: 'persons', personIds: [huberId], unitIds: [unit] }, ['/unitIds']],
      [{ rule: 'property_role', unitIds: [unit] }, ['/propertyIds', '/unitIds']],
      [{ rule: 'unit_current', unitIds: [unit], roles: 'manager' }, ['/roles']],
      [{ rule: 'everyone' }, ['/rule']],
      [{ rule: 'unit_current', unitIds: [unit], notify: 'always' }, ['/notify']],
    ];
    for (const [body, expected] of cases) {
      for (const path of [`/admin/documents/${doc}/releases`, `/admin/documents/${doc}/releases/preview`]) {
        const a = await call(s.url, path, { token: pichler.token, body });
        expectProblem(a, 400, 'validation_failed');
        assert.deepEqual(fieldsOf(a), expected, `${path} ${JSON.stringify(body).slice(0, 80)}`);
      }
    }
    const preview = await call(s.url, `/admin/documents/${doc}/releases/preview`, { token: pichler.token, body: { rule: 'property_role', propertyIds: [await propertyId(s.db, 'Wohnhausanlage Naschmarkt')] } });
    assert.equal(preview.status, 200, preview.text);
    assert.equal(await rows(s, 'audit_log'), before);
  });

  test("another organization's ids answer exactly like unknown ones, on every manager endpoint", async () => {
    const mine = (await upload(fields(), [pdfPart()])).body.id;
    const theirs = (await upload({ ...fields(), categoryId: foreignCategory }, [pdfPart()], krueger.token)).body.id;
    const theirUnit = (await s.db('units as u').join('properties as p', 'p.id', 'u.property_id').join('organizations as o', 'o.id', 'p.organization_id').where('o.slug', 'krueger').first('u.id', 'u.property_id')) as { id: string; property_id: string };
    const theirPerson = await personId(s.db, 'krueger', 'Jana Schulz');
    const theirRelease = (await release(theirs, { rule: 'unit_current', unitIds: [theirUnit.id], notify: 'none' }, krueger.token)).body.id;
    const myRelease = (await release(mine, { rule: 'persons', personIds: [huberId], notify: 'none' })).body.id;
    const other = (await upload(fields(), [pdfPart()])).body.id;
    const before = await counts(s);
    const pairs: [string, string, unknown, string, unknown][] = [
      ['GET', `/admin/documents/${theirs}`, undefined, `/admin/documents/${randomUUID()}`, undefined],
      ['DELETE', `/admin/documents/${theirs}`, undefined, `/admin/documents/${randomUUID()}`, undefined],
      ['GET', `/admin/documents/${theirs}/receipts`, undefined, `/admin/documents/${randomUUID()}/receipts`, undefined],
      ['POST', `/admin/documents/${theirs}/releases`, { rule: 'persons', personIds: [huberId] }, `/admin/documents/${randomUUID()}/releases`, { rule: 'persons', personIds: [huberId] }],
      ['POST', `/admin/documents/${theirs}/releases/preview`, { rule: 'persons', personIds: [huberId] }, `/admin/documents/${randomUUID()}/releases/preview`, { rule: 'persons', personIds: [huberId] }],
      ['DELETE', `/admin/documents/${theirs}/releases/${theirRelease}`, undefined, `/admin/documents/${randomUUID()}/releases/${randomUUID()}`, undefined],
      // Their release under my document, my release under another of my documents.
      ['DELETE', `/admin/documents/${mine}/releases/${theirRelease}`, undefined, `/admin/documents/${mine}/releases/${randomUUID()}`, undefined],
      ['DELETE', `/admin/documents/${other}/releases/${myRelease}`, undefined, `/admin/documents/${other}/releases/${randomUUID()}`, undefined],
      ['POST', `/admin/documents/${mine}/releases`, { rule: 'persons', personIds: [theirPerson] }, `/admin/documents/${mine}/releases`, { rule: 'persons', personIds: [randomUUID()] }],
      ['POST', `/admin/documents/${mine}/releases`, { rule: 'unit_current', unitIds: [theirUnit.id] }, `/admin/documents/${mine}/releases`, { rule: 'unit_current', unitIds: [randomUUID()] }],
      ['POST', `/admin/documents/${mine}/releases/preview`, { rule: 'property_role', propertyIds: [theirUnit.property_id] }, `/admin/documents/${mine}/releases/preview`, { rule: 'property_role', propertyIds: [randomUUID()] }],
      ['POST', `/admin/documents/${mine}/releases/preview`, { rule: 'occupancy', unitIds: [theirUnit.id], from: '2025-01-01', to: '2025-12-31' }, `/admin/documents/${mine}/releases/preview`, { rule: 'occupancy', unitIds: [randomUUID()], from: '2025-01-01', to: '2025-12-31' }],
    ];
    for (const [method, foreign, foreignBody, unknown, unknownBody] of pairs) {
      const a = await call(s.url, foreign, { token: pichler.token, method, body: foreignBody });
      const b = await call(s.url, unknown, { token: pichler.token, method, body: unknownBody });
      expectProblem(a, 404, 'not_found');
      assert.deepEqual(visible(a), visible(b), `${method} ${foreign}`);
    }
    assert.deepEqual(await counts(s), before, 'nothing written, nothing audited');
    // Tenants and owners: 403 before any id is looked at.
    for (const session of [huber, wagner]) {
      for (const [method, path, body] of [
        ['GET', '/admin/settings'], ['PATCH', '/admin/settings', { digestHour: 3 }], ['GET', '/admin/persons'], ['GET', '/admin/documents'],
        ['GET', `/admin/documents/${mine}`], ['DELETE', `/admin/documents/${mine}`], ['GET', `/admin/documents/${mine}/receipts`],
        ['POST', `/admin/documents/${mine}/releases`, { rule: 'persons', personIds: [huberId] }],
        ['POST', `/admin/documents/${mine}/releases/preview`, { rule: 'persons', personIds: [huberId] }],
        ['DELETE', `/admin/documents/${mine}/releases/${myRelease}`], ['DELETE', `/admin/documents/${theirs}/releases/${theirRelease}`],
      ] as [string, string, unknown?][]) {
        expectProblem(await call(s.url, path, { token: session.token, method, body }), 403, 'manager_only');
      }
    }
    assert.deepEqual(await counts(s), before);
  });

  test('the audit log: one row per write, by the manager who wrote, in her organization; lists never cross organizations', async () => {
    const org = (await s.db('organizations').where({ slug: 'krueger' }).first('id')).id;
    const actor = (await s.db('users').where({ username: managers.krueger.username }).first('id')).id;
    const seen = new Set((await auditRows(s.db)).map((r: any) => r.id));
    const fresh = async () => (await auditRows(s.db)).filter((r: any) => !seen.has(r.id) && (seen.add(r.id), true));
    const doc = (await upload({ ...fields(), categoryId: foreignCategory }, [pdfPart('Krüger.pdf')], krueger.token)).body.id;
    const theirPerson = await personId(s.db, 'krueger', 'Jana Schulz');
    const made = await release(doc, { rule: 'persons', personIds: [theirPerson], notify: 'none' }, krueger.token);
    await call(s.url, `/admin/documents/${doc}/releases/preview`, { token: krueger.token, body: { rule: 'persons', personIds: [theirPerson] } });
    await call(s.url, `/admin/documents/${doc}/receipts`, { token: krueger.token });
    await call(s.url, `/admin/documents/${doc}/releases/${made.body.id}`, { token: krueger.token, method: 'DELETE' });
    await call(s.url, `/admin/documents/${doc}/releases/${made.body.id}`, { token: krueger.token, method: 'DELETE' });
    await call(s.url, `/admin/documents/${doc}`, { token: krueger.token, method: 'DELETE' });
    await call(s.url, `/admin/documents/${doc}`, { token: krueger.token, method: 'DELETE' });
    const hour = (await call(s.url, '/admin/settings', { token: krueger.token })).body.digestHour;
    await call(s.url, '/admin/settings', { token: krueger.token, method: 'PATCH', body: { digestHour: (hour + 1) % 24 } });
    await call(s.url, '/admin/settings', { token: krueger.token, method: 'PATCH', body: { digestHour: (hour + 1) % 24 } });
    const written = await fresh();
    assert.deepEqual(written.map((r: any) => [r.action, r.entity_id]), [
      ['document.uploaded', doc], ['document.released', made.body.id], ['document.release_revoked', made.body.id], ['document.withdrawn', doc], ['settings.updated', org],
    ]);
    assert.ok(written.every((r: any) => r.actor_user_id === actor && r.organization_id === org));
    // Andrea Pichler's lists hold nothing of Krüger's, and Krüger's search finds nobody of hers.
    const list = await call(s.url, '/admin/documents?limit=200', { token: pichler.token });
    assert.ok(!list.body.items.some((d: any) => d.id === doc));
    assert.deepEqual((await call(s.url, '/admin/persons?q=huber', { token: krueger.token })).body.items, []);
  });

  test('GET /documents: bad query parameters are 400 naming them; another organization\'s category is like an unknown one', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'], ['limit=201', 'limit'], ['limit=abc', 'limit'], ['limit=1&limit=2', 'limit'], ['cursor=garbage', 'cursor'],
      [`cursor=${Buffer.from('[1,2]').toString('base64url')}`, 'cursor'], ['year=1e400', 'year'], ['year=Infinity', 'year'], ['year=2026.5', 'year'],
      ['unread=maybe', 'unread'], ['unread=true&unread=false', 'unread'], [`category=${bk}&category=${bk}`, 'category'], ['category=../x', 'category'],
      ['cursor=', 'cursor'], ['sort=title', 'sort'],
    ]) {
      const a = await call(s.url, `/documents?${query}`, { token: huber.token });
      expectProblem(a, 400, 'validation_failed');
      assert.deepEqual(fieldsOf(a), [field], query);
    }
    const foreign = await call(s.url, `/documents?category=${foreignCategory}`, { token: huber.token });
    const unknown = await call(s.url, `/documents?category=${randomUUID()}`, { token: huber.token });
    assert.deepEqual([foreign.status, foreign.body.items], [200, []]);
    assert.deepEqual(visible(foreign), visible(unknown));
    const read = await call(s.url, '/documents/read', { token: huber.token, body: { category: foreignCategory } });
    expectProblem(read, 404, 'not_found');
    assert.deepEqual(visible(read), visible(await call(s.url, '/documents/read', { token: huber.token, body: { category: randomUUID() } })));
  });

  test('archives: duplicates once, at most 200 ids, none empty; withdrawn or foreign ids refuse the whole archive like unknown ones', async () => {
    const a = await releasedToHuber('Eins.pdf');
    const b = await releasedToHuber('Zwei.pdf');
    const ok = await download(`/documents/archive?ids=${[a, b, a, a, b].join(',')}`);
    assert.equal(ok.status, 200);
    assert.deepEqual(await entriesOf(ok.bytes), ['Persönlich/Eins.pdf', 'Persönlich/Zwei.pdf']);
    assert.equal((await download(`/documents/archive?ids=${Array(200).fill(a).join(',')}`)).status, 200);
    for (const query of [`ids=${Array(201).fill(a).join(',')}`, 'ids=', 'ids=,', `ids=${a},`, '']) {
      const answer = await call(s.url, `/documents/archive?${query}`, { token: huber.token });
      expectProblem(answer, 400, 'validation_failed');
      assert.ok(fieldsOf(answer).every((f: string) => f === 'ids' || f.startsWith('ids/')), `${query.slice(0, 40)}: ${answer.text}`);
    }
    const unknown = await call(s.url, `/documents/archive?ids=${a},${randomUUID()}`, { token: huber.token });
    expectProblem(unknown, 404, 'not_found');
    const foreignDoc = (await upload({ ...fields(), categoryId: foreignCategory }, [pdfPart()], krueger.token)).body.id;
    const notMine = (await upload(fields(), [pdfPart()])).body.id;
    const withdrawn = await releasedToHuber('Weg.pdf');
    assert.equal((await call(s.url, `/admin/documents/${withdrawn}`, { token: pichler.token, method: 'DELETE' })).status, 204);
    for (const id of [foreignDoc, notMine, withdrawn]) {
      assert.deepEqual(visible(await call(s.url, `/documents/archive?ids=${a},${id}`, { token: huber.token })), visible(unknown), id);
      assert.deepEqual(visible(await call(s.url, `/documents/${id}/file`, { token: huber.token })), visible(await call(s.url, `/documents/${randomUUID()}/file`, { token: huber.token })));
    }
  });

  test('a revoked release while another stays live: the document stays, once; revoking the last ends it', async () => {
    const id = await releasedToHuber('Zweimal.pdf');
    const second = await release(id, { rule: 'unit_current', unitIds: [await unitId(s.db, '0048-0007')], roles: 'tenant', notify: 'none' });
    assert.equal(second.status, 201, second.text);
    const first = (await call(s.url, `/admin/documents/${id}`, { token: pichler.token })).body.releases[0].id;
    assert.equal((await call(s.url, `/admin/documents/${id}/releases/${first}`, { token: pichler.token, method: 'DELETE' })).status, 204);
    const list = await call(s.url, '/documents?limit=200', { token: huber.token });
    assert.equal(list.body.items.filter((d: any) => d.id === id).length, 1);
    assert.equal((await download(`/documents/${id}/file`)).status, 200);
    assert.equal((await download(`/documents/archive?ids=${id}`)).status, 200);
    assert.equal((await call(s.url, `/admin/documents/${id}/releases/${second.body.id}`, { token: pichler.token, method: 'DELETE' })).status, 204);
    expectProblem(await call(s.url, `/documents/${id}/file`, { token: huber.token }), 404, 'not_found');
    expectProblem(await call(s.url, `/documents/archive?ids=${id}`, { token: huber.token }), 404, 'not_found');
    expectProblem(await call(s.url, `/documents/${id}/read`, { token: huber.token, method: 'POST' }), 404, 'not_found');
  });

  test('at once: revoking or withdrawing the same thing is one audit row, changed settings keep a true "from"', async () => {
    const id = await releasedToHuber('Gleichzeitig.pdf');
    const releaseId = (await call(s.url, `/admin/documents/${id}`, { token: pichler.token })).body.releases[0].id;
    const naschmarkt = await propertyId(s.db, 'Wohnhausanlage Naschmarkt');
    const releases = await Promise.all(Array.from({ length: 5 }, () => release(id, { rule: 'property_role', propertyIds: [naschmarkt], notify: 'none' })));
    assert.deepEqual(releases.map((r) => r.status), Array(5).fill(201));
    const released = (await auditRows(s.db, 'document.released')).filter((r: any) => JSON.parse(r.detail).documentId === id);
    assert.deepEqual(released.map((r: any) => r.entity_id).sort(), [releaseId, ...releases.map((r) => r.body.id)].sort());
    const revokes = await Promise.all(Array.from({ length: 8 }, () => call(s.url, `/admin/documents/${id}/releases/${releaseId}`, { token: pichler.token, method: 'DELETE' })));
    assert.deepEqual(revokes.map((r) => r.status), Array(8).fill(204));
    assert.equal((await auditRows(s.db, 'document.release_revoked')).filter((r: any) => r.entity_id === releaseId).length, 1);
    const revoked = await s.db('document_releases').where({ id: releaseId }).first('revoked_at');
    assert.ok(revoked.revoked_at);

    const withdraws = await Promise.all(Array.from({ length: 8 }, () => call(s.url, `/admin/documents/${id}`, { token: pichler.token, method: 'DELETE' })));
    assert.deepEqual(withdraws.map((r) => r.status), Array(8).fill(204));
    assert.equal((await auditRows(s.db, 'document.withdrawn')).filter((r: any) => r.entity_id === id).length, 1);

    const start = (await call(s.url, '/admin/settings', { token: pichler.token })).body.digestHour;
    const hours = [1, 2, 3, 4, 5, 6].filter((h) => h !== start);
    const patches = await Promise.all(hours.map((digestHour) => call(s.url, '/admin/settings', { token: pichler.token, method: 'PATCH', body: { digestHour } })));
    assert.deepEqual(patches.map((p) => p.status), hours.map(() => 200));
    const org = (await s.db('organizations').where({ slug: 'immopro' }).first('id')).id;
    const changes = (await auditRows(s.db, 'settings.updated')).filter((r: any) => r.organization_id === org).map((r: any) => JSON.parse(r.detail).digestHour);
    // Each change starts where the one before ended: a chain from the first value to the stored one.
    const byFrom = new Map(changes.map((c: { from: number; to: number }) => [c.from, c.to]));
    assert.equal(byFrom.size, changes.length, JSON.stringify(changes));
    let hour = start;
    for (let i = 0; i < changes.length; i++) hour = byFrom.get(hour) as number;
    assert.equal(hour, (await call(s.url, '/admin/settings', { token: pichler.token })).body.digestHour, JSON.stringify(changes));
  });

  test('document dates and the year filter span 1900–2099: an old Teilungserklärung can be filtered, year 0 or 1850 cannot be stored', async () => {
    const old = await upload({ ...fields(), documentDate: '1985-06-01' }, [pdfPart('Teilungserklärung 1985.pdf')]);
    assert.equal(old.status, 201, old.text);
    for (const documentDate of ['0000-01-01', '1850-02-01', '2100-01-01']) {
      const a = await upload({ ...fields(), documentDate }, [pdfPart()]);
      expectProblem(a, 400, 'validation_failed');
      assert.deepEqual(fieldsOf(a), ['documentDate']);
    }
    assert.equal((await call(s.url, '/documents?year=1985', { token: huber.token })).status, 200);
    for (const year of ['1899', '2100']) expectProblem(await call(s.url, `/documents?year=${year}`, { token: huber.token }), 400);
  });

  test('one person downloading archives and marking all read at once never fails', async () => {
    const w = await DocumentWorld.create(s, 'attack-reads');
    await w.person('Tina', { email: 'tina.attack@example.test', password: 'Tina-Angriff-2026', role: 'tenant' });
    await w.category('c', 'Briefe');
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push(await w.released(`d${i}`, { category: 'c', date: '2026-01-01' }, { rule: 'persons', persons: ['Tina'] }));
    const tina = await login(s.url, 'tina.attack@example.test', 'Tina-Angriff-2026', 'attack-reads');
    // Each archive asks for the documents in another order.
    const orders = [1, 3, 7, 9, 11, 13].map((step, k) => ids.map((_, i) => ids[(i * step + k * 37) % ids.length]!));
    for (let round = 0; round < 3; round++) {
      await s.db('document_reads').whereIn('document_id', ids).del();
      const answers = await Promise.all([
        ...orders.map((order) => download(`/documents/archive?ids=${order.join(',')}`, tina)),
        call(s.url, '/documents/read', { token: tina.token, body: {} }),
        call(s.url, '/documents/read', { token: tina.token, body: {} }),
      ]);
      assert.deepEqual(answers.map((a) => a.status), Array(8).fill(200), `round ${round}`);
      assert.equal(await s.db('document_reads').whereIn('document_id', ids).whereNotNull('first_opened_at').count({ n: '*' }).first().then((r) => Number(r!.n)), 200);
    }
  });
});

describe('attack: ended and future contracts agree across list, file, read and archive', () => {
  let s: TestServer;
  let w: DocumentWorld;
  const people = ['Tina', 'Emil', 'Fritz', 'Olga', 'Edda'] as const;
  const who = {} as Record<(typeof people)[number], Session>;

  before(async () => {
    s = await startServer({ at });
    w = await DocumentWorld.create(s, 'attack-rules');
    for (const name of people) await w.person(name, { email: `${name.toLowerCase()}.rules@example.test`, password: `${name}-Regeln-2026`, role: name === 'Olga' || name === 'Edda' ? 'owner' : 'tenant' });
    await w.property('P', 'Angriffsgasse 1', null);
    for (const top of ['U1', 'U2', 'U3', 'U4']) await w.unit('P', top);
    await w.contract('c:tina', 'U1', 'Tina', 'tenant', '2024-03-01', null, 'T-1');
    await w.contract('c:olga', 'U1', 'Olga', 'owner', '2015-01-01', null, 'O-1');
    await w.contract('c:emil', 'U2', 'Emil', 'tenant', '2022-01-01', '2025-06-30', 'E-2');
    await w.contract('c:fritz', 'U3', 'Fritz', 'tenant', '2026-09-01', null, 'F-3');
    await w.contract('c:edda', 'U4', 'Edda', 'owner', '2010-01-01', '2024-12-31', 'E-4');
    await w.category('c', 'Schreiben');
    const all = { units: ['U1', 'U2', 'U3', 'U4'] };
    await w.released('persons', { category: 'c', date: '2026-01-01' }, { rule: 'persons', persons: ['Emil', 'Fritz'] });
    await w.released('occupancy 2025', { category: 'c', date: '2026-01-02' }, { rule: 'occupancy', period: ['2025-01-01', '2025-12-31'], ...all });
    await w.released('occupancy 2024', { category: 'c', date: '2026-01-03' }, { rule: 'occupancy', role: 'owner', period: ['2024-01-01', '2024-12-31'], ...all });
    await w.released('occupancy 2027', { category: 'c', date: '2026-01-04' }, { rule: 'occupancy', period: ['2027-01-01', '2027-12-31'], ...all });
    await w.released('unit_current', { category: 'c', date: '2026-01-05' }, { rule: 'unit_current', ...all });
    await w.released('property_role', { category: 'c', date: '2026-01-06' }, { rule: 'property_role', properties: ['P'] });
    for (const name of people) who[name] = await login(s.url, `${name.toLowerCase()}.rules@example.test`, `${name}-Regeln-2026`, 'attack-rules');
  });
  after(() => s.close());

  const keys = ['persons', 'occupancy 2025', 'occupancy 2024', 'occupancy 2027', 'unit_current', 'property_role'];
  const expected: Record<(typeof people)[number], string[]> = {
    Tina: ['occupancy 2025', 'occupancy 2027', 'unit_current', 'property_role'],
    Olga: ['occupancy 2025', 'occupancy 2024', 'occupancy 2027', 'unit_current', 'property_role'],
    // Ended: keeps the persons release and the occupancy of his own days, loses the current ones.
    Emil: ['persons', 'occupancy 2025'],
    // Future: nothing through a contract before it begins.
    Fritz: ['persons'],
    Edda: ['occupancy 2024'],
  };

  test('for every person and rule: listed ⇔ downloadable ⇔ readable ⇔ in an archive; the rest answer like an unknown id', async () => {
    const unknownFile = visible(await call(s.url, `/documents/${randomUUID()}/file`, { token: who.Tina.token }));
    for (const name of people) {
      const session = who[name];
      const list = await call(s.url, '/documents?limit=200', { token: session.token });
      assert.deepEqual(list.body.items.map((d: any) => d.title).sort(), [...expected[name]].sort(), name);
      for (const key of keys) {
        const id = w.id(`document:${key}`);
        const mine = expected[name].includes(key);
        const file = await call(s.url, `/documents/${id}/file`, { token: session.token });
        const read = await call(s.url, `/documents/${id}/read`, { token: session.token, method: 'POST' });
        const archive = await call(s.url, `/documents/archive?ids=${id}`, { token: session.token });
        assert.deepEqual([file.status, read.status, archive.status], mine ? [200, 200, 200] : [404, 404, 404], `${name}: ${key}`);
        if (!mine) assert.deepEqual(visible(file), unknownFile, `${name}: ${key}`);
      }
      const everything = await call(s.url, `/documents/archive?ids=${keys.map((k) => w.id(`document:${k}`)).join(',')}`, { token: session.token });
      expectProblem(everything, 404, 'not_found');
    }
  });
});
