import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import yazl from 'yazl';
import { call, expectProblem, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { addContract, auditRows, categoryId, exe, loginAs, managers, organizationId, pdf, personId, postForm, unitId } from './admin-fixture.ts';
import { newId } from '../src/ids.ts';

// POST /admin/documents/bulk: a ZIP of personal files and a CSV index. A dry run reports matched, unmatched, ambiguous
// and invalid lines and stores nothing; the import stores every matched line (document, `persons` release, audit) in
// one transaction. Archives that unpack to too much, have too many entries or are no ZIP are refused.

function zip(entries: [string, Uint8Array][]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, bytes] of entries) {
      if (name.endsWith('/')) z.addEmptyDirectory(name);
      else z.addBuffer(Buffer.from(bytes), name);
    }
    z.end();
    const parts: Buffer[] = [];
    z.outputStream.on('data', (d: Buffer) => parts.push(d));
    z.outputStream.on('error', reject);
    z.outputStream.on('end', () => resolve(Buffer.concat(parts)));
  });
}

/** Clears the "name is UTF-8" flag of every entry, as macOS's Archive Utility writes UTF-8 names. */
function withoutUtf8Flag(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i + 10 < out.length; i++) {
    const signature = out.readUInt32LE(i);
    const at = signature === 0x04034b50 ? i + 6 : signature === 0x02014b50 ? i + 8 : -1;
    if (at >= 0) out.writeUInt16LE(out.readUInt16LE(at) & ~0x800, at);
  }
  return out;
}

const csv = (lines: string[], bom = true) => Buffer.from(`${bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`, 'utf8');

