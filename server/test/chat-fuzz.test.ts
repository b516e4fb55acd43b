import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { call, demo, login, startServer, type Session, type TestServer } from './helpers.ts';
import { ChatMatcher, extractEntities, normalize, maxNormalizedLength } from '../src/chat/nlu/index.ts';
import { renderFaqAnswer } from '../src/chat/faq-markdown.ts';
import { starterFaq } from '../src/seed/faq-data.ts';

// Property-based checks of the chat bot: whatever text arrives, understanding never throws and always decides one of
// its four outcomes; whatever body arrives at POST /chat/messages, the answer is a ChatReply or a problem (the test
// server checks every JSON answer against openapi.yaml, so a reply of the wrong shape would be a 500), never a 5xx.

const texts = fc.oneof(
  fc.string({ maxLength: 600 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom('Kontostand', 'Müll', 'Gas', 'Lift', 'Top', '7', '2026-00042', 'ä', 'ß', '€', '\u200b', '\u202e', 'rauchfangkehra', 'bitte', '?!'), { maxLength: 40 }).map((w) => w.join(' ')),
);

describe('chat fuzz: understanding', () => {
  const faq = starterFaq('AT').map((e) => ({ key: e.key, lang: e.lang, questions: e.questions, answerText: renderFaqAnswer(e.answer).text, answerHtml: renderFaqAnswer(e.answer).html }));
  const matcher = new ChatMatcher(faq);

  test('normalize, entities and decide take any text: no throw, at most 500 characters, one of the four outcomes with scores 0–1', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom('de' as const, 'en' as const), (text, lang) => {
        assert.ok(normalize(text).length <= maxNormalizedLength);
        extractEntities(text, '2026-11-30');
        const d = matcher.decide(text, lang);
        assert.ok(['emergency', 'answer', 'clarify', 'none'].includes(d.kind));
        if (d.kind === 'answer') assert.ok(d.score >= 0 && d.score <= 1, `${d.score}`);
        if (d.kind === 'clarify') assert.ok(d.candidates.length >= 1 && d.candidates.length <= 3);
      }),
      { numRuns: 400 },
    );
  });
});

describe('chat fuzz: POST /chat/messages', () => {
  let s: TestServer;
  let huber: Session;
  before(async () => {
    s = await startServer();
    huber = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
  });
  after(() => s.close());

  const bodies = fc.record(
    {
      text: fc.oneof(texts, fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })),
      org: fc.oneof(fc.constantFrom('immopro', 'krueger', 'nope', ''), fc.string({ maxLength: 70 })),
      lang: fc.oneof(fc.constantFrom('de', 'en'), fc.string({ maxLength: 3 })),
      conversationId: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
      choice: fc.record(
        {
          intent: fc.oneof(fc.constantFrom('data.balance', 'data.ticket_status', 'faq.waste', 'faq.__proto__', 'handover', 'nav.documents', 'smalltalk.help'), fc.string({ maxLength: 90 })),
          unitId: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
          ticketNumber: fc.oneof(fc.constantFrom('2026-00001', '0000-00000'), fc.string({ maxLength: 12 })),
        },
        { requiredKeys: [] },
      ),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  );

  test('any body, signed in or not: 200 with a ChatReply, or a 4xx problem; never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, fc.boolean(), async (body, signedIn) => {
        // The rate limit is not under test here.
        await s.db('login_attempts').where('key', 'like', 'chat-%').delete();
        const a = await call(s.url, '/chat/messages', { body, ...(signedIn ? { token: huber.token } : {}) });
        assert.ok(a.status < 500, `${a.status} for ${JSON.stringify(body)}: ${a.text}`);
        if (a.status === 200) assert.equal(typeof a.body.intent, 'string');
        else assert.equal(a.headers.get('content-type')?.startsWith('application/problem+json'), true, a.text);
      }),
      { numRuns: 120 },
    );
  });
});
