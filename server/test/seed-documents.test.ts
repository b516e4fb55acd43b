// The demo seed's documents: the category tree and who sees which document through the four release rules.
import { after, before, describe, test } from 'node:test';
import { dayIn } from '../src/calendar.ts';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { freshDatabase, type TestDatabase } from './helpers.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { releasesReaching } from '../src/access/releases.ts';

describe('demo seed documents', () => {
  let database: TestDatabase;
  before(async () => {
    database = await freshDatabase();
    await seedDemo(database.db);
  });
  after(() => database.drop());

  const today = () => dayIn(Date.now(), 'Europe/Vienna');
  const y = () => Number(today().slice(0, 4));

  async function titlesOf(org: string, name: string): Promise<string[]> {
    const db = database.db;
    const person = (await db('persons as p').join('organizations as o', 'o.id', 'p.organization_id').where({ 'o.slug': org, 'p.name': name }).first('p.id', 'p.organization_id')) as { id: string; organization_id: string };
    const rows = await db.distinct('d.title').from(releasesReaching(db, person.organization_id, person.id, today()).as('m')).join('documents as d', 'd.id', 'm.document_id');
    return rows.map((r: { title: string }) => r.title).sort();
  }

  test('each organization has the category tree: ten top-level categories, subcategories one level below, Mahnungen sensitive, minutes mandatory', async () => {
    const db = database.db;
    for (const slug of ['immopro', 'krueger']) {
      const rows = await db('document_categories as c').join('organizations as o', 'o.id', 'c.organization_id').where('o.slug', slug).select('c.id', 'c.parent_id', 'c.name_de', 'c.sensitive', 'c.mandatory');
      const top = rows.filter((r) => r.parent_id === null).map((r) => r.name_de);
      // Hamburg says Nebenkostenabrechnung and Hausgeld where Vienna says BK-Abrechnung and Vorschreibung.
      const local = slug === 'krueger' ? ['Nebenkostenabrechnung', 'Hausgeld und Miete'] : ['BK-Abrechnung', 'Vorschreibung'];
      assert.deepEqual(top.sort(), [...local, 'Energieausweis', 'Hausordnung', 'Mahnungen', 'Pläne', 'Protokolle und Beschlüsse', 'Sonstiges', 'Verträge', 'Versicherung'].sort());
      const byId = new Map(rows.map((r) => [r.id, r]));
      assert.ok(rows.every((r) => r.parent_id === null || byId.get(r.parent_id)?.parent_id === null), 'at most two levels in the demo');
      assert.deepEqual(rows.filter((r) => Boolean(r.sensitive)).map((r) => r.name_de), ['Mahnungen']);
      assert.ok(rows.filter((r) => Boolean(r.mandatory)).map((r) => r.name_de).includes('Eigentümerversammlung'));
    }
  });

  test('every document is a real PDF whose hash and size match', async () => {
    const files = await database.db('documents as d').join('files as f', 'f.id', 'd.file_id').select('f.bytes', 'f.sha256', 'f.size', 'f.mime');
    assert.ok(files.length >= 20);
    for (const f of files) {
      const bytes = Buffer.from(f.bytes);
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      assert.equal(bytes.length, Number(f.size));
      assert.equal(createHash('sha256').update(bytes).digest('hex'), f.sha256);
      assert.equal(f.mime, 'application/pdf');
    }
  });

  test('tenants see their house rules, energy certificate and last year\'s statement; the late payer also his reminder', async () => {
    const last = y() - 1;
    assert.deepEqual(await titlesOf('immopro', 'Markus Lehner'), ['1. Mahnung – Rückstand Vorschreibung', `Betriebskostenabrechnung ${last} – Top W2`, 'Energieausweis Top W2', 'Hausordnung Wohnhausanlage Naschmarkt']);
    // She moved in in March of Y-2, so last year's statement of Top 7 is hers; her predecessor (moved out in Y-2) has nothing.
    assert.deepEqual(await titlesOf('immopro', 'Katharina Huber'), [`Betriebskostenabrechnung ${last} – Top 7`, 'Energieausweis Top 7', 'Hausordnung Wohnhausanlage Naschmarkt']);
    assert.deepEqual(await titlesOf('immopro', 'Gerhard Maier'), []);
    assert.deepEqual(await titlesOf('krueger', 'Thomas Becker'), ['Energieausweis Top W2', 'Hausordnung Fischmarkt-Höfe', `Nebenkostenabrechnung ${last} – Top W2`]);
  });

  test('owners see the owners\' documents of their buildings, tenants do not', async () => {
    const wagner = await titlesOf('immopro', 'Dr. Elisabeth Wagner');
    assert.ok(wagner.includes('Wohnungseigentumsvertrag'));
    assert.ok(wagner.includes(`Polizze Gebäudeversicherung ${y()}`));
    assert.ok(wagner.some((t) => t.startsWith('Protokoll der Eigentümerversammlung')));
    assert.deepEqual(wagner.filter((t) => t.startsWith('Energieausweis')).sort(), ['Energieausweis Top 2', 'Energieausweis Top 3', 'Energieausweis Top 9', 'Energieausweis Top G1']);
    assert.ok(!wagner.some((t) => t.includes('abrechnung')), 'statements go to tenants');
    const huber = await titlesOf('immopro', 'Katharina Huber');
    assert.ok(!huber.some((t) => t.startsWith('Protokoll') || t === 'Wohnungseigentumsvertrag'));
  });

  test('house rules and energy certificates are read, statements and reminders are new', async () => {
    const reads = await database.db('document_reads as r').join('documents as d', 'd.id', 'r.document_id').select('d.title');
    assert.ok(reads.length > 0);
    assert.ok(reads.every((r: { title: string }) => r.title.startsWith('Hausordnung') || r.title.startsWith('Energieausweis')));
  });
});
