// Authorization of the chat bot's own-data answers (issue 13, DESIGN §6a) through POST /api/chat/messages: no data
// intent answers with another person's data. Ended and future contracts give no balance or charges of their unit;
// a choice naming a unit that is not one of mine today — another person's, another organization's, my ended one, a
// future one — is answered exactly like a unit that does not exist (as GET /units/{id} answers 404 alike); a ticket
// number that is not mine — of a neighbour, of another organization — is answered exactly like an unknown number.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ChatReply } from '@hausportal/api';
import { dataIntents, type DataIntent } from '../src/chat/types.ts';
import { call, demo, login, startServer, type Session, type TestServer } from './helpers.ts';
import { monthlyGross, moneyFixture, tenantLines, vatOf, type Fixture } from './money-fixture.ts';

/** "1.234,56 €" */
const euro = (cents: number): string => {
  const abs = Math.abs(cents);
  return `${String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(abs % 100).padStart(2, '0')}\u00a0€`;
};

/** The reply without what differs from turn to turn (the conversation kept, the match score). */
const stable = (r: ChatReply) => ({ ...r, conversationId: null, score: 0 });

const unitIntents: DataIntent[] = ['data.balance', 'data.next_charge', 'data.open_items', 'data.last_payment', 'data.contact'];

async function chat(s: TestServer, session: Session, intent: string, extra: { unitId?: string; ticketNumber?: string } = {}): Promise<ChatReply> {
  const answer = await call(s.url, '/chat/messages', { token: session.token, body: { text: intent, lang: 'de', choice: { intent, ...extra } } });
  assert.equal(answer.status, 200, answer.text);
  return answer.body as ChatReply;
}

