// The demo seed's bulletin board, checked through the real resident rule (access/posts.ts `visiblePostIds` with the
// seed clock's today in each organization's time zone): who of the demo logins sees which notice, that the expired,
// the future and the draft notice stay hidden, the sort order, the sanitized bodies, dates in the organization's
// calendar, attachments, reads per revision, the past notification run, the wording, a second run and the big seed.
// The clock stands at 22:30 UTC, when Vienna and Berlin already have the next day.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Db } from '../src/db.ts';
import { clockStartingAt, type Clock } from '../src/clock.ts';
import { today as orgToday } from '../src/calendar.ts';
import { visiblePostIds } from '../src/access/posts.ts';
import { postBodyText, sanitizePostBody } from '../src/posts/sanitize.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { seedPosts } from '../src/seed/posts.ts';
import { seedBig } from '../src/seed/big.ts';
import { addDays } from '../src/seed/money-ledger.ts';
import { thumbEdge } from '../src/tickets/photos.ts';
import { freshDatabase, type TestDatabase } from './helpers.ts';

interface PostRow {
  id: string; slug: string; time_zone: string; title: string; status: string; type: string; body_html: string; body_text: string; pinned: boolean | number; requires_ack: boolean | number;
  visible_from: string; visible_until: string | null; appointment_start: string | null; appointment_end: string | null; appointment_all_day: boolean | number; appointment_place: string | null;
  link_url: string | null; link_text: string | null; revision: number; revised_at: string | null; published_at: string | null; author_user_id: string | null; author_kind: string;
}

const six = ['Hausordnung – bitte zur Kenntnis nehmen', 'Merkblatt „Heizkosten sparen“', 'Metallschrott und Sperrmüll', 'Legionellenprüfung im Haus', 'Abschaltung der Trinkwasserversorgung', 'Sommerfest'];
const [hausordnung, heizkosten, sperrmuell, legionellen, trinkwasser, sommerfest] = six as [string, string, string, string, string, string];
const hidden = { immopro: ['Stiegenhausreinigung: geänderte Termine', 'Rauchfangkehrer: jährliche Überprüfung', 'Fassadensanierung: Information (Entwurf)'], krueger: ['Treppenhausreinigung: geänderte Termine', 'Schornsteinfeger: jährliche Überprüfung', 'Fassadensanierung: Information (Entwurf)'] };

/**
 * What each demo login sees. The demo data have no two tenant logins in different properties of one organization:
 * ImmoPro's tenants (Huber, Lehner) live in the Naschmarkt, its second property (Kahlenberger Straße 12) has only the
 * owner Dr. Wagner, and Krüger has one property. So the property and role rules show between a Naschmarkt tenant and
 * the owner with the second property (Sommerfest there only; Legionellenprüfung for tenants only), and at Krüger
 * between tenants and the owner.
 */
const expected: Record<'immopro' | 'krueger', Record<string, string[]>> = {
  immopro: {
    'Katharina Huber': [trinkwasser, hausordnung, legionellen, sperrmuell, heizkosten],
    'Markus Lehner': [trinkwasser, hausordnung, legionellen, sperrmuell, heizkosten],
    'Dr. Elisabeth Wagner': [trinkwasser, hausordnung, sperrmuell, sommerfest, heizkosten],
  },
  krueger: {
    'Thomas Becker': [trinkwasser, hausordnung, legionellen, sperrmuell, sommerfest, heizkosten],
    'Jana Schulz': [trinkwasser, hausordnung, legionellen, sperrmuell, sommerfest, heizkosten],
    'Markus Lehner': [trinkwasser, hausordnung, sperrmuell, sommerfest, heizkosten],
  },
};

const truthy = (v: unknown) => v === true || v === 1;

/** GET /posts's order (the decision): pinned or danger first, then danger, warning, the rest; newest first; id. */
const boardOrder = (rows: PostRow[]): PostRow[] => {
  const rank = (p: PostRow) => [truthy(p.pinned) || p.type === 'danger' ? 0 : 1, p.type === 'danger' ? 0 : p.type === 'warning' ? 1 : 2];
  return [...rows].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0]! - rb[0]! || ra[1]! - rb[1]! || (b.revised_at ?? b.published_at!).localeCompare(a.revised_at ?? a.published_at!) || a.id.localeCompare(b.id);
  });
};

