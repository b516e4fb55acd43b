// The demo seed's forms and tickets: every status for Katharina Huber and Markus Lehner, numbers, status histories,
// internal entries, real photos with previews, the building-wide lift ticket, the fulfilled document request, and a
// second run that writes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { TicketField, TicketStatus } from '@hausportal/api';
import { freshDatabase, type TestDatabase } from './helpers.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { seedTickets } from '../src/seed/tickets.ts';
import { thumbEdge } from '../src/tickets/photos.ts';
import { demoForms, germanWording } from '../src/seed/forms-data.ts';
import { apiSpecPath } from '../src/app.ts';
import { componentValidator } from '../src/http/openapi-validate.ts';
import { dayIn } from '../src/calendar.ts';
import { systemClock } from '../src/clock.ts';

const allStatuses: TicketStatus[] = ['new', 'in_progress', 'waiting', 'done', 'closed', 'rejected'];

interface TicketRow {
  id: string; organization_id: string; slug: string; time_zone: string; number: string; year: number; seq: number; status: TicketStatus; status_at: string;
  subject: string; reporter: string; reporter_person_id: string; property_id: string; form_id: string; form_key: string; fields: string; shared: boolean | number;
  location: string | null; category: string | null; problem: string | null; waiting_until: string | null; rating: number | null; created_at: string;
}