describe('chat own data: ended and future contracts, and units that are not mine', () => {
  let s: TestServer;
  let f: Fixture;
  let y: number;
  const who: Record<string, Session> = {};
  const people = {
    exTenant: { email: 'erika.ex@example.test', password: 'Erika-Exmieter-2026', role: 'tenant' },
    futureTenant: { email: 'felix.future@example.test', password: 'Felix-Future-2026', role: 'tenant' },
    mover: { email: 'mona.move@example.test', password: 'Mona-Umzug-2026', role: 'tenant' },
  };
  const unit = (top: string) => f.w.id(`unit:${top}`);

  before(async () => {
    s = await startServer({ at: `${new Date().toISOString().slice(0, 10)}T09:00:00Z` });
    f = await moneyFixture(s);
    const w = f.w;
    y = w.y;
    const [yy, mm] = w.today.split('-').map(Number) as [number, number];
    const soon = new Date(Date.UTC(yy, mm + 1, 1)).toISOString().slice(0, 10);
    await w.person('Erika Ex', people.exTenant);
    await w.person('Felix Future', people.futureTenant);
    await w.person('Mona Move', people.mover);
    for (const top of ['B2', 'B3', 'B4', 'B5']) await w.unit('B', top);
    // Erika rented B2 until June last year and left May unpaid; Felix moves into B3 soon, his charges are issued;
    // Mona left B4 at the end of last year owing December and rents B5 since January.
    await w.contract('c:erika', 'B2', 'Erika Ex', 'tenant', `${y - 3}-01-01`, `${y - 1}-06-30`, 'E-0002');
    await w.book('c:erika', `${y - 3}-01`, `${y - 1}-06`, (year) => tenantLines(year, y), new Set([`${y - 1}-05`]));
    await w.contract('c:felix', 'B3', 'Felix Future', 'tenant', soon, null, 'F-0003');
    await w.book('c:felix', soon.slice(0, 7), soon.slice(0, 7), (year) => tenantLines(year, y), new Set([soon.slice(0, 7)]));
    await w.contract('c:mona4', 'B4', 'Mona Move', 'tenant', `${y - 2}-01-01`, `${y - 1}-12-31`, 'M-0004');
    await w.book('c:mona4', `${y - 2}-01`, `${y - 1}-12`, () => [{ item: 'main_rent', label: 'Miete B4', key: 'area', net: 77777, bp: 1000 }], new Set([`${y - 1}-12`]));
    await w.contract('c:mona5', 'B5', 'Mona Move', 'tenant', `${y}-01-01`, null, 'M-0005');
    await w.book('c:mona5', `${y}-01`, w.today.slice(0, 7), (year) => tenantLines(year, y), new Set());
    for (const [name, p] of Object.entries(people)) who[name] = await login(s.url, p.email, p.password, 'immopro');
    who.tina = f.tenant;
    who.otto = f.owner;
    who.manager = await login(s.url, 'andrea.pichler@immopro.example', 'Verwaltung#Wien3', 'immopro');
  });
  after(() => s.close());

  test('ended or future contracts only: every unit answer is the manager\'s "no current unit", with or without the unit named', async () => {
    for (const intent of unitIntents) {
      const none = stable(await chat(s, who.manager!, intent));
      assert.match(none.text, /^Zu Ihrem Zugang gibt es heute keine laufende Einheit/);
      assert.deepEqual(stable(await chat(s, who.exTenant!, intent)), none, `ended: ${intent}`);
      assert.deepEqual(stable(await chat(s, who.exTenant!, intent, { unitId: unit('B2') })), none, `ended, named: ${intent}`);
      assert.deepEqual(stable(await chat(s, who.futureTenant!, intent)), none, `future: ${intent}`);
      assert.deepEqual(stable(await chat(s, who.futureTenant!, intent, { unitId: unit('B3') })), none, `future, named: ${intent}`);
    }
    // What the endpoints still show the former tenant (his ended months) stays in the statement, not in the chat.
    const ended = (await call(s.url, '/units', { token: who.exTenant!.token })).body.items[0];
    assert.ok(ended.balanceCents > 0 && !ended.active);
  });

  test('a unit that is not mine today — another person\'s, another organization\'s, ended, future, unknown — is refused like an unknown id', async () => {
    const krueger = await s.db('units as u').join('properties as p', 'p.id', 'u.property_id').where({ 'p.name': 'Fischmarkt-Höfe', 'u.top': 'W5' }).first('u.id');
    const foreign = { otto: unit('T2'), nina: unit('B1'), erikaEnded: unit('B2'), felixFuture: unit('B3'), otherOrg: krueger.id };
    for (const intent of ['data.balance', 'data.open_items'] as const) {
      const unknown = stable(await chat(s, who.tina!, intent, { unitId: randomUUID() }));
      assert.equal(unknown.intent, 'unit_choice');
      assert.equal(unknown.text, 'Diese Einheit finde ich unter Ihren aktuellen Einheiten nicht.\nFür welche Einheit?');
      assert.deepEqual(unknown.choices, [{ label: 'Top T1, Testgasse 1', value: { intent, unitId: unit('T1') } }]);
      assert.deepEqual([unknown.asOf, unknown.items], [null, []]);
      for (const [name, id] of Object.entries(foreign)) assert.deepEqual(stable(await chat(s, who.tina!, intent, { unitId: id })), unknown, `${intent}: ${name}`);
    }
  });

  test('a person who moved: his ended unit is refused like an unknown one; the current one is answered as GET /units reports it', async () => {
    const units = (await call(s.url, '/units', { token: who.mover!.token })).body.items as { id: string; top: string; active: boolean; balanceCents: number }[];
    assert.deepEqual(units.map((u) => [u.top, u.active]), [['B4', false], ['B5', true]]);
    const b4 = units[0]!;
    assert.ok(b4.balanceCents > 0, 'B4 was left owing');
    const current = await chat(s, who.mover!, 'data.balance');
    assert.equal(current.intent, 'data.balance');
    assert.equal(units[1]!.balanceCents, 0);
    assert.equal(current.text.split('\n')[0], 'Mietkonto Top B5, Zweigasse 2: Ihr Konto ist ausgeglichen.');
    const unknown = stable(await chat(s, who.mover!, 'data.balance', { unitId: randomUUID() }));
    assert.deepEqual(stable(await chat(s, who.mover!, 'data.balance', { unitId: b4.id })), unknown);
    assert.deepEqual(unknown.choices.map((c) => c.value.unitId), [unit('B5')]);
    for (const intent of ['data.open_items', 'data.last_payment', 'data.next_charge'] as const) {
      const text = JSON.stringify(await chat(s, who.mover!, intent));
      assert.ok(!text.includes('B4') && !text.includes(euro(b4.balanceCents)) && !text.includes(euro(77777 + vatOf(77777, 1000))), `${intent}: ${text}`);
    }
  });

  test('no data intent shows a tenant what came before her contract or belongs to others; an owner gets no tenant contact', async () => {
    const [t1] = (await call(s.url, '/units', { token: who.tina!.token })).body.items;
    const balance = await chat(s, who.tina!, 'data.balance');
    assert.ok(balance.text.startsWith(`Mietkonto Top T1, Testgasse 1: Sie haben einen Rückstand von ${euro(t1.balanceCents)}.`), balance.text);
    const paul = euro(99999 + vatOf(99999, 1000));
    for (const intent of dataIntents) {
      const text = JSON.stringify(await chat(s, who.tina!, intent));
      for (const marker of [paul, 'Hauptmietzins alt', 'Zweigasse', 'WEG-Buchhaltung', 'T2', 'T3', unit('T2'), unit('B1')]) assert.ok(!text.includes(marker), `${intent} shows ${marker}: ${text}`);
    }
    const choice = await chat(s, who.otto!, 'data.balance');
    assert.deepEqual(choice.choices.map((c) => c.value.unitId), [unit('T2'), unit('T3')]);
    const contact = JSON.stringify(await chat(s, who.otto!, 'data.contact'));
    assert.ok(contact.includes('WEG-Buchhaltung A') && !contact.includes('Mietenbuchhaltung'), contact);
    for (const intent of ['data.balance', 'data.next_charge', 'data.last_payment'] as const) {
      const text = JSON.stringify(await chat(s, who.otto!, intent, { unitId: unit('T2') }));
      assert.ok(!text.includes(euro(monthlyGross(tenantLines(y, y)))) && !text.includes('T1'), `${intent}: ${text}`);
    }
  });
});

