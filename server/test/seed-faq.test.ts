import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from './helpers.ts';
import { organizationId } from './admin-fixture.ts';
import { starterFaq, starterFaqKeys, type StarterFaqEntry } from '../src/seed/faq-data.ts';
import { addStarterFaq } from '../src/seed/faq.ts';
import { checkFaqInput } from '../src/chat/faq.ts';
import { renderFaqAnswer } from '../src/chat/faq-markdown.ts';

// The starter FAQ of the chat bot (issue 13): every key of the set in German and English for Austria and Germany,
// in the limits of the contract (FaqEntryInput), with the words of each country, roles where an answer is only for
// tenants or owners, answers that render to the allowed HTML; the demo seed writes it for both organizations,
// together with their emergency numbers.

const keys = [
  'waste', 'bulky_waste', 'lift_fault', 'keys', 'house_rules', 'subletting', 'pets', 'parking', 'operating_costs_statement',
  'payment_details', 'meter_reading', 'chimney_sweep', 'termination', 'heating', 'hot_water', 'mould', 'noise', 'bicycles', 'laundry',
  'cellar', 'name_plate', 'moving_out', 'deposit', 'direct_debit', 'bank_details_change', 'contact_details_change', 'alterations',
  'balcony', 'satellite_dish', 'smoke_detector', 'insurance_damage', 'owners_meeting', 'reserve_fund', 'house_money',
  'staircase_cleaning', 'winter_service', 'pests', 'internet_tv', 'portal_access', 'rent_adjustment', 'energy_certificate', 'ev_charging',
];
const ownerOnly = ['owners_meeting', 'reserve_fund', 'house_money'];
const tenantOnly = ['subletting', 'termination', 'deposit', 'rent_adjustment'];

const textOf = (entries: StarterFaqEntry[], lang: 'de' | 'en') => entries.filter((e) => e.lang === lang).map((e) => `${e.questions.join(' ')} ${e.answer}`).join(' ');

describe('the starter FAQ', () => {
  for (const country of ['AT', 'DE'] as const) {
    test(`${country}: every key once in de and en, within the contract's limits`, () => {
      const entries = starterFaq(country);
      assert.deepEqual([...starterFaqKeys], keys);
      assert.equal(entries.length, keys.length * 2);
      for (const lang of ['de', 'en'] as const) assert.deepEqual(entries.filter((e) => e.lang === lang).map((e) => e.key), keys, lang);
      for (const e of entries) {
        const where = `${country} ${e.key} ${e.lang}`;
        assert.match(e.key, /^[a-z0-9][a-z0-9_-]{0,59}$/, where);
        assert.ok(e.questions.length >= 4 && e.questions.length <= 8, `${where}: ${e.questions.length} questions`);
        assert.ok(e.questions.every((q) => q.trim().length >= 2 && q.length <= 300), where);
        assert.equal(new Set(e.questions.map((q) => q.toLowerCase())).size, e.questions.length, `${where}: no repeated question`);
        assert.ok(e.answer.length >= 100 && e.answer.length <= 4000, `${where}: ${e.answer.length} characters`);
        assert.ok(e.category.length >= 1 && e.category.length <= 60, where);
        assert.deepEqual(checkFaqInput(e).questions, e.questions, `${where}: passes the manager API's rules unchanged`);
      }
    });

    test(`${country}: owner-only and tenant-only answers carry their role, the others none`, () => {
      for (const e of starterFaq(country)) {
        const want = ownerOnly.includes(e.key) ? ['owner'] : tenantOnly.includes(e.key) ? ['tenant'] : undefined;
        assert.deepEqual(e.roles, want, `${e.key} ${e.lang}`);
      }
    });

    test(`${country}: every answer renders to HTML with only the allowed tags and keeps its text`, () => {
      for (const e of starterFaq(country)) {
        const { html, text } = renderFaqAnswer(e.answer);
        assert.doesNotMatch(html.replace(/<\/?(?:p|strong|em|ul|ol|li)>|<br \/>|<\/a>|<a href="tel:[0-9+ ]+" rel="noopener noreferrer" target="_blank">/g, ''), /[<>]/, `${e.key} ${e.lang}`);
        assert.ok(text.length > 50 && !text.includes('**'), `${e.key} ${e.lang}`);
      }
    });
  }

  test('Austrian words for Austria, German ones for Germany', () => {
    const at = textOf(starterFaq('AT'), 'de');
    const de = textOf(starterFaq('DE'), 'de');
    for (const word of ['Rauchfangkehrer', 'Stiege', 'Hausbetreuung', 'BK-Abrechnung', 'Top', 'Vorschreibung', 'Mistplatz', 'MRG', 'WEG', 'ABGB']) assert.match(at, new RegExp(`\\b${word}`), word);
    for (const word of ['Schornsteinfeger', 'Treppenhaus', 'Hausmeister', 'Nebenkostenabrechnung', 'Wohnung', 'Hausgeld', 'BGB', 'BetrKV', 'WEG']) assert.match(de, new RegExp(`\\b${word}`), word);
    for (const word of ['Rauchfangkehrer', 'Stiege\\b', 'Hausbetreuung', 'Mistkübel', 'Vorschreibung', 'MRG', 'ABGB', 'Top\\b']) assert.doesNotMatch(de, new RegExp(`\\b${word}`), word);
    for (const word of ['Schornsteinfeger', 'BGB', 'BetrKV', 'Nebenkostenabrechnung']) assert.doesNotMatch(at, new RegExp(`\\b${word}`), word);
    assert.match(textOf(starterFaq('AT'), 'en'), /chimney sweep/);
  });

  test('a fresh copy on every call', () => {
    const a = starterFaq('AT');
    a[0]!.questions.push('changed');
    assert.notDeepEqual(starterFaq('AT')[0]!.questions, a[0]!.questions);
  });
});

