// The chat bot's HTTP endpoints (issue 13): POST /api/chat/messages and GET /api/chat/conversations over real HTTP
// on the demo seed. Signed in, own-data answers carry the organization's day and a navigate action, turns are kept in
// my conversation and only mine can be continued (another person's or another organization's id answers 404 like an
// unknown one); signed out with `org`, the FAQ answers, own data needs signing in and nothing is kept. The feature
// switches (features.chatBot, chatBot.<role>), choices sent back, the emergency rules with the organization's
// numbers, the hand-over draft, unanswered questions kept redacted and without the person, the per-user rate limit,
// retention of conversations and unanswered questions, and bad input as problem+json naming its field. Answers are
// checked against the contract by the test server.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dayIn, type ChatAction, type ChatConversation, type ChatReply } from '@hausportal/api';
import { call, demo, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { loginAs, managers, organizationId } from './admin-fixture.ts';
import { purgeConversations } from '../src/chat/store.ts';
import { purgeChatData, unansweredRetentionDays } from '../src/chat/unanswered.ts';
import type { Db } from '../src/db.ts';
import { newId } from '../src/ids.ts';

const hofer = { username: 'lukas.hofer@example.com', password: 'Kahlenberg-Top5', org: 'immopro' };
const liftSubject = 'Lift bleibt zwischen 2. und 3. Stock stehen';
const dayMs = 86_400_000;

/** The problem names `field`, as a JSON pointer ("/choice/intent") or a dotted path ("choice.intent"). */
function expectField(a: Answer, status: number, field: string, code?: string): void {
  expectProblem(a, status, code);
  const named = (a.body.errors ?? []).map((e: { field: string }) => e.field.replace(/^\//, '').replaceAll('/', '.'));
  assert.ok(named.includes(field), `${field} in ${a.text}`);
}

/**
 * Only the tags of the FAQ answer HTML (openapi.yaml ChatReply.html); attributes on links only, no event handlers,
 * links to https, mailto and tel. Markup the manager typed is shown as text (&lt;script&gt;).
 */
function assertSanitized(html: string): void {
  for (const [, name, attributes] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    assert.ok(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a'].includes(name!.toLowerCase()), `<${name}> in ${html}`);
    if (name !== 'a') assert.equal(attributes!.replace(/\/$/, '').trim(), '', html);
    assert.ok(!/\bon\w+\s*=|style\s*=/i.test(attributes!), html);
    for (const [, href] of attributes!.matchAll(/href="([^"]*)"/g)) assert.match(href!, /^(https:|mailto:|tel:)/, html);
  }
}

const byType = (reply: ChatReply, type: ChatAction['type']) => reply.actions.filter((a) => a.type === type);

/** A conversation written straight into the database (e.g. one from before the bot was switched off, or an old one). */
async function insertConversation(db: Db, email: string, slug: string, lastAt: Date): Promise<string> {
  const user = await db('users').where({ email }).first('id');
  const orgId = await organizationId(db, slug);
  const member = await db('memberships').where({ user_id: user.id, organization_id: orgId }).first('person_id');
  const id = newId(lastAt.getTime());
  const at = lastAt.toISOString();
  await db.transaction(async (trx) => {
    await trx('chat_conversations').insert({ id, organization_id: orgId, user_id: user.id, person_id: member.person_id, channel: 'portal', started_at: at, last_message_at: at });
    await trx('chat_messages').insert([
      { id: newId(lastAt.getTime()), conversation_id: id, role: 'user', text: 'Hallo', intent: null, score: null, created_at: at },
      { id: newId(lastAt.getTime()), conversation_id: id, role: 'bot', text: 'Grüß Gott!', intent: 'smalltalk.greeting', score: 1, created_at: at },
    ]);
  });
  return id;
}

const count = async (db: Db, table: string, where: Record<string, string> = {}): Promise<number> => Number((await db(table).where(where).count({ n: '*' }).first())!.n);

describe('chat bot over HTTP', () => {
  let s: TestServer;
  const who: Record<string, Session> = {};
  /** Katharina Huber's one unit (Top 7) and her lift ticket's number. */
  let huberUnit = '';
  let liftNumber = '';
  let liftId = '';

  const send = (body: Record<string, unknown>, session?: Session) => call(s.url, '/chat/messages', { token: session?.token, body });
  const chat = async (body: Record<string, unknown>, session?: Session): Promise<ChatReply> => {
    const answer = await send({ lang: 'de', ...body }, session);
    assert.equal(answer.status, 200, answer.text);
    return answer.body as ChatReply;
  };
  const conversations = async (session: Session) => {
    const answer = await call(s.url, '/chat/conversations', { token: session.token });
    assert.equal(answer.status, 200, answer.text);
    return answer.body.items as ChatConversation[];
  };
  const today = () => dayIn(s.clock.now().getTime(), 'Europe/Vienna');

  before(async () => {
    // Mid-morning in Vienna and Hamburg: "today" stays the same day while the test clock moves on by a minute or two.
    s = await startServer({ at: `${new Date().toISOString().slice(0, 10)}T09:00:00Z` });
    for (const name of ['huber', 'wagner', 'lehner', 'becker'] as const) who[name] = await login(s.url, demo[name].username, demo[name].password, demo[name].org);
    who.hofer = await login(s.url, hofer.username, hofer.password, hofer.org);
    who.lehnerKrueger = await login(s.url, demo.lehner.username, demo.lehner.password, 'krueger');
    who.pichler = await loginAs(s, managers.pichler);
    const units = (await call(s.url, '/units', { token: who.huber!.token })).body.items as { id: string; active: boolean }[];
    assert.equal(units.filter((u) => u.active).length, 1);
    huberUnit = units.find((u) => u.active)!.id;
    const open = (await call(s.url, '/tickets?tab=open', { token: who.huber!.token })).body.items as { id: string; number: string; subject: string; status: string }[];
    const lift = open.find((t) => t.subject === liftSubject)!;
    assert.equal(lift.status, 'in_progress');
    liftNumber = lift.number;
    liftId = lift.id;
  });
  after(() => s.close());
  // Each test starts with the chat's rate limits unused (30 messages a minute per user, 20 per address signed out),
  // without moving the clock past the access tokens' lifetime.
  beforeEach(async () => {
    await s.db('login_attempts').where('key', 'like', 'chat-%').delete();
  });

  describe('signed in', () => {
    test('an own-data answer carries the organization\'s day as asOf and a navigate action; the turn is kept', async () => {
      const reply = await chat({ text: 'Wie hoch ist mein Kontostand?' }, who.huber);
      assert.equal(reply.intent, 'data.balance');
      assert.equal(reply.asOf, today());
      assert.match(reply.text, /^Mietkonto Top 7, Linke Wienzeile 48: /);
      assert.deepEqual(byType(reply, 'navigate').map((a) => a.widget), ['statement']);
      assert.equal(reply.html, null);
      assert.ok(reply.score > 0 && reply.score <= 1, String(reply.score));
      assert.ok(reply.conversationId, 'kept');
      assert.equal(await count(s.db, 'chat_messages', { conversation_id: reply.conversationId! }), 2);
    });

    test('a second message with the conversationId continues that conversation; GET /chat/conversations lists it with both turns, newest first', async () => {
      const started = s.clock.now().toISOString();
      const first = await chat({ text: 'Wann wird der Müll abgeholt?' }, who.huber);
      assert.equal(first.intent, 'faq.waste');
      s.clock.advance(5);
      const other = await chat({ text: 'Hallo' }, who.huber);
      assert.notEqual(other.conversationId, first.conversationId, 'no id: a new conversation');
      s.clock.advance(5);
      const second = await chat({ text: 'Danke', conversationId: first.conversationId }, who.huber);
      assert.equal(second.conversationId, first.conversationId);
      assert.equal(second.intent, 'smalltalk.thanks');
      const ended = s.clock.now().toISOString();

      const items = await conversations(who.huber!);
      const ids = items.map((c) => c.id);
      // Newest first by the last message: the continued conversation before the one started after it.
      assert.ok(ids.indexOf(first.conversationId!) < ids.indexOf(other.conversationId!), ids.join());
      const kept = items.find((c) => c.id === first.conversationId)!;
      assert.deepEqual(
        kept.messages.map((m) => [m.role, m.text, m.intent]),
        [
          ['user', 'Wann wird der Müll abgeholt?', null],
          ['bot', first.text, 'faq.waste'],
          ['user', 'Danke', null],
          ['bot', second.text, 'smalltalk.thanks'],
        ],
      );
      assert.ok(kept.startedAt >= started && kept.startedAt <= kept.messages[0]!.createdAt, kept.startedAt);
      const times = kept.messages.map((m) => m.createdAt);
      assert.deepEqual(times, [...times].sort());
      assert.ok(times[0]! >= started && times[3]! <= ended && times[3]! > times[1]!, times.join());
      assert.equal(await count(s.db, 'chat_messages', { conversation_id: first.conversationId! }), 4);
    });

    test('another person\'s conversation — a neighbour\'s, another organization\'s, my own in another organization — answers 404 like an unknown id', async () => {
      const theirs = await chat({ text: 'Hallo' }, who.hofer);
      const kruegerId = await insertConversation(s.db, demo.becker.username, 'krueger', s.clock.now());
      const mineElsewhere = await insertConversation(s.db, demo.lehner.username, 'krueger', s.clock.now());
      const unknown = await send({ text: 'Hallo', conversationId: randomUUID() }, who.huber);
      expectProblem(unknown, 404, 'not_found');
      const shape = (a: Answer) => ({ ...a.body, instance: undefined });
      for (const [session, id] of [[who.huber, theirs.conversationId], [who.huber, kruegerId], [who.lehner, mineElsewhere]] as const) {
        const answer = await send({ text: 'Hallo', conversationId: id }, session);
        expectProblem(answer, 404, 'not_found');
        assert.deepEqual(shape(answer), shape(unknown));
      }
      // Nothing was added to them, and none of them is listed for the one who tried.
      assert.equal(await count(s.db, 'chat_messages', { conversation_id: theirs.conversationId! }), 2);
      assert.equal(await count(s.db, 'chat_messages', { conversation_id: kruegerId }), 2);
      const listed = (await conversations(who.huber!)).map((c) => c.id);
      assert.ok(!listed.includes(theirs.conversationId!) && !listed.includes(kruegerId));
      assert.ok(!(await conversations(who.lehner!)).some((c) => c.id === mineElsewhere), 'only this organization\'s');
      assert.deepEqual((await conversations(who.hofer!)).map((c) => c.id), [theirs.conversationId]);
    });

    test('signed out, a conversationId answers 404 (nothing is continued without a session)', async () => {
      const mine = await chat({ text: 'Hallo' }, who.huber);
      expectProblem(await send({ text: 'Danke', org: 'immopro', conversationId: mine.conversationId }), 404, 'not_found');
      assert.equal(await count(s.db, 'chat_messages', { conversation_id: mine.conversationId! }), 2);
      expectProblem(await call(s.url, '/chat/conversations'), 401);
    });

    test('`org` differing from the session\'s organization answers 404 naming org; the same one is fine', async () => {
      expectField(await send({ text: 'Hallo', org: 'krueger' }, who.huber), 404, 'org', 'unknown_organization');
      expectField(await send({ text: 'Hallo', org: 'nowhere' }, who.huber), 404, 'org', 'unknown_organization');
      assert.equal((await chat({ text: 'Hallo', org: 'immopro' }, who.huber)).intent, 'smalltalk.greeting');
    });

    test('"Wann wird der Lift repariert?": the status of her lift ticket as she sees it', async () => {
      const reply = await chat({ text: 'Wann wird der Lift repariert?' }, who.huber);
      assert.equal(reply.intent, 'data.ticket_status');
      assert.ok(reply.text.startsWith(`Ihr Anliegen ${liftNumber} „${liftSubject}“: In Bearbeitung (seit `), reply.text);
      assert.ok(!reply.text.includes('LD-44791'), 'no internal note');
      assert.equal(reply.asOf, today());
      assert.deepEqual(byType(reply, 'navigate'), [{ type: 'navigate', label: `Anliegen ${liftNumber} öffnen`, widget: 'ticket-list', params: { ticket: liftId } }]);
    });
  });

  describe('signed out with org', () => {
    test('FAQ answers with sanitized HTML; nothing is kept, no conversation id', async () => {
      const before = await count(s.db, 'chat_conversations');
      const messages = await count(s.db, 'chat_messages');
      const waste = await chat({ text: 'Wann wird der Müll abgeholt?', org: 'immopro' });
      assert.equal(waste.intent, 'faq.waste');
      assert.equal(waste.conversationId, null);
      assert.ok(waste.html, 'an FAQ answer has HTML');
      assertSanitized(waste.html!);
      assert.equal(waste.asOf, null);

      // An entry the manager wrote with markup that must not reach the page.
      const created = await call(s.url, '/admin/faq', {
        token: who.pichler!.token,
        body: { key: 'sommerfest', lang: 'de', questions: ['Wann ist das Sommerfest im Innenhof?'], answer: 'Am **Samstag** ab 14 Uhr.\n\n<script>alert(1)</script> <img src=x onerror="alert(1)"> [Plan](javascript:alert(1)) [Anmeldung](https://www.immopro.example/fest)' },
      });
      assert.equal(created.status, 201, created.text);
      const fest = await chat({ text: 'Wann ist das Sommerfest im Innenhof?', org: 'immopro' });
      assert.equal(fest.intent, 'faq.sommerfest');
      assertSanitized(fest.html!);
      assert.match(fest.html!, /<strong>Samstag<\/strong>/);
      assert.match(fest.html!, /&lt;script&gt;/);
      assert.match(fest.html!, /<a href="https:\/\/www\.immopro\.example\/fest"[^>]*>Anmeldung<\/a>/);

      assert.equal(await count(s.db, 'chat_conversations'), before);
      assert.equal(await count(s.db, 'chat_messages'), messages);
    });

    test('own-data questions get the sign-in hint (intent signin, a signin action); nothing is kept', async () => {
      const before = await count(s.db, 'chat_conversations');
      for (const body of [{ text: 'Wie hoch ist mein Kontostand?' }, { text: 'Mein Kontostand', choice: { intent: 'data.balance' } }, { text: 'Wann wird der Lift repariert?' }]) {
        const reply = await chat({ ...body, org: 'immopro' });
        assert.equal(reply.intent, 'signin', `${body.text}: ${reply.intent}`);
        assert.deepEqual(reply.actions.map((a) => a.type), ['signin']);
        assert.deepEqual([reply.conversationId, reply.asOf, reply.items], [null, null, []]);
        assert.ok(!reply.text.includes(liftSubject) && !reply.text.includes('€'), reply.text);
      }
      assert.equal(await count(s.db, 'chat_conversations'), before);
    });

    test('without org 400 naming org; an unknown org 404 naming org', async () => {
      expectField(await send({ text: 'Hallo' }), 400, 'org', 'validation_failed');
      expectField(await send({ text: 'Hallo', org: 'nowhere' }), 404, 'org', 'unknown_organization');
      expectField(await send({ text: 'Hallo', org: 'Not A Slug!' }), 400, 'org', 'validation_failed');
    });
  });

  describe('feature switches', () => {
    test('Krüger has the chat bot off: 403 feature_disabled signed in and signed out', async () => {
      for (const session of [who.becker, who.lehnerKrueger]) expectProblem(await send({ text: 'Hallo' }, session), 403, 'feature_disabled');
      expectProblem(await send({ text: 'Hallo', org: 'krueger' }), 403, 'feature_disabled');
      expectProblem(await send({ text: 'Es riecht nach Gas', org: 'krueger' }), 403, 'feature_disabled');
    });

    test('chatBot.owner false on ImmoPro: an owner gets 403, a tenant and a visitor are answered; on again at once', async () => {
      const id = await organizationId(s.db, 'immopro');
      const original = (await s.db('organizations').where({ id }).first('features')).features as string;
      // A write to organizations through the server's database clears its organization and session caches at once
      // (cache.ts watchWrites): no wait and no second server needed.
      await s.db('organizations').where({ id }).update({ features: JSON.stringify({ ...JSON.parse(original), 'chatBot.owner': false }) });
      try {
        expectProblem(await send({ text: 'Hallo' }, who.wagner), 403, 'feature_disabled');
        assert.equal((await chat({ text: 'Hallo' }, who.huber)).intent, 'smalltalk.greeting');
        assert.equal((await chat({ text: 'Hallo', org: 'immopro' })).intent, 'smalltalk.greeting');
      } finally {
        await s.db('organizations').where({ id }).update({ features: original });
      }
      assert.equal((await chat({ text: 'Hallo' }, who.wagner)).intent, 'smalltalk.greeting');
    });
  });

  describe('choices', () => {
    test('a choice is answered with its intent and score 1', async () => {
      const reply = await chat({ text: 'Mein Kontostand', choice: { intent: 'data.balance' } }, who.huber);
      assert.equal(reply.intent, 'data.balance');
      assert.equal(reply.score, 1);
      assert.equal(reply.asOf, today());
      const nav = await chat({ text: 'Dokumente öffnen', choice: { intent: 'nav.documents' } }, who.huber);
      assert.deepEqual([nav.intent, nav.score, nav.actions.map((a) => a.widget)], ['nav.documents', 1, ['documents']]);
      const faq = await chat({ text: 'Müll', choice: { intent: 'faq.waste' } }, who.huber);
      assert.deepEqual([faq.intent, faq.score], ['faq.waste', 1]);
    });

    test('an intent the bot does not offer is 400 invalid_choice naming choice.intent, also an FAQ entry not for my role', async () => {
      for (const intent of ['faq.nope', 'data.nope', 'nav.nope', 'smalltalk.nope', 'constructor', 'emergency', 'clarify', 'signin', 'faq.reserve_fund']) {
        expectField(await send({ text: 'x', choice: { intent } }, who.huber), 400, 'choice.intent', 'invalid_choice');
      }
      // The owners' entry is there for an owner.
      assert.equal((await chat({ text: 'Rücklage', choice: { intent: 'faq.reserve_fund' } }, who.wagner)).intent, 'faq.reserve_fund');
    });

    test('a ticket number that is not one by the contract\'s pattern is 400', async () => {
      expectField(await send({ text: 'x', choice: { intent: 'data.ticket_status', ticketNumber: '26-1' } }, who.huber), 400, 'choice.ticketNumber', 'validation_failed');
      expectField(await send({ text: 'x', choice: { intent: 'Data.Balance' } }, who.huber), 400, 'choice.intent', 'validation_failed');
      const mine = await chat({ text: liftNumber, choice: { intent: 'data.ticket_status', ticketNumber: liftNumber } }, who.huber);
      assert.ok(mine.text.startsWith(`Ihr Anliegen ${liftNumber} „${liftSubject}“`), mine.text);
    });
  });

  describe('emergency', () => {
    test('"Es riecht nach Gas": the organization\'s numbers as call actions and the damage report with urgency Notfall', async () => {
      const numbers = JSON.parse((await s.db('organizations').where({ slug: 'immopro' }).first('emergency_numbers')).emergency_numbers) as { phone: string }[];
      assert.equal(numbers[0]!.phone, '128');
      const reply = await chat({ text: 'Es riecht nach Gas' }, who.huber);
      assert.equal(reply.intent, 'emergency');
      assert.equal(reply.score, 1);
      assert.match(reply.text, /^Bei Gasgeruch/);
      assert.deepEqual(byType(reply, 'call').map((a) => a.phone), numbers.map((n) => n.phone));
      const [handover, ...more] = byType(reply, 'handover');
      assert.equal(more.length, 0);
      assert.equal(handover!.draft!.form, 'schadensmeldung');
      assert.equal(handover!.draft!.urgency, 'notfall');
      assert.deepEqual(byType(reply, 'signin'), []);

      const visitor = await chat({ text: 'Es riecht nach Gas', org: 'immopro' });
      assert.equal(visitor.intent, 'emergency');
      assert.deepEqual(byType(visitor, 'call').map((a) => a.phone), numbers.map((n) => n.phone));
      assert.deepEqual(byType(visitor, 'handover'), []);
      assert.equal(byType(visitor, 'signin').length, 1);
    });
  });

  describe('questions the bot cannot answer', () => {
    test('off-topic: a hand-over draft with the question as subject; kept without the person, redacted', async () => {
      const before = await count(s.db, 'chat_unanswered');
      const reply = await chat({ text: 'Wie wird das Wetter morgen?' }, who.huber);
      assert.equal(reply.intent, 'handover');
      const [handover] = byType(reply, 'handover');
      assert.deepEqual(handover!.draft, { form: 'allgemeine-anfrage', subject: 'Wie wird das Wetter morgen?', unitId: huberUnit, urgency: null });
      assert.equal(await count(s.db, 'chat_unanswered'), before + 1);

      const columns = Object.keys(await s.db('chat_unanswered').columnInfo());
      for (const column of columns) assert.ok(!/user|person|conversation|member|session|ip/.test(column), `column ${column}`);
      const row = await s.db('chat_unanswered').orderBy('asked_at', 'desc').orderBy('id', 'desc').first();
      assert.equal(row.text, 'Wie wird das Wetter morgen?');
      assert.equal(row.organization_id, await organizationId(s.db, 'immopro'));

      const personal = await chat({ text: 'Wie wird das Wetter morgen? Schreiben Sie mir an anna.berg@example.com, Konto AT61 1904 3002 3457 3201' }, who.huber);
      assert.equal(personal.intent, 'handover');
      const stored = (await s.db('chat_unanswered').orderBy('asked_at', 'desc').orderBy('id', 'desc').first('text')).text as string;
      assert.ok(stored.startsWith('Wie wird das Wetter morgen?'), stored);
      assert.ok(!stored.includes('anna.berg') && !stored.includes('@') && !stored.includes('AT61') && !stored.includes('3201'), stored);
      assert.ok(stored.includes('[E-Mail]') && stored.includes('[IBAN]'), stored);
    });

    test('the hand-over choice after an unanswered question drafts that question, with her one unit', async () => {
      const asked = await chat({ text: 'Wie wird das Wetter morgen?' }, who.huber);
      const thanks = await chat({ text: 'Danke', conversationId: asked.conversationId }, who.huber);
      const label = 'Frage an die Verwaltung senden';
      const reply = await chat({ text: label, choice: { intent: 'handover' }, conversationId: thanks.conversationId }, who.huber);
      assert.equal(reply.intent, 'handover');
      assert.equal(reply.score, 1);
      const [handover] = byType(reply, 'handover');
      assert.deepEqual(handover!.draft, { form: 'allgemeine-anfrage', subject: 'Wie wird das Wetter morgen?', unitId: huberUnit, urgency: null });
      // Without a conversation the draft can only hold what was sent.
      const alone = await chat({ text: label, choice: { intent: 'handover' } }, who.huber);
      assert.equal(byType(alone, 'handover')[0]!.draft!.subject, label);
    });
  });

  describe('rate limit', () => {
    test('more than 30 messages a minute for one user: 429 rate_limited with Retry-After; the next minute it answers again', async () => {
      let conversationId: string | null = null;
      for (let i = 0; i < 30; i++) {
        const reply: ChatReply = await chat({ text: 'Danke', ...(conversationId ? { conversationId } : {}) }, who.hofer);
        conversationId = reply.conversationId;
      }
      const limited = await send({ text: 'Danke', conversationId }, who.hofer);
      expectProblem(limited, 429, 'rate_limited');
      const retry = Number(limited.headers.get('retry-after'));
      assert.ok(Number.isInteger(retry) && retry >= 1 && retry <= 60, String(retry));
      assert.equal(limited.body.retryAfter, retry);
      // Another user is not affected.
      assert.equal((await chat({ text: 'Danke' }, who.huber)).intent, 'smalltalk.thanks');
      s.clock.advance(61);
      assert.equal((await chat({ text: 'Danke', conversationId }, who.hofer)).intent, 'smalltalk.thanks');
      assert.equal(await count(s.db, 'chat_messages', { conversation_id: conversationId! }), 62, 'the refused message was not kept');
    });

    test('signed out: more than 20 messages a minute from one address: 429', async () => {
      for (let i = 0; i < 20; i++) assert.equal((await chat({ text: 'Danke', org: 'immopro' })).intent, 'smalltalk.thanks');
      const limited = await send({ text: 'Danke', org: 'immopro' });
      expectProblem(limited, 429, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      assert.equal((await chat({ text: 'Danke' }, who.huber)).intent, 'smalltalk.thanks', 'a signed-in person counts on her own');
    });
  });

  describe('retention', () => {
    test('conversations past HP_CHAT_RETENTION_DAYS go with their messages; fresh ones stay', async () => {
      const days = s.config.chatRetentionDays;
      const now = s.clock.now();
      const old = await insertConversation(s.db, demo.huber.username, 'immopro', new Date(now.getTime() - (days + 1) * dayMs));
      const fresh = await insertConversation(s.db, demo.huber.username, 'immopro', new Date(now.getTime() - (days - 1) * dayMs));
      // Past its time it is no longer listed, even before the purge has run.
      assert.ok(!(await conversations(who.huber!)).some((c) => c.id === old));
      assert.equal(await purgeConversations(s.db, now, days), 1);
      assert.equal(await count(s.db, 'chat_conversations', { id: old }), 0);
      assert.equal(await count(s.db, 'chat_messages', { conversation_id: old }), 0);
      assert.equal(await count(s.db, 'chat_conversations', { id: fresh }), 1);
      assert.equal(await count(s.db, 'chat_messages', { conversation_id: fresh }), 2);
      const listed = (await conversations(who.huber!)).map((c) => c.id);
      assert.ok(!listed.includes(old) && listed.includes(fresh));
      // The next day past the fresh one's period it goes too.
      assert.equal(await purgeConversations(s.db, new Date(now.getTime() + 2 * dayMs), days), 1);
      assert.equal(await count(s.db, 'chat_conversations', { id: fresh }), 0);
    });

    test('unanswered questions older than 90 days are removed by purgeChatData', async () => {
      const now = s.clock.now();
      const orgId = await organizationId(s.db, 'immopro');
      const row = (text: string, ageDays: number) => {
        const at = new Date(now.getTime() - ageDays * dayMs);
        return { id: newId(at.getTime()), organization_id: orgId, lang: 'de', text, normalized: text.toLowerCase(), candidates: '[]', asked_at: at.toISOString() };
      };
      await s.db('chat_unanswered').insert([row('Alte Frage', unansweredRetentionDays + 1), row('Neuere Frage', unansweredRetentionDays - 1)]);
      assert.equal(await purgeChatData(s.db, now), 1);
      assert.equal(await count(s.db, 'chat_unanswered', { text: 'Alte Frage' }), 0);
      assert.equal(await count(s.db, 'chat_unanswered', { text: 'Neuere Frage' }), 1);
    });
  });

  describe('input', () => {
    test('text over 2000 characters, empty text, an unknown property: 400 naming the field', async () => {
      expectField(await send({ text: 'x'.repeat(2001) }, who.huber), 400, 'text', 'validation_failed');
      expectField(await send({ text: '' }, who.huber), 400, 'text', 'validation_failed');
      expectField(await send({ text: 'Hallo', extra: true }, who.huber), 400, 'extra', 'validation_failed');
      expectField(await send({ text: 'Hallo', org: 'immopro', lang: 'fr' }), 400, 'lang', 'validation_failed');
      expectField(await send({ text: 'Hallo', conversationId: 'nope' }, who.huber), 400, 'conversationId', 'validation_failed');
      assert.equal((await send({ text: 'x'.repeat(2000) }, who.huber)).status, 200, '2000 characters are fine');
    });

    test('text of blanks only is 400 naming text; nothing is kept', async () => {
      const unanswered = await count(s.db, 'chat_unanswered');
      const kept = await count(s.db, 'chat_messages');
      expectField(await send({ text: ' \n\t ' }, who.huber), 400, 'text', 'validation_failed');
      expectField(await send({ text: '   ', org: 'immopro' }), 400, 'text', 'validation_failed');
      assert.equal(await count(s.db, 'chat_unanswered'), unanswered);
      assert.equal(await count(s.db, 'chat_messages'), kept);
    });
  });
});

describe('chat: which answer wins', () => {
  let s: TestServer;
  let huber: Session;
  let pichler: Session;
  const chat = async (body: Record<string, unknown>, session?: Session): Promise<ChatReply> => {
    await s.db('login_attempts').where('key', 'like', 'chat-%').delete();
    const answer = await call(s.url, '/chat/messages', { token: session?.token, body: { lang: 'de', ...body } });
    assert.equal(answer.status, 200, answer.text);
    return answer.body as ChatReply;
  };

  before(async () => {
    s = await startServer();
    huber = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
    pichler = await loginAs(s, managers.pichler);
  });
  after(() => s.close());

  test('an open ticket answers only a question about how far it has got; other questions naming its subject keep their FAQ answer', async () => {
    assert.equal((await chat({ text: 'Wann wird der Lift endlich repariert?' }, huber)).intent, 'data.ticket_status');
    for (const text of ['Darf ich den Lift zum Umzug benutzen?', 'Was tun bei einer Lift-Störung?']) {
      const reply = await chat({ text }, huber);
      assert.notEqual(reply.intent, 'data.ticket_status', `${text}: ${reply.text}`);
    }
  });

  test('an FAQ entry limited to a property answers its residents only, never a visitor who is not signed in', async () => {
    const units = (await call(s.url, '/units', { token: huber.token })).body.items as { propertyId: string }[];
    const entry = { key: 'paketbox', lang: 'de', questions: ['Wie lautet der Code der Paketbox?'], answer: 'Der Code ist **4711**.', propertyIds: [units[0]!.propertyId] };
    assert.equal((await call(s.url, '/admin/faq', { token: pichler.token, body: entry })).status, 201);
    assert.equal((await chat({ text: 'Wie lautet der Code der Paketbox?' }, huber)).intent, 'faq.paketbox');
    const visitor = await chat({ text: 'Wie lautet der Code der Paketbox?', org: 'immopro' });
    assert.notEqual(visitor.intent, 'faq.paketbox');
    assert.ok(!JSON.stringify(visitor).includes('4711'), JSON.stringify(visitor));
  });

  test('"Meinten Sie …?" and then the hand-over: the question joins the unanswered ones', async () => {
    const before = Number((await s.db('chat_unanswered').count({ n: '*' }).first())!.n);
    // Three topics at once: the bot asks back.
    const first = await chat({ text: 'Schlüssel Müllraum Lift' }, huber);
    assert.equal(first.intent, 'clarify', first.text);
    const chosen = await chat({ text: 'Frage an die Verwaltung senden', conversationId: first.conversationId, choice: { intent: 'handover' } }, huber);
    assert.equal(chosen.actions.find((a) => a.type === 'handover')?.draft?.subject, 'Schlüssel Müllraum Lift');
    const rows = await s.db('chat_unanswered').orderBy('asked_at', 'desc').select('text');
    assert.equal(rows.length, before + 1);
    assert.equal(rows[0].text, 'Schlüssel Müllraum Lift');
  });

  test('an emergency lists the numbers for that danger first: the fire brigade for a fire, the gas emergency for gas', async () => {
    const calls = (r: ChatReply) => r.actions.filter((a) => a.type === 'call').map((a) => a.phone);
    assert.equal(calls(await chat({ text: 'Im Keller brennt es!' }, huber))[0], '122');
    assert.equal(calls(await chat({ text: 'Es riecht nach Gas' }, huber))[0], '128');
  });
});
