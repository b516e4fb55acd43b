import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { demo, expectProblem, login, startServer, type Session, type TestServer } from './helpers.ts';
import { json, loginAs, managers, organizationId } from './admin-fixture.ts';
import { redact } from '../src/chat/redact.ts';
import { purgeChatData, recordUnanswered, similarity, termsOf, unansweredGroups } from '../src/chat/unanswered.ts';
import { normalize } from '../src/chat/nlu/normalize.ts';

// The questions the chat bot could not answer (issue 13): redacted before they are stored (no e-mail, phone, IBAN,
// ticket or long number survives), kept 90 days without the person, and shown to the manager grouped by similarity
// (GET /admin/chat/unanswered): largest group first, with its most typical question, examples, last time asked and
// the candidates that came close.

describe('redaction', () => {
  const cases: [string, string][] = [
    ['Meine IBAN ist AT61 1904 3002 3457 3201, bitte abbuchen', 'Meine IBAN ist [IBAN], bitte abbuchen'],
    ['Neues Konto DE89370400440532013000.', 'Neues Konto [IBAN].'],
    ['GB29 NWBK 6016 1331 9268 19 ist meine', '[IBAN] ist meine'],
    ['Schreiben Sie an katharina.huber@example.com oder k_h+1@mail.example.co.at!', 'Schreiben Sie an [E-Mail] oder [E-Mail]!'],
    ['Rufen Sie mich an: +43 664 1234567 oder 0664/123 45 67 oder (01) 890 12 34', 'Rufen Sie mich an: [Telefon] oder [Telefon] oder [Telefon]'],
    ['Was ist mit Ticket 2026-00042?', 'Was ist mit Ticket [Ticketnummer]?'],
    ['Kundennummer 1234567 und Vertrag 123 456 789', 'Kundennummer [Zahl] und Vertrag [Zahl]'],
    // Kept: dates, amounts, years, Top and door numbers, short numbers, words with digits.
    ['Am 01.03.2026 habe ich 1.234,56 € für Top 7, Stiege 3/12 überwiesen (2025 und 2026)', 'Am 01.03.2026 habe ich 1.234,56 € für Top 7, Stiege 3/12 überwiesen (2025 und 2026)'],
    ['Tür 0-12 und 12345 Stück, PLZ 1060', 'Tür 0-12 und 12345 Stück, PLZ 1060'],
    ['', ''],
  ];
  for (const [input, output] of cases) test(`${input || '(empty)'}`, () => assert.equal(redact(input), output));

  test('redacting twice changes nothing', () => {
    for (const [input] of cases) assert.equal(redact(redact(input)), redact(input));
  });
});

describe('similarity', () => {
  const of = (text: string) => {
    const normalized = normalize(text);
    return { normalized, terms: termsOf(normalized) };
  };

  test('stop words do not count and inflected forms meet', () => {
    assert.deepEqual([...termsOf(normalize('Wann wird der Müllraum geputzt?'))], ['muellr', 'geputz']);
    assert.deepEqual([...termsOf(normalize('When is the next owners meeting?'))], ['owners', 'meetin']);
    assert.equal(similarity(of('Wann wird der Müllraum geputzt?'), of('Müllraum geputzt wann?')), 1);
    assert.equal(similarity(of('Wo ist der Kontostand'), of('Kontostandes')), 1);
  });

  test('unrelated questions are not alike; questions of stop words only are alike when equal', () => {
    assert.equal(similarity(of('Wann wird der Müllraum geputzt?'), of('Wie hoch ist die Miete?')), 0);
    assert.equal(similarity(of('Was?'), of('was')), 1);
    assert.equal(similarity(of('Was?'), of('Wie?')), 0);
  });
});

