import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { call, expectProblem, startServer, type Session, type TestServer } from './helpers.ts';
import { auditRows, categoryId, exe, html, loginAs, managers, pdf, postForm } from './admin-fixture.ts';
import { sizeText } from '../src/http/upload.ts';

// POST /admin/documents and the documents' life: limits (413), types sniffed from the bytes (415), the UTF-8 name kept
// exactly, the form fields checked against the contract (400 naming them), list, one, withdraw; each write audited.

const utf8Name = 'Jahresabrechnung 2025 – Müller & Söhne.pdf';

describe('admin: uploads and documents', () => {
  let s: TestServer;
  let pichler: Session;
  let category: string;
  const fields = () => ({ title: 'BK-Abrechnung 2025', categoryId: category, documentDate: '2026-03-31', periodLabel: '2025' });
  const send = (f: Record<string, string>, files: Parameters<typeof postForm>[4], base = s.url) => postForm(base, '/admin/documents', pichler.token, f, files);
  const file = (bytes: Uint8Array, fileName = 'Dokument.pdf', type = 'application/pdf') => ({ name: 'file', fileName, bytes, type });

  before(async () => {
    s = await startServer({ at: '2026-06-15T10:00:00Z' });
    pichler = await loginAs(s, managers.pichler);
    category = await categoryId(s.db, 'immopro', 'BK-Abrechnung');
  });
  after(() => s.close());

  test('a PDF is stored with its exact UTF-8 name, sniffed type, size and SHA-256; released to nobody yet', async () => {
    const bytes = pdf('Abrechnung');
    const a = await send(fields(), [file(bytes, utf8Name)]);
    assert.equal(a.status, 201, a.text);
    assert.equal(a.headers.get('cache-control'), 'private, no-store');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    assert.deepEqual({ ...a.body, id: undefined, createdAt: undefined }, {
      id: undefined, title: 'BK-Abrechnung 2025', categoryId: category, documentDate: '2026-03-31', periodLabel: '2025', fileName: utf8Name,
      mimeType: 'application/pdf', size: bytes.length, sha256, createdAt: undefined, withdrawnAt: null, releases: [],
    });
    const row = await s.db('documents as d').join('files as f', 'f.id', 'd.file_id').where('d.id', a.body.id).first('f.original_name', 'f.mime', 'f.bytes', 'f.sha256', 'd.source', 'd.created_by');
    assert.equal(row.original_name, utf8Name);
    assert.equal(row.mime, 'application/pdf');
    assert.equal(row.sha256, sha256);
    assert.ok(Buffer.from(row.bytes).equals(bytes));
    assert.equal(row.source, 'upload');
    const [audit] = (await auditRows(s.db, 'document.uploaded')).filter((r: any) => r.entity_id === a.body.id);
    assert.equal(audit.actor_user_id, row.created_by);
    assert.equal(audit.entity_type, 'document');
    assert.match(audit.client_ip, /127\.0\.0\.1$/);
    assert.equal(JSON.parse(audit.detail).fileName, utf8Name);
    // GET shows the same.
    const one = await call(s.url, `/admin/documents/${a.body.id}`, { token: pichler.token });
    assert.deepEqual(one.body, a.body);
  });

  test('the name given as RFC 5987 filename* is kept too; the declared type does not count', async () => {
    const boundary = 'hp-boundary-7f3a';
    const part = (headers: string, body: Buffer | string) => Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
    const body = Buffer.concat([
      part('Content-Disposition: form-data; name="title"', 'Vorschreibung'),
      part('Content-Disposition: form-data; name="categoryId"', category),
      part('Content-Disposition: form-data; name="documentDate"', '2026-01-01'),
      part(`Content-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(utf8Name)}\r\nContent-Type: text/html`, pdf()),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const res = await fetch(`${s.url}/api/admin/documents`, { method: 'POST', body, headers: { authorization: `Bearer ${pichler.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    const answer = await res.json();
    assert.equal(res.status, 201, JSON.stringify(answer));
    assert.equal(answer.fileName, utf8Name);
    assert.equal(answer.mimeType, 'application/pdf');
  });

  test('each allowed type is accepted by its content (PNG, JPEG, WebP, HEIC)', async () => {
    const samples: [string, Buffer][] = [
      ['image/png', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)])],
      ['image/jpeg', Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(64)])],
      ['image/webp', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x40, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(64)])],
      ['image/heic', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic'), Buffer.alloc(64)])],
    ];
    for (const [mime, bytes] of samples) {
      const a = await send(fields(), [file(bytes, 'Foto.bin', 'application/octet-stream')]);
      assert.equal(a.status, 201, `${mime}: ${a.text}`);
      assert.equal(a.body.mimeType, mime);
    }
  });

  test('a program or a web page called .pdf is refused with 415, whatever type is declared', async () => {
    const count = async () => Number((await s.db('files').count({ n: '*' }).first())!.n);
    const before = await count();
    for (const bytes of [exe(), html(), Buffer.from('Just some text, no known format.\n')]) {
      const a = await send(fields(), [file(bytes, 'Rechnung.pdf', 'application/pdf')]);
      expectProblem(a, 415, 'unsupported_file_type');
      assert.deepEqual(a.body.errors.map((e: any) => e.field), ['file']);
    }
    assert.equal(await count(), before);
  });

  test('sizes in messages are for people: MB, KB or bytes, one decimal at most', () => {
    assert.deepEqual([20 * 1024 * 1024, 1.5 * 1024 * 1024, 64 * 1024, 2100, 900, 1].map(sizeText), ['20 MB', '1.5 MB', '64 KB', '2.1 KB', '900 bytes', '1 byte']);
  });

  test('413 for a file over HP_UPLOAD_MAX_BYTES and for two files, naming the field', async () => {
    const small = await s.startSibling({ uploadMaxBytes: 2048 });
    try {
      const fits = await send(fields(), [file(pdf('fits', 2048))], small.url);
      assert.equal(fits.status, 201, fits.text);
      const over = await send(fields(), [file(pdf('over', 2049))], small.url);
      expectProblem(over, 413, 'file_too_large');
      assert.deepEqual(over.body.errors.map((e: any) => e.field), ['file']);
      // The size for people, the exact limit for programs.
      assert.deepEqual([over.body.detail, over.body.errors[0].message, over.body.limitBytes], ['The file is larger than 2 KB.', 'The file is larger than 2 KB.', 2048]);
      const big = await send(fields(), [file(pdf('big', 200_000))], small.url);
      expectProblem(big, 413, 'file_too_large');
    } finally {
      await small.close();
    }
    const default20 = await send(fields(), [file(pdf('over', 20 * 1024 * 1024 + 1))]);
    expectProblem(default20, 413, 'file_too_large');
    assert.deepEqual([default20.body.detail, default20.body.limitBytes], ['The file is larger than 20 MB.', 20 * 1024 * 1024]);
    const two = await send(fields(), [file(pdf('one')), file(pdf('two'))]);
    expectProblem(two, 413, 'too_many_files');
    assert.deepEqual(two.body.errors.map((e: any) => e.field), ['file']);
    const many = await postForm(s.url, '/admin/documents', pichler.token, { ...fields(), ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`x${i}`, 'y'])) }, [file(pdf())]);
    expectProblem(many, 413, 'too_many_fields');
    const long = await send({ ...fields(), title: 'x'.repeat(20_000) }, [file(pdf())]);
    expectProblem(long, 413, 'field_too_large');
    assert.deepEqual(long.body.errors.map((e: any) => e.field), ['title']);
    assert.deepEqual([long.body.detail, long.body.limitBytes], ['The field is longer than 8 KB.', 8192]);
  });

  test('the form fields are checked against DocumentUpload: 400 naming each field', async () => {
    const fieldsOf = (a: { body: any }) => a.body.errors.map((e: any) => e.field).sort();
    const missing = await send({ categoryId: category }, [file(pdf())]);
    expectProblem(missing, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(missing), ['documentDate', 'title']);
    const noFile = await send(fields(), []);
    expectProblem(noFile, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(noFile), ['file']);
    // The file's text as a field (curl -F "file=<Brief.pdf") is no file either.
    const asText = await send({ ...fields(), file: 'hello' }, []);
    expectProblem(asText, 400, 'validation_failed');
    assert.deepEqual([fieldsOf(asText), asText.body.detail], [['file'], "Send the file as the part 'file'."]);
    const bad = await send({ ...fields(), documentDate: '2026-02-30', title: '', periodLabel: '', categoryId: 'no id!' }, [file(pdf())]);
    expectProblem(bad, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(bad), ['categoryId', 'documentDate', 'periodLabel', 'title']);
    // A field sent twice is a list, not a title.
    const form = new FormData();
    for (const [k, v] of Object.entries(fields())) form.append(k, v);
    form.append('title', 'again');
    form.append('file', new Blob([new Uint8Array(pdf())]), 'a.pdf');
    const twice = await fetch(`${s.url}/api/admin/documents`, { method: 'POST', headers: { authorization: `Bearer ${pichler.token}` }, body: form });
    assert.equal(twice.status, 400);
    const other = await postForm(s.url, '/admin/documents', pichler.token, fields(), [{ name: 'attachment', fileName: 'a.pdf', bytes: pdf() }]);
    expectProblem(other, 400);
    assert.deepEqual(fieldsOf(other), ['attachment']);
    const nested = await send({ ...fields(), 'title[x]': 'y' }, [file(pdf())]);
    expectProblem(nested, 400);
    const nul = await send({ ...fields(), title: 'a\u0000b' }, [file(pdf())]);
    expectProblem(nul, 400);
    const longName = await send(fields(), [file(pdf(), `${'ä'.repeat(256)}.pdf`)]);
    expectProblem(longName, 400);
    assert.deepEqual(fieldsOf(longName), ['file']);
    const unknown = await send({ ...fields(), categoryId: '00000000-0000-7000-8000-000000000000' }, [file(pdf())]);
    expectProblem(unknown, 404, 'not_found');
    assert.deepEqual(fieldsOf(unknown), ['categoryId']);
  });

  test('not multipart: 415; a broken multipart body: 400', async () => {
    expectProblem(await call(s.url, '/admin/documents', { token: pichler.token, body: fields() }), 415);
    const broken = await fetch(`${s.url}/api/admin/documents`, {
      method: 'POST',
      body: '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nabc',
      headers: { authorization: `Bearer ${pichler.token}`, 'content-type': 'multipart/form-data; boundary=x' },
    });
    assert.equal(broken.status, 400);
    assert.match(broken.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const noBoundary = await fetch(`${s.url}/api/admin/documents`, { method: 'POST', body: 'abc', headers: { authorization: `Bearer ${pichler.token}`, 'content-type': 'multipart/form-data' } });
    assert.equal(noBoundary.status, 400);
  });

  test('GET /admin/documents pages newest first; DELETE withdraws once, audited', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      s.clock.advance(60);
      ids.push((await send({ ...fields(), title: `Seite ${i}` }, [file(pdf(String(i)))])).body.id);
    }
    const first = await call(s.url, '/admin/documents?limit=2', { token: pichler.token });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.body.items.map((d: any) => d.id), [ids[2], ids[1]]);
    const second = await call(s.url, `/admin/documents?limit=2&cursor=${first.body.nextCursor}`, { token: pichler.token });
    assert.equal(second.body.items[0].id, ids[0]);
    const all: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: any = (await call(s.url, `/admin/documents?limit=7${cursor ? `&cursor=${cursor}` : ''}`, { token: pichler.token })).body;
      all.push(...page.items.map((d: any) => d.id));
      cursor = page.nextCursor;
    }
    const expected = (await s.db('documents as d').join('organizations as o', 'o.id', 'd.organization_id').where('o.slug', 'immopro').count({ n: '*' }).first())!.n;
    assert.equal(all.length, Number(expected));
    assert.equal(new Set(all).size, all.length);

    const del = await call(s.url, `/admin/documents/${ids[0]}`, { token: pichler.token, method: 'DELETE' });
    assert.equal(del.status, 204);
    const withdrawn = (await call(s.url, `/admin/documents/${ids[0]}`, { token: pichler.token })).body.withdrawnAt;
    assert.ok(withdrawn);
    assert.equal((await call(s.url, `/admin/documents/${ids[0]}`, { token: pichler.token, method: 'DELETE' })).status, 204);
    assert.equal((await call(s.url, `/admin/documents/${ids[0]}`, { token: pichler.token })).body.withdrawnAt, withdrawn);
    const audits = (await auditRows(s.db, 'document.withdrawn')).filter((r: any) => r.entity_id === ids[0]);
    assert.equal(audits.length, 1);
    // A withdrawn document is not released again.
    const release = await call(s.url, `/admin/documents/${ids[0]}/releases`, { token: pichler.token, body: { rule: 'unit_current', unitIds: [(await s.db('units').first('id')).id] } });
    expectProblem(release, 400, 'document_withdrawn');
    const preview = await call(s.url, `/admin/documents/${ids[0]}/releases/preview`, { token: pichler.token, body: { rule: 'unit_current', unitIds: [(await s.db('units').first('id')).id] } });
    expectProblem(preview, 400, 'document_withdrawn');
    expectProblem(await call(s.url, '/admin/documents/00000000-0000-7000-8000-000000000000', { token: pichler.token }), 404);
  });
});
