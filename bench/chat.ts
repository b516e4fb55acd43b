// The chat bot (DESIGN §9, issue 13): how well and how fast it understands, measured in this process on the shipped
// Austrian starter FAQ and the quality test set (server/test/fixtures/chat-utterances.ts): in-domain top-1 accuracy
// (budget ≥ 90 %), off-topic sentences answered with an intent (budget ≤ 2 %), the time to build one organization's
// matcher and the median time of one decision. Then the whole request: POST /api/chat/messages on the real server
// (TypeScript source, fresh demo database) as Katharina Huber, median and p95 of sequential requests for an own-data
// answer (balance), an FAQ answer and an off-topic one (kept under the rate limit of 30 a minute).
import { performance } from 'node:perf_hooks';
import { startServer, demoLogin } from '../e2e/server.ts';
import { apiLogin } from '../e2e/api.ts';
import { ChatMatcher } from '../server/src/chat/nlu/index.ts';
import { renderFaqAnswer } from '../server/src/chat/faq-markdown.ts';
import { starterFaq } from '../server/src/seed/faq-data.ts';
import { inDomain, outOfDomain, version } from '../server/test/fixtures/chat-utterances.ts';
import type { BenchModule, Measurement, Section } from './lib/types.js';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;
const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

function understanding(): Measurement[] {
  const faq = starterFaq('AT').map((e) => {
    const { html, text } = renderFaqAnswer(e.answer);
    return { key: e.key, lang: e.lang, questions: e.questions, answerText: text, answerHtml: html };
  });
  const builds: number[] = [];
  let matcher = new ChatMatcher(faq);
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    matcher = new ChatMatcher(faq);
    builds.push(performance.now() - start);
  }
  const times: number[] = [];
  let right = 0;
  for (const u of inDomain) {
    const start = performance.now();
    const d = matcher.decide(u.text, u.lang);
    times.push(performance.now() - start);
    const intent = d.kind === 'answer' ? d.intent : d.kind === 'emergency' ? 'emergency' : d.kind === 'none' ? 'handover' : 'clarify';
    if (intent === u.intent) right++;
  }
  let accepted = 0;
  for (const u of outOfDomain) {
    const d = matcher.decide(u.text, u.lang);
    if (d.kind === 'answer' && d.intent !== 'handover') accepted++;
  }
  return [
    { what: `in-domain top-1 (${inDomain.length} utterances, set v${version})`, value: round((100 * right) / inDomain.length, 1), unit: '%', budget: { limit: 90, compare: 'min' } },
    { what: `off-topic answered (${outOfDomain.length} sentences)`, value: round((100 * accepted) / outOfDomain.length, 1), unit: '%', budget: { limit: 2, compare: 'max' } },
    { what: `build one organization's matcher (${faq.length} FAQ entries), median of 5`, value: round(median(builds)), unit: 'ms' },
    { what: 'one decision, median', value: round(median(times), 3), unit: 'ms', extra: { p95: round(p95(times), 3) } },
  ];
}

async function requests(): Promise<Measurement[]> {
  const server = await startServer();
  try {
    const token = await apiLogin(server.url, demoLogin('katharina.huber@example.com'));
    const ask = async (text: string): Promise<number> => {
      const start = performance.now();
      const res = await fetch(`${server.url}/api/chat/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: server.url },
        body: JSON.stringify({ text, lang: 'de' }),
      });
      await res.text();
      if (!res.ok) throw new Error(`POST /api/chat/messages → ${res.status}`);
      return performance.now() - start;
    };
    const rows: Measurement[] = [];
    for (const [what, text] of [
      ['own data (balance)', 'Wie hoch ist mein Kontostand?'],
      ['FAQ answer', 'Wann kommt der Rauchfangkehrer?'],
      ['off-topic (hand-over offer)', 'Wie wird das Wetter morgen?'],
    ] as const) {
      await ask(text);
      const times: number[] = [];
      for (let i = 0; i < 8; i++) times.push(await ask(text));
      rows.push({ what: `POST /api/chat/messages, ${what}, median of 8`, value: round(median(times)), unit: 'ms', extra: { p95: round(p95(times)) } });
    }
    return rows;
  } finally {
    await server.stop();
  }
}

export const chat: BenchModule = {
  id: 'chat',
  title: 'Chat bot: understanding and answer time',
  async run(): Promise<Section> {
    return {
      id: 'chat',
      title: 'Chat bot: understanding and answer time',
      measurements: [...understanding(), ...(await requests())],
      notes: [
        'Accuracy on the quality test set with the Austrian starter FAQ; a "Meinten Sie …?" counts as wrong in-domain and as not answered off-topic.',
        'Requests: sequential, signed in as the demo tenant Katharina Huber, server from source on a fresh demo SQLite database.',
      ],
    };
  },
};
