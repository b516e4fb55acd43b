import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ChatMatcher,
  amountToCents,
  contentTerms,
  extractEntities,
  labelOf,
  maxLabelLength,
  normalize,
  safetyRule,
  splitCompound,
} from '../src/chat/nlu/index.ts';
import type { FaqForChat } from '../src/chat/types.ts';

// The chat bot's language understanding (issue 13), piece by piece: normalization, the emergency rules (and what
// they must not take for an emergency), entities, compound splitting and the decision between answer, "Meinten
// Sie …?" and none. The matcher runs on a small FAQ of its own here; chat-quality.test.ts runs the starter FAQ.

const faq = (key: string, lang: 'de' | 'en', ...questions: string[]): FaqForChat => ({ key, lang, questions, answerText: `${key} answer`, answerHtml: `<p>${key}</p>` });

const fixtureFaq: FaqForChat[] = [
  faq('waste', 'de', 'Wohin mit dem Müll?', 'Wann kommt die Abfuhr?', 'Mülltrennung im Haus'),
  faq('waste', 'en', 'Where do I put my rubbish?', 'When is the collection?'),
  faq('heating', 'de', 'Der Heizkörper wird nicht warm', 'Thermostat defekt'),
  faq('chimney_sweep', 'de', 'Wann kommt der Schornsteinfeger?'),
  faq('parking', 'de', 'Parkplatz in der Garage mieten'),
  faq('garage_rules', 'de', 'Regeln für Parkplatz und Garage'),
];
const matcher = new ChatMatcher(fixtureFaq);

describe('normalize', () => {
  test('lower case, umlauts and ß folded, punctuation stripped, whitespace collapsed', () => {
    assert.equal(normalize('Wie hoch ist mein Kontostand?!'), 'wie hoch ist mein kontostand');
    assert.equal(normalize('Müllabfuhr, Größe & Schlüssel'), 'muellabfuhr groesse schluessel');
    assert.equal(normalize('  BK-Abrechnung\t\n2025 …  '), 'bk abrechnung 2025');
    assert.equal(normalize("What's the status?"), 'whats the status');
    assert.equal(normalize('Café Ä Ö Ü'), 'cafe ae oe ue');
    assert.equal(normalize('?!…'), '');
  });

  test('NFC first: a decomposed umlaut folds like a composed one', () => {
    assert.equal(normalize('Mu\u0308ll'), 'muell');
    assert.equal(normalize('Mu\u0308ll'), normalize('Müll'));
  });

  test('at most 500 characters', () => {
    assert.equal(normalize('ä'.repeat(400)).length, 500);
    assert.equal(normalize('a '.repeat(1000)).length, 499, 'no trailing space after the cut');
  });
});