/** The wall-clock time HH:MM of an instant in a time zone. */
const wallTime = (instant: string, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

describe('demo seed bulletin board', () => {
  let database: TestDatabase;
  let db: Db;
  let posts: PostRow[];
  const clock: Clock = clockStartingAt('2026-07-14T22:30:00Z');
  const todayOf = (slug: string) => orgToday(clock, slug === 'krueger' ? 'Europe/Berlin' : 'Europe/Vienna');

  const personId = async (slug: string, name: string): Promise<string> =>
    ((await db('persons as p').join('organizations as o', 'o.id', 'p.organization_id').where({ 'o.slug': slug, 'p.name': name }).first('p.id')) as { id: string }).id;
  const orgId = async (slug: string): Promise<string> => ((await db('organizations').where({ slug }).first('id')) as { id: string }).id;
  /** The notices `name` may see today, in the board's order. */
  const seenBy = async (slug: string, name: string): Promise<string[]> => {
    const ids = (await visiblePostIds(db, await orgId(slug), await personId(slug, name), todayOf(slug))).map((r: { post_id: string }) => r.post_id);
    return boardOrder(posts.filter((p) => ids.includes(p.id))).map((p) => p.title);
  };

  before(async () => {
    database = await freshDatabase();
    db = database.db;
    await seedDemo(db, clock);
    posts = await db('posts as p').join('organizations as o', 'o.id', 'p.organization_id').orderBy('p.created_at').select('p.*', 'o.slug', 'o.time_zone');
  });
  after(() => database.drop());

  const ofOrg = (slug: string) => posts.filter((p) => p.slug === slug);
  const post = (slug: string, title: string) => posts.find((p) => p.slug === slug && p.title === title)!;

  test('each organization has the six examples, an expired, a future and a draft notice', () => {
    for (const slug of ['immopro', 'krueger'] as const) {
      assert.deepEqual(ofOrg(slug).map((p) => p.title).sort(), [...six, ...hidden[slug]].sort(), slug);
    }
  });

  for (const slug of ['immopro', 'krueger'] as const) {
    test(`${slug}: the demo residents see their notices, the danger notice first`, async () => {
      for (const [name, titles] of Object.entries(expected[slug])) assert.deepEqual(await seenBy(slug, name), titles, name);
    });
  }

  test('a Naschmarkt tenant does not see the notice of Kahlenberger Straße 12, its owner does; the owner does not see the tenants-only one', async () => {
    assert.ok(!(await seenBy('immopro', 'Katharina Huber')).includes(sommerfest));
    assert.ok((await seenBy('immopro', 'Dr. Elisabeth Wagner')).includes(sommerfest));
    assert.ok(!(await seenBy('immopro', 'Dr. Elisabeth Wagner')).includes(legionellen));
    assert.ok(!(await seenBy('krueger', 'Markus Lehner')).includes(legionellen));
  });

  test('nobody sees the expired, the future or the draft notice, nor a notice of the other organization', async () => {
    for (const slug of ['immopro', 'krueger'] as const) {
      const persons = (await db('persons').where({ organization_id: await orgId(slug) }).select('id')) as { id: string }[];
      const invisible = new Set(ofOrg(slug).filter((p) => hidden[slug].includes(p.title)).map((p) => p.id));
      const foreign = new Set(posts.filter((p) => p.slug !== slug).map((p) => p.id));
      for (const person of persons) {
        const ids = (await visiblePostIds(db, await orgId(slug), person.id, todayOf(slug))).map((r: { post_id: string }) => r.post_id);
        assert.ok(ids.every((id: string) => !invisible.has(id) && !foreign.has(id)), `${slug} ${person.id}`);
      }
    }
  });

  test('dates are the seed clock\'s today in the organization\'s time zone: display windows, timed and all-day appointments', () => {
    for (const slug of ['immopro', 'krueger'] as const) {
      const today = todayOf(slug);
      assert.equal(today, '2026-07-15', 'already the next day there');
      const danger = post(slug, trinkwasser);
      assert.deepEqual([danger.visible_from, danger.visible_until], [addDays(today, -1), addDays(today, 2)]);
      assert.equal(danger.appointment_start!.slice(0, 10), addDays(today, 2));
      assert.deepEqual([wallTime(danger.appointment_start!, danger.time_zone), wallTime(danger.appointment_end!, danger.time_zone)], ['08:00', '14:00']);
      const warning = post(slug, legionellen);
      assert.ok(warning.visible_until !== null && warning.appointment_start !== null, 'warnings have an end and an appointment');
      assert.ok(warning.visible_from <= today && today <= warning.visible_until);
      const expired = post(slug, hidden[slug][0]!);
      assert.ok(expired.visible_until! < today);
      const future = post(slug, hidden[slug][1]!);
      assert.ok(future.visible_from > today && future.status === 'published');
      assert.equal(post(slug, hidden[slug][2]!).status, 'draft');
    }
    const evening = post('immopro', sommerfest);
    assert.ok(!truthy(evening.appointment_all_day));
    assert.equal(wallTime(evening.appointment_start!, 'Europe/Vienna'), '17:00');
    const allDay = post('krueger', sommerfest);
    assert.ok(truthy(allDay.appointment_all_day));
    assert.match(allDay.appointment_start!, /^\d{4}-\d{2}-\d{2}$/);
    for (const slug of ['immopro', 'krueger']) assert.ok(post(slug, sommerfest).link_url?.startsWith('https://') && post(slug, sommerfest).link_text, 'a link with its text');
  });

  test('published notices have published_at, a manager as author and revision 1, the house rules revision 2; the draft is unpublished', async () => {
    const managers = new Set(((await db('memberships').where({ role: 'manager' }).select('user_id')) as { user_id: string }[]).map((m) => m.user_id));
    for (const p of posts) {
      assert.ok(managers.has(p.author_user_id!) && p.author_kind === 'staff', p.title);
      if (p.status === 'draft') {
        assert.equal(p.published_at, null);
        continue;
      }
      assert.ok(p.published_at, p.title);
      const revised = p.title === hausordnung;
      assert.equal(Number(p.revision), revised ? 2 : 1, p.title);
      assert.equal(p.revised_at !== null, revised, p.title);
      if (p.revised_at) assert.ok(p.revised_at > p.published_at);
    }
    for (const slug of ['immopro', 'krueger']) {
      assert.ok(truthy(post(slug, hausordnung).requires_ack) && truthy(post(slug, hausordnung).pinned));
      assert.ok(!truthy(post(slug, trinkwasser).pinned), 'a danger notice pins itself by its type');
      assert.deepEqual(six.map((t) => post(slug, t).type), ['neutral', 'info', 'neutral', 'warning', 'danger', 'neutral']);
    }
  });

  test('bodies are sanitized rich text with paragraphs, lists, bold, an https and a mailto link; body_text is their plain text', () => {
    for (const p of posts) {
      assert.equal(sanitizePostBody(p.body_html), p.body_html, p.title);
      assert.equal(p.body_text, postBodyText(p.body_html), p.title);
      assert.doesNotMatch(p.body_text, /[<>]/);
      if (!six.includes(p.title)) continue;
      for (const part of [/<p>/, /<(ul|ol)>/, /<strong>/, /<a href="https:\/\/[^"]+" rel="noopener noreferrer"/, /<a href="mailto:[^"]+" rel="noopener noreferrer"/]) assert.match(p.body_html, part, p.title);
    }
  });

  test('ImmoPro speaks Austrian German, Krüger German', () => {
    const text = (slug: string) => ofOrg(slug).map((p) => `${p.title} ${p.body_text} ${p.appointment_place ?? ''}`).join(' ');
    assert.match(text('immopro'), /Stiegenhaus/);
    assert.match(text('immopro'), /Hausbetreuung/);
    assert.doesNotMatch(text('immopro'), /Treppenhaus|Hausmeister|Schornsteinfeger/);
    assert.match(text('krueger'), /Treppenhaus/);
    assert.match(text('krueger'), /Hausmeister/);
    assert.doesNotMatch(text('krueger'), /Stiegenhaus|Hausbetreuung|Rauchfangkehrer/);
  });

  test('the leaflet has a PDF, the scrap notice a JPEG with its preview', async () => {
    for (const slug of ['immopro', 'krueger']) {
      const pdf = await db('post_files as pf').join('files as f', 'f.id', 'pf.file_id').where('pf.post_id', post(slug, heizkosten).id).select('pf.*', 'f.bytes', 'f.organization_id');
      assert.equal(pdf.length, 1);
      assert.equal(pdf[0].mime, 'application/pdf');
      assert.equal(Buffer.from(pdf[0].bytes).subarray(0, 5).toString('latin1'), '%PDF-');
      assert.equal(Number(pdf[0].size), Buffer.from(pdf[0].bytes).length);
      assert.equal(pdf[0].organization_id, await orgId(slug));
      const image = await db('post_files as pf').join('files as f', 'f.id', 'pf.file_id').join('files as t', 't.id', 'pf.thumb_file_id').where('pf.post_id', post(slug, sperrmuell).id).select('pf.mime', 'f.bytes', 't.bytes as thumb');
      assert.equal(image.length, 1);
      assert.equal(image[0].mime, 'image/jpeg');
      assert.equal((await sharp(Buffer.from(image[0].bytes)).metadata()).format, 'jpeg');
      const thumb = await sharp(Buffer.from(image[0].thumb)).metadata();
      assert.ok(thumb.format === 'jpeg' && Math.max(thumb.width!, thumb.height!) <= thumbEdge);
    }
  });

  test('reads are mixed: new, seen, opened, and one acknowledgement of the current house rules; an old revision\'s does not count', async () => {
    for (const [slug, tenant, owner] of [['immopro', 'Katharina Huber', 'Dr. Elisabeth Wagner'], ['krueger', 'Thomas Becker', 'Markus Lehner']] as const) {
      const reads = (await db('post_reads').whereIn('post_id', ofOrg(slug).map((p) => p.id)).select('*')) as { post_id: string; person_id: string; revision: number; first_seen_at: string | null; opened_at: string | null; acknowledged_at: string | null }[];
      const byId = new Map(ofOrg(slug).map((p) => [p.id, p]));
      const current = reads.filter((r) => Number(r.revision) === Number(byId.get(r.post_id)!.revision));
      assert.equal(current.filter((r) => r.acknowledged_at).length, 1, `${slug}: one acknowledgement`);
      const tenantId = await personId(slug, tenant);
      const house = post(slug, hausordnung);
      const mine = (title: string) => current.find((r) => r.person_id === tenantId && r.post_id === post(slug, title).id);
      assert.ok(reads.some((r) => r.person_id === tenantId && r.post_id === house.id && Number(r.revision) === 1 && r.acknowledged_at), 'acknowledged revision 1');
      assert.equal(mine(hausordnung), undefined, 'revision 2 is new again');
      assert.ok(mine(heizkosten)?.opened_at, 'opened');
      assert.ok(mine(sperrmuell)?.first_seen_at && !mine(sperrmuell)!.opened_at, 'seen, still new');
      assert.equal(mine(trinkwasser), undefined, 'new');
      const ownerId = await personId(slug, owner);
      assert.ok(current.some((r) => r.person_id === ownerId && r.post_id === house.id && r.acknowledged_at), 'the owner acknowledged revision 2');
      for (const r of reads) {
        const p = byId.get(r.post_id)!;
        const since = Number(r.revision) === 2 ? p.revised_at! : p.published_at!;
        for (const at of [r.first_seen_at, r.opened_at, r.acknowledged_at]) if (at) assert.ok(at >= since && at <= clock().toISOString(), `${p.title}: read after it was published, before now`);
        assert.ok(!r.opened_at || r.opened_at >= r.first_seen_at!);
      }
    }
  });

  test('one past notification run per organization, sent, its mails out to everyone it reached', async () => {
    for (const slug of ['immopro', 'krueger']) {
      const sends = await db('post_sends').where({ organization_id: await orgId(slug) }).select('*');
      assert.equal(sends.length, 1);
      const [send] = sends;
      assert.equal(send.post_id, post(slug, hausordnung).id);
      assert.deepEqual([send.reason, send.mode, Number(send.revision), send.cancelled_at], ['publish', 'now', 1, null]);
      assert.ok(send.sent_at && send.sent_at <= clock().toISOString() && send.sent_at > post(slug, hausordnung).published_at!);
      const rows = await db('notifications').where({ kind: 'post', entity_id: send.id }).select('*');
      assert.equal(rows.length, Number(send.recipients));
      assert.ok(rows.length > 0 && rows.every((r) => r.mailed_at !== null && r.organization_id === send.organization_id));
    }
  });

  test('a second run writes nothing', async () => {
    const before = await db('posts').count({ c: '*' }).first();
    await db.transaction((trx) => seedPosts(trx, clock));
    assert.deepEqual(await db('posts').count({ c: '*' }).first(), before);
  });

  test('the big seed leaves the demo board as it was; its generated tenants see the running notices of their own building only', async () => {
    const huber = await seenBy('immopro', 'Katharina Huber');
    await seedBig(db, { units: 40, clock });
    assert.deepEqual(await seenBy('immopro', 'Katharina Huber'), huber);
    const generated = (await db('contracts').where('account_no', '>=', '5000000').first('person_id')) as { person_id: string };
    const ids = ((await visiblePostIds(db, await orgId('immopro'), generated.person_id, todayOf('immopro'))) as { post_id: string }[]).map((r) => r.post_id);
    const titles = ((await db('posts').whereIn('id', ids).orderBy('title').pluck('title')) as string[]).map((t) => t.replace(/[, ].*$/, ''));
    // The house rules and the heating maintenance of the generated building; its expired notice is not shown.
    assert.deepEqual(titles, ['Hausordnung', 'Wartung']);
  });
});