describe('the demo seed', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  const entriesOf = async (slug: string) => s.db('faq_entries').where({ organization_id: await organizationId(s.db, slug) }).orderBy('sort').orderBy('lang').select('*');

  test('writes the starter FAQ of its country for both organizations', async () => {
    const immopro = await entriesOf('immopro');
    const krueger = await entriesOf('krueger');
    assert.equal(immopro.length, 84);
    assert.equal(krueger.length, 84);
    const chimney = (rows: { key: string; lang: string; questions: string }[]) => JSON.parse(rows.find((r) => r.key === 'chimney_sweep' && r.lang === 'de')!.questions).join(' ');
    assert.match(chimney(immopro), /Rauchfangkehrer/);
    assert.match(chimney(krueger), /Schornsteinfeger/);
    const waste = immopro.find((r) => r.key === 'waste' && r.lang === 'de')!;
    assert.deepEqual({ html: waste.answer_html, text: waste.answer_text }, renderFaqAnswer(waste.answer_md));
    assert.deepEqual(JSON.parse(immopro.find((r) => r.key === 'house_money')!.roles), ['owner']);
    assert.deepEqual(JSON.parse(waste.roles), ['tenant', 'owner']);
    assert.deepEqual(immopro.slice(0, 4).map((r) => [r.key, r.lang, r.sort]), [['waste', 'de', 0], ['waste', 'en', 0], ['bulky_waste', 'de', 1], ['bulky_waste', 'en', 1]]);
  });

  test('adding the set again changes nothing', async () => {
    const org = await organizationId(s.db, 'immopro');
    const before = await entriesOf('immopro');
    assert.equal(await addStarterFaq(s.db, org, 'AT', '2030-01-01T00:00:00.000Z'), 84);
    assert.deepEqual(await entriesOf('immopro'), before);
  });

  test('both organizations have their emergency numbers', async () => {
    const phones = async (slug: string) => JSON.parse((await s.db('organizations').where({ slug }).first('emergency_numbers')).emergency_numbers).map((n: { phone: string }) => n.phone);
    const immopro = await phones('immopro');
    for (const phone of ['128', '122', '112']) assert.ok(immopro.includes(phone), `ImmoPro ${phone}`);
    const krueger = await phones('krueger');
    for (const phone of ['112', '110']) assert.ok(krueger.includes(phone), `Krüger ${phone}`);
    const gas = JSON.parse((await s.db('organizations').where({ slug: 'krueger' }).first('emergency_numbers')).emergency_numbers)[0];
    assert.match(gas.label.de, /Gas-Notdienst/);
  });
});
