import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { call, expectProblem, startServer, type TestServer } from './helpers.ts';
import { ticketFixture, flatDamage, type TicketFixture } from './tickets-fixture.ts';
import { html, pdf, postForm } from './admin-fixture.ts';

// Ticket attachments end to end: upload with POST /tickets (and POST /admin/tickets), download with
// GET /tickets/{id}/files/{fileId} and GET /admin/tickets/{id}/files/{fileId}: names with umlauts and emoji, HEIC
// converted, EXIF location removed, previews, 413 and 415, internal files never for residents.

let s: TestServer;
let f: TicketFixture;
let other: TicketFixture;

before(async () => {
  s = await startServer();
  f = await ticketFixture(s);
  other = await ticketFixture(s, 'fremd');
});
after(() => s.close());

const heic = readFileSync(join(import.meta.dirname, 'fixtures', 'photo.heic'));
const gps = { IFD0: { Make: 'Testphone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 12/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '16/1 22/1 10/1' } };
/** A photo with an EXIF GPS position, as a phone takes it. */
const photo = (format: 'jpeg' | 'png', width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: '#3a7' } }).toFormat(format).withExif(gps).toBuffer();

/** The EXIF block of an image as text ('' without one). */
const exifOf = async (bytes: Buffer): Promise<string> => (await sharp(bytes).metadata()).exif?.toString('latin1') ?? '';

const fileRows = (ticketId: string) => s.db('ticket_files').where({ ticket_id: ticketId }).orderBy('created_at').orderBy('name');