describe('unanswered questions', () => {
  let s: TestServer;
  let pichler: Session;
  let immopro = '';
  let krueger = '';
  const at = new Date('2026-03-10T09:00:00Z');
  const minutesAgo = (n: number) => new Date(at.getTime() - n * 60_000);
  const daysAgo = (n: number) => new Date(at.getTime() - n * 86_400_000);
  const ask = (text: string, when: Date, extra: { lang?: 'de' | 'en'; org?: string; candidates?: string[] } = {}) =>
    recordUnanswered(s.db, { orgId: extra.org ?? immopro, lang: extra.lang ?? 'de', text, candidates: extra.candidates ?? [], at: when });

  before(async () => {
    s = await startServer({ at: at.toISOString() });
    pichler = await loginAs(s, managers.pichler);
    immopro = await organizationId(s.db, 'immopro');
    krueger = await organizationId(s.db, 'krueger');
    await ask('Wann wird der Müllraum geputzt?', minutesAgo(50), { candidates: ['faq.waste'] });
    await ask('Müllraum wann geputzt', minutesAgo(40), { candidates: ['faq.waste', 'faq.staircase_cleaning'] });
    await ask('wann wird der müllraum geputzt', minutesAgo(30), { candidates: ['faq.staircase_cleaning'] });
    await ask('Wann wird der Müllraum endlich geputzt? Mail: a.b@example.com', minutesAgo(20));
    await ask('Darf ich im Hof grillen?', minutesAgo(10), { candidates: ['faq.balcony'] });
    await ask('Im Hof grillen erlaubt?', minutesAgo(5));
    await ask('Gibt es ein Sommerfest?', minutesAgo(1));
    await ask('Is there a summer party?', minutesAgo(2), { lang: 'en' });
    await ask('Wann wird der Müllraum geputzt?', minutesAgo(3), { org: krueger });
    await ask('Wann wird der Müllraum geputzt? (alt)', daysAgo(91));
  });
  after(() => s.close());

  test('are stored redacted, normalized, without the person', async () => {
    const row = await s.db('chat_unanswered').where('text', 'like', '%endlich%').first();
    assert.equal(row.text, 'Wann wird der Müllraum endlich geputzt? Mail: [E-Mail]');
    assert.equal(row.normalized, 'wann wird der muellraum endlich geputzt mail');
    assert.deepEqual(Object.keys(row).sort(), ['asked_at', 'candidates', 'id', 'lang', 'normalized', 'organization_id', 'text']);
  });

  test('are grouped by similarity, largest group first, with the most typical question and the candidates', async () => {
    const groups = await unansweredGroups(s.db, immopro, 'de', at);
    assert.deepEqual(groups.map((g) => g.count), [4, 2, 1]);
    const [bins, yard, party] = groups;
    // Three questions are equally typical; the one asked twice (in two spellings) wins, in its newest spelling.
    assert.equal(bins!.text, 'wann wird der müllraum geputzt');
    assert.deepEqual(bins!.examples, ['Wann wird der Müllraum endlich geputzt? Mail: [E-Mail]', 'wann wird der müllraum geputzt', 'Müllraum wann geputzt'], 'distinct questions, newest first');
    assert.equal(bins!.lastAskedAt, minutesAgo(20).toISOString());
    assert.deepEqual(bins!.candidates, ['faq.staircase_cleaning', 'faq.waste']);
    assert.deepEqual(yard!.examples, ['Im Hof grillen erlaubt?', 'Darf ich im Hof grillen?']);
    assert.deepEqual(yard!.candidates, ['faq.balcony']);
    assert.equal(party!.text, 'Gibt es ein Sommerfest?');
  });

  test('only the language asked for, and only the organization’s; all languages without `lang`', async () => {
    assert.deepEqual((await unansweredGroups(s.db, immopro, 'en', at)).map((g) => g.text), ['Is there a summer party?']);
    assert.equal((await unansweredGroups(s.db, immopro, undefined, at)).reduce((n, g) => n + g.count, 0), 8);
    assert.deepEqual((await unansweredGroups(s.db, krueger, undefined, at)).map((g) => g.count), [1]);
  });

  test('GET /admin/chat/unanswered answers the manager; residents get 403', async () => {
    const a = await json(s.url, '/admin/chat/unanswered?lang=de', pichler.token, 'GET');
    assert.equal(a.status, 200, a.text);
    assert.equal(a.headers.get('cache-control'), 'private, no-store');
    assert.deepEqual(a.body.items.map((g: { count: number }) => g.count), [4, 2, 1]);
    expectProblem(await json(s.url, '/admin/chat/unanswered?lang=fr', pichler.token, 'GET'), 400, 'validation_failed');
    const huber = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
    expectProblem(await json(s.url, '/admin/chat/unanswered', huber.token, 'GET'), 403, 'manager_only');
  });

  test('are kept 90 days: older ones are not shown and the purge removes them', async () => {
    assert.ok(!(await unansweredGroups(s.db, immopro, 'de', at)).some((g) => g.examples.some((e) => e.includes('(alt)'))));
    assert.equal(await purgeChatData(s.db, at), 1);
    assert.equal(await s.db('chat_unanswered').where('text', 'like', '%(alt)%').first(), undefined);
    assert.equal(await purgeChatData(s.db, at), 0);
  });
});