describe('admin: bulk import', () => {
  let s: TestServer;
  let pichler: Session;
  let archive: Buffer;
  let index: Buffer;
  const send = (fields: Record<string, string>, a: Buffer, i: Buffer, base = s.url) =>
    postForm(base, '/admin/documents/bulk', pichler.token, fields, [
      { name: 'archive', fileName: 'Abrechnungen.zip', bytes: a, type: 'application/zip' },
      { name: 'index', fileName: 'index.csv', bytes: i, type: 'text/csv' },
    ]);

  before(async () => {
    s = await startServer({ at: '2026-06-15T10:00:00Z' });
    pichler = await loginAs(s, managers.pichler);
    const org = await organizationId(s.db, 'immopro');
    // Two persons with one email, two tenants of Top 9 at once.
    for (const name of ['Anna Doppel', 'Bernd Doppel'])
      await s.db('persons').insert({ id: newId(), organization_id: org, name, email: 'doppel@example.com', created_at: new Date().toISOString() });
    const top9 = await unitId(s.db, '0048-0009');
    await addContract(s.db, 'immopro', 'Clara Mitmieter', top9, 'tenant', '2025-01-01', null);
    await addContract(s.db, 'immopro', 'David Mitmieter', top9, 'tenant', '2025-01-01', null);

    archive = withoutUtf8Flag(
      await zip([
        ['BK Huber.pdf', pdf('Huber')],
        ['Lehner/', new Uint8Array()],
        ['Lehner/BK Lehner.pdf', pdf('Lehner')],
        ['BK Maier.pdf', pdf('Maier')],
        // macOS writes decomposed umlauts; the index has them composed.
        ['WE-Vertrag Mu\u0308ller & So\u0308hne.pdf', pdf('Wagner')],
        ['Programm.pdf', exe()],
        ['a/Doppelt.pdf', pdf('a')],
        ['b/Doppelt.pdf', pdf('b')],
        ['__MACOSX/._BK Huber.pdf', Buffer.from('resource fork')],
      ]),
    );
    index = csv([
      'file;reference;category;title;date',
      'BK Huber.pdf;KATHARINA.HUBER@example.com;BK-Abrechnung;BK-Abrechnung 2025;2026-03-31',
      'BK Lehner.pdf;0048-0002;Operating-cost statement;BK-Abrechnung 2025;31.03.2026',
      'BK Maier.pdf;0048-0007;BK-Abrechnung;BK-Abrechnung 2023;15.6.2023',
      'WE-Vertrag Müller & Söhne.pdf;0048-0003;Verträge/Wohnungseigentumsverträge;WE-Vertrag;2026-01-10',
      'BK Huber.pdf;niemand@example.com;Sonstiges;Brief;2026-01-01',
      'BK Huber.pdf;doppel@example.com;Sonstiges;Brief;2026-01-01',
      'BK Huber.pdf;0048-0009;Sonstiges;Brief;2026-01-01',
      'BK Huber.pdf;0048-9999;Sonstiges;Brief;2026-01-01',
      'Programm.pdf;0048-0002;Sonstiges;Brief;2026-01-01',
      'Fehlt.pdf;0048-0002;Sonstiges;Brief;2026-01-01',
      'BK Huber.pdf;0048-0002;Unbekannt;Brief;2026-01-01',
      'BK Huber.pdf;0048-0002;Sonstiges;;2026-01-01',
      'BK Huber.pdf;0048-0002;Sonstiges;Brief;31.02.2026',
      'Doppelt.pdf;0048-0002;Sonstiges;Brief;2026-01-01',
      'b/Doppelt.pdf;0048-0002;Sonstiges;"Brief; zweite Seite";2026-01-01',
      'BK Huber.pdf;0048-0002;Sonstiges',
      '',
      '"Mehrzeilig.pdf";0048-0002;Sonstiges;"Zeile 1',
      'Zeile 2";2026-01-01',
    ]);
  });
  after(() => s.close());

  const expected = [
    [2, 'matched', 'Katharina Huber'],
    [3, 'matched', 'Markus Lehner'],
    [4, 'matched', 'Gerhard Maier'],
    [5, 'matched', 'Dr. Elisabeth Wagner'],
    [6, 'unmatched', null],
    [7, 'ambiguous', null],
    [8, 'ambiguous', null],
    [9, 'unmatched', null],
    [10, 'invalid', 'Markus Lehner'],
    [11, 'invalid', 'Markus Lehner'],
    [12, 'invalid', 'Markus Lehner'],
    [13, 'invalid', 'Markus Lehner'],
    [14, 'invalid', null],
    [15, 'invalid', 'Markus Lehner'],
    [16, 'matched', 'Markus Lehner'],
    [17, 'invalid', null],
    [19, 'invalid', 'Markus Lehner'],
  ];

  test('a dry run reports each line and stores nothing', async () => {
    const count = async () => Promise.all(['documents', 'files', 'document_releases', 'audit_log'].map(async (t) => Number((await s.db(t).count({ n: '*' }).first())!.n)));
    const before = await count();
    const a = await send({ dryRun: 'true' }, archive, index);
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.body.rows.map((r: any) => [r.line, r.status, r.personName]), expected);
    assert.deepEqual([a.body.dryRun, a.body.matched, a.body.unmatched, a.body.ambiguous, a.body.invalid, a.body.duplicate], [true, 5, 2, 2, 8, 0]);
    assert.ok(a.body.rows.every((r: any) => r.documentId === null));
    assert.ok(a.body.rows.filter((r: any) => r.status === 'matched').every((r: any) => r.message === null));
    const message = (line: number) => a.body.rows.find((r: any) => r.line === line).message as string;
    assert.match(message(6), /niemand@example\.com/);
    assert.match(message(7), /Several persons/);
    assert.match(message(8), /several tenants/);
    assert.match(message(10), /allowed file type/);
    assert.match(message(11), /no file "Fehlt\.pdf"/);
    assert.match(message(12), /No category "Unbekannt"/);
    assert.match(message(13), /No title/);
    assert.match(message(14), /31\.02\.2026/);
    assert.match(message(15), /several files named "Doppelt\.pdf"/);
    assert.match(message(17), /5 columns/);
    assert.equal(a.body.rows.find((r: any) => r.line === 16).file, 'b/Doppelt.pdf');
    assert.deepEqual(await count(), before);
  });

  test('the import stores every matched line in one transaction: document, persons release, audit rows', async () => {
    const a = await send({ dryRun: 'false', notify: 'none' }, archive, index);
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.body.rows.map((r: any) => [r.line, r.status, r.personName]), expected);
    assert.equal(a.body.dryRun, false);
    const stored = a.body.rows.filter((r: any) => r.documentId !== null);
    assert.deepEqual(stored.map((r: any) => r.line), [2, 3, 4, 5, 16]);

    const maier = await personId(s.db, 'immopro', 'Gerhard Maier');
    const line4 = stored.find((r: any) => r.line === 4).documentId;
    const doc = await call(s.url, `/admin/documents/${line4}`, { token: pichler.token });
    assert.equal(doc.status, 200, doc.text);
    assert.deepEqual([doc.body.title, doc.body.documentDate, doc.body.fileName, doc.body.mimeType], ['BK-Abrechnung 2023', '2023-06-15', 'BK Maier.pdf', 'application/pdf']);
    assert.deepEqual(doc.body.releases.map((r: any) => [r.rule, r.personIds, r.notify, r.reached]), [['persons', [maier], 'none', 1]]);
    assert.equal((await s.db('documents').where({ id: line4 }).first()).source, 'bulk');
    const file = await s.db('documents as d').join('files as f', 'f.id', 'd.file_id').where('d.id', line4).first('f.bytes');
    assert.ok(Buffer.from(file.bytes).equals(pdf('Maier')));

    const wagner = stored.find((r: any) => r.line === 5).documentId;
    assert.equal((await call(s.url, `/admin/documents/${wagner}`, { token: pichler.token })).body.fileName, 'WE-Vertrag Mu\u0308ller & So\u0308hne.pdf'.normalize('NFC'));
    const category = (await s.db('documents as d').join('document_categories as c', 'c.id', 'd.category_id').where('d.id', wagner).first('c.name_de')).name_de;
    assert.equal(category, 'Wohnungseigentumsverträge');

    for (const row of stored) {
      assert.equal((await auditRows(s.db, 'document.imported')).filter((r: any) => r.entity_id === row.documentId).length, 1);
      const released = (await auditRows(s.db, 'document.released')).filter((r: any) => JSON.parse(r.detail).documentId === row.documentId);
      assert.equal(released.length, 1);
      assert.match(released[0].client_ip, /127\.0\.0\.1$/);
    }
  });

  test('guards: no ZIP (415), too many entries or too much unpacked (413), a CSV that is not UTF-8 or CSV (400), missing parts (400)', async () => {
    const notZip = await send({}, pdf(), index);
    expectProblem(notZip, 415, 'unsupported_file_type');
    assert.deepEqual(notZip.body.errors.map((e: any) => e.field), ['archive']);

    const many = await zip(Array.from({ length: 2001 }, (_, i) => [`f${i}.pdf`, new Uint8Array()] as [string, Uint8Array]));
    expectProblem(await send({ dryRun: 'true' }, many, index), 413, 'too_many_entries');
    const huge = await zip([['Riesig.pdf', Buffer.concat([pdf(), Buffer.alloc(21 * 1024 * 1024)])]]);
    const unpacked = await send({ dryRun: 'true' }, huge, csv(['Riesig.pdf;0048-0002;Sonstiges;Brief;2026-01-01']));
    expectProblem(unpacked, 413, 'archive_too_large');
    assert.deepEqual([unpacked.body.detail, unpacked.body.limitBytes], ['The files named in the index unpack to more than 20 MB.', 20 * 1024 * 1024]);

    const small = await s.startSibling({ uploadMaxBytes: 64 * 1024 });
    try {
      const bomb = await zip([['Bombe.pdf', Buffer.concat([pdf(), Buffer.alloc(2 * 1024 * 1024)])]]);
      assert.ok(bomb.length < 64 * 1024);
      const a = await send({ dryRun: 'true' }, bomb, csv(['Bombe.pdf;0048-0002;Sonstiges;Brief;2026-01-01']), small.url);
      expectProblem(a, 413, 'archive_too_large');
      assert.deepEqual(a.body.errors.map((e: any) => e.field), ['archive']);
      const big = await send({ dryRun: 'true' }, Buffer.concat([archive, Buffer.alloc(70 * 1024)]), index, small.url);
      expectProblem(big, 413, 'file_too_large');
      assert.deepEqual([big.body.detail, big.body.limitBytes], ['The file is larger than 64 KB.', 64 * 1024]);
    } finally {
      await small.close();
    }

    const latin1 = Buffer.from('WE-Vertrag Müller.pdf;0048-0003;Verträge;WE-Vertrag;2026-01-10\n', 'latin1');
    const notUtf8 = await send({}, archive, latin1);
    expectProblem(notUtf8, 400, 'validation_failed');
    assert.deepEqual(notUtf8.body.errors.map((e: any) => e.field), ['index']);
    expectProblem(await send({}, archive, Buffer.from('a;"b\n')), 400, 'validation_failed');
    expectProblem(await send({}, archive, csv(['file;reference;category;title;date'])), 400, 'validation_failed');

    const damaged = Buffer.from(archive);
    damaged.fill(0x41, damaged.length - 30);
    expectProblem(await send({}, damaged, index), 400, 'invalid_archive');

    const missing = await postForm(s.url, '/admin/documents/bulk', pichler.token, { dryRun: 'true' }, [{ name: 'archive', fileName: 'a.zip', bytes: archive }]);
    expectProblem(missing, 400, 'validation_failed');
    assert.deepEqual(missing.body.errors.map((e: any) => e.field), ['index']);
    const badFlag = await send({ dryRun: 'yes' }, archive, index);
    expectProblem(badFlag, 400, 'validation_failed');
    assert.deepEqual(badFlag.body.errors.map((e: any) => e.field), ['dryRun']);
    const three = await postForm(s.url, '/admin/documents/bulk', pichler.token, {}, [
      { name: 'archive', fileName: 'a.zip', bytes: archive },
      { name: 'index', fileName: 'i.csv', bytes: index },
      { name: 'index', fileName: 'j.csv', bytes: index },
    ]);
    expectProblem(three, 413, 'too_many_files');
    assert.deepEqual(three.body.errors.map((e: any) => e.field), ['index']);
  });

  test('a file sent as a text field (curl -F "index=<file.csv", -F archive=hello) is 400 naming the part, not a 500', async () => {
    const asText = async (fields: Record<string, string>, files: { name: string; bytes: Buffer }[]) =>
      postForm(s.url, '/admin/documents/bulk', pichler.token, fields, files.map((f) => ({ ...f, fileName: `${f.name}.bin` })));
    const index = csv(['BK Huber.pdf;0048-0002;Sonstiges;Brief;2026-01-01']);
    const cases: [Awaited<ReturnType<typeof asText>>, string[]][] = [
      [await asText({ index: index.toString('utf8') }, [{ name: 'archive', bytes: archive }]), ['index']],
      [await asText({ archive: 'hello' }, [{ name: 'index', bytes: index }]), ['archive']],
      [await asText({ archive: 'hello', index: 'a;b;c;d;e', dryRun: 'true' }, []), ['index', 'archive']],
    ];
    for (const [answer, parts] of cases) {
      expectProblem(answer, 400, 'validation_failed');
      assert.deepEqual(answer.body.errors.map((e: any) => [e.field, e.code]), parts.map((p) => [p, 'required']));
      for (const part of parts) assert.ok(answer.body.detail.includes(`Send the file as the part '${part}'.`), answer.body.detail);
    }
  });

  test('an index without header and BOM works; an unknown email in another organization is unmatched', async () => {
    const a = await send({ dryRun: 'true' }, archive, csv(['BK Huber.pdf;thomas.becker@example.net;Sonstiges;Brief;2026-01-01', 'BK Huber.pdf;0145-0002;Sonstiges;Brief;2026-01-01'], false));
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.body.rows.map((r: any) => [r.line, r.status]), [[1, 'unmatched'], [2, 'unmatched']]);
  });
});