const download = (path: string, token: string) => fetch(`${s.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('ticket files', () => {
  let ticketId = '';
  let files: { id: string; name: string; mime: string; thumb_file_id: string | null }[] = [];
  const names = { jpeg: 'Küche – Wasserhahn 🚰 Ärger.jpg', png: 'Übersicht 📐 Bad.png', pdf: 'Grundriss „Wohnung“ 😀.pdf', heic: 'IMG_0042.HEIC' };

  before(async () => {
    assert.match(await exifOf(await photo('jpeg')), /Testphone/);
    const a = await f.w.submit(f.tina, { form: 'schadensmeldung', unit: f.w.id('unit:T1'), values: flatDamage('Mit Fotos') }, [
      { fileName: names.jpeg, bytes: await photo('jpeg', 4000, 3000), type: 'image/jpeg' },
      { fileName: names.png, bytes: await photo('png'), type: 'image/png' },
      { fileName: names.pdf, bytes: pdf('Grundriss'), type: 'application/pdf' },
      { fileName: names.heic, bytes: heic, type: 'image/heic' },
    ]);
    assert.equal(a.status, 201, a.text);
    ticketId = a.body.id;
    files = await fileRows(ticketId);
  });

  test('names with umlauts and emoji are kept exactly; HEIC becomes JPEG with ".jpg"', async () => {
    assert.deepEqual(files.map((x) => [x.name, x.mime]).sort(), [
      [names.pdf, 'application/pdf'],
      ['IMG_0042.jpg', 'image/jpeg'],
      [names.jpeg, 'image/jpeg'],
      [names.png, 'image/png'],
    ].sort());
    for (const file of files) {
      const res = await download(`/tickets/${ticketId}/files/${file.id}`, f.tina.token);
      assert.equal(res.status, 200);
      const disposition = res.headers.get('content-disposition') ?? '';
      assert.ok(disposition.includes(`filename*=UTF-8''${encodeURIComponent(file.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`), disposition);
      assert.equal(disposition.startsWith('inline'), file.mime.startsWith('image/'), disposition);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('content-type'), file.mime);
    }
    const detail = await call(s.url, `/tickets/${ticketId}`, { token: f.tina.token });
    if (detail.status === 200) assert.deepEqual(detail.body.files.map((x: { name: string }) => x.name).sort(), files.map((x) => x.name).sort());
  });

  test('JPEG and PNG come back without EXIF (GPS), JPEG at most 2560 px; previews at most 320 px', async () => {
    for (const name of [names.jpeg, names.png, 'IMG_0042.jpg']) {
      const file = files.find((x) => x.name === name)!;
      const bytes = Buffer.from(await (await download(`/tickets/${ticketId}/files/${file.id}`, f.tina.token)).arrayBuffer());
      assert.equal(await exifOf(bytes), '', name);
      const meta = await sharp(bytes).metadata();
      assert.ok(Math.max(meta.width!, meta.height!) <= 2560, name);
      const thumb = await download(`/tickets/${ticketId}/files/${file.id}?size=thumb`, f.tina.token);
      assert.equal(thumb.status, 200, name);
      assert.equal(thumb.headers.get('content-type'), 'image/jpeg');
      const t = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
      assert.equal(t.format, 'jpeg');
      assert.ok(Math.max(t.width!, t.height!) <= 320);
    }
    const big = files.find((x) => x.name === names.jpeg)!;
    const meta = await sharp(Buffer.from(await (await download(`/tickets/${ticketId}/files/${big.id}`, f.tina.token)).arrayBuffer())).metadata();
    assert.deepEqual([meta.width, meta.height], [2560, 1920]);
    // The HEIC's picture (64×48) survives the conversion.
    const converted = files.find((x) => x.name === 'IMG_0042.jpg')!;
    const c = await sharp(Buffer.from(await (await download(`/tickets/${ticketId}/files/${converted.id}`, f.tina.token)).arrayBuffer())).metadata();
    assert.deepEqual([c.format, c.width, c.height], ['jpeg', 64, 48]);
    // A PDF is kept as it is and has no preview.
    const doc = files.find((x) => x.name === names.pdf)!;
    assert.deepEqual(Buffer.from(await (await download(`/tickets/${ticketId}/files/${doc.id}`, f.tina.token)).arrayBuffer()), pdf('Grundriss'));
    assert.equal((await download(`/tickets/${ticketId}/files/${doc.id}?size=thumb`, f.tina.token)).status, 404);
  });

  test('a HEIC that cannot be decoded is kept as a download without preview', async () => {
    const broken = Buffer.concat([heic.subarray(0, 64), Buffer.alloc(200, 7)]);
    const a = await f.w.submit(f.tina, { form: 'schadensmeldung', unit: f.w.id('unit:T1'), values: flatDamage('Kaputtes HEIC') }, [{ fileName: 'kaputt.heic', bytes: broken }]);
    assert.equal(a.status, 201, a.text);
    const [row] = await fileRows(a.body.id);
    assert.deepEqual([row!.name, row!.mime, row!.thumb_file_id], ['kaputt.heic', 'image/heic', null]);
    const res = await download(`/tickets/${a.body.id}/files/${row!.id}`, f.tina.token);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment/);
  });

  test('internal files, other tickets\' files and other persons never get them', async () => {
    // An internal file on Tina's own ticket, written directly.
    f.w.ids.set('ticket:mine', ticketId);
    const id = await f.w.ticketFile('intern', 'mine', { visibility: 'internal', name: 'Vermerk.pdf', mime: 'application/pdf', bytes: pdf('Vermerk') });
    expectProblem(await call(s.url, `/tickets/${ticketId}/files/${id}`, { token: f.tina.token }), 404, 'not_found');
    expectProblem(await call(s.url, `/tickets/${ticketId}/files/${id}?size=thumb`, { token: f.tina.token }), 404, 'not_found');
    const staff = await download(`/admin/tickets/${ticketId}/files/${id}`, f.manager.token);
    assert.equal(staff.status, 200);
    const publicFile = files[0]!;
    // Another person of the organization, another organization's manager, a file id under another ticket.
    expectProblem(await call(s.url, `/tickets/${ticketId}/files/${publicFile.id}`, { token: f.nina.token }), 404, 'not_found');
    expectProblem(await call(s.url, `/tickets/${ticketId}/files/${publicFile.id}`, { token: f.manager.token }), 404, 'not_found');
    expectProblem(await call(s.url, `/admin/tickets/${ticketId}/files/${publicFile.id}`, { token: other.manager.token }), 404, 'not_found');
    expectProblem(await call(s.url, `/admin/tickets/${ticketId}/files/${publicFile.id}`, { token: f.tina.token }), 403);
    const second = await f.w.submit(f.tina, { form: 'schadensmeldung', unit: f.w.id('unit:T1'), values: flatDamage('Zweites Ticket') });
    expectProblem(await call(s.url, `/tickets/${second.body.id}/files/${publicFile.id}`, { token: f.tina.token }), 404, 'not_found');
    expectProblem(await call(s.url, `/admin/tickets/${second.body.id}/files/${publicFile.id}`, { token: f.manager.token }), 404, 'not_found');
  });

  test('413: more files than the form takes, or larger; 415: content that is no allowed type, named', async () => {
    const ask = (files: { fileName: string; bytes: Buffer }[]) =>
      f.w.submit(f.tina, { form: 'allgemeine-anfrage', unit: f.w.id('unit:T1'), consent: true, values: { subject: 'Dateien', message: 'Anbei' } }, files);
    const many = await ask([1, 2, 3].map((i) => ({ fileName: `Seite ${i}.pdf`, bytes: pdf(`Seite ${i}`) })));
    expectProblem(many, 413, 'too_many_files');
    const large = await ask([{ fileName: 'Groß.pdf', bytes: pdf('groß', 1024 * 1024 + 1) }]);
    expectProblem(large, 413, 'file_too_large');
    assert.match(large.body.detail, /Groß\.pdf/);
    assert.equal(large.body.limitBytes, 1024 * 1024);
    // More parts than any request may carry.
    const eleven = await f.w.submit(f.tina, { form: 'schadensmeldung', unit: f.w.id('unit:T1'), values: flatDamage() }, Array.from({ length: 11 }, (_, i) => ({ fileName: `${i}.pdf`, bytes: pdf(String(i)) })));
    expectProblem(eleven, 413, 'too_many_files');

    const text = await ask([{ fileName: 'Foto 🙂.jpg', bytes: Buffer.from('Das ist kein Foto, nur Text.\n') }]);
    expectProblem(text, 415, 'unsupported_file_type');
    assert.match(text.body.detail, /Foto 🙂\.jpg/);
    expectProblem(await ask([{ fileName: 'seite.pdf', bytes: html() }]), 415, 'unsupported_file_type');
    // A file part under another name.
    const wrongPart = await postForm(s.url, '/tickets', f.tina.token, { form: 'schadensmeldung', version: '1', unit: f.w.id('unit:T1'), values: JSON.stringify(flatDamage()) }, [{ name: 'file', fileName: 'a.pdf', bytes: pdf() }]);
    expectProblem(wrongPart, 400, 'validation_failed');
    // Nothing of the refused requests was stored.
    assert.equal((await s.db('tickets').where({ organization_id: f.w.orgId, subject: 'Dateien' })).length, 0);
  });
});

describe('POST /admin/tickets', () => {
  const submit = (token: string, fields: Record<string, string>, files: { name: string; fileName: string; bytes: Buffer }[] = []) =>
    postForm(s.url, '/admin/tickets', token, { form: 'schadensmeldung', version: '1', ...fields }, files);

  test('creates a ticket on behalf of a person with its source, staff-only fields and files; audited', async () => {
    const values = JSON.stringify({ ...flatDamage('Telefonisch gemeldet'), staff_note: 'Rückruf am Abend' });
    const a = await submit(f.manager.token, { personId: f.w.id('person:Tina'), source: 'phone', unit: f.w.id('unit:T1'), values }, [{ name: 'files', fileName: 'Notiz ✍️.png', bytes: await photo('png') }]);
    const row = await s.db('tickets').where({ organization_id: f.w.orgId, subject: 'Telefonisch gemeldet' }).first();
    assert.ok(row, a.text);
    if (a.status !== 201) assert.fail(a.text);
    assert.equal(a.body.id, row.id);
    assert.equal(row.source, 'phone');
    assert.equal(row.reporter_person_id, f.w.id('person:Tina'));
    assert.equal(row.created_by, f.manager.user.id);
    assert.ok(JSON.parse(row.fields).some((x: { key: string }) => x.key === 'staff_note'));
    const p = await s.db('ticket_participants').where({ ticket_id: row.id });
    assert.deepEqual(p.map((x) => [x.person_id, x.kind, x.role]), [[f.w.id('person:Tina'), 'reporter', 'tenant']]);
    const [file] = await fileRows(row.id);
    assert.equal(file!.name, 'Notiz ✍️.png');
    assert.equal(await exifOf(Buffer.from(await (await download(`/admin/tickets/${row.id}/files/${file!.id}`, f.manager.token)).arrayBuffer())), '');
    const logged = await s.db('audit_log').where({ entity_id: row.id }).first();
    assert.equal(logged.action, 'ticket.created');
    // The person sees it as her own ticket.
    const mine = await download(`/tickets/${row.id}/files/${file!.id}`, f.tina.token);
    assert.equal(mine.status, 200);
  });

  test('refusals: another organization\'s person, a unit without a contract today, a bad source, residents', async () => {
    const values = JSON.stringify(flatDamage('Abgelehnt'));
    expectProblem(await submit(f.manager.token, { personId: other.w.id('person:Tina'), source: 'email', unit: other.w.id('unit:T1'), values }), 404, 'not_found');
    expectProblem(await submit(f.manager.token, { personId: f.w.id('person:Tina'), source: 'email', unit: f.w.id('unit:T3'), values }), 404, 'not_found');
    expectProblem(await submit(f.manager.token, { personId: f.w.id('person:Emil'), source: 'visit', unit: f.w.id('unit:T3'), values }), 404, 'not_found');
    expectProblem(await submit(f.manager.token, { personId: f.w.id('person:Tina'), source: 'fax', unit: f.w.id('unit:T1'), values }), 400, 'validation_failed');
    expectProblem(await submit(f.manager.token, { personId: f.w.id('person:Tina'), source: 'phone', unit: f.w.id('unit:T1'), values: '[' }), 400, 'validation_failed');
    expectProblem(await submit(f.tina.token, { personId: f.w.id('person:Tina'), source: 'phone', unit: f.w.id('unit:T1'), values }), 403, 'manager_only');
    assert.equal((await s.db('tickets').where({ subject: 'Abgelehnt' })).length, 0);
  });
});