describe('safety rules', () => {
  const rule = (text: string) => safetyRule(normalize(text));

  test('emergencies in German and English, by rule', () => {
    const cases: [string, string][] = [
      ['Es riecht nach Gas im Stiegenhaus!', 'gas'],
      ['Gasgeruch im Keller', 'gas'],
      ['GAS!!', 'gas'],
      ['I smell gas in the hallway', 'gas'],
      ['Im Keller brennt es', 'fire'],
      ['Feuer in der Garage', 'fire'],
      ['Brand im Müllraum', 'fire'],
      ['Rauch kommt aus der Wohnung nebenan', 'fire'],
      ['Rauchmelder schlägt Alarm und es riecht verbrannt', 'fire'],
      ['There is a fire in the basement', 'fire'],
      ['smoke coming from the flat below', 'fire'],
      ['Wasserrohrbruch in der Küche', 'water'],
      ['Rohrbruch, Wasser spritzt überall', 'water'],
      ['Überschwemmung im Keller', 'water'],
      ['Die Wohnung steht unter Wasser', 'water'],
      ['A pipe burst and the kitchen is flooded', 'water'],
      ['Es rinnt Wasser von der Decke', 'water'],
      ['water is pouring through the ceiling', 'water'],
      ['Ich hab einen Stromschlag bekommen', 'power'],
      ['Beim Lichtschalter sprühen Funken', 'power'],
      ['Im Stiegenhaus liegt ein Kabel frei', 'power'],
      ['got an electric shock from the socket', 'power'],
      ['Ich stecke im Lift fest', 'lift'],
      ['Mein Sohn ist im Aufzug eingesperrt', 'lift'],
      ['Der Lift ist steckengeblieben und ich bin drin', 'lift'],
      ['Someone is stuck in the elevator', 'lift'],
    ];
    for (const [text, expected] of cases) assert.equal(rule(text), expected, text);
  });

  test('no emergency: compounds, a beeping smoke detector, bills, light, smoking, a lift out of order', () => {
    const calm = [
      'Wann kommt der Rauchfangkehrer?',
      'rauchfangkehra termin',
      'Mein Rauchmelder piept',
      'Rauchmelder Batterie wechseln',
      'The smoke detector keeps beeping, battery low',
      'Wo ist der Feuerlöscher?',
      'Zahlt die Feuerversicherung?',
      'fire insurance',
      'Die Gasrechnung ist zu hoch',
      'Wann wird das Gas abgelesen?',
      'Im Stiegenhaus brennt das Licht die ganze Nacht',
      'Darf ich am Balkon rauchen?',
      'Der Rauch von der Zigarette des Nachbarn zieht herein',
      'Der Lift ist kaputt',
      'Der Lift bleibt ständig stecken',
      'Das Internet funkt nicht',
      'Wasserschaden, zahlt die Versicherung?',
      'Wasser tropft von der Decke',
      'Water is dripping from the ceiling',
      'Brandschutz im Keller',
      'brand new fridge',
    ];
    for (const text of calm) assert.equal(rule(text), null, text);
  });

  test('the matcher answers an emergency before anything else', () => {
    assert.deepEqual(matcher.decide('Es riecht nach Gas, Müll', 'de'), { kind: 'emergency', rule: 'gas' });
    assert.deepEqual(matcher.decide('flooded basement', 'en', () => false), { kind: 'emergency', rule: 'water' });
  });
});

describe('entities', () => {
  const today = '2026-03-15';

  test('ticket number, Top/Tür/Wohnung number as written', () => {
    assert.deepEqual(extractEntities('Status von 2026-00042 bitte', today), { ticketNumber: '2026-00042' });
    assert.deepEqual(extractEntities('Saldo Top 7', today), { top: '7' });
    assert.deepEqual(extractEntities('Tür 3/12: Heizung kalt', today), { top: '3/12' });
    assert.deepEqual(extractEntities('W2 hat keinen Strom', today), { top: 'W2' });
    assert.deepEqual(extractEntities('Wohnung 5a', today), { top: '5a' });
    assert.deepEqual(extractEntities('meine Wohnung ist kalt', today), {});
  });

  test('months and years, relative to the organization\'s day', () => {
    assert.deepEqual(extractEntities('Zahlung letzten Monat', today), { month: 2, year: 2026 });
    assert.deepEqual(extractEntities('Zahlung vorigen Monat', '2026-01-10'), { month: 12, year: 2025 });
    assert.deepEqual(extractEntities('last month', '2026-01-31'), { month: 12, year: 2025 });
    assert.deepEqual(extractEntities('Vorschreibung diesen Monat', today), { month: 3, year: 2026 });
    assert.deepEqual(extractEntities('next month', '2026-12-01'), { month: 1, year: 2027 });
    assert.deepEqual(extractEntities('BK-Abrechnung 2025', today), { year: 2025 });
    assert.deepEqual(extractEntities('Jänner 2024', today), { month: 1, year: 2024 });
    assert.deepEqual(extractEntities('im Dezember bezahlt', today), { month: 12, year: 2025 }, 'the latest December');
    assert.deepEqual(extractEntities('im Feber', today), { month: 2, year: 2026 });
    assert.deepEqual(extractEntities('payment in May', today), { month: 5, year: 2025 });
    assert.deepEqual(extractEntities('May I keep a dog?', today), {}, '"may" the verb is no month');
    assert.deepEqual(extractEntities('heuer', today), { year: 2026 });
    assert.deepEqual(extractEntities('letztes Jahr', today), { year: 2025 });
  });

  test('amounts with a currency, in cents', () => {
    assert.deepEqual(extractEntities('120 € überwiesen', today), { amountCents: 12000 });
    assert.deepEqual(extractEntities('1.234,56 Euro', today), { amountCents: 123456 });
    assert.deepEqual(extractEntities('EUR 80', today), { amountCents: 8000 });
    assert.deepEqual(extractEntities('€80.50', today), { amountCents: 8050 });
    assert.deepEqual(extractEntities('120,- €', today), { amountCents: 12000 });
    assert.deepEqual(extractEntities('Top 7, 2025, 300 Euro', today), { top: '7', year: 2025, amountCents: 30000 });
    assert.deepEqual(extractEntities('ich zahle 120 im Monat', today), {}, 'a number without a currency is no amount');
    assert.equal(amountToCents('1,234.56'), 123456);
    assert.equal(amountToCents('1.234'), 123400);
    assert.equal(amountToCents('12,5'), 1250);
  });

  test('nothing named, nothing found; odd input does not throw', () => {
    assert.deepEqual(extractEntities('', today), {});
    assert.deepEqual(extractEntities('💥'.repeat(2000), today), {});
  });
});