describe('admin: bulk import sent again', () => {
  let s: TestServer;
  let pichler: Session;
  const vorschreibung = pdf('Vorschreibung Juli 2026');
  const send = (fields: Record<string, string>, a: Buffer, i: Buffer) =>
    postForm(s.url, '/admin/documents/bulk', pichler.token, fields, [
      { name: 'archive', fileName: 'Vorschreibungen.zip', bytes: a, type: 'application/zip' },
      { name: 'index', fileName: 'index.csv', bytes: i, type: 'text/csv' },
    ]);
  const counts = async () => {
    const tables = ['documents', 'files', 'document_releases', 'notifications', 'jobs', 'audit_log'];
    return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, Number((await s.db(t).count({ n: '*' }).first())!.n)])));
  };
  const report = (a: Answer) => a.body.rows.map((r: any) => [r.line, r.status]);

  before(async () => {
    s = await startServer({ at: '2026-06-15T10:00:00Z' });
    pichler = await loginAs(s, managers.pichler);
  });
  after(() => s.close());

  test('the same file, person and title is a duplicate: within one index, and once stored; nothing is stored or mailed twice', async () => {
    // The same bytes under another name count as the same file.
    const archive = await zip([['Vorschreibung.pdf', vorschreibung], ['Kopie/Vorschreibung neu.pdf', vorschreibung]]);
    const index = csv([
      'file;reference;category;title;date',
      'Vorschreibung.pdf;katharina.huber@example.com;Vorschreibung;Vorschreibung Juli 2026;2026-06-15',
      'Vorschreibung.pdf;katharina.huber@example.com;Vorschreibung;Vorschreibung Juli 2026;2026-06-15',
      'Vorschreibung neu.pdf;0048-0007;Vorschreibung;Vorschreibung Juli 2026;2026-06-15',
      'Vorschreibung.pdf;katharina.huber@example.com;Vorschreibung;Vorschreibung Juli 2026 (berichtigt);2026-06-15',
      'Vorschreibung.pdf;0048-0002;Vorschreibung;Vorschreibung Juli 2026;2026-06-15',
    ]);
    const first = [[2, 'matched'], [3, 'duplicate'], [4, 'duplicate'], [5, 'matched'], [6, 'matched']];
    const start = await counts();
    const dry = await send({ dryRun: 'true' }, archive, index);
    assert.equal(dry.status, 200, dry.text);
    assert.deepEqual(report(dry), first);
    assert.deepEqual([dry.body.matched, dry.body.duplicate], [3, 2]);
    assert.deepEqual(dry.body.rows.filter((r: any) => r.status === 'duplicate').map((r: any) => [r.personName, r.documentId, r.message]), [
      ['Katharina Huber', null, 'Line 2 has the same file, person and title; not stored twice.'],
      ['Katharina Huber', null, 'Line 2 has the same file, person and title; not stored twice.'],
    ]);
    assert.deepEqual(await counts(), start);

    const stored = await send({ notify: 'immediate' }, archive, index);
    assert.equal(stored.status, 200, stored.text);
    assert.deepEqual(report(stored), first);
    const ids = stored.body.rows.filter((r: any) => r.documentId !== null).map((r: any) => r.documentId);
    assert.equal(ids.length, 3);
    const afterFirst = await counts();
    assert.equal(afterFirst.documents, start.documents + 3);
    assert.equal(afterFirst.files, start.files + 1, 'the file is stored once');
    assert.ok(afterFirst.notifications > start.notifications, 'the tenants are told');

    // Sent again, as a dry run and for real: every line is a duplicate, nothing is written, nobody is mailed.
    for (const fields of [{ dryRun: 'true' }, { notify: 'immediate' }] as Record<string, string>[]) {
      const again = await send(fields, archive, index);
      assert.equal(again.status, 200, again.text);
      assert.deepEqual(report(again), first.map(([line]) => [line, 'duplicate']));
      assert.deepEqual([again.body.matched, again.body.duplicate], [0, 5]);
      assert.ok(again.body.rows.every((r: any) => r.documentId === null));
      assert.equal(again.body.rows[0].message, `Katharina Huber already has this file with this title (document ${ids[0]}); not stored again.`);
      assert.deepEqual(await counts(), afterFirst);
    }

    // A withdrawn document, or one whose release is revoked, no longer counts: that line is stored again.
    assert.equal((await call(s.url, `/admin/documents/${ids[2]}`, { token: pichler.token, method: 'DELETE' })).status, 204);
    const doc = await call(s.url, `/admin/documents/${ids[1]}`, { token: pichler.token });
    const revoked = await call(s.url, `/admin/documents/${ids[1]}/releases/${doc.body.releases[0].id}`, { token: pichler.token, method: 'DELETE' });
    assert.equal(revoked.status, 204, revoked.text);
    const third = await send({ notify: 'none' }, archive, index);
    assert.deepEqual(report(third), [[2, 'duplicate'], [3, 'duplicate'], [4, 'duplicate'], [5, 'matched'], [6, 'matched']]);
  });

  test('a document reaching the person through another rule (here her unit) with the same file and title is a duplicate', async () => {
    const bytes = pdf('Hausordnung 2026');
    const uploaded = await postForm(s.url, '/admin/documents', pichler.token, { title: 'Hausordnung 2026', categoryId: await categoryId(s.db, 'immopro', 'Hausordnung'), documentDate: '2026-06-01' }, [
      { name: 'file', fileName: 'Hausordnung.pdf', bytes },
    ]);
    assert.equal(uploaded.status, 201, uploaded.text);
    const archive = await zip([['Hausordnung.pdf', bytes]]);
    const index = csv(['Hausordnung.pdf;0048-0007;Hausordnung;Hausordnung 2026;2026-06-15', 'Hausordnung.pdf;0048-0002;Hausordnung;Hausordnung 2026;2026-06-15']);
    // Released to nobody yet: no duplicate.
    assert.deepEqual(report(await send({ dryRun: 'true' }, archive, index)), [[1, 'matched'], [2, 'matched']]);
    const release = await call(s.url, `/admin/documents/${uploaded.body.id}/releases`, { token: pichler.token, method: 'POST', body: { rule: 'unit_current', unitIds: [await unitId(s.db, '0048-0007')] } });
    assert.equal(release.status, 201, release.text);
    assert.deepEqual(report(await send({ dryRun: 'true' }, archive, index)), [[1, 'duplicate'], [2, 'matched']]);
  });

  test('two equal imports at once store each line once', async () => {
    const bytes = pdf('Gleichzeitig');
    const archive = await zip([['G.pdf', bytes]]);
    const index = csv(['G.pdf;katharina.huber@example.com;Sonstiges;Gleichzeitig;2026-06-15', 'G.pdf;0048-0002;Sonstiges;Gleichzeitig;2026-06-15']);
    const answers = await Promise.all([send({ notify: 'none' }, archive, index), send({ notify: 'none' }, archive, index)]);
    for (const a of answers) assert.equal(a.status, 200, a.text);
    assert.deepEqual(answers.map((a) => a.body.matched).sort(), [0, 2]);
    assert.deepEqual(answers.map((a) => a.body.duplicate).sort(), [0, 2]);
    assert.equal(Number((await s.db('documents').where({ title: 'Gleichzeitig' }).count({ n: '*' }).first())!.n), 2);
  });
});
