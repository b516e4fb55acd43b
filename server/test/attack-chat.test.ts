import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import type { ChatReply, FaqEntryInput } from '@hausportal/api';
import { dataIntents, type DataIntent } from '../src/chat/types.ts';
import { renderFaqAnswer } from '../src/chat/faq-markdown.ts';
import { labelOf, maxLabelLength } from '../src/chat/nlu/labels.ts';
import { purgeConversations } from '../src/chat/store.ts';
import { purgeChatData, unansweredRetentionDays } from '../src/chat/unanswered.ts';
import type { Db } from '../src/db.ts';
import { newId } from '../src/ids.ts';
import { call, demo, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { loginAs, managers, organizationId, upload } from './admin-fixture.ts';
import { moneyFixture, vatOf, type Fixture } from './money-fixture.ts';
import { xssPayloads } from './fixtures/xss-payloads.ts';

// The chat bot under attack (issue 13), as a hostile or careless resident, visitor or manager would try it:
// - foreign data through every door: another person's, another organization's, an ended and a future contract's unit
//   in `choice.unitId`, a neighbour's Top in the text, another person's or organization's ticket number in the text
//   and in `choice.ticketNumber`, another person's conversation: no answer ever carries another person's name,
//   street, amounts, ticket subjects, contacts, notices or documents (the whole JSON of each reply is searched);
// - signed out: every own-data intent gives the sign-in answer and no data; an organization with the bot off is 403;
//   a slug that is no organization is a problem, never a 500;
// - markup: the XSS corpus as FAQ answer, as question variant, through import, and as chat text: the reply's `html`
//   keeps only the allowed tags and link schemes, `text` and choice labels are plain text;
// - bad input of every shape, FAQ input at and past the contract's limits, imports that fail write nothing;
// - the rate limit, redaction of what is kept of unanswered questions, and the conversations' retention.
// Findings not fixed yet are written as `todo` tests: they run and report, without failing the suite.

const at = '2026-06-15T08:00:00Z';
const dayMs = 86_400_000;

/** "1.099,99" and "1,099.99": how an amount in cents is written in German and English answers (without the sign). */
function amountForms(cents: number): string[] {
  const euros = String(Math.floor(cents / 100));
  const rest = String(cents % 100).padStart(2, '0');
  const group = (sep: string) => euros.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return [`${group('.')},${rest}`, `${group(',')}.${rest}`];
}

/** The reply without what changes from turn to turn (the conversation kept, the match score). */
const stable = (r: ChatReply) => ({ ...r, conversationId: null, score: 0 });

/** The markers of `markers` that occur anywhere in the JSON of `value`. */
const leaked = (value: unknown, markers: readonly string[]): string[] => {
  const text = JSON.stringify(value);
  return markers.filter((m) => text.includes(m));
};

function noLeak(value: unknown, markers: readonly string[], what: string): void {
  assert.deepEqual(leaked(value, markers), [], `${what}: ${JSON.stringify(value)}`);
}

/**
 * HTML as the FAQ answers may carry it (openapi.yaml ChatReply.html): only p, br, strong, em, ul, ol, li, a; attributes
 * on links only (href, rel, target); no event handler; links to https, mailto and tel only. Markup typed in the
 * answer shows as escaped text, which this does not look into.
 */
function assertSafeHtml(html: string, what: string): void {
  assert.ok(!/<\s*\/?\s*(script|style|iframe|object|embed|svg|math|img|form|input|meta|base|link|template|noscript|textarea|title|xmp)\b/i.test(html), `${what}: ${html}`);
  for (const [, name, attributes] of html.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    assert.ok(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a'].includes(name!.toLowerCase()), `${what}: <${name}> in ${html}`);
    if (name!.toLowerCase() !== 'a') assert.equal(attributes!.replace(/\/$/, '').trim(), '', `${what}: ${html}`);
    // The serializer quotes every value with "; whatever is left outside name="value" pairs would be an attribute too.
    const pairs = [...attributes!.matchAll(/\s([^\s="]+)="[^"]*"/g)];
    assert.equal(attributes!.replace(/\s[^\s="]+="[^"]*"/g, '').replace(/\/$/, '').trim(), '', `${what}: ${html}`);
    const names = pairs.map((m) => m[1]!.toLowerCase());
    assert.ok(names.every((n) => ['href', 'rel', 'target'].includes(n)), `${what}: attributes ${names.join()} in ${html}`);
    for (const [, href] of attributes!.matchAll(/href="([^"]*)"/g)) assert.match(href!, /^(https:\/\/|mailto:|tel:)/, `${what}: ${html}`);
  }
}

/** The problem names `field` (a JSON pointer or a dotted path). */
function expectField(a: Answer, status: number, field: string, code?: string): void {
  expectProblem(a, status, code);
  const named = (a.body.errors ?? []).map((e: { field: string }) => e.field.replace(/^\//, '').replaceAll('/', '.'));
  assert.ok(named.includes(field.replace(/^\//, '').replaceAll('/', '.')), `${field} in ${a.text}`);
}

/** 4xx problem+json, never a 5xx and never an answer. */
function expectRefused(a: Answer, what: string): void {
  assert.ok(a.status >= 400 && a.status < 500, `${what}: ${a.status} ${a.text}`);
  assert.ok((a.headers.get('content-type') ?? '').startsWith('application/problem+json'), `${what}: ${a.headers.get('content-type')}`);
}

const count = async (db: Db, table: string, where: Record<string, string> = {}): Promise<number> => Number((await db(table).where(where).count({ n: '*' }).first())!.n);

/** A phrase per own-data intent that the bot understands as that intent (German). */
const phrases: Record<DataIntent, string> = {
  'data.balance': 'Wie hoch ist mein Kontostand?',
  'data.next_charge': 'Wann ist meine nächste Vorschreibung fällig?',
  'data.open_items': 'Welche offenen Posten habe ich?',
  'data.last_payment': 'Wann war meine letzte Zahlung?',
  'data.tickets_open': 'Welche Meldungen habe ich offen?',
  'data.ticket_status': 'Wie ist der Status meiner Meldung?',
  'data.next_appointment': 'Wann ist der nächste Termin im Haus?',
  'data.contact': 'Wer ist mein Ansprechpartner?',
  'data.new_documents': 'Gibt es neue Dokumente?',
};
const unitIntents: DataIntent[] = ['data.balance', 'data.next_charge', 'data.open_items', 'data.last_payment', 'data.contact'];
const noCurrentUnit = 'Zu Ihrem Zugang gibt es heute keine laufende Einheit';

/** The chat's rate-limit rows go, so that a test may send as many messages as it needs (the limit has its own tests). */
const freshLimits = (db: Db) => db('login_attempts').where('key', 'like', 'chat-%').delete();

/** A ticket written directly: row, reporter and one status event per step. */
async function insertTicket(
  db: Db,
  t: { orgId: string; formId: string; number: string; unitId: string | null; propertyId: string; reporter: string; role: 'tenant' | 'owner'; subject: string; status: string; createdAt: string; shared?: boolean },
): Promise<string> {
  const id = newId();
  const [year, seq] = t.number.split('-').map(Number) as [number, number];
  await db('tickets').insert({
    id, organization_id: t.orgId, number: t.number, year, seq, form_id: t.formId, form_key: 'schadensmeldung', unit_id: t.unitId, property_id: t.propertyId,
    reporter_person_id: t.reporter, created_by: null, source: 'portal', subject: t.subject, location: null, category: null, problem: null, urgency: null,
    shared: t.shared ?? false, fields: '[]', consent_version: null, consent_at: null, status: t.status, status_at: t.createdAt, waiting_until: null, reopen_count: 0,
    text_hash: createHash('sha256').update(t.subject).digest('hex'), idempotency_key: null, created_at: t.createdAt, updated_at: t.createdAt,
  });
  await db('ticket_participants').insert({ ticket_id: id, person_id: t.reporter, kind: 'reporter', role: t.role, joined_at: t.createdAt, last_read_at: null });
  const steps = t.status === 'new' ? ['new'] : ['new', t.status];
  await db('ticket_events').insert(
    steps.map((to, i) => ({
      id: newId(), ticket_id: id, kind: 'status', from_status: i === 0 ? null : steps[i - 1], to_status: to, reason: null, reason_visibility: 'public', reason_code: null,
      waiting_until: null, document_id: null, actor_kind: i === 0 ? 'resident' : 'staff', actor_user_id: null, actor_person_id: i === 0 ? t.reporter : null, at: t.createdAt,
    })),
  );
  return id;
}

/** A conversation written straight into the database (e.g. in an organization whose bot is off). */
async function insertConversation(db: Db, email: string, slug: string, lastAt: Date, question: string): Promise<string> {
  const user = await db('users').where({ email }).first('id');
  const orgId = await organizationId(db, slug);
  const member = await db('memberships').where({ user_id: user.id, organization_id: orgId }).first('person_id');
  const id = newId(lastAt.getTime());
  const when = lastAt.toISOString();
  await db.transaction(async (trx) => {
    await trx('chat_conversations').insert({ id, organization_id: orgId, user_id: user.id, person_id: member.person_id, channel: 'portal', started_at: when, last_message_at: when });
    await trx('chat_messages').insert([
      { id: newId(lastAt.getTime()), conversation_id: id, role: 'user', text: question, intent: null, score: null, created_at: when },
      { id: newId(lastAt.getTime()), conversation_id: id, role: 'bot', text: 'Darauf habe ich leider keine sichere Antwort.', intent: 'handover', score: 0, created_at: when },
    ]);
  });
  return id;
}

describe('attack: the chat bot and other people’s data', () => {
  let s: TestServer;
  let f: Fixture;
  let y = 0;
  let orgId = '';
  /** Logins by name; `session()` logs in again when the access token is near its end (the clock moves). */
  const logins: Record<string, { username: string; password: string; org: string }> = {};
  const sessions = new Map<string, { session: Session; at: number }>();
  async function session(name: string): Promise<Session> {
    const cached = sessions.get(name);
    if (cached && s.clock.now().getTime() - cached.at < 200_000) return cached.session;
    const l = logins[name]!;
    const fresh = await login(s.url, l.username, l.password, l.org);
    sessions.set(name, { session: fresh, at: s.clock.now().getTime() });
    return fresh;
  }
  const unit = (top: string) => f.w.id(`unit:${top}`);
  const send = (body: Record<string, unknown>, who?: Session, headers?: Record<string, string>) => call(s.url, '/chat/messages', { token: who?.token, body, headers });
  /** One message with the rate limit reset before; 200 expected. */
  async function ask(who: Session | undefined, body: Record<string, unknown>): Promise<ChatReply> {
    await freshLimits(s.db);
    const a = await send({ lang: 'de', ...body }, who);
    assert.equal(a.status, 200, `${JSON.stringify(body)}: ${a.text}`);
    return a.body as ChatReply;
  }
  const choose = (who: Session | undefined, intent: string, extra: Record<string, unknown> = {}, text = intent) => ask(who, { text, choice: { intent, ...extra } });

  /** Ticket numbers and subjects, by holder. */
  const tickets: Record<string, { number: string; subject: string }> = {};
  let kruegerUnit = '';
  /** What Tina Test (tenant of Top T1, Testgasse 1) must never see. */
  let foreignToTina: string[] = [];
  /** The ids of units that are not Tina's today. */
  let notTinas: Record<string, string> = {};

  before(async () => {
    s = await startServer({ at });
    f = await moneyFixture(s);
    const w = f.w;
    y = w.y;
    orgId = w.orgId;
    Object.assign(logins, {
      tina: { username: 'tina.test@example.test', password: 'Tina-Test-2026', org: 'immopro' },
      otto: { username: 'otto.owner@example.test', password: 'Otto-Owner-2026', org: 'immopro' },
      nina: { username: 'nina.nachbar@example.test', password: 'Nina-Nachbar-2026', org: 'immopro' },
      erika: { username: 'erika.ex@example.test', password: 'Erika-Exmieter-2026', org: 'immopro' },
      felix: { username: 'felix.future@example.test', password: 'Felix-Future-2026', org: 'immopro' },
      pichler: managers.pichler,
      huber: demo.huber,
      becker: demo.becker,
    });
    // Erika rented B2 until June last year; Felix moves into B3 on the first of August; Nadia (no login) rents
    // Top 3 of Testgasse 1, next door to Tina. Each has amounts no one else has.
    await w.person('Erika Ex', { email: 'erika.ex@example.test', password: 'Erika-Exmieter-2026', role: 'tenant' });
    await w.person('Felix Future', { email: 'felix.future@example.test', password: 'Felix-Future-2026', role: 'tenant' });
    await w.person('Nadia Nachbarin');
    await w.unit('A', '3');
    await w.unit('B', 'B2');
    await w.unit('B', 'B3');
    await w.contract('c:nadia', '3', 'Nadia Nachbarin', 'tenant', `${y - 2}-01-01`, null, 'N-0003');
    await w.book('c:nadia', `${y}-01`, `${y}-06`, () => [{ item: 'main_rent', label: 'Miete Nadia geheim', key: 'area', net: 43210, bp: 1000 }], new Set([`${y}-06`]));
    await w.contract('c:erika', 'B2', 'Erika Ex', 'tenant', `${y - 3}-01-01`, `${y - 1}-06-30`, 'E-0002');
    await w.book('c:erika', `${y - 3}-01`, `${y - 1}-06`, () => [{ item: 'main_rent', label: 'Miete Erika alt', key: 'area', net: 51234, bp: 1000 }], new Set([`${y - 1}-05`]));
    await w.contract('c:felix', 'B3', 'Felix Future', 'tenant', `${y}-08-01`, null, 'F-0003');
    await w.book('c:felix', `${y}-08`, `${y}-08`, () => [{ item: 'main_rent', label: 'Miete Felix künftig', key: 'area', net: 67891, bp: 1000 }], new Set([`${y}-08`]));
    // Phone numbers and addresses on the contacts: Zweigasse's for its tenants, Testgasse's owners' accounting.
    await s.db('property_contacts').where({ property_id: w.id('B') }).update({ phone: '+43 1 999 88 77', email: 'geheim-b@example.test' });
    await s.db('property_contacts').where({ property_id: w.id('A'), name: 'WEG-Buchhaltung A' }).update({ phone: '+43 1 555 44 33', email: 'weg-a@example.test' });

    // Tickets: Tina's own, and others' in her house, her unit (the tenant before her), the building and next door.
    const formId = (await s.db('forms').where({ organization_id: orgId, key: 'schadensmeldung' }).orderBy('version', 'desc').first('id')).id as string;
    const person = (name: string) => w.id(`person:${name}`);
    const plan: [key: string, number: string, reporter: string, role: 'tenant' | 'owner', unitTop: string | null, property: string, subject: string, createdAt: string, shared?: boolean][] = [
      ['tina', `${y}-90001`, 'Tina Test', 'tenant', 'T1', 'A', 'Wasserhahn in Tinas Küche tropft', `${y}-06-01T08:00:00.000Z`],
      ['nina', `${y}-90002`, 'Nina Nachbar', 'tenant', 'B1', 'B', 'Schimmel im Bad bei Nina Nachbar', `${y}-06-02T08:00:00.000Z`],
      ['paul', `${y - 1}-90003`, 'Paul Vormieter', 'tenant', 'T1', 'A', 'Heizkörper Altlast von Paul', `${y - 1}-02-10T08:00:00.000Z`],
      ['otto', `${y}-90004`, 'Otto Owner', 'owner', null, 'A', 'Dachrinne über dem Eingang undicht (Otto)', `${y}-06-03T08:00:00.000Z`, true],
      ['nadia', `${y}-90005`, 'Nadia Nachbarin', 'tenant', '3', 'A', 'Lift quietscht laut bei Nadia', `${y}-06-04T08:00:00.000Z`],
      ['erika', `${y - 1}-90006`, 'Erika Ex', 'tenant', 'B2', 'B', 'Erikas Fenster zieht', `${y - 1}-03-04T08:00:00.000Z`],
    ];
    for (const [key, number, reporter, role, top, property, subject, createdAt, shared] of plan) {
      await insertTicket(s.db, { orgId, formId, number, unitId: top ? unit(top) : null, propertyId: w.id(property), reporter: person(reporter), role, subject, status: 'in_progress', createdAt, shared });
      tickets[key] = { number, subject };
    }
    const tinaTicket = (await s.db('tickets').where({ organization_id: orgId, number: tickets.tina!.number }).first('id')).id as string;
    await s.db('ticket_comments').insert({ id: newId(), ticket_id: tinaTicket, visibility: 'internal', author_kind: 'staff', author_user_id: null, author_person_id: null, body: 'INTERN: Installateur Kostenvoranschlag 4711', created_at: `${y}-06-02T08:00:00.000Z` });

    // Notices: for Zweigasse's tenants, for Testgasse's owners, and one for Testgasse's tenants (Tina's).
    const pichler = await session('pichler');
    const categories = (await call(s.url, '/admin/post-categories', { token: pichler.token })).body as { id: string }[];
    const notice = async (title: string, role: 'tenant' | 'owner', property: string, start: string) => {
      const created = await call(s.url, '/admin/posts', { token: pichler.token, body: { title, categoryId: categories[0]!.id, audience: { role, propertyIds: [w.id(property)], personIds: [] }, appointment: { start, end: start.replace('T08', 'T10'), allDay: false } } });
      assert.equal(created.status, 201, created.text);
      const published = await call(s.url, `/admin/posts/${created.body.id}/publish`, { token: pichler.token, body: { notify: 'none' } });
      assert.equal(published.status, 200, published.text);
    };
    await notice('Termin Zweigasse geheim', 'tenant', 'B', `${y}-06-20T08:00:00Z`);
    await notice('Eigentümerversammlung Testgasse geheim', 'owner', 'A', `${y}-06-18T08:00:00Z`);
    await notice('Stiegenhausreinigung Testgasse', 'tenant', 'A', `${y}-06-25T08:00:00Z`);

    // Documents: one for Nina alone, one for Testgasse's owners.
    const category = (await s.db('document_categories').where({ organization_id: orgId }).first('id')).id as string;
    const release = async (title: string, rule: Record<string, unknown>) => {
      const doc = await upload(s, pichler.token, category, title, `${title}.pdf`);
      const a = await call(s.url, `/admin/documents/${doc.id}/releases`, { token: pichler.token, body: { ...rule, notify: 'none' } });
      assert.equal(a.status, 201, a.text);
    };
    await release('Dokument Nina geheim', { rule: 'persons', personIds: [person('Nina Nachbar')] });
    await release('Dokument Testgasse Eigentümer geheim', { rule: 'property_role', propertyIds: [w.id('A')], roles: 'owner' });
    await release('Dokument Testgasse Mieter', { rule: 'property_role', propertyIds: [w.id('A')], roles: 'tenant' });

    kruegerUnit = (await s.db('units as u').join('properties as p', 'p.id', 'u.property_id').where({ 'p.name': 'Fischmarkt-Höfe', 'u.top': 'W5' }).first('u.id')).id;
    notTinas = { ottoT2: unit('T2'), ottoT3: unit('T3'), nina: unit('B1'), nadia: unit('3'), erikaEnded: unit('B2'), felixFuture: unit('B3'), krueger: kruegerUnit };
    const othersTickets = (await s.db('tickets').whereNot({ number: tickets.tina!.number }).select('subject')) as { subject: string }[];
    foreignToTina = [
      'Otto Owner', 'Nina Nachbar', 'Paul Vormieter', 'Nadia Nachbarin', 'Erika Ex', 'Felix Future',
      'Zweigasse', 'WEG-Buchhaltung', 'Betreuung B', 'Mietenbuchhaltung B', '999 88 77', 'geheim-b@', '555 44 33', 'weg-a@',
      'Miete Nadia', 'Miete Erika', 'Miete Felix', 'Hauptmietzins alt', 'INTERN', 'Kostenvoranschlag',
      ...[43210, 51234, 67891, 99999].flatMap((net) => amountForms(net + vatOf(net, 1000))),
      'Termin Zweigasse geheim', 'Eigentümerversammlung Testgasse geheim', 'Dokument Nina geheim', 'Dokument Testgasse Eigentümer geheim',
      'Top T2', 'Top T3', 'Top 3,', 'Top B1', 'Top B2', 'Top B3', 'W5',
      ...Object.values(notTinas),
      ...othersTickets.map((t) => t.subject).filter((subject) => subject.length >= 12),
    ];
  });
  after(() => s.close());
  beforeEach(() => freshLimits(s.db));

  describe('foreign data through every door', () => {
    test('the checks can fail: Tina’s own answers name her unit, her ticket, her notice, her contacts', async () => {
      const tina = await session('tina');
      const balance = await choose(tina, 'data.balance');
      assert.match(balance.text, /^Mietkonto Top T1, Testgasse 1: Sie haben einen Rückstand von /);
      const ticket = await choose(tina, 'data.ticket_status', { ticketNumber: tickets.tina!.number });
      assert.ok(ticket.text.includes(tickets.tina!.subject), ticket.text);
      assert.ok(JSON.stringify(await choose(tina, 'data.next_appointment')).includes('Stiegenhausreinigung Testgasse'), 'her notice');
      const contact = JSON.stringify(await choose(tina, 'data.contact'));
      assert.ok(contact.includes('Betreuung A') && contact.includes('Mietenbuchhaltung A'), contact);
      assert.ok(JSON.stringify(await choose(tina, 'data.new_documents')).includes('Dokument Testgasse Mieter'), 'her document');
      // And the markers would be found: a neighbour's balance answer holds hers.
      const nina = await choose(await session('nina'), 'data.contact');
      assert.ok(leaked(nina, foreignToTina).includes('Zweigasse'), 'the markers find Nina’s street');
    });

    test('every data intent with a unit that is not Tina’s today in choice.unitId: the same answer as an unknown unit, nothing of theirs', async () => {
      const tina = await session('tina');
      for (const intent of dataIntents) {
        const unknown = stable(await choose(tina, intent, { unitId: randomUUID() }));
        noLeak(unknown, foreignToTina, `${intent}, unknown unit`);
        if (unitIntents.includes(intent)) {
          assert.equal(unknown.intent, 'unit_choice', intent);
          assert.deepEqual(unknown.choices.map((c) => c.value.unitId), [unit('T1')], intent);
        }
        for (const [name, id] of Object.entries(notTinas)) {
          const reply = await choose(tina, intent, { unitId: id });
          noLeak(reply, foreignToTina, `${intent}, ${name}`);
          assert.deepEqual(stable(reply), unknown, `${intent}, ${name}`);
        }
      }
    });

    test('a neighbour’s Top, another organization’s and edge Tops in the text: "not among your units", nothing of theirs', async () => {
      const tina = await session('tina');
      for (const intent of unitIntents) {
        for (const top of ['Top 3', 'Top 0', 'Top 9999', 'Top 3/12', 'Wohnung 3', 'W5', 'Top T2']) {
          const reply = await ask(tina, { text: `${phrases[intent]} ${top}` });
          noLeak(reply, foreignToTina.filter((m) => !top.includes(m)), `${intent} ${top}`);
          assert.ok(reply.choices.every((c) => c.value.unitId === undefined || c.value.unitId === unit('T1')), JSON.stringify(reply.choices));
        }
      }
      const neighbour = await ask(tina, { text: 'Kontostand Top 3' });
      assert.equal(neighbour.intent, 'unit_choice');
      assert.equal(neighbour.text, 'Top 3 finde ich unter Ihren aktuellen Einheiten nicht.\nFür welche Einheit?');
      const english = await ask(tina, { text: 'What is the balance of flat 3?', lang: 'en' });
      noLeak(english, foreignToTina, 'english');
    });

    test('an owner asking for his neighbour’s Top or a tenant’s unit gets nothing of the tenants', async () => {
      const otto = await session('otto');
      const tinaMarkers = ['Tina Test', 'Top T1', unit('T1'), 'Mietenbuchhaltung', tickets.tina!.subject, ...amountForms(61250 + vatOf(61250, 1000))];
      for (const intent of dataIntents) {
        noLeak(await choose(otto, intent, { unitId: unit('T1') }), tinaMarkers, intent);
        noLeak(await ask(otto, { text: `${phrases[intent]} Top 3` }), tinaMarkers, `${intent} text`);
      }
    });

    test('ticket numbers that are not Tina’s — a neighbour’s, her unit’s former tenant’s, the building’s, next door’s, another organization’s, edge numbers — in choice and in text: the answer for an unknown number', async () => {
      const tina = await session('tina');
      const blank = (r: ChatReply, number: string) => JSON.parse(JSON.stringify(stable(r)).split(number).join('<n>'));
      const missing = `${y}-99999`;
      const unknownChoice = blank(await choose(tina, 'data.ticket_status', { ticketNumber: missing }), missing);
      const unknownText = blank(await ask(tina, { text: `Wie ist der Status von Anliegen ${missing}?` }), missing);
      assert.match(unknownChoice.text, /^Ein Anliegen mit der Nummer <n> finde ich unter Ihren Anliegen nicht\./);
      const numbers = ((await s.db('tickets').select('number')) as { number: string }[]).map((t) => t.number).filter((n) => n !== tickets.tina!.number);
      for (const number of [...new Set([...numbers, '0000-00000', '9999-99999'])]) {
        const byChoice = await choose(tina, 'data.ticket_status', { ticketNumber: number });
        noLeak(byChoice, foreignToTina, `choice ${number}`);
        assert.deepEqual(blank(byChoice, number), unknownChoice, `choice ${number}`);
        const byText = await ask(tina, { text: `Wie ist der Status von Anliegen ${number}?` });
        noLeak(byText, foreignToTina, `text ${number}`);
        assert.deepEqual(blank(byText, number), unknownText, `text ${number}`);
      }
      // A number in the text of another intent's choice, and with an en dash.
      noLeak(await choose(tina, 'data.tickets_open', { ticketNumber: tickets.nina!.number }), foreignToTina, 'tickets_open with a number');
      noLeak(await ask(tina, { text: `Status ${tickets.nadia!.number.replace('-', '–')}` }), foreignToTina, 'en dash');
    });

    test('a message that shares a word with my open ticket but does not ask how far it has got is not answered with the ticket', async () => {
      const nina = await session('nina');
      for (const text of ['Hallo von Nina', 'Wie wird das Wetter morgen? Frage von Nina', 'Darf ich im Bad eine Waschmaschine aufstellen?']) {
        const reply = await ask(nina, { text });
        assert.notEqual(reply.intent, 'data.ticket_status', `${text}: ${reply.text}`);
      }
      assert.equal((await ask(nina, { text: 'Wann wird der Schimmel im Bad entfernt?' })).intent, 'data.ticket_status');
    });

    test('words of other people’s ticket subjects find only Tina’s own tickets; the lists are GET /tickets?tab=open', async () => {
      const tina = await session('tina');
      for (const text of ['Wann wird der Lift repariert?', 'Was ist mit der Dachrinne über dem Eingang?', 'Wann wird der Schimmel im Bad entfernt?', 'Was ist mit dem Heizkörper?', 'Zieht das Fenster noch?']) {
        noLeak(await ask(tina, { text }), foreignToTina, text);
        noLeak(await choose(tina, 'data.ticket_status', {}, text), foreignToTina, `${text} (choice)`);
      }
      const open = (await call(s.url, '/tickets?tab=open', { token: tina.token })).body.items as { number: string; subject: string }[];
      const reply = await choose(tina, 'data.tickets_open');
      assert.deepEqual(reply.items.map((i) => i.label), open.slice(0, 3).map((t) => `${t.number} ${t.subject}`));
      assert.deepEqual(open.map((t) => t.number), [tickets.tina!.number]);
    });

    test('notices, documents and contacts: only what GET /posts, GET /documents and GET /units show Tina', async () => {
      const tina = await session('tina');
      const documents = ((await call(s.url, '/documents', { token: tina.token })).body.items as { title: string }[]).map((d) => d.title);
      const reply = await choose(tina, 'data.new_documents');
      assert.ok(reply.items.every((i) => documents.includes(i.label)), `${JSON.stringify(reply.items)} not in ${documents.join()}`);
      const posts = ((await call(s.url, '/posts', { token: tina.token })).body.items as { title: string }[]).map((p) => p.title);
      const next = await choose(tina, 'data.next_appointment');
      assert.ok(next.items.every((i) => posts.includes(i.label)), JSON.stringify(next.items));
      for (const intent of ['data.new_documents', 'data.next_appointment', 'data.contact'] as const) noLeak(await ask(tina, { text: phrases[intent] }), foreignToTina, intent);
    });

    test('ended and future contracts: no data intent answers from them, asked by choice (with and without the unit) or by text', async () => {
      const markers = {
        erika: ['Miete Erika', ...amountForms(51234 + vatOf(51234, 1000)), 'Zweigasse', 'Top B2', 'Betreuung B', 'Mietenbuchhaltung B', '999 88 77', 'geheim-b@', 'Termin Zweigasse geheim', 'Dokument Nina geheim', 'Tina Test', tickets.tina!.subject],
        felix: ['Miete Felix', ...amountForms(67891 + vatOf(67891, 1000)), 'Zweigasse', 'Top B3', 'Betreuung B', 'Mietenbuchhaltung B', '999 88 77', 'geheim-b@', 'Termin Zweigasse geheim', 'Dokument Nina geheim', tickets.nina!.subject],
      };
      const own = { erika: unit('B2'), felix: unit('B3') };
      for (const name of ['erika', 'felix'] as const) {
        const who = await session(name);
        const documents = ((await call(s.url, '/documents', { token: who.token })).body.items as { title: string }[]).map((d) => d.title);
        for (const intent of dataIntents) {
          for (const reply of [
            await choose(who, intent),
            await choose(who, intent, { unitId: own[name] }),
            await choose(who, intent, { unitId: unit('T1') }),
            await ask(who, { text: phrases[intent] }),
            await ask(who, { text: `${phrases[intent]} Top 3` }),
          ]) {
            noLeak(reply, markers[name], `${name} ${intent}`);
            if (unitIntents.includes(intent)) assert.ok(reply.text.startsWith(noCurrentUnit), `${name} ${intent}: ${reply.text}`);
            if (intent === 'data.new_documents') assert.ok(reply.items.every((i) => documents.includes(i.label)), `${name}: ${JSON.stringify(reply.items)}`);
          }
        }
      }
      // Erika's ended unit still shows its debt in GET /units; the bot does not speak of it.
      const units = (await call(s.url, '/units', { token: (await session('erika')).token })).body.items as { balanceCents: number; active: boolean }[];
      assert.ok(units[0]!.balanceCents > 0 && !units[0]!.active, JSON.stringify(units));
    });

    test('a manager’s session has no own data, whatever unit or ticket it names', async () => {
      const pichler = await session('pichler');
      for (const intent of dataIntents) {
        for (const extra of [{}, { unitId: unit('T1') }, { ticketNumber: tickets.tina!.number }]) {
          const reply = await choose(pichler, intent, extra);
          noLeak(reply, [...foreignToTina, 'Tina Test', tickets.tina!.subject, 'Top T1'], `${intent} ${JSON.stringify(extra)}`);
        }
      }
    });
  });

  describe('conversations', () => {
    test('another person’s conversation — same organization, another organization, a manager’s — answers 404 like an unknown id and reveals nothing', async () => {
      const [tina, nina, pichler] = [await session('tina'), await session('nina'), await session('pichler')];
      const ninas = await ask(nina, { text: 'Wie wird das Wetter morgen? Frage von Nina geheim' });
      const managers = await ask(pichler, { text: 'Hallo' });
      const kruegers = await insertConversation(s.db, demo.becker.username, 'krueger', s.clock.now(), 'Beckers Frage geheim');
      const unknown = await send({ text: 'Hallo', conversationId: randomUUID() }, tina);
      expectProblem(unknown, 404, 'not_found');
      const shape = (a: Answer) => ({ ...a.body, instance: undefined });
      for (const id of [ninas.conversationId!, managers.conversationId!, kruegers]) {
        for (const body of [{ text: 'Hallo', conversationId: id }, { text: 'Frage an die Verwaltung senden', conversationId: id, choice: { intent: 'handover' } }]) {
          await freshLimits(s.db);
          const a = await send(body, tina);
          expectProblem(a, 404, 'not_found');
          assert.deepEqual(shape(a), shape(unknown));
          assert.ok(!a.text.includes('geheim'), a.text);
        }
        // Signed out with the organization, too.
        expectProblem(await send({ text: 'Hallo', org: 'immopro', conversationId: id }), 404, 'not_found');
      }
      assert.equal(await count(s.db, 'chat_messages', { conversation_id: ninas.conversationId! }), 2);
    });

    test('GET /chat/conversations lists only my own, for residents and for a manager', async () => {
      const names = ['tina', 'nina', 'pichler'] as const;
      for (const name of names) await ask(await session(name), { text: `Hallo von ${name}` });
      for (const name of names) {
        const who = await session(name);
        const user = await s.db('users').where({ username: logins[name]!.username }).first('id');
        const mine = new Set(((await s.db('chat_conversations').where({ user_id: user.id, organization_id: orgId }).select('id')) as { id: string }[]).map((r) => r.id));
        const listed = (await call(s.url, '/chat/conversations', { token: who.token })).body.items as { id: string; messages: { text: string }[] }[];
        assert.ok(listed.length > 0, name);
        assert.ok(listed.every((c) => mine.has(c.id)), name);
        const others = names.filter((n) => n !== name).map((n) => `Hallo von ${n}`);
        noLeak(listed, [...others, ...(name === 'nina' ? [] : ['Frage von Nina geheim']), 'Beckers Frage geheim'], name);
      }
    });
  });

  describe('signed out', () => {
    test('every data intent by choice (with Tina’s unit and ticket) and by text: the sign-in answer, no data, nothing kept', async () => {
      const conversations = await count(s.db, 'chat_conversations');
      const tinas = ['Tina Test', 'Testgasse', tickets.tina!.subject, tickets.tina!.number, unit('T1'), '€', 'Stiegenhausreinigung', 'Betreuung', 'Dokument'];
      for (const intent of dataIntents) {
        for (const body of [
          { text: intent, choice: { intent } },
          { text: intent, choice: { intent, unitId: unit('T1'), ticketNumber: tickets.tina!.number } },
          { text: phrases[intent] },
          { text: `${phrases[intent]} Top 7` },
        ]) {
          const reply = await ask(undefined, { ...body, org: 'immopro' });
          assert.equal(reply.intent, 'signin', `${JSON.stringify(body)}: ${reply.intent}`);
          assert.deepEqual([reply.conversationId, reply.asOf, reply.items, reply.choices, reply.actions.map((a) => a.type)], [null, null, [], [], ['signin']]);
          noLeak(reply, tinas.filter((m) => !JSON.stringify(body).includes(m)), JSON.stringify(body));
        }
      }
      assert.equal(await count(s.db, 'chat_conversations'), conversations);
    });

    test('an organization with the bot off is 403 for every intent; a slug that is no organization is 400 or 404, never a 500', async () => {
      for (const intent of [...dataIntents, 'faq.waste', 'handover', 'nav.documents']) {
        expectProblem(await send({ text: 'Hallo', org: 'krueger', choice: { intent } }), 403, 'feature_disabled');
      }
      expectProblem(await send({ text: 'Es riecht nach Gas', org: 'krueger' }), 403, 'feature_disabled');
      const slugs: unknown[] = ['', 'nope', 'IMMOPRO', ' immopro', 'immopro ', 'immopro/', '../immopro', 'immo%70ro', 'constructor', '__proto__', 'tostring', 'a'.repeat(63), 'a'.repeat(64), 'x'.repeat(5000), 'immopro\u200b', 'ımmopro', 'immopro\n', '-immopro', 'krüger', 1, null, true, {}, ['immopro'], { slug: 'immopro' }];
      for (const org of slugs) {
        await freshLimits(s.db);
        const a = await send({ text: 'Hallo', org });
        expectRefused(a, `org ${JSON.stringify(org)}`);
        assert.ok([400, 404].includes(a.status), `org ${JSON.stringify(org)}: ${a.status}`);
      }
      expectProblem(await send({ text: 'Hallo', org: 'immopro\u0000' }), 400);
    });
  });

  describe('bad input', () => {
    test('huge texts of one word, digits, umlauts, emoji, direction and zero-width characters: answered, never a 500, kept at most 2000 characters', async () => {
      const tina = await session('tina');
      const huge = [
        'a'.repeat(2000), '7'.repeat(2000), 'ä'.repeat(2000), 'Ü'.repeat(2000), '😀'.repeat(1000), '😀'.repeat(2000), '\u202e\u200b\u200d\u2066\u061c'.repeat(400),
        'ﷺ'.repeat(2000), 'e\u0301'.repeat(1000), '\u00ad'.repeat(2000), '\u3000'.repeat(1999) + 'x', `Kontostand ${'\u200b'.repeat(1980)}`, '٣'.repeat(2000),
      ];
      for (const text of huge) {
        for (const who of [tina, undefined]) {
          await freshLimits(s.db);
          const a = await send({ text, lang: 'de', ...(who ? {} : { org: 'immopro' }) }, who);
          assert.ok(a.status === 200 || a.status === 400, `${JSON.stringify(text.slice(0, 12))}: ${a.status} ${a.text.slice(0, 300)}`);
          if (a.status !== 200) continue;
          const reply = a.body as ChatReply;
          for (const action of reply.actions) if (action.draft) assert.ok([...action.draft.subject].length <= 200, 'subject length');
          assert.ok(reply.choices.length <= 12, 'choices');
        }
      }
      const longest = (await s.db('chat_messages').where({ role: 'user' }).select('text')) as { text: string }[];
      assert.ok(longest.every((m) => [...m.text].length <= 2000), 'kept text length');
    });

    test('NUL bytes anywhere: 400 naming the field; lone surrogates: an answer or a problem, never a 500', async () => {
      const tina = await session('tina');
      for (const [body, field] of [
        [{ text: 'Hallo\u0000' }, 'text'],
        [{ text: 'Hallo', lang: 'de\u0000' }, 'lang'],
        [{ text: 'Hallo', choice: { intent: 'data.balance\u0000' } }, 'choice.intent'],
        [{ text: 'Hallo', choice: { intent: 'data.balance', ticketNumber: '2026-00001\u0000' } }, 'choice.ticketNumber'],
      ] as const) {
        await freshLimits(s.db);
        expectField(await send(body, tina), 400, field);
      }
      for (const raw of ['{"text":"\\ud800"}', '{"text":"Kontostand \\udfff\\ud800"}', '{"text":"\\ud83d Wetter morgen? \\ude00"}', '{"text":"Hallo","lang":"\\ud800"}', '{"text":"x","choice":{"intent":"faq.\\ud800"}}']) {
        await freshLimits(s.db);
        const a = await call(s.url, '/chat/messages', { token: tina.token, raw, headers: { 'content-type': 'application/json' } });
        assert.ok(a.status === 200 || (a.status === 400 && a.body?.status === 400), `${raw}: ${a.status} ${a.text}`);
      }
      // A text cut at 2000 characters, and a draft subject cut at 200, do not split an emoji in two.
      const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
      const cut = await ask(tina, { text: `x${'😀'.repeat(1999)}` });
      const kept = await s.db('chat_messages').where({ conversation_id: cut.conversationId, role: 'user' }).first('text');
      assert.ok(!lone.test(kept.text), `kept ${JSON.stringify(kept.text.slice(-3))}`);
      const emoji = await ask(tina, { text: `Wie wird das Wetter morgen? x${'😀'.repeat(150)}` });
      const subject = emoji.actions.find((a) => a.type === 'handover')?.draft?.subject ?? '';
      assert.ok(!lone.test(subject), `lone surrogate at the end of ${JSON.stringify(subject.slice(-3))}`);
    });

    test('each field with the wrong JSON type, a choice with extra fields, weird intents, a unitId that is no id: 400 naming the field', async () => {
      const tina = await session('tina');
      const cases: [Record<string, unknown>, string][] = [];
      for (const wrong of [{}, [], 1, true, null, ['Hallo'], { text: 'Hallo' }]) {
        cases.push([{ text: wrong }, 'text'], [{ text: 'Hallo', lang: wrong }, 'lang'], [{ text: 'Hallo', conversationId: wrong }, 'conversationId']);
        if (typeof wrong !== 'object' || wrong === null || Array.isArray(wrong)) cases.push([{ text: 'Hallo', choice: wrong }, 'choice']);
        cases.push([{ text: 'Hallo', choice: { intent: wrong } }, 'choice.intent'], [{ text: 'Hallo', choice: { intent: 'data.balance', unitId: wrong } }, 'choice.unitId']);
        cases.push([{ text: 'Hallo', choice: { intent: 'data.ticket_status', ticketNumber: wrong } }, 'choice.ticketNumber']);
      }
      cases.push(
        [{ text: 'Hallo', choice: { intent: 'data.balance', extra: 1 } }, 'choice.extra'],
        [{ text: 'Hallo', choice: { intent: 'data.balance', unitId: unit('T1'), label: 'Mein Kontostand' } }, 'choice.label'],
        [{ text: 'Hallo', choice: { intent: 'data.balance', personId: randomUUID() } }, 'choice.personId'],
        [{ text: 'Hallo', choice: {} }, 'choice.intent'],
        [{ text: 'Hallo', choice: { intent: 'data.balance', unitId: 'T1' } }, 'choice.unitId'],
        [{ text: 'Hallo', choice: { intent: 'data.balance', unitId: `${unit('T1')} ` } }, 'choice.unitId'],
        [{ text: 'Hallo', choice: { intent: 'data.balance', unitId: `${unit('T1')}' OR '1'='1` } }, 'choice.unitId'],
        [{ text: 'Hallo', choice: { intent: 'data.ticket_status', ticketNumber: '2026-0001' } }, 'choice.ticketNumber'],
        [{ text: 'Hallo', choice: { intent: 'data.ticket_status', ticketNumber: ' 2026-00001' } }, 'choice.ticketNumber'],
        [{ text: 'Hallo', choice: { intent: 'data.ticket_status', ticketNumber: '2026–00001' } }, 'choice.ticketNumber'],
        [{ text: 'Hallo', choice: { intent: 'data.ticket_status', ticketNumber: '٢٠٢٦-٠٠٠٠١' } }, 'choice.ticketNumber'],
      );
      for (const [body, field] of cases) {
        await freshLimits(s.db);
        expectField(await send(body, tina), 400, field);
      }
      for (const raw of ['{"text":"Hallo","choice":{"intent":"data.balance","__proto__":{"unitId":"x"}}}', '{"text":"Hallo","__proto__":{"org":"krueger"}}', '{"text":"Hallo","constructor":{"prototype":{"x":1}}}']) {
        await freshLimits(s.db);
        expectProblem(await call(s.url, '/chat/messages', { token: tina.token, raw, headers: { 'content-type': 'application/json' } }), 400);
      }
      // Intents of odd shapes: refused by the contract's pattern or as a choice the bot does not offer.
      for (const intent of ['faq.__proto__', 'faq.constructor', 'faq.toString', 'faq.hasownproperty', 'data.balance.x', '__proto__', 'constructor', 'prototype', 'faq.', 'faq', 'nav.constructor', 'nav.__proto__', 'smalltalk.constructor', 'smalltalk.hasownproperty', 'handover.x', 'emergency', 'unit_choice', 'signin', 'clarify', 'error', 'data.', 'data.__proto__', 'a'.repeat(81), 'faq.waste ', 'FAQ.waste', 'faq.waste\n']) {
        await freshLimits(s.db);
        for (const who of [tina, undefined]) {
          const a = await send({ text: 'x', choice: { intent }, ...(who ? {} : { org: 'immopro' }) }, who);
          expectField(a, 400, 'choice.intent');
        }
      }
    });

    test('edge ticket numbers and Tops are answered as unknown, in choice and in text', async () => {
      const tina = await session('tina');
      for (const number of ['0000-00000', '9999-99999', `${y}-00000`]) {
        const byChoice = await choose(tina, 'data.ticket_status', { ticketNumber: number });
        assert.match(byChoice.text, /^Ein Anliegen mit der Nummer \d{4}-\d{5} finde ich unter Ihren Anliegen nicht\./);
        const byText = await ask(tina, { text: `Was ist mit Meldung ${number}?` });
        assert.equal(byText.intent, 'data.ticket_status');
        assert.match(byText.text, /^Ein Anliegen mit der Nummer/);
      }
      for (const text of [`Meldung 12345-123456`, `Meldung ${y}-000001`, `Meldung 1${y}-00001`]) noLeak(await ask(tina, { text }), foreignToTina, text);
    });

    test('messages built to make the matcher slow are answered (many distinct long words, pathological compounds, typo bait)', async () => {
      const tina = await session('tina');
      let seed = 7;
      const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
      const word = (n: number) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz'[next() % 26]).join('');
      const heads = ['muell', 'lift', 'heiz', 'kosten', 'betriebs', 'abrechnung', 'schluessel', 'kaution', 'miete', 'stiegen', 'haus', 'wasser', 'keller', 'rauchfang', 'kehrer'];
      const compound = (n: number) => {
        let text = '';
        while (text.length < n) text += heads[next() % heads.length];
        return text.slice(0, n);
      };
      const texts = [
        Array.from({ length: 200 }, () => word(9)).join(' '),
        Array.from({ length: 330 }, () => word(5)).join(' '),
        compound(2000),
        Array.from({ length: 10 }, () => compound(199)).join(' '),
        'muell'.repeat(400),
        Array.from({ length: 45 }, () => `betriebskostenabrechnunx${word(3)}`).join(' '),
        `top${' '.repeat(1990)}7`,
        `${'1.'.repeat(999)}€`,
        `${'a.'.repeat(999)}@`,
      ];
      for (const text of texts) assert.equal((await send({ text, lang: 'de' }, tina)).status, 200);
    });
  });

  describe('what is kept of unanswered questions', () => {
    const secrets: [what: string, written: string, digits?: string][] = [
      ['e-mail', 'anna.berg@example.com'],
      ['e-mail in capitals', 'ANNA.BERG@EXAMPLE.COM'],
      ['e-mail with umlauts', 'jürgen.müller@beispiel.at'],
      ['e-mail with a local part past 64 characters', `${'x'.repeat(100)}@example.com`],
      ['mobile, international', '+43 664 1234567', '6641234567'],
      ['mobile with (0)', '+43 (0) 664 123 45 67', '6641234567'],
      ['mobile with slash', '0664/1234567', '6641234567'],
      ['mobile with spaced slash', '0664 / 123 45 67', '6641234567'],
      ['mobile with dash', '0664-123 45 67', '6641234567'],
      ['mobile with 00', '0043 664 1234567', '6641234567'],
      ['German mobile', '+49 151 23456789', '15123456789'],
      ['Vienna landline', '01/890 12 34', '8901234'],
      ['IBAN AT with spaces', 'AT61 1904 3002 3457 3201', '61190430023457320'],
      ['IBAN AT without spaces', 'AT611904300234573201', '61190430023457320'],
      ['IBAN AT lower case', 'at61 1904 3002 3457 3201', '61190430023457320'],
      ['IBAN DE with spaces', 'DE89 3704 0044 0532 0130 00', '8937040044053201300'],
      ['IBAN DE without spaces', 'DE89370400440532013000', '8937040044053201300'],
      ['IBAN with dashes', 'AT61-1904-3002-3457-3201', '61190430023457320'],
      ['long digit run', '12345678901234', '12345678901234'],
      ['digits in groups', '1234 5678 9012', '123456789012'],
      ['customer number', 'Kundennummer 987654', '987654'],
      ['IBAN with non-breaking spaces', 'AT61\u00a01904\u00a03002\u00a03457\u00a03201', '61190430023457320'],
    ];

    test('e-mails, phones, IBANs and long numbers never reach chat_unanswered or GET /admin/chat/unanswered; no value there points to the asker', async () => {
      const tina = await session('tina');
      const before = new Set(((await s.db('chat_unanswered').select('id')) as { id: string }[]).map((r) => r.id));
      for (const [what, written] of secrets) {
        const reply = await ask(tina, { text: `Wie wird das Wetter morgen? ${written}` });
        assert.equal(reply.intent, 'handover', `${what}: ${reply.intent}`);
      }
      const rows = ((await s.db('chat_unanswered').select('*')) as Record<string, unknown>[]).filter((r) => !before.has(r.id as string));
      assert.equal(rows.length, secrets.length);
      const groups = (await call(s.url, '/admin/chat/unanswered', { token: (await session('pichler')).token })).body.items as { text: string; examples: string[] }[];
      const kept = rows.map((r) => [r.text, r.normalized]);
      const shown = groups.map((g) => [g.text, ...g.examples]);
      for (const [what, written, digits] of secrets) {
        const local = written.includes('@') ? written.split('@')[0]! : null;
        for (const [where, value] of [['rows', kept], ['GET /admin/chat/unanswered', shown]] as const) {
          const text = JSON.stringify(value);
          if (local) assert.ok(!text.toLowerCase().includes(local.toLowerCase()) && !text.includes('@'), `${what} in ${where}`);
          if (digits) assert.ok(!text.replace(/[^\d]/g, '').includes(digits), `${what} (${digits}) in ${where}`);
        }
      }
      // Nothing in a row names Tina, her user, her person or her conversation.
      const user = await s.db('users').where({ email: logins.tina!.username }).first('id');
      const conversations = ((await s.db('chat_conversations').where({ user_id: user.id }).select('id')) as { id: string }[]).map((r) => r.id);
      noLeak(rows, [user.id, f.w.id('person:Tina Test'), 'Tina', 'tina.test', ...conversations], 'chat_unanswered');
      for (const row of rows) assert.deepEqual(Object.keys(row).sort(), ['asked_at', 'candidates', 'id', 'lang', 'normalized', 'organization_id', 'text']);
    });

    test('redaction is not fooled by invisible separators or full-width digits', async () => {
      const tina = await session('tina');
      const tricky: [string, string, string][] = [
        ['IBAN with zero-width spaces', 'AT61\u200b1904\u200b3002\u200b3457\u200b3201', '61190430023457320'],
        ['phone with zero-width joiners', '0664\u200d123\u200d45\u200d67', '6641234567'],
        ['phone in full-width digits', '＋４３ ６６４ １２３４５６７', '6641234567'],
        ['IBAN with soft hyphens', 'AT61\u00ad1904\u00ad3002\u00ad3457\u00ad3201', '61190430023457320'],
      ];
      for (const [what, written, digits] of tricky) {
        const reply = await ask(tina, { text: `Wie wird das Wetter morgen? ${written}` });
        assert.equal(reply.intent, 'handover', what);
        const row = await s.db('chat_unanswered').orderBy('asked_at', 'desc').orderBy('id', 'desc').first('text', 'normalized');
        const folded = `${row.text} ${row.normalized}`.normalize('NFKC').replace(/[^\d]/g, '');
        assert.ok(!folded.includes(digits), `${what}: ${JSON.stringify(row)}`);
      }
    });

    test('phone numbers and IBANs written with dots are redacted too; a date with dots stays', async () => {
      const tina = await session('tina');
      for (const [written, digits] of [['0664.123.45.67', '6641234567'], ['AT61.1904.3002.3457.3201', '61190430023457320']] as const) {
        await ask(tina, { text: `Wie wird das Wetter morgen? ${written}` });
        const row = await s.db('chat_unanswered').orderBy('asked_at', 'desc').orderBy('id', 'desc').first('text', 'normalized');
        assert.ok(!`${row.text} ${row.normalized}`.replace(/[^\d]/g, '').includes(digits), JSON.stringify(row));
      }
      await ask(tina, { text: 'Wie wird das Wetter am 01.03.2026?' });
      const dated = await s.db('chat_unanswered').orderBy('asked_at', 'desc').orderBy('id', 'desc').first('text');
      assert.ok(dated.text.includes('01.03.2026'), `the date stays: ${dated.text}`);
    });
  });

  describe('FAQ entries limited to properties', () => {
    let key = '';
    before(async () => {
      key = 'fahrradraum-zweigasse';
      const a = await call(s.url, '/admin/faq', {
        token: (await session('pichler')).token,
        body: { key, lang: 'de', questions: ['Wie lautet der Code für den Fahrradraum in der Zweigasse?'], answer: 'Der Code für den Fahrradraum lautet **8642**.', propertyIds: [f.w.id('B')] },
      });
      assert.equal(a.status, 201, a.text);
    });

    test('a tenant of another property neither gets it by its question nor may choose it', async () => {
      const tina = await session('tina');
      const reply = await ask(tina, { text: 'Wie lautet der Code für den Fahrradraum in der Zweigasse?' });
      assert.notEqual(reply.intent, `faq.${key}`);
      noLeak(reply, ['8642'], 'by question');
      expectField(await send({ text: 'x', choice: { intent: `faq.${key}` } }, tina), 400, 'choice.intent', 'invalid_choice');
      assert.ok((await ask(await session('nina'), { text: 'x', choice: { intent: `faq.${key}` } })).text.includes('8642'), 'Nina, who lives there, gets it');
    });

    test('visitors, former tenants, future tenants and managers get an entry limited to properties neither by its question nor by choice', async () => {
      for (const name of [null, 'erika', 'felix', 'pichler'] as const) {
        const who = name ? await session(name) : undefined;
        const org = who ? {} : { org: 'immopro' };
        const reply = await ask(who, { text: 'Wie lautet der Code für den Fahrradraum in der Zweigasse?', ...org });
        noLeak(reply, ['8642'], name ?? 'visitor');
        await freshLimits(s.db);
        expectField(await send({ text: 'x', choice: { intent: `faq.${key}` }, ...org }, who), 400, 'choice.intent', 'invalid_choice');
      }
    });
  });

  describe('rate limit', () => {
    test('signed out: the 21st message a minute is 429 with Retry-After; a fake organization, an organization with the bot off or a forged X-Forwarded-For get no answer either', async () => {
      await freshLimits(s.db);
      for (let i = 0; i < 20; i++) assert.equal((await send({ text: 'Danke', org: 'immopro' })).status, 200);
      const limited = await send({ text: 'Danke', org: 'immopro' });
      expectProblem(limited, 429, 'rate_limited');
      const retry = Number(limited.headers.get('retry-after'));
      assert.ok(Number.isInteger(retry) && retry >= 1 && retry <= 60, String(retry));
      expectProblem(await send({ text: 'Danke', org: 'nope' }), 404, 'unknown_organization');
      expectProblem(await send({ text: 'Danke', org: 'krueger' }), 403, 'feature_disabled');
      for (const forwarded of ['203.0.113.7', '198.51.100.1, 203.0.113.9', '::1']) {
        expectProblem(await send({ text: 'Danke', org: 'immopro' }, undefined, { 'x-forwarded-for': forwarded, 'x-real-ip': forwarded }), 429, 'rate_limited');
      }
      expectProblem(await send({ text: 'Danke', org: 'immopro' }, undefined, { authorization: 'Bearer nonsense' }), 401);
      expectProblem(await send({ text: 'Danke', org: 'immopro' }, undefined, { authorization: 'Basic dGluYTp4' }), 401);
    });

    test('signed in: alternating two sessions of one user does not double the limit; 429 carries Retry-After for both', async () => {
      await freshLimits(s.db);
      const l = logins.otto!;
      const [a, b] = [await login(s.url, l.username, l.password, l.org), await login(s.url, l.username, l.password, l.org)];
      assert.notEqual(a.token, b.token);
      for (let i = 0; i < 30; i++) assert.equal((await send({ text: 'Danke' }, i % 2 ? a : b)).status, 200, `message ${i + 1}`);
      for (const who of [a, b]) {
        const limited = await send({ text: 'Danke' }, who);
        expectProblem(limited, 429, 'rate_limited');
        assert.ok(Number(limited.headers.get('retry-after')) >= 1, `Retry-After ${limited.headers.get('retry-after')}`);
      }
      // A choice of own data is limited alike.
      expectProblem(await send({ text: 'x', choice: { intent: 'data.balance' } }, a), 429, 'rate_limited');
      s.clock.advance(61);
      assert.equal((await send({ text: 'Danke' }, a)).status, 200);
    });
  });

  describe('retention', () => {
    test('conversations older than the retention period are not listed, even before the purge has run', async () => {
      const old = await insertConversation(s.db, logins.nina!.username, 'immopro', new Date(s.clock.now().getTime() - (s.config.chatRetentionDays + 5) * dayMs), 'Alte Frage von Nina');
      const listed = (await call(s.url, '/chat/conversations', { token: (await session('nina')).token })).body.items as { id: string }[];
      assert.ok(!listed.some((c) => c.id === old), 'an expired conversation is listed');
    });

    test('after the retention periods nothing of any conversation or unanswered question remains, and old ids answer 404', async () => {
      const tinaBefore = await ask(await session('tina'), { text: 'Hallo' });
      s.clock.advance((unansweredRetentionDays + 1) * 86_400);
      const now = s.clock.now();
      assert.ok((await purgeConversations(s.db, now, s.config.chatRetentionDays)) > 0, 'conversations purged');
      assert.ok((await purgeChatData(s.db, now)) > 0, 'unanswered questions purged');
      assert.equal(await count(s.db, 'chat_conversations'), 0);
      assert.equal(await count(s.db, 'chat_messages'), 0);
      assert.equal(await count(s.db, 'chat_unanswered'), 0);
      for (const name of ['tina', 'nina', 'pichler']) assert.deepEqual((await call(s.url, '/chat/conversations', { token: (await session(name)).token })).body.items, [], name);
      assert.deepEqual((await call(s.url, '/admin/chat/unanswered', { token: (await session('pichler')).token })).body.items, []);
      await freshLimits(s.db);
      expectProblem(await send({ text: 'Hallo', conversationId: tinaBefore.conversationId }, await session('tina')), 404, 'not_found');
    });
  });
});

describe('attack: FAQ input and markup', () => {
  let s: TestServer;
  let pichler: Session;
  let huber: Session;
  const admin = (path: string, method: string, body?: unknown) => call(s.url, path, { token: pichler.token, method, body });
  const entry = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ key: 'angriff', lang: 'de', questions: ['Wie greife ich an?'], answer: 'Gar nicht.', ...extra });
  const exported = async () => (await admin('/admin/faq/export', 'GET')).body;
  const imported = (entries: unknown[], mode = 'merge', schema = 'hausportal.faq/1') => admin(`/admin/faq/import?mode=${mode}`, 'POST', { schema, entries });
  const audits = async () => count(s.db, 'audit_log', { action: 'faq.imported' });
  async function ask(who: Session | undefined, body: Record<string, unknown>): Promise<ChatReply> {
    await freshLimits(s.db);
    const a = await call(s.url, '/chat/messages', { token: who?.token, body: { lang: 'de', ...(who ? {} : { org: 'immopro' }), ...body } });
    assert.equal(a.status, 200, `${JSON.stringify(body).slice(0, 200)}: ${a.text}`);
    return a.body as ChatReply;
  }

  before(async () => {
    s = await startServer({ at });
    pichler = await loginAs(s, managers.pichler);
    huber = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
  });
  after(() => s.close());
  beforeEach(async () => {
    pichler = await loginAs(s, managers.pichler);
    huber = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
  });

  test('every XSS payload as answer and question variant, through import: the reply’s html keeps only the allowed markup, text is the plain text of it', async () => {
    // A NUL is refused in any request (http/nul.ts); those payloads go in without it, and the NUL alone is refused.
    const withNul = xssPayloads.find((p) => p.html.includes('\u0000'))!;
    expectField(await imported([{ key: 'nul', lang: 'de', questions: ['Frage?'], answer: withNul.html }]), 400, '/entries/0/answer');
    const payloads = xssPayloads.map((p) => ({ ...p, html: p.html.replaceAll('\u0000', '') }));
    const entries = payloads.map((p, i) => ({ key: `xss-${i + 1}`, lang: 'de', questions: [p.html.slice(0, 300), `Zauberfrage ${p.marker}`], answer: p.html }));
    const a = await imported(entries);
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.body, { created: entries.length, updated: 0, removed: 0 });
    const list = (await admin('/admin/faq?lang=de', 'GET')).body.items as { key: string; answerHtml: string; questions: string[] }[];
    for (const [i, p] of payloads.entries()) {
      const key = `xss-${i + 1}`;
      const stored = list.find((e) => e.key === key)!;
      assertSafeHtml(stored.answerHtml, `${p.name} (stored)`);
      assert.deepEqual(stored.questions[0], p.html.slice(0, 300).replace(/\s+/g, ' ').trim(), `${p.name}: the question is kept as text`);
      const reply = await ask(undefined, { text: `Zauberfrage ${p.marker}`, choice: { intent: `faq.${key}` } });
      assert.equal(reply.intent, `faq.${key}`);
      assertSafeHtml(reply.html!, p.name);
      assert.ok(reply.html!.includes(p.marker) && reply.text.includes(p.marker), `${p.name}: marker kept`);
      assert.equal(reply.text, renderFaqAnswer(p.html).text, p.name);
    }
  });

  test('Markdown tricks as answers through POST and PUT: only https, mailto and tel links, handlers and other schemes refused', async () => {
    const tricks = [
      '[klick](javascript:alert(1))', '[klick](JaVaScRiPt:alert(1))', '[klick](java\tscript:alert(1))', '[klick](&#106;avascript:alert(1))', '<javascript:alert(1)>',
      '[klick](vbscript:msgbox(1))', '[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', '[klick](file:///etc/passwd)', '[klick](//evil.example/)',
      '[klick](https://example.org/"onmouseover="alert(1))', '[klick](https://example.org/ "title" onmouseover=alert(1))', '[klick](tel:123"onclick="alert(1))',
      '[klick][ref]\n\n[ref]: javascript:alert(1)', '![bild](https://evil.example/x.png" onerror="alert(1))', '![bild](javascript:alert(1))',
      '**<img src=x onerror=alert(1)>**', '_<svg onload=alert(1)>_', '[<img src=x onerror=alert(1)>](https://example.org/)', '[a](https://example.org/)<script>alert(1)</script>',
      'www.example.org/<script>', 'http://example.org/', 'mailto:a@example.org?subject=<script>alert(1)</script>', '[x](mailto:a@example.org?body=%3Cscript%3E)',
      '[x](https://example.org/#<script>alert(1)</script>)', `${'['.repeat(2000)}x${']'.repeat(1000)}`, `${'*'.repeat(3999)}x`, `${'- '.repeat(1999)}x`, `${'> '.repeat(1999)}x`,
    ];
    const created = await admin('/admin/faq', 'POST', entry({ key: 'tricks', answer: 'Start' }));
    assert.equal(created.status, 201, created.text);
    for (const [i, answer] of tricks.entries()) {
      const post = await admin('/admin/faq', 'POST', entry({ key: `trick-${i}`, answer }));
      assert.equal(post.status, 201, `${answer}: ${post.text}`);
      assertSafeHtml(post.body.answerHtml, answer);
      assert.ok(!/href="(?!https:\/\/|mailto:|tel:)/i.test(post.body.answerHtml), `${answer}: ${post.body.answerHtml}`);
      const put = await admin(`/admin/faq/${created.body.id}`, 'PUT', entry({ key: 'tricks', answer }));
      assert.equal(put.status, 200, put.text);
      assertSafeHtml(put.body.answerHtml, `${answer} (PUT)`);
      const reply = await ask(huber, { text: 'Wie greife ich an?', choice: { intent: 'faq.tricks' } });
      assertSafeHtml(reply.html!, `${answer} (reply)`);
    }
    // The plain text of bold text and a link: no Markdown, no markup.
    const plain = await admin(`/admin/faq/${created.body.id}`, 'PUT', entry({ key: 'tricks', answer: '**fett** und _schräg_ [Link](https://example.org/)' }));
    assert.equal(plain.status, 200);
    assert.equal((await ask(huber, { text: 'x', choice: { intent: 'faq.tricks' } })).text, 'fett und schräg Link (https://example.org/)');
  });

  test('"Meinten Sie …?" labels taken from questions with markup are the questions as plain text', async () => {
    const question = '<img src=x onerror=alert(1)><b>Quastenflosser</b> im Zierteich füttern erlaubt?';
    for (const key of ['quaste-a', 'quaste-b']) {
      const a = await admin('/admin/faq', 'POST', entry({ key, questions: [question], answer: `Antwort ${key}` }));
      assert.equal(a.status, 201, a.text);
    }
    const reply = await ask(huber, { text: 'Quastenflosser im Zierteich füttern erlaubt?' });
    assert.equal(reply.intent, 'clarify', JSON.stringify(reply));
    assert.equal(reply.html, null);
    const labels = reply.choices.filter((c) => c.value.intent.startsWith('faq.quaste-')).map((c) => c.label);
    assert.equal(labels.length, 2, JSON.stringify(reply.choices));
    const expected = labelOf('faq.quaste-a', 'de', [{ key: 'quaste-a', lang: 'de', questions: [question], answerText: '', answerHtml: '' }]);
    assert.ok(expected.startsWith('<img src=x onerror=alert(1)><b>Quastenflosser</b>') && expected.length <= maxLabelLength, expected);
    for (const label of labels) assert.equal(label, expected);
  });

  test('every XSS payload as chat text: an answer with html null or sanitized; the bot’s own text carries no markup of it', async () => {
    for (const p of xssPayloads) {
      for (const who of [huber, undefined]) {
        if (p.html.includes('\u0000')) {
          await freshLimits(s.db);
          expectField(await call(s.url, '/chat/messages', { token: who?.token, body: { text: p.html, org: 'immopro' } }), 400, 'text');
          continue;
        }
        const reply = await ask(who, { text: p.html.slice(0, 2000) });
        if (reply.html === null) assert.ok(!reply.text.includes('<') || reply.intent.startsWith('faq.'), `${p.name}: ${reply.text}`);
        else assertSafeHtml(reply.html, p.name);
        for (const c of reply.choices) assert.ok(!c.label.includes('<') || c.value.intent.startsWith('faq.'), `${p.name}: ${c.label}`);
      }
    }
    // Kept for the manager as text (a JSON string), not as markup.
    const groups = (await admin('/admin/chat/unanswered', 'GET')).body.items as { text: string }[];
    for (const g of groups) assert.equal(typeof g.text, 'string');
  });

  test('FAQ input at and past the contract’s limits: 400 naming the field, 409 for a taken key, 404 for another organization’s property', async () => {
    const krueger = await organizationId(s.db, 'krueger');
    const kruegerProperty = (await s.db('properties').where({ organization_id: krueger }).first('id')).id as string;
    const thirty = Array.from({ length: 30 }, (_, i) => `Frage Nummer ${i + 1}?`);
    assert.equal((await admin('/admin/faq', 'POST', entry({ key: 'dreissig', questions: thirty }))).status, 201);
    const cases: [Record<string, unknown>, number, string][] = [
      [entry({ questions: [...thirty, 'Noch eine?'] }), 400, '/questions'],
      [entry({ questions: [] }), 400, '/questions'],
      [entry({ questions: ['x'.repeat(301)] }), 400, '/questions/0'],
      [entry({ questions: ['   '] }), 400, '/questions/0'],
      [entry({ questions: ['Gut?', ' \u00a0 '] }), 400, '/questions/1'],
      [entry({ questions: 'Wie greife ich an?' }), 400, '/questions'],
      [entry({ questions: [['verschachtelt']] }), 400, '/questions/0'],
      [entry({ questions: [{ text: 'Objekt?' }] }), 400, '/questions/0'],
      [entry({ answer: 'x'.repeat(4001) }), 400, '/answer'],
      [entry({ answer: '   \n ' }), 400, '/answer'],
      [entry({ answer: { md: 'x' } }), 400, '/answer'],
      [entry({ key: 'Gross' }), 400, '/key'],
      [entry({ key: '-anfang' }), 400, '/key'],
      [entry({ key: '__proto__' }), 400, '/key'],
      [entry({ key: '../etc' }), 400, '/key'],
      [entry({ key: 'a'.repeat(61) }), 400, '/key'],
      [entry({ lang: 'fr' }), 400, '/lang'],
      [entry({ category: '' }), 400, '/category'],
      [entry({ category: '   ' }), 400, '/category'],
      [entry({ category: 'x'.repeat(61) }), 400, '/category'],
      [entry({ roles: ['manager'] }), 400, '/roles/0'],
      [entry({ roles: ['tenant', 'tenant'] }), 400, '/roles'],
      [entry({ roles: 'tenant' }), 400, '/roles'],
      [entry({ propertyIds: ['nope'] }), 400, '/propertyIds/0'],
      [entry({ propertyIds: [kruegerProperty, kruegerProperty] }), 400, '/propertyIds'],
      [entry({ validFrom: '2026-07-01', validUntil: '2026-06-30' }), 400, '/validUntil'],
      [entry({ validFrom: '2026-02-30' }), 400, '/validFrom'],
      [entry({ validFrom: '2026-06-01T00:00:00Z' }), 400, '/validFrom'],
      [entry({ validUntil: 20260601 }), 400, '/validUntil'],
      [entry({ active: 'yes' }), 400, '/active'],
      [entry({ sort: 1.5 }), 400, '/sort'],
      [entry({ sort: 100001 }), 400, '/sort'],
      [entry({ html: '<script>' }), 400, '/html'],
      [entry({ id: randomUUID() }), 400, '/id'],
      [entry({ propertyIds: [kruegerProperty] }), 404, '/propertyIds'],
      [entry({ propertyIds: [randomUUID()] }), 404, '/propertyIds'],
    ];
    const before = await count(s.db, 'faq_entries');
    for (const [body, status, field] of cases) {
      const a = await admin('/admin/faq', 'POST', body);
      expectField(a, status, field);
      const existing = (await admin('/admin/faq?lang=de', 'GET')).body.items.find((e: { key: string }) => e.key === 'dreissig');
      expectField(await admin(`/admin/faq/${existing.id}`, 'PUT', { ...body, key: body.key === 'angriff' ? 'dreissig' : body.key }), status, field);
    }
    assert.equal(await count(s.db, 'faq_entries'), before, 'nothing written');
    // A taken key, also by two managers at once: one 201, one 409, never a 500.
    expectProblem(await admin('/admin/faq', 'POST', entry({ key: 'dreissig' })), 409, 'faq_key_taken');
    const race = await Promise.all([admin('/admin/faq', 'POST', entry({ key: 'gleichzeitig' })), admin('/admin/faq', 'POST', entry({ key: 'gleichzeitig' }))]);
    assert.deepEqual(race.map((a) => a.status).sort(), [201, 409], race.map((a) => a.text).join('\n'));
    // A key that is a name of Object.prototype is an entry like any other.
    assert.equal((await admin('/admin/faq', 'POST', entry({ key: 'constructor', questions: ['Wer hat das Haus gebaut?'], answer: 'Ein Baumeister.' }))).status, 201);
    assert.equal((await ask(huber, { text: 'x', choice: { intent: 'faq.constructor' } })).text, 'Ein Baumeister.');
  });

  test('imports that fail write nothing: a bad entry at the end, a foreign property, a key twice, a garbage mode, a wrong schema, 2001 entries', async () => {
    const before = await exported();
    const auditsBefore = await audits();
    const krueger = await organizationId(s.db, 'krueger');
    const kruegerProperty = (await s.db('properties').where({ organization_id: krueger }).first('id')).id as string;
    const good = Array.from({ length: 40 }, (_, i) => entry({ key: `gut-${i}`, questions: [`Gute Frage ${i}?`] }));
    const changed = (before.entries as FaqEntryInput[]).slice(0, 5).map((e) => ({ ...e, answer: 'ÜBERSCHRIEBEN' }));
    const attempts: [Answer, number, string | null][] = [
      [await imported([...changed, ...good, entry({ key: 'schlecht', answer: '  ' })]), 400, `/entries/${changed.length + good.length}/answer`],
      [await imported([...changed, ...good, entry({ key: 'schlecht', answer: '  ' })], 'replace'), 400, `/entries/${changed.length + good.length}/answer`],
      [await imported([...changed, ...good, entry({ key: 'fremd', propertyIds: [kruegerProperty] })]), 404, `/entries/${changed.length + good.length}/propertyIds`],
      [await imported([...changed, ...good, entry({ key: 'fremd', propertyIds: [kruegerProperty] })], 'replace'), 404, `/entries/${changed.length + good.length}/propertyIds`],
      [await imported([...changed, ...good, entry({ key: 'gut-3', questions: ['Doppelt?'] })]), 400, `/entries/${changed.length + good.length}/key`],
      [await imported([...changed, ...good, entry({ key: 'fenster', validFrom: '2026-12-01', validUntil: '2026-01-01' })]), 400, `/entries/${changed.length + good.length}/validUntil`],
      [await imported([...changed, ...good, { ...entry({ key: 'extra' }), extra: true }]), 400, `/entries/${changed.length + good.length}/extra`],
      [await imported([...changed, ...good], 'wipe'), 400, 'mode'],
      [await imported([...changed, ...good], 'REPLACE'), 400, 'mode'],
      [await imported([...changed, ...good], ''), 400, 'mode'],
      [await imported([...changed, ...good], 'merge&mode=replace'), 400, null],
      [await imported([...changed, ...good], 'merge', 'hausportal.faq/2'), 400, '/schema'],
      [await imported(Array.from({ length: 2001 }, (_, i) => ({ key: `k${i}`, lang: 'de', questions: ['ab'], answer: 'x' }))), 400, null],
      [await admin('/admin/faq/import', 'POST', { schema: 'hausportal.faq/1' }), 400, '/entries'],
      [await admin('/admin/faq/import', 'POST', [entry()]), 400, null],
      [await admin('/admin/faq/import', 'POST', { schema: 'hausportal.faq/1', entries: entry() }), 400, '/entries'],
    ];
    for (const [a, status, field] of attempts) {
      if (field) expectField(a, status, field);
      else {
        expectRefused(a, a.text.slice(0, 200));
        assert.ok(a.status === status || a.status === 413, `${status}: ${a.status} ${a.text.slice(0, 300)}`);
      }
    }
    assert.deepEqual(await exported(), before, 'nothing written');
    assert.equal(await audits(), auditsBefore, 'no audit row');
  });

  test('two imports at once adding the same new key: each all or nothing, one entry per key', async () => {
    const waste = (await exported()).entries.find((e: FaqEntryInput) => e.key === 'waste' && e.lang === 'de') as FaqEntryInput;
    const doc = (tag: string) => [{ ...waste, answer: `Müll ${tag}` }, ...Array.from({ length: 30 }, (_, i) => entry({ key: `wettlauf-${i}`, answer: `Antwort ${tag}` }))];
    const results = await Promise.all([imported(doc('A')), imported(doc('B'))]);
    for (const r of results) assert.ok(r.status === 200 || r.status === 409, `${r.status} ${r.text}`);
    const now = (await exported()).entries as FaqEntryInput[];
    for (let i = 0; i < 30; i++) assert.equal(now.filter((e) => e.key === `wettlauf-${i}`).length, 1);
    const winners = results.map((r, i) => (r.status === 200 ? 'AB'[i] : null)).filter(Boolean);
    assert.ok(winners.length >= 1, 'one import went through');
    const tag = now.find((e) => e.key === 'waste' && e.lang === 'de')!.answer.slice('Müll '.length);
    assert.ok(winners.includes(tag), `waste says ${tag}, winners ${winners.join()}`);
    assert.ok(now.filter((e) => e.key.startsWith('wettlauf-')).every((e) => e.answer === `Antwort ${tag}`), 'the entries of one import only');
  });

  test('an export of the largest size the contract allows can be imported again', async () => {
    const entries = Array.from({ length: 2000 }, (_, i) => ({ key: `gross-${i}`, lang: 'de', questions: [`Große Frage Nummer ${i}?`], answer: `Antwort ${i}: ${'Text '.repeat(20)}` }));
    const a = await imported(entries);
    assert.equal(a.status, 200, a.text.slice(0, 300));
  });
});