describe('compounds', () => {
  const known = (words: string[]) => (term: string) => words.includes(term);

  test('an unknown compound splits into known words of at least four letters', () => {
    assert.deepEqual(splitCompound('muellabfuhr', known(['muell', 'abfuhr'])), { parts: ['muell', 'abfuhr'], unknown: [] });
    assert.deepEqual(splitCompound('heizkoerperthermostat', known(['heizkoerper', 'thermostat', 'heiz'])), { parts: ['heizkoerper', 'thermostat'], unknown: [] });
  });

  test('linking elements, unknown rests, and the word is never its own part', () => {
    assert.deepEqual(splitCompound('wohnungsschluessel', known(['wohnung', 'schluessel'])), { parts: ['wohnung', 'schluessel'], unknown: [] });
    assert.deepEqual(splitCompound('kellerparty', known(['keller'])), { parts: ['keller'], unknown: ['party'] });
    assert.deepEqual(splitCompound('muell', known(['muell'])), { parts: [], unknown: ['muell'] });
    assert.deepEqual(splitCompound('abc', known([])), { parts: [], unknown: ['abc'] });
  });

  test('the matcher splits unknown compounds of the message against its index', () => {
    assert.deepEqual(matcher.decide('Müllabfuhr', 'de'), { kind: 'answer', intent: 'faq.waste', score: matcher.rank('Müllabfuhr')[0]!.score });
    assert.equal(answerOf('Heizkörperthermostat', 'de'), 'faq.heating');
  });
});

const answerOf = (text: string, lang: 'de' | 'en', allow?: (intent: string) => boolean): string => {
  const decision = matcher.decide(text, lang, allow);
  return decision.kind === 'answer' ? decision.intent : decision.kind;
};

