// The chat bot's own-data answers (chat/data/, issue 13) on the demo seed, called directly with real sessions and
// through POST /api/chat/messages: each figure is the one the REST endpoint shows (GET /units, /open-items,
// /tickets, /posts, /documents), worded for the language and the organization's locale, with "Stand <Datum>", asOf
// and a navigate action; several units are asked for.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Request } from 'express';
import type { ChatReply } from '@hausportal/api';
import { call, demo, login, startServer, type Session, type TestServer } from './helpers.ts';
import { answerData, type DataQuestion } from '../src/chat/data/index.ts';
import { authenticate, type Auth } from '../src/auth/middleware.ts';
import { Caches } from '../src/cache.ts';
import { dayIn } from '../src/calendar.ts';
import type { Ctx } from '../src/context.ts';
import { engineOf, readerOf } from '../src/db.ts';
import { createMailer } from '../src/notifications/mail.ts';
import { OrgDirectory } from '../src/organizations.ts';
import { jwtSecretFromDb } from '../src/settings.ts';
import type { ReplyParts } from '../src/chat/types.ts';
import { speakerOf, standLine } from '../src/chat/data/format.ts';

/** "1.234,56 €" */
const euro = (cents: number): string => {
  const abs = Math.abs(cents);
  return `${String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(abs % 100).padStart(2, '0')}\u00a0€`;
};
/** "€1,234.56" */
const euroEn = (cents: number): string => {
  const abs = Math.abs(cents);
  return `€${String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(abs % 100).padStart(2, '0')}`;
};
/** "01.03.2026" */
const dmy = (day: string): string => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/** A context over the test server's database, as the app builds one, for calling answerData directly. */
function directCtx(s: TestServer): Ctx {
  const caches = new Caches(s.clock.now);
  const read = readerOf(s.db);
  return {
    db: s.db, read, orgs: new OrgDirectory(read, caches), sessions: caches.create('sessions'), access: caches.create('access'), documents: caches.create('documents'),
    caches, engine: engineOf(s.db), config: s.config, clock: s.clock.now,
    mailer: createMailer({ db: s.db, clock: s.clock.now, smtpUrl: null, production: false, log: () => {} }),
    jwtSecret: () => (s.config.jwtSecret ? Promise.resolve(s.config.jwtSecret) : jwtSecretFromDb(s.db)),
  };
}

/** The request of a signed-in session, as far as answerData and authenticate read it. */
const requestOf = (session: Session): Request =>
  ({ protocol: 'http', get: (name: string) => (name.toLowerCase() === 'authorization' ? `Bearer ${session.token}` : name.toLowerCase() === 'host' ? 'localhost' : undefined) }) as unknown as Request;

