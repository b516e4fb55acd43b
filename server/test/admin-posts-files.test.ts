import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import yazl from 'yazl';
import { expectProblem, login, startServer, type Session, type TestServer } from './helpers.ts';
import { auditRows, exe, html, json, loginAs, managers, pdf, postForm } from './admin-fixture.ts';
import { DocumentWorld } from './documents-fixture.ts';
import { addDefaultPostCategories } from '../src/posts/categories.ts';

// Attachments of notices: POST /admin/posts/{id}/files and DELETE …/files/{fileId}. Types sniffed from the bytes
// (JPEG, PNG, WebP, HEIC, PDF, DOCX, XLSX; 415 otherwise), photos stored without EXIF (GPS) and with a preview, HEIC as
// JPEG, at most five per notice (413 `too_many_files`, also for uploads at the same time), the size limit (413),
// residents 403, another organization's notice 404.

const heic = readFileSync(join(import.meta.dirname, 'fixtures', 'photo.heic'));
const gps = { IFD0: { Make: 'Testphone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 12/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '16/1 22/1 10/1' } };
const photo = (format: 'jpeg' | 'png', width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: '#c33' } }).toFormat(format).withExif(gps).toBuffer();
const exifOf = async (bytes: Buffer): Promise<string> => (await sharp(bytes).metadata()).exif?.toString('latin1') ?? '';