describe('demo seed tickets', () => {
  let database: TestDatabase;
  let tickets: TicketRow[];
  before(async () => {
    database = await freshDatabase();
    await seedDemo(database.db);
    tickets = await database.db('tickets as t').join('organizations as o', 'o.id', 't.organization_id').join('persons as p', 'p.id', 't.reporter_person_id')
      .select('t.*', 'o.slug', 'o.time_zone', 'p.name as reporter');
  });
  after(() => database.drop());

  const of = (name: string) => tickets.filter((t) => t.reporter === name);

  test('Katharina Huber and Markus Lehner each have a ticket in every status', () => {
    for (const name of ['Katharina Huber', 'Markus Lehner']) {
      assert.deepEqual([...new Set(of(name).map((t) => t.status))].sort(), [...allStatuses].sort(), name);
    }
  });

  test('numbers are YYYY-NNNNN, the year of creation in the organization\'s time zone, numbered 1, 2, … in order of creation per organization and year', () => {
    const groups = new Map<string, TicketRow[]>();
    for (const t of tickets) {
      assert.match(t.number, /^\d{4}-\d{5}$/);
      assert.equal(t.number, `${t.year}-${String(t.seq).padStart(5, '0')}`);
      assert.equal(Number(t.year), Number(dayIn(Date.parse(t.created_at), t.time_zone).slice(0, 4)));
      const key = `${t.slug}:${t.year}`;
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    for (const [key, group] of groups) {
      const ordered = group.sort((a, b) => a.created_at.localeCompare(b.created_at));
      assert.deepEqual(ordered.map((t) => Number(t.seq)), ordered.map((_, i) => i + 1), key);
    }
    assert.equal(new Set(tickets.map((t) => `${t.organization_id}:${t.number}`)).size, tickets.length);
  });

  test('each status history starts with new, each change starts where the last ended, and the last one is the ticket\'s status', async () => {
    const events = await database.db('ticket_events').where({ kind: 'status' }).orderBy(['ticket_id', 'at', 'id']).select('*');
    for (const t of tickets) {
      const mine = events.filter((e) => e.ticket_id === t.id);
      assert.equal(mine[0].to_status, 'new', t.subject);
      assert.equal(mine[0].from_status, null);
      mine.slice(1).forEach((e, i) => assert.equal(e.from_status, mine[i].to_status, t.subject));
      assert.equal(mine.at(-1).to_status, t.status, t.subject);
      assert.equal(mine.at(-1).at, t.status_at, t.subject);
      assert.equal(t.waiting_until !== null, t.status === 'waiting', t.subject);
      if (t.status === 'waiting') assert.ok(mine.at(-1).reason, 'waiting has a reason');
    }
  });

  test('threads hold public answers, resident comments and internal notes; status reasons are public and internal', async () => {
    const comments = await database.db('ticket_comments').select('visibility', 'author_kind', 'ticket_id');
    assert.ok(comments.some((c) => c.visibility === 'public' && c.author_kind === 'staff'));
    assert.ok(comments.some((c) => c.visibility === 'public' && c.author_kind === 'resident'));
    const internal = comments.filter((c) => c.visibility === 'internal');
    assert.ok(internal.length >= 3);
    assert.ok(internal.every((c) => c.author_kind === 'staff'));
    for (const name of ['Katharina Huber', 'Markus Lehner']) {
      assert.ok(internal.some((c) => of(name).some((t) => t.id === c.ticket_id)), `${name} has a ticket with an internal note`);
    }
    const reasons = await database.db('ticket_events').whereNotNull('reason').select('reason_visibility');
    assert.deepEqual([...new Set(reasons.map((r) => r.reason_visibility))].sort(), ['internal', 'public']);
  });

  test('done tickets are recent enough to confirm or reopen and close themselves by a queued job; closed ones more than 30 days ago are rated', async () => {
    const now = Date.now();
    const done = tickets.filter((t) => t.status === 'done');
    assert.ok(done.length >= 2);
    const jobs = await database.db('jobs').where({ kind: 'ticket_autoclose' }).select('payload', 'run_at');
    for (const t of done) {
      assert.ok(now - Date.parse(t.status_at) < 14 * 86_400_000, t.subject);
      const job = jobs.find((j) => JSON.parse(j.payload).ticketId === t.id);
      assert.equal(job?.run_at, new Date(Date.parse(t.status_at) + 14 * 86_400_000).toISOString());
    }
    assert.equal(jobs.length, done.length);
    for (const name of ['Katharina Huber', 'Markus Lehner']) {
      assert.ok(of(name).some((t) => t.status === 'closed' && now - Date.parse(t.status_at) > 30 * 86_400_000 && t.rating !== null), `${name}: archived and rated`);
    }
  });

  test('photos are real JPEG and PNG images with a 320 px JPEG preview; names keep their umlauts', async () => {
    const files = await database.db('ticket_files as tf').join('files as f', 'f.id', 'tf.file_id').join('files as th', 'th.id', 'tf.thumb_file_id')
      .select('tf.name', 'tf.mime', 'tf.size', 'tf.visibility', 'f.bytes', 'f.sha256', 'f.size as file_size', 'f.original_name', 'th.bytes as thumb', 'th.mime as thumb_mime');
    assert.equal(files.length, await database.db('ticket_files').count({ n: '*' }).first().then((r) => Number(r!.n)), 'every file has a preview');
    assert.ok(files.length >= 8);
    for (const f of files) {
      const bytes = Buffer.from(f.bytes);
      const meta = await sharp(bytes).metadata();
      assert.equal(`image/${meta.format}`, f.mime, f.name);
      assert.deepEqual([meta.width, meta.height], [640, 480]);
      assert.equal(bytes.length, Number(f.size));
      assert.equal(bytes.length, Number(f.file_size));
      assert.equal(createHash('sha256').update(bytes).digest('hex'), f.sha256);
      assert.equal(f.original_name, f.name);
      assert.equal(f.visibility, 'public');
      const thumb = await sharp(Buffer.from(f.thumb)).metadata();
      assert.deepEqual([thumb.format, thumb.width, f.thumb_mime], ['jpeg', thumbEdge, 'image/jpeg']);
    }
    const names = files.map((f) => f.name);
    assert.ok(names.includes('Küche Wasserfleck.jpg'));
    assert.ok(files.some((f) => f.mime === 'image/png'));
    // A resident's comment carries a photo too.
    const onComments = await database.db('ticket_files as tf').join('ticket_comments as c', 'c.id', 'tf.comment_id').where('c.author_kind', 'resident').count({ n: '*' }).first();
    assert.ok(Number(onComments!.n) >= 1);
  });

  test('the lift ticket is building-wide, in progress, reported by a neighbour of Huber and Lehner, who may join it', async () => {
    const lift = tickets.find((t) => t.subject === 'Lift Stiege 2 steht')!;
    assert.ok(lift);
    assert.equal(Boolean(lift.shared), true);
    assert.deepEqual([lift.status, lift.form_key, lift.location, lift.category, lift.problem], ['in_progress', 'schadensmeldung', 'lift', 'lift', 'steht']);
    assert.ok(!['Katharina Huber', 'Markus Lehner'].includes(lift.reporter));
    const participants = await database.db('ticket_participants as tp').join('persons as p', 'p.id', 'tp.person_id').where('tp.ticket_id', lift.id).select('p.name');
    assert.ok(!participants.some((p) => ['Katharina Huber', 'Markus Lehner'].includes(p.name)));
    const today = new Date().toISOString().slice(0, 10);
    for (const name of ['Katharina Huber', 'Markus Lehner']) {
      const here = await database.db('contracts as c').join('units as u', 'u.id', 'c.unit_id').join('persons as p', 'p.id', 'c.person_id')
        .where({ 'p.name': name, 'u.property_id': lift.property_id }).where('c.valid_from', '<=', today).whereNull('c.valid_to').first('c.id');
      assert.ok(here, `${name} lives in the lift's building`);
    }
  });

  test('Katharina Huber reported the lift stopping between floors: building-wide, in progress, a public answer names the day the lift company comes', async () => {
    const lift = of('Katharina Huber').find((t) => t.subject === 'Lift bleibt zwischen 2. und 3. Stock stehen')!;
    assert.ok(lift);
    assert.deepEqual([lift.status, lift.form_key, lift.location, lift.category, Boolean(lift.shared)], ['in_progress', 'schadensmeldung', 'lift', 'lift', true]);
    const answers = await database.db('ticket_comments').where({ ticket_id: lift.id, author_kind: 'staff', visibility: 'public' }).select('body');
    assert.equal(answers.length, 1);
    const named = /kommen am (Montag|Dienstag|Mittwoch|Donnerstag|Freitag), (\d{2})\.(\d{2})\./.exec(answers[0].body);
    assert.ok(named, answers[0].body);
    const today = dayIn(Date.now(), lift.time_zone);
    const weekday = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
    const comes = [0, 1, 2, 3, 4, 5].map((d) => new Date(Date.parse(`${today}T12:00:00Z`) + (3 + d) * 86_400_000)).find((d) => d.getUTCDay() % 6 !== 0)!;
    assert.deepEqual(named.slice(1), [weekday[comes.getUTCDay()], String(comes.getUTCDate()).padStart(2, '0'), String(comes.getUTCMonth() + 1).padStart(2, '0')]);
  });

  test('a Dokumentenanforderung is fulfilled by a release to its reporter, shown as a document event', async () => {
    const releases = await database.db('document_releases as r').join('document_release_targets as t', 't.release_id', 'r.id').whereNotNull('r.ticket_id').select('r.ticket_id', 'r.document_id', 'r.rule', 't.person_id');
    assert.equal(releases.length, 1);
    const [release] = releases;
    const ticket = tickets.find((t) => t.id === release.ticket_id)!;
    assert.equal(ticket.form_key, 'dokumentenanforderung');
    assert.equal(release.rule, 'persons');
    assert.equal(release.person_id, ticket.reporter_person_id);
    const event = await database.db('ticket_events').where({ ticket_id: ticket.id, kind: 'document' }).first('document_id');
    assert.equal(event?.document_id, release.document_id);
  });

  test('the demo forms are version 1 in both organizations, and every ticket\'s fields match the TicketField schema with the labels of its form version', async () => {
    const forms = await database.db('forms as f').join('organizations as o', 'o.id', 'f.organization_id').orderBy(['o.slug', 'f.sort']).select('o.slug', 'f.key', 'f.version', 'f.sort', 'f.definition', 'f.id');
    for (const slug of ['immopro', 'krueger']) {
      const mine = forms.filter((f) => f.slug === slug);
      assert.deepEqual(mine.map((f) => f.key), demoForms.map((f) => f.key));
      assert.deepEqual(mine.map((f) => [Number(f.version), Number(f.sort)]), demoForms.map((f) => [1, f.sort]), 'the sort column is the definition\'s');
      assert.deepEqual(mine.map((f) => JSON.parse(f.definition)), slug === 'krueger' ? demoForms.map(germanWording) : demoForms);
    }
    // Krüger (Berlin) reads German (Germany) words; ImmoPro (Vienna) the Austrian ones; option values stay.
    const text = (slug: string) => forms.filter((f) => f.slug === slug).map((f) => f.definition as string).join('\n');
    for (const word of ['Stiegenhaus', 'Professionist', 'Vorschreibung', 'BK-Abrechnung']) {
      assert.ok(!text('krueger').includes(word), `Krüger: ${word}`);
      assert.ok(text('immopro').includes(word), `ImmoPro: ${word}`);
    }
    assert.ok(text('krueger').includes('"value":"stiegenhaus","label":{"de":"Treppenhaus","en":"Staircase"}'));
    assert.ok(text('krueger').includes('Darf der Handwerker die Wohnung'));
    const krueger = tickets.filter((t) => t.slug === 'krueger').map((t) => t.fields).join('\n');
    assert.ok(krueger.includes('Treppenhaus') && !krueger.includes('Stiegenhaus'), 'Krüger tickets carry the labels of Krüger\'s forms');
    const check = componentValidator(apiSpecPath, 'TicketField').check;
    const byId = new Map(forms.map((f) => [f.id, JSON.parse(f.definition)]));
    for (const t of tickets) {
      const definition = byId.get(t.form_id);
      assert.equal(definition.key, t.form_key);
      const fields = JSON.parse(t.fields) as TicketField[];
      assert.ok(fields.length >= 2, t.subject);
      for (const field of fields) {
        assert.deepEqual(check(structuredClone(field)), [], `${t.subject}: ${field.key}`);
        assert.deepEqual(field.label, definition.fields.find((f: { key: string }) => f.key === field.key).label);
        assert.ok(field.display.de && field.display.en);
      }
    }
  });

  test('reporters take part in their role: Lehner as tenant at ImmoPro and as owner at Krüger', async () => {
    const rows = await database.db('ticket_participants as tp').join('tickets as t', 't.id', 'tp.ticket_id').join('organizations as o', 'o.id', 't.organization_id').join('persons as p', 'p.id', 'tp.person_id')
      .where('p.name', 'Markus Lehner').distinct('o.slug', 'tp.role', 'tp.kind');
    assert.deepEqual(rows.map((r) => `${r.slug}:${r.role}:${r.kind}`).sort(), ['immopro:tenant:reporter', 'krueger:owner:reporter']);
  });

  test('seeding again sets right the sort of forms an earlier seed stored by their index', async () => {
    await database.db('forms').update({ sort: database.db.raw('sort / 10 - 1') });
    await database.db.transaction((trx) => seedTickets(trx, systemClock));
    const forms = await database.db('forms').select('sort', 'definition');
    assert.ok(forms.every((f) => Number(f.sort) === JSON.parse(f.definition).sort));
  });

  test('seeding again writes nothing', async () => {
    const tables = ['forms', 'tickets', 'ticket_participants', 'ticket_events', 'ticket_comments', 'ticket_files', 'files', 'document_releases', 'document_release_targets', 'jobs'];
    const count = async () => Promise.all(tables.map(async (table) => Number((await database.db(table).count({ n: '*' }).first())!.n)));
    const before = await count();
    await database.db.transaction((trx) => seedTickets(trx, systemClock));
    assert.deepEqual(await count(), before);
  });
});