describe('chat own data: ticket numbers that are not mine', () => {
  let s: TestServer;
  const who: Record<string, Session> = {};

  before(async () => {
    s = await startServer({ at: `${new Date().toISOString().slice(0, 10)}T09:00:00Z` });
    who.huber = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
    who.lehner = await login(s.url, demo.lehner.username, demo.lehner.password, demo.lehner.org);
  });
  after(() => s.close());

  /** The numbers of my tickets in the session's organization, every tab (GET /tickets). */
  async function myNumbers(session: Session): Promise<Set<string>> {
    const numbers = new Set<string>();
    for (const tab of ['open', 'done', 'archive']) {
      for (const t of (await call(s.url, `/tickets?tab=${tab}`, { token: session.token })).body.items) numbers.add(t.number);
    }
    return numbers;
  }

  /** The reply to a ticket number with the number itself blanked out, so that replies for two numbers compare. */
  const blanked = (r: ChatReply, number: string) => JSON.parse(JSON.stringify(stable(r)).split(number).join('<number>'));

  test('a neighbour\'s ticket (also a building-wide one) and another organization\'s answer like a number that does not exist', async () => {
    const mine = await myNumbers(who.huber!);
    const y = new Date(s.clock.now()).getUTCFullYear();
    const missing = `${y}-99999`;
    const unknown = blanked(await chat(s, who.huber!, 'data.ticket_status', { ticketNumber: missing }), missing);
    assert.match(unknown.text, /^Ein Anliegen mit der Nummer <number> finde ich unter Ihren Anliegen nicht\./);
    const foreign = (await s.db('tickets as t').join('organizations as o', 'o.id', 't.organization_id').select('t.number', 't.subject', 'o.slug')) as { number: string; subject: string; slug: string }[];
    const huberId = (await s.db('persons').where({ name: 'Katharina Huber' }).first('id')).id;
    const followed = new Set((await s.db('ticket_participants').where({ person_id: huberId }).select('ticket_id')).map((r: { ticket_id: string }) => r.ticket_id));
    const others = foreign.filter((t) => !mine.has(t.number));
    assert.ok(others.some((t) => t.slug === 'immopro') && others.some((t) => t.slug === 'krueger'));
    assert.ok(others.some((t) => t.subject === 'Lift Stiege 2 steht'), 'the neighbour\'s building-wide lift ticket');
    assert.equal(followed.size, mine.size);
    for (const t of others) {
      const reply = await chat(s, who.huber!, 'data.ticket_status', { ticketNumber: t.number });
      assert.deepEqual(blanked(reply, t.number), unknown, `${t.slug} ${t.number}`);
      assert.ok(!JSON.stringify(reply).includes(t.subject));
    }
  });

  test('the same person\'s ticket in another organization is not found from this organization\'s session', async () => {
    const here = await myNumbers(who.lehner!);
    const krueger = await login(s.url, demo.lehner.username, demo.lehner.password, 'krueger');
    const there = [...(await myNumbers(krueger))].filter((n) => !here.has(n));
    assert.ok(there.length > 0);
    const missing = `${new Date(s.clock.now()).getUTCFullYear()}-99998`;
    const unknown = blanked(await chat(s, who.lehner!, 'data.ticket_status', { ticketNumber: missing }), missing);
    for (const number of there) assert.deepEqual(blanked(await chat(s, who.lehner!, 'data.ticket_status', { ticketNumber: number }), number), unknown, number);
  });

  test('lists and subject matches hold only my tickets: the neighbour\'s lift ticket never appears for Katharina Huber', async () => {
    for (const intent of ['data.tickets_open', 'data.ticket_status'] as const) {
      const answer = await call(s.url, '/chat/messages', { token: who.huber!.token, body: { text: 'Wann wird der Lift Stiege 2 repariert?', lang: 'de', choice: { intent } } });
      assert.equal(answer.status, 200, answer.text);
      assert.ok(!answer.text.includes('Lift Stiege 2 steht'), `${intent}: ${answer.text}`);
    }
  });
});