describe('decision', () => {
  test('answers the fixed intents, typos and stop words included', () => {
    assert.equal(answerOf('Wie hoch ist mein Kontostand?', 'de'), 'data.balance');
    assert.equal(answerOf('Kontostant bitte', 'de'), 'data.balance');
    assert.equal(answerOf('Hallo, wie hoch ist mein Kontostand?', 'de'), 'data.balance', 'a greeting does not decide');
    assert.equal(answerOf('Hallo', 'de'), 'smalltalk.greeting');
    assert.equal(answerOf('Danke!', 'de'), 'smalltalk.thanks');
    assert.equal(answerOf('What can you do?', 'en'), 'smalltalk.help', 'stop words only');
    assert.equal(answerOf('Ich möchte mit einem Menschen sprechen', 'de'), 'handover');
    assert.equal(answerOf('Wie ist der Status von 2026-00042?', 'de'), 'data.ticket_status');
    assert.equal(answerOf('2026-00042', 'de'), 'data.ticket_status', 'a ticket number alone');
  });

  test('synonyms find each other: Rauchfangkehra finds the Schornsteinfeger, rubbish finds Müll', () => {
    assert.equal(answerOf('rauchfangkehra', 'de'), 'faq.chimney_sweep');
    assert.equal(answerOf('Wann kommt der Kaminkehrer?', 'de'), 'faq.chimney_sweep');
    assert.equal(answerOf('Müll', 'de'), 'faq.waste');
    assert.equal(answerOf('garbage', 'en'), 'faq.waste');
  });

  test('no clear winner: "Meinten Sie …?" with at most three candidates, best first', () => {
    const decision = matcher.decide('Parkplatz Garage', 'de');
    assert.equal(decision.kind, 'clarify');
    if (decision.kind !== 'clarify') return;
    assert.ok(decision.candidates.length >= 2 && decision.candidates.length <= 3);
    assert.deepEqual(new Set(decision.candidates.slice(0, 2).map((c) => c.intent)), new Set(['faq.parking', 'faq.garage_rules']));
    for (const [i, c] of decision.candidates.entries()) {
      assert.ok(c.score > 0 && c.score <= 1);
      if (i > 0) assert.ok(c.score <= decision.candidates[i - 1]!.score);
    }
  });

  test('nothing: none, with weak candidates or none at all', () => {
    assert.deepEqual(matcher.decide('Wie wird das Wetter morgen?', 'de'), { kind: 'none', candidates: [] });
    assert.deepEqual(matcher.decide('', 'de'), { kind: 'none', candidates: [] });
    assert.deepEqual(matcher.decide('?!', 'en'), { kind: 'none', candidates: [] });
    const weak = matcher.decide('Wann fährt der Zug nach Salzburg?', 'de');
    assert.equal(weak.kind, 'none');
    if (weak.kind === 'none') assert.ok(weak.candidates.length <= 3);
  });

  test('allow leaves out intents the asker may not get', () => {
    assert.equal(answerOf('Müll', 'de', (intent) => intent !== 'faq.waste'), 'none');
    const onlyParking = (intent: string) => intent !== 'faq.garage_rules';
    assert.equal(answerOf('Parkplatz Garage', 'de', onlyParking), 'faq.parking');
  });

  test('scores are 0–1, best first', () => {
    const ranked = matcher.rank('Wann kommt die Müllabfuhr?');
    assert.equal(ranked[0]!.intent, 'faq.waste');
    for (const c of ranked) assert.ok(c.score >= 0 && c.score <= 1, JSON.stringify(c));
  });

  test('content words: stop words go, a message of stop words only keeps its words', () => {
    assert.deepEqual(contentTerms(normalize('Wie hoch ist bitte mein Kontostand?')), ['hoch', 'kontostand']);
    assert.deepEqual(contentTerms(normalize('Was kannst du?')), ['kannst']);
    assert.deepEqual(contentTerms(normalize('what can you do')), ['what', 'can', 'you', 'do']);
  });
});

describe('labels', () => {
  test('fixed labels in both languages, the FAQ entry\'s first question, unknown as is', () => {
    assert.equal(labelOf('data.balance', 'de'), 'Mein Kontostand');
    assert.equal(labelOf('data.balance', 'en'), 'My balance');
    assert.equal(labelOf('faq.waste', 'de', fixtureFaq), 'Wohin mit dem Müll?');
    assert.equal(labelOf('faq.waste', 'en', fixtureFaq), 'Where do I put my rubbish?');
    assert.equal(labelOf('faq.heating', 'en', fixtureFaq), 'Der Heizkörper wird nicht warm', 'the other language when missing');
    assert.equal(matcher.labelOf('faq.parking', 'de'), 'Parkplatz in der Garage mieten');
    assert.equal(labelOf('faq.unknown', 'de', fixtureFaq), 'faq.unknown');
  });

  test('a long question is cut at a word and ends with …', () => {
    const long = faq('long', 'de', 'Was muss ich beachten, wenn ich während eines längeren Auslandsaufenthalts meine Wohnung weitergeben möchte?');
    const label = labelOf('faq.long', 'de', [long]);
    assert.ok(label.length <= maxLabelLength, label);
    assert.ok(label.endsWith('…'));
    assert.ok(long.questions[0]!.startsWith(label.slice(0, -1)));
  });
});