/** A minimal Office Open XML package: its [Content_Types].xml names the main part, as Word and Excel write it. */
function office(kind: 'docx' | 'xlsx'): Promise<Buffer> {
  const [part, type] = kind === 'docx' ? ['/word/document.xml', 'wordprocessingml.document.main+xml'] : ['/xl/workbook.xml', 'spreadsheetml.sheet.main+xml'];
  const zip = new yazl.ZipFile();
  zip.addBuffer(
    Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/></Types>`),
    '[Content_Types].xml',
  );
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><x/>'), part.slice(1));
  zip.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
  });
}

describe('attachments of notices', () => {
  let s: TestServer;
  let w: DocumentWorld;
  let mia: Session;
  let tina: Session;
  let category = '';
  const upload = (postId: string, fileName: string, bytes: Uint8Array, token = mia.token, fields: Record<string, string> = {}) =>
    postForm(s.url, `/admin/posts/${postId}/files`, token, fields, [{ name: 'file', fileName, bytes }]);
  const draft = async (title: string): Promise<string> => {
    const a = await json(s.url, '/admin/posts', mia.token, 'POST', { title, categoryId: category, audience: { role: 'both', propertyIds: [w.id('P')], personIds: [] } });
    assert.equal(a.status, 201, a.text);
    return a.body.id;
  };
  const stored = (postId: string) =>
    s.db('post_files as pf').join('files as f', 'f.id', 'pf.file_id').leftJoin('files as t', 't.id', 'pf.thumb_file_id').where('pf.post_id', postId).orderBy('pf.created_at').orderBy('pf.id')
      .select('pf.id', 'pf.name', 'pf.mime', 'pf.size', 'f.bytes', 'f.mime as file_mime', 't.bytes as thumb');

  before(async () => {
    s = await startServer();
    w = await DocumentWorld.create(s, 'anhang');
    await addDefaultPostCategories(s.db, w.orgId, new Date());
    category = (await s.db('post_categories').where({ organization_id: w.orgId, key: 'allgemein' }).first('id')).id;
    await w.person('Mia Manager', { email: 'mia@anhang.test', password: 'Mia-Anhang-2026', role: 'manager' });
    await w.person('Tina', { email: 'tina@anhang.test', password: 'Tina-Anhang-2026', role: 'tenant' });
    await w.property('P', 'Testgasse 1', null);
    mia = await login(s.url, 'mia@anhang.test', 'Mia-Anhang-2026', 'anhang');
    tina = await login(s.url, 'tina@anhang.test', 'Tina-Anhang-2026', 'anhang');
  });
  after(() => s.close());

  test('photos without EXIF and with previews, HEIC as JPEG, PDF and DOCX as they came; five at most', async () => {
    const id = await draft('Mit Anhängen');
    const names = ['Stiegenhaus – Schaden 📷.jpg', 'Plan.png', 'IMG_0042.HEIC', 'Grundriss „Top 7“.pdf', 'Hausordnung.docx'];
    const bodies = [await photo('jpeg', 4000, 3000), await photo('png'), heic, pdf('Grundriss'), await office('docx')];
    let last: any;
    for (const [i, name] of names.entries()) {
      const a = await upload(id, name, bodies[i]!);
      assert.equal(a.status, 201, `${name}: ${a.text}`);
      last = a.body;
    }
    assert.deepEqual(last.attachments.map((f: any) => [f.name, f.mime, f.image, f.thumb]), [
      [names[0], 'image/jpeg', true, true],
      [names[1], 'image/png', true, true],
      ['IMG_0042.jpg', 'image/jpeg', true, true],
      [names[3], 'application/pdf', false, false],
      [names[4], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false, false],
    ]);
    const rows = await stored(id);
    for (const row of rows.slice(0, 3)) {
      assert.equal(await exifOf(row.bytes), '', row.name);
      const size = await sharp(row.bytes).metadata();
      assert.ok(Math.max(size.width!, size.height!) <= 2560, row.name);
      const thumb = await sharp(row.thumb).metadata();
      assert.equal(thumb.format, 'jpeg');
      assert.ok(Math.max(thumb.width!, thumb.height!) <= 320);
      assert.equal(Number(row.size), row.bytes.length);
    }
    assert.ok(Buffer.from(rows[3].bytes).equals(bodies[3]!), 'PDF unchanged');
    assert.ok(Buffer.from(rows[4].bytes).equals(bodies[4]!), 'DOCX unchanged');
    // A sixth: 413, nothing stored.
    const sixth = await upload(id, 'Liste.xlsx', await office('xlsx'));
    expectProblem(sixth, 413, 'too_many_files');
    assert.equal((await stored(id)).length, 5);
    // One removed, then XLSX fits.
    const removed = await json(s.url, `/admin/posts/${id}/files/${last.attachments[1].id}`, mia.token, 'DELETE');
    assert.equal(removed.status, 204, removed.text);
    const xlsx = await upload(id, 'Liste.xlsx', await office('xlsx'));
    assert.equal(xlsx.status, 201, xlsx.text);
    assert.equal(xlsx.body.attachments.at(-1).mime, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.deepEqual((await auditRows(s.db).where({ entity_id: id })).map((r: { action: string }) => r.action), ['post.created', ...names.map(() => 'post.file_added'), 'post.file_removed', 'post.file_added']);
    // A removed file's bytes are gone too; so are all of a deleted draft.
    const fileIds = (await s.db('post_files').where({ post_id: id }).select('file_id', 'thumb_file_id')).flatMap((r: { file_id: string; thumb_file_id: string | null }) => [r.file_id, r.thumb_file_id].filter(Boolean));
    assert.equal((await s.db('files').where({ organization_id: w.orgId })).length, fileIds.length);
    assert.equal((await json(s.url, `/admin/posts/${id}`, mia.token, 'DELETE')).status, 204);
    assert.equal((await s.db('files').whereIn('id', fileIds)).length, 0);
  });

  test('uploads at the same time stop at five', async () => {
    const id = await draft('Gleichzeitig');
    for (let i = 0; i < 3; i++) assert.equal((await upload(id, `Vorab ${i}.pdf`, pdf(`Vorab ${i}`))).status, 201);
    const answers = await Promise.all(Array.from({ length: 4 }, (_, i) => upload(id, `Zugleich ${i}.pdf`, pdf(`Zugleich ${i}`))));
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 201, 413, 413]);
    for (const a of answers.filter((x) => x.status === 413)) expectProblem(a, 413, 'too_many_files');
    assert.equal((await stored(id)).length, 5);
  });

  test('refused: other types (415), an empty or missing file, unknown fields (400), too large (413)', async () => {
    const id = await draft('Abgelehnt');
    for (const [name, bytes] of [['setup.pdf', exe()], ['seite.jpg', html()], ['text.docx', Buffer.from('nur Text')], ['kaputt.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)])]] as const) {
      const a = await upload(id, name, bytes);
      expectProblem(a, 415);
      assert.equal(a.body.errors[0].field, 'file', a.text);
    }
    expectProblem(await upload(id, 'leer.pdf', Buffer.alloc(0)), 400);
    expectProblem(await postForm(s.url, `/admin/posts/${id}/files`, mia.token, { title: 'x' }, []), 400);
    expectProblem(await postForm(s.url, `/admin/posts/${id}/files`, mia.token, {}, [{ name: 'datei', fileName: 'a.pdf', bytes: pdf() }]), 400);
    expectProblem(await upload(id, 'a.pdf', pdf(), mia.token, { note: 'x' }), 400);
    expectProblem(await upload(id, 'Zeile\nzwei.pdf', pdf()), 400);
    const small = await s.startSibling({ uploadMaxBytes: 1024 });
    try {
      const a = await postForm(small.url, `/admin/posts/${id}/files`, mia.token, {}, [{ name: 'file', fileName: 'gross.pdf', bytes: pdf('gross', 4096) }]);
      expectProblem(a, 413, 'file_too_large');
    } finally {
      await small.close();
    }
    assert.equal((await stored(id)).length, 0);
  });

  test('residents 403; another organization\'s notice and another notice\'s file 404', async () => {
    const id = await draft('Fremdzugriff');
    const a = await upload(id, 'a.pdf', pdf());
    assert.equal(a.status, 201, a.text);
    expectProblem(await upload(id, 'b.pdf', pdf(), tina.token), 403, 'manager_only');
    expectProblem(await json(s.url, `/admin/posts/${id}/files/${a.body.attachments[0].id}`, tina.token, 'DELETE'), 403, 'manager_only');
    const krueger = await loginAs(s, managers.krueger);
    expectProblem(await upload(id, 'b.pdf', pdf(), krueger.token), 404);
    expectProblem(await json(s.url, `/admin/posts/${id}/files/${a.body.attachments[0].id}`, krueger.token, 'DELETE'), 404);
    const other = await draft('Andere');
    expectProblem(await json(s.url, `/admin/posts/${other}/files/${a.body.attachments[0].id}`, mia.token, 'DELETE'), 404);
    assert.equal((await stored(id)).length, 1);
  });
});