describe('chat own-data answers on the demo seed', () => {
  let s: TestServer;
  let ctx: Ctx;
  let today: string;
  const sessions: Record<string, Session> = {};

  before(async () => {
    // Mid-morning in Vienna and Hamburg, so that "today" stays the same day while the test runs.
    s = await startServer({ at: `${new Date().toISOString().slice(0, 10)}T09:00:00Z` });
    ctx = directCtx(s);
    today = dayIn(s.clock.now().getTime(), 'Europe/Vienna');
    for (const name of ['huber', 'lehner', 'wagner', 'becker'] as const) sessions[name] = await login(s.url, demo[name].username, demo[name].password, demo[name].org);
    sessions.lehnerKrueger = await login(s.url, demo.lehner.username, demo.lehner.password, 'krueger');
  });
  after(() => s.close());

  async function ask(who: string, intent: DataQuestion['intent'], extra: Partial<DataQuestion> = {}): Promise<ReplyParts> {
    const session = sessions[who]!;
    const req = requestOf(session);
    const auth: Auth = await authenticate(ctx, req);
    return answerData(ctx, req, auth, { intent, entities: {}, lang: 'de', text: '', ...extra });
  }
  const get = async (who: string, path: string) => {
    const answer = await call(s.url, path, { token: sessions[who]!.token });
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  };

  test('data.balance: Katharina Huber\'s balance as GET /units reports it, worded as credit or owed, with Stand and asOf', async () => {
    const [unit] = (await get('huber', '/units')).items;
    const reply = await ask('huber', 'data.balance');
    const cents: number = unit.balanceCents;
    const state = cents > 0 ? `Sie haben einen Rückstand von ${euro(cents)}.` : cents < 0 ? `Sie haben ein Guthaben von ${euro(cents)}.` : 'Ihr Konto ist ausgeglichen.';
    assert.equal(reply.text, `Mietkonto Top 7, Linke Wienzeile 48: ${state}`);
    assert.equal(standLine(speakerOf({ timeZone: 'Europe/Vienna' }, 'de', today)), `Stand ${dmy(today)}`);
    assert.equal(reply.asOf, today);
    assert.equal(reply.intent, undefined);
    assert.deepEqual(reply.items, [{ label: 'Top 7, Linke Wienzeile 48', detail: cents > 0 ? `Rückstand ${euro(cents)}` : cents < 0 ? `Guthaben ${euro(cents)}` : 'ausgeglichen' }]);
    assert.equal(reply.actions?.[0]?.widget, 'statement');
    assert.equal(reply.actions?.[0]?.params?.unit, unit.id);
  });

  test('data.balance owed: a Rückstand with the link to the open items and the GiroCode; the open items as GET /open-items has them', async () => {
    const [unit] = (await get('lehner', '/units')).items;
    assert.ok(unit.balanceCents > 0, 'the demo\'s late payer owes');
    const reply = await ask('lehner', 'data.balance');
    assert.ok(reply.text.startsWith(`Mietkonto Top W2, Linke Wienzeile 48: Sie haben einen Rückstand von ${euro(unit.balanceCents)}.`), reply.text);
    assert.deepEqual(reply.actions, [{ type: 'navigate', label: 'Offene Posten und Zahlschein (GiroCode)', widget: 'statement', params: { view: 'open-items', unit: unit.id } }]);

    const open = await get('lehner', `/open-items?unit=${unit.id}`);
    const debts = open.items.filter((i: { openCents: number }) => i.openCents > 0);
    const items = await ask('lehner', 'data.open_items');
    const level = Math.max(...debts.map((i: { dunningLevel: number }) => i.dunningLevel));
    assert.ok(level > 0);
    assert.equal(items.text.split('\n')[0], `Top W2, Linke Wienzeile 48: ${debts.length} offene Posten, zusammen ${euro(open.totalOpenCents)}.`);
    assert.ok(items.text.includes(`Der älteste ist seit ${dmy(debts[0].dueOn)} fällig.`), items.text);
    assert.ok(items.text.includes(`Mahnstufe ${level}.`), items.text);
    assert.deepEqual(items.items?.map((i) => i.label), debts.slice(0, 5).map((i: { text: string }) => i.text));
    assert.equal(items.actions?.[0]?.params?.view, 'open-items');
  });

  test('data.last_payment and data.next_charge: the last payment of GET /ledger, the next Vorschreibung of this month\'s charges', async () => {
    const [unit] = (await get('huber', '/units')).items;
    const ledger = await get('huber', `/ledger?unit=${unit.id}&year=${today.slice(0, 4)}`);
    const payment = ledger.entries.findLast((e: { kind: string; bookedOn: string }) => e.kind === 'payment' && e.bookedOn <= today);
    const last = await ask('huber', 'data.last_payment');
    assert.equal(last.text.split('\n')[0], `Ihre letzte Zahlung für Top 7, Linke Wienzeile 48: ${euro(-payment.amountCents)} am ${dmy(payment.bookedOn)} („${payment.text}“).`);
    assert.deepEqual(last.actions?.[0]?.params, { view: 'ledger', unit: unit.id });

    const next = await ask('huber', 'data.next_charge');
    const first = next.text.split('\n')[0]!;
    assert.match(first, /^Ihre nächste Vorschreibung \(\d{2}\/\d{4}\) für Top 7, Linke Wienzeile 48: .*\u00a0€, fällig am \d{2}\.\d{2}\.\d{4}\.$/);
    assert.ok(first.includes(euro(unit.monthly.grossCents)), `${first} names this month's gross ${euro(unit.monthly.grossCents)}`);
    const due = /fällig am (\d{2})\.(\d{2})\.(\d{4})/.exec(first)!;
    assert.ok(`${due[3]}-${due[2]}-${due[1]}` >= today, 'the next charge is not yet due');
    assert.deepEqual(next.actions?.[0]?.params, { view: 'charges', unit: unit.id });
  });

  test('several units: "Für welche Einheit?" with one choice per current unit; the chosen one and a named Top are answered, in owner wording', async () => {
    const units = (await get('wagner', '/units')).items.filter((u: { active: boolean }) => u.active);
    assert.ok(units.length > 1);
    const choice = await ask('wagner', 'data.balance');
    assert.equal(choice.intent, 'unit_choice');
    assert.equal(choice.text, 'Für welche Einheit?');
    const streets = new Map<string, string>((await get('wagner', '/units')).properties.map((p: { id: string; address: { street: string } }) => [p.id, p.address.street]));
    assert.deepEqual(choice.choices, units.map((u: { id: string; top: string; propertyId: string }) => ({ label: `Top ${u.top}, ${streets.get(u.propertyId)}`, value: { intent: 'data.balance', unitId: u.id } })));

    const top9 = units.find((u: { top: string }) => u.top === '9');
    const chosen = await ask('wagner', 'data.balance', { unitId: top9.id });
    assert.ok(chosen.text.startsWith('Eigentümerkonto (Hausgeld) Top 9, Linke Wienzeile 48: '), chosen.text);
    const state = top9.balanceCents > 0 ? `Rückstand von ${euro(top9.balanceCents)}` : top9.balanceCents < 0 ? `Guthaben von ${euro(top9.balanceCents)}` : 'ausgeglichen';
    assert.ok(chosen.text.includes(state), chosen.text);
    assert.deepEqual(await ask('wagner', 'data.balance', { entities: { top: '9' } }), chosen);

    const detail = await get('wagner', `/units/${top9.id}`);
    const reserve = detail.charges.filter((l: { item: string }) => l.item === 'reserve').reduce((sum: number, l: { grossCents: number }) => sum + l.grossCents, 0);
    const next = await ask('wagner', 'data.next_charge', { unitId: top9.id });
    assert.match(next.text, /^Ihre nächste Hausgeld-Vorschreibung \(/);
    assert.ok(next.text.includes(`Davon Rücklage ${euro(reserve)}.`), next.text);
    assert.deepEqual(next.items?.map((i) => i.label), detail.charges.map((l: { label: string }) => l.label));
  });

  test('data.tickets_open: the count and the latest three of GET /tickets?tab=open with the status the role sees', async () => {
    const open = (await get('huber', '/tickets?tab=open')).items;
    const reply = await ask('huber', 'data.tickets_open');
    assert.ok(reply.text.startsWith(`Sie haben ${open.length} offene Anliegen.`), reply.text);
    const names: Record<string, string> = { new: 'Neu', in_progress: 'In Bearbeitung', waiting: 'Wartend' };
    assert.deepEqual(
      reply.items?.map((i) => [i.label, i.detail.split(' · ')[0]]),
      open.slice(0, 3).map((t: { number: string; subject: string; status: string }) => [`${t.number} ${t.subject}`, names[t.status]]),
    );
    assert.equal(reply.actions?.[0]?.widget, 'ticket-list');
  });

  test('data.ticket_status: "Wann wird der Lift repariert?" finds Huber\'s lift ticket, with its visible status and the public answer, nothing internal', async () => {
    const all = [...(await get('huber', '/tickets?tab=open')).items, ...(await get('huber', '/tickets?tab=done')).items];
    const lift = all.find((t: { subject: string }) => t.subject === 'Lift bleibt zwischen 2. und 3. Stock stehen');
    assert.equal(lift.status, 'in_progress');
    const reply = await ask('huber', 'data.ticket_status', { text: 'Wann wird der Lift repariert?' });
    assert.ok(reply.text.startsWith(`Ihr Anliegen ${lift.number} „Lift bleibt zwischen 2. und 3. Stock stehen“: In Bearbeitung (seit `), reply.text);
    assert.match(reply.text, /Die Techniker kommen am (Montag|Dienstag|Mittwoch|Donnerstag|Freitag), \d{2}\.\d{2}\./);
    assert.ok(!reply.text.includes('LD-44791'), 'no internal note');
    assert.deepEqual(reply.actions, [{ type: 'navigate', label: `Anliegen ${lift.number} öffnen`, widget: 'ticket-list', params: { ticket: lift.id } }]);
    assert.deepEqual(await ask('huber', 'data.ticket_status', { entities: { ticketNumber: lift.number } }), reply);
  });

  test('data.ticket_status shows the mapped status, never the real one or a reason of a hidden status (ImmoPro tenants: rejected as closed; Krüger tenants: waiting as in progress)', async () => {
    const done = (await get('huber', '/tickets?tab=done')).items;
    const awning = done.find((t: { subject: string }) => t.subject === 'Markise am Balkon montieren');
    assert.equal(awning.status, 'closed');
    const reply = await ask('huber', 'data.ticket_status', { entities: { ticketNumber: awning.number } });
    assert.ok(reply.text.includes(': Abgeschlossen (seit '), reply.text);
    assert.ok(!/Abgelehnt|Eigentümergemeinschaft hat|telefonisch/.test(reply.text), reply.text);

    const becker = (await get('becker', '/tickets?tab=open')).items;
    const light = becker.find((t: { subject: string }) => t.subject === 'Treppenhauslicht im 3. OG defekt');
    assert.equal(light.status, 'in_progress');
    const mapped = await ask('becker', 'data.ticket_status', { text: 'Wann geht das Licht im Treppenhaus wieder?' });
    assert.ok(mapped.text.startsWith(`Ihr Anliegen ${light.number} „Treppenhauslicht im 3. OG defekt“: In Bearbeitung`), mapped.text);
    assert.ok(!/Wartend|Wartet|Ersatzteil/.test(mapped.text), mapped.text);
  });

  test('data.ticket_status without a matching subject: the open tickets, each as a choice', async () => {
    const open = (await get('huber', '/tickets?tab=open')).items;
    const reply = await ask('huber', 'data.ticket_status', { text: 'Gibt es Neuigkeiten?' });
    assert.ok(reply.text.startsWith('Welches Anliegen meinen Sie?\n'), reply.text);
    assert.deepEqual(reply.choices?.map((c) => c.value), open.slice(0, 3).map((t: { number: string }) => ({ intent: 'data.ticket_status', ticketNumber: t.number })));
  });

  test('data.next_appointment: the next appointment of my notices (GET /posts), with a link to it', async () => {
    const posts = (await get('huber', '/posts')).items as { id: string; title: string; appointment: { start: string; end: string | null; allDay: boolean } | null }[];
    const now = s.clock.now().toISOString();
    const coming = posts
      .filter((p) => p.appointment && (p.appointment.allDay ? (p.appointment.end ?? p.appointment.start) >= today : (p.appointment.end ?? p.appointment.start) >= now))
      .sort((a, b) => (a.appointment!.start < b.appointment!.start ? -1 : 1));
    assert.ok(coming.length > 0, 'the demo board has an appointment ahead');
    const reply = await ask('huber', 'data.next_appointment');
    assert.ok(reply.text.startsWith(`Nächster Termin: „${coming[0]!.title}“ – `), reply.text);
    assert.deepEqual(reply.actions?.[0], { type: 'navigate', label: 'Aushang öffnen', widget: 'bulletin-board', params: { post: coming[0]!.id } });
  });

  test('data.contact: the contacts GET /units shows for my role (a tenant sees the tenants\' accounting, not the owners\')', async () => {
    const [property] = (await get('huber', '/units')).properties;
    const reply = await ask('huber', 'data.contact');
    assert.deepEqual(reply.items?.map((i) => i.label.split(' (')[0]), property.contacts.map((c: { name: string }) => c.name));
    assert.ok(reply.items?.some((i) => i.label === 'Sandra Leitner (Buchhaltung)'));
    assert.ok(!reply.text.includes('Gruber') && !reply.items?.some((i) => i.label.includes('Gruber')));
    const owner = await ask('wagner', 'data.contact', { entities: { top: '9' } });
    assert.ok(owner.items?.some((i) => i.label === 'Ing. Stefan Gruber (Buchhaltung)'));
    assert.ok(!owner.items?.some((i) => i.label.includes('Leitner')));
  });

  test('data.new_documents: the unread count of GET /documents and the latest three unread', async () => {
    const list = await get('wagner', '/documents');
    const unread = (await get('wagner', '/documents?unread=true')).items;
    const reply = await ask('wagner', 'data.new_documents');
    assert.equal(reply.text.split('\n')[0], `Sie haben ${list.unreadCount} neue Dokumente.`);
    assert.deepEqual(reply.items?.map((i) => i.label), unread.slice(0, 3).map((d: { title: string }) => d.title));
    assert.equal(reply.actions?.[0]?.widget, 'documents');
  });

  test('English and the German (Germany) locale: "As of", € before the figure, Miete and Hausgeld in Hamburg', async () => {
    const [unit] = (await get('huber', '/units')).items;
    const en = await ask('huber', 'data.balance', { lang: 'en' });
    const figure = euroEn(unit.balanceCents);
    assert.ok(en.text.startsWith('Rent account Top 7, Linke Wienzeile 48: '), en.text);
    assert.ok(en.text.includes(figure), `${en.text} has ${figure}`);
    assert.match(standLine(speakerOf({ timeZone: 'Europe/Vienna' }, 'en', today)), /^As of \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    assert.equal(en.asOf, today);

    const hamburg = dayIn(s.clock.now().getTime(), 'Europe/Berlin');
    const owner = await ask('lehnerKrueger', 'data.next_charge');
    assert.match(owner.text, /^Ihr nächstes Hausgeld \(\d{2}\/\d{4}\) für Einheit W5, Große Elbstraße 145: /);
    assert.ok(owner.text.includes('Davon Rücklage '), owner.text);
    assert.equal(owner.asOf, hamburg);
    const tenant = await ask('becker', 'data.next_charge');
    assert.match(tenant.text, /^Ihre nächste Miete \(\d{2}\/\d{4}\) für Einheit W2, Große Elbstraße 145: /);
    const contact = await ask('becker', 'data.contact');
    assert.ok(contact.items?.some((i) => i.label === 'Uwe Petersen (Hausmeister)'));
  });

  test('a manager\'s session has no own data', async () => {
    const manager = await login(s.url, 'andrea.pichler@immopro.example', 'Verwaltung#Wien3', 'immopro');
    sessions.manager = manager;
    for (const intent of ['data.balance', 'data.tickets_open', 'data.contact'] as const) {
      const reply = await ask('manager', intent);
      assert.match(reply.text, /^Zu Ihrem Zugang gibt es heute keine laufende Einheit/, intent);
      assert.deepEqual(reply.items ?? [], []);
    }
  });

  describe('through POST /api/chat/messages', () => {
    const chat = async (who: string, body: Record<string, unknown>): Promise<ChatReply> => {
      const answer = await call(s.url, '/chat/messages', { token: sessions[who]!.token, body: { lang: 'de', ...body } });
      assert.equal(answer.status, 200, answer.text);
      return answer.body as ChatReply;
    };

    test('"Wie hoch ist mein Kontostand?" answers Katharina Huber with her balance as GET /units reports it', async () => {
      const [unit] = (await get('huber', '/units')).items;
      const reply = await chat('huber', { text: 'Wie hoch ist mein Kontostand?' });
      assert.equal(reply.intent, 'data.balance');
      assert.equal(reply.asOf, today);
      assert.ok(reply.text.includes(euro(unit.balanceCents)), reply.text);
      const direct = await ask('huber', 'data.balance');
      assert.deepEqual([reply.text, reply.items, reply.actions], [direct.text, direct.items, direct.actions]);
    });

    test('the status of my tickets with the words "Wann wird der Lift repariert?": her lift ticket\'s visible status', async () => {
      const reply = await chat('huber', { text: 'Wann wird der Lift repariert?', choice: { intent: 'data.ticket_status' } });
      assert.equal(reply.intent, 'data.ticket_status');
      assert.match(reply.text, /„Lift bleibt zwischen 2\. und 3\. Stock stehen“: In Bearbeitung/);
    });

    test('several units: the choice comes back with the unit and is answered for it', async () => {
      const first = await chat('wagner', { text: 'Kontostand', choice: { intent: 'data.balance' } });
      assert.equal(first.intent, 'unit_choice');
      const [pick] = first.choices;
      const units = (await get('wagner', '/units')).items;
      const unit = units.find((u: { id: string }) => u.id === pick!.value.unitId);
      const reply = await chat('wagner', { text: pick!.label, choice: pick!.value, conversationId: first.conversationId });
      assert.equal(reply.intent, 'data.balance');
      assert.ok(reply.text.startsWith(`Eigentümerkonto (Hausgeld) ${pick!.label}: `), reply.text);
      const figure = unit.balanceCents === 0 ? 'ausgeglichen' : euro(unit.balanceCents);
      assert.ok(reply.text.includes(figure), reply.text);
    });
  });
});

describe('data.next_charge before and after the due day of the month', () => {
  const month = new Date().toISOString().slice(0, 7);
  for (const [day, expected] of [['03', 'this month'], ['20', 'next month']] as const) {
    test(`on the ${day}th: the Vorschreibung of ${expected}, due on the 5th`, async () => {
      const s = await startServer({ at: `${month}-${day}T09:00:00Z` });
      try {
        const huber = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
        const ctx = directCtx(s);
        const req = requestOf(huber);
        const reply = await answerData(ctx, req, await authenticate(ctx, req), { intent: 'data.next_charge', entities: {}, lang: 'de', text: '' });
        const [y, m] = month.split('-').map(Number) as [number, number];
        const due = day === '03' ? `${month}-05` : new Date(Date.UTC(y, m, 5)).toISOString().slice(0, 10);
        assert.ok(reply.text.startsWith(`Ihre nächste Vorschreibung (${due.slice(5, 7)}/${due.slice(0, 4)}) für Top 7, Linke Wienzeile 48: `), reply.text);
        assert.ok(reply.text.includes(`, fällig am ${dmy(due)}.`), reply.text);
      } finally {
        await s.close();
      }
    });
  }
});
