import { after, before, describe, test } from 'node:test';
import { dayIn } from '../src/calendar.ts';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Db } from '../src/db.ts';
import { pdfString, textPdf } from '../src/seed/pdf.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { seedBig } from '../src/seed/big.ts';
import { releasesReaching } from '../src/access/releases.ts';
import { freshDatabase, type TestDatabase } from './helpers.ts';

// The demo seed's units and money, checked directly in the database: line arithmetic, year-end carry-forwards,
// open amounts, the stories of Top W2 and Top 7, and the receipts' bytes. Run for today and for clocks at the
// start of a year and of a month, where the stories must still hold.

interface Entry {
  contract_id: string;
  booked_on: string;
  seq: number;
  kind: string;
  amount_cents: number;
  open_cents: number;
  dunning_level: number;
  due_on: string | null;
  doc_no: string;
}

const vatOf = (net: number, bp: number) => Math.round((net * bp) / 10000);
const n = (v: unknown) => Number(v);

async function contractOf(db: Db, property: string, top: string, person: string) {
  const row = await db('contracts as c')
    .join('units as u', 'u.id', 'c.unit_id')
    .join('properties as p', 'p.id', 'u.property_id')
    .join('persons as pe', 'pe.id', 'c.person_id')
    .where({ 'p.name': property, 'u.top': top, 'pe.name': person })
    .first('c.*', 'u.edv_no');
  assert.ok(row, `${person} on ${top} in ${property}`);
  return row;
}

const ledgerOf = async (db: Db, contractId?: string): Promise<Entry[]> => {
  const q = db('ledger_entries').orderBy('contract_id').orderBy('booked_on').orderBy('seq');
  if (contractId) q.where('contract_id', contractId);
  return ((await q) as Entry[]).map((e) => ({ ...e, seq: n(e.seq), amount_cents: n(e.amount_cents), open_cents: n(e.open_cents), dunning_level: n(e.dunning_level) }));
};

/** Balance on `day`: the latest carry-forward up to the day plus the later postings up to the day. */
function balanceOn(entries: Entry[], day: string): number {
  const upTo = entries.filter((e) => e.booked_on <= day);
  const lastCarry = upTo.findLastIndex((e) => e.kind === 'carry_forward');
  return upTo.slice(Math.max(0, lastCarry)).reduce((sum, e) => sum + e.amount_cents, 0);
}

for (const [name, at] of [
  ['today', null],
  ['on January 2nd', '2031-01-02T09:00:00Z'],
  ['on the 3rd of a month', '2029-08-03T07:30:00Z'],
] as const) {
  describe(`demo seed money (${name})`, () => {
    let database: TestDatabase;
    let db: Db;
    const now = at ? new Date(at) : new Date();
    const today = dayIn(now.getTime(), 'Europe/Vienna');
    const y = Number(today.slice(0, 4));
    const thisMonth = today.slice(0, 7);
    before(async () => {
      database = await freshDatabase();
      db = database.db;
      await seedDemo(db, () => now);
    });
    after(() => database.drop());

    test('every charge line: vat = round(net × rate), gross = net + vat; charges from January Y-3 to this month', async () => {
      const rows = await db('charges');
      assert.ok(rows.length > 500);
      for (const r of rows) {
        assert.equal(n(r.vat_cents), vatOf(n(r.net_cents), n(r.vat_rate_bp)), `${r.label} ${r.period}`);
        assert.equal(n(r.gross_cents), n(r.net_cents) + n(r.vat_cents));
        assert.ok(r.period >= `${y - 3}-01` && r.period <= thisMonth, r.period);
      }
    });

    test('each monthly charge posting is that month\'s gross total, booked on the 1st and due on the 5th', async () => {
      const sums = new Map<string, number>();
      for (const r of (await db('charges').groupBy('contract_id', 'period').select('contract_id', 'period').sum({ gross: 'gross_cents' })) as any[]) {
        sums.set(`${r.contract_id}:${r.period}`, n(r.gross));
      }
      const charges = (await ledgerOf(db)).filter((e) => e.kind === 'charge');
      assert.equal(charges.length, sums.size);
      for (const e of charges) {
        const period = e.booked_on.slice(0, 7);
        assert.equal(e.amount_cents, sums.get(`${e.contract_id}:${period}`));
        assert.equal(e.booked_on, `${period}-01`);
        assert.equal(e.due_on, `${period}-05`);
        assert.match(e.doc_no, new RegExp(`^VS-${period}-\\d{4}-\\d{4}$`));
      }
    });

    test('every contract: carry-forward = the previous year\'s closing balance, none in the start year; open amounts add up to the balance', async () => {
      const contracts = await db('contracts');
      const entries = await ledgerOf(db);
      for (const c of contracts) {
        const mine = entries.filter((e) => e.contract_id === c.id);
        assert.ok(mine.length > 0, c.account_no);
        assert.ok(mine.every((e) => e.booked_on >= c.valid_from && (c.valid_to === null || e.booked_on <= c.valid_to) && e.booked_on <= today));
        let running = 0;
        const years = new Set<string>();
        for (const e of mine) {
          if (e.kind === 'carry_forward') {
            assert.equal(e.booked_on.slice(5), '01-01');
            assert.ok(e.booked_on > c.valid_from, `${c.account_no}: no carry-forward in the start year`);
            assert.equal(e.amount_cents, running, `${c.account_no} ${e.booked_on}`);
            years.add(e.booked_on.slice(0, 4));
          }
          running += e.kind === 'carry_forward' ? 0 : e.amount_cents;
        }
        for (const year of new Set(mine.map((e) => e.booked_on.slice(0, 4)))) {
          if (`${year}-01-01` > c.valid_from) assert.ok(years.has(year), `${c.account_no}: carry-forward in ${year}`);
        }
        assert.equal(balanceOn(mine, today), running);
        assert.equal(mine.reduce((sum, e) => sum + e.open_cents, 0), running, `${c.account_no}: open items = balance`);
      }
    });

    test('Top W2, year Y: exactly the four lines of the example; earlier years lower', async () => {
      const w2 = await contractOf(db, 'Wohnhausanlage Naschmarkt', 'W2', 'Markus Lehner');
      assert.deepEqual([w2.account_no, w2.valid_from, w2.payment_method, w2.edv_no], ['2100417', `${y - 5}-07-01`, 'standing_order', '0048-0002']);
      const rows = await db('charges').where('contract_id', w2.id).orderBy('period').orderBy('position');
      const periods = [...new Set(rows.map((r) => r.period))];
      assert.equal(periods[0], `${y - 3}-01`);
      assert.equal(periods.at(-1), thisMonth);
      const lines = (period: string) => rows.filter((r) => r.period === period).map((r) => [r.label, r.item, r.key, n(r.net_cents), n(r.vat_rate_bp), n(r.vat_cents), n(r.gross_cents)]);
      for (const period of periods.filter((p) => p.startsWith(String(y)))) {
        assert.deepEqual(lines(period), [
          ['Heizkosten', 'heating', 'consumption', 9000, 2000, 1800, 10800],
          ['Warmwasser', 'hot_water', 'consumption', 7800, 1000, 780, 8580],
          ['Betriebskosten', 'operating_costs', 'area', 12000, 1000, 1200, 13200],
          ['Hauptmietzins', 'main_rent', 'area', 780000, 1000, 78000, 858000],
        ]);
      }
      const area = rows.find((r) => r.key === 'area');
      assert.deepEqual([n(area.key_value), n(area.key_total)], [78, 1240]);
      const gross = (year: number) => lines(`${year}-01`).reduce((sum, l) => sum + (l[6] as number), 0);
      assert.equal(gross(y), 890580);
      assert.ok(gross(y - 3) < gross(y - 2) && gross(y - 2) < gross(y - 1) && gross(y - 1) < gross(y), 'amounts rise at each year boundary');
    });

    test('Top W2: late payer with dunning levels 1 and 2, a dunning fee and a debit balance', async () => {
      const w2 = await contractOf(db, 'Wohnhausanlage Naschmarkt', 'W2', 'Markus Lehner');
      const entries = await ledgerOf(db, w2.id);
      const open = entries.filter((e) => e.open_cents !== 0);
      assert.deepEqual([...new Set(open.map((e) => e.dunning_level))].sort(), [0, 1, 2]);
      assert.ok(open.some((e) => e.kind === 'dunning_fee' && e.open_cents > 0));
      const late = entries.filter((e) => e.kind === 'payment' && Number(e.booked_on.slice(8)) > 5 && e.booked_on >= `${y - 1}-01-01`);
      assert.ok(late.length >= 5, 'pays late');
      assert.ok(balanceOn(entries, today) > 890580);
    });

    test('Top 7: Gerhard Maier ends the day before Katharina Huber starts; her rows begin with her contract; she has a credit', async () => {
      const maier = await contractOf(db, 'Wohnhausanlage Naschmarkt', '7', 'Gerhard Maier');
      const huber = await contractOf(db, 'Wohnhausanlage Naschmarkt', '7', 'Katharina Huber');
      assert.equal(huber.valid_from, `${y - 2}-03-01`);
      assert.match(maier.valid_to, new RegExp(`^${y - 2}-02-2[89]$`));
      const dayAfter = new Date(Date.parse(`${maier.valid_to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      assert.equal(dayAfter, huber.valid_from);
      assert.deepEqual([huber.account_no, huber.payment_method, maier.account_no], ['2100533', 'sepa_debit', '2100288']);
      assert.equal((await db('users as u').join('memberships as m', 'm.user_id', 'u.id').where('m.person_id', maier.person_id).first('u.id')), undefined, 'no login');
      const first: any = await db('charges').where('contract_id', huber.id).min({ p: 'period' }).first();
      assert.equal(first.p, `${y - 2}-03`);
      const last: any = await db('charges').where('contract_id', maier.id).max({ p: 'period' }).first();
      assert.equal(last.p, `${y - 2}-02`);
      const entries = await ledgerOf(db, huber.id);
      assert.equal(entries[0]!.kind, 'charge', 'no carry-forward in the start year');
      assert.ok(entries.some((e) => e.kind === 'settlement' && e.amount_cents < 0 && e.booked_on.startsWith(String(y))));
      assert.ok(balanceOn(entries, today) < 0);
    });

    test('units, contacts and the bank: Wagner owns four units in two properties; every property has its picture', async () => {
      const wagner = await db('contracts as c').join('units as u', 'u.id', 'c.unit_id').join('persons as p', 'p.id', 'c.person_id').where('p.name', 'Dr. Elisabeth Wagner').select('u.top', 'c.role', 'c.account_no', 'u.property_id');
      assert.deepEqual(wagner.map((w) => w.top).sort(), ['2', '3', '9', 'G1']);
      assert.ok(wagner.every((w) => w.role === 'owner' && /^3100\d{3}$/.test(w.account_no)));
      assert.equal(new Set(wagner.map((w) => w.property_id)).size, 2);
      const images = (await db('properties').orderBy('name').select('image_url')).map((p) => p.image_url);
      assert.deepEqual(images, ['/media/properties/fischmarkt.svg', '/media/properties/kahlenberg.svg', '/media/properties/naschmarkt.svg']);
      const contacts = await db('property_contacts as c').join('properties as p', 'p.id', 'c.property_id').where('p.name', 'Wohnhausanlage Naschmarkt').orderBy('position').select('c.name', 'c.visible_to');
      assert.deepEqual(contacts.map((c) => [c.name, JSON.parse(c.visible_to)]), [
        ['Mag. Petra Hofbauer', ['tenant', 'owner']], ['Sandra Leitner', ['tenant']], ['Ing. Stefan Gruber', ['owner']], ['Josef Novak', ['tenant', 'owner']],
      ]);
      const banks = await db('organizations').orderBy('slug').select('bank_recipient', 'bank_iban', 'bank_bic');
      assert.deepEqual(banks.map((b) => [b.bank_recipient, b.bank_iban, b.bank_bic]), [
        ['ImmoPro Hausverwaltung GmbH', 'AT611904300234573201', 'BKAUATWW'],
        ['Hausverwaltung Krüger GmbH', 'DE89370400440532013000', 'COBADEFFXXX'],
      ]);
      const german: any = await db('charges as ch').join('contracts as c', 'c.id', 'ch.contract_id').join('units as u', 'u.id', 'c.unit_id').join('properties as p', 'p.id', 'u.property_id').where('p.country', 'DE').max({ bp: 'ch.vat_rate_bp' }).first();
      assert.equal(n(german.bp), 0);
      const becker = await contractOf(db, 'Fischmarkt-Höfe', 'W2', 'Thomas Becker');
      const becker1: any = await db('charges').where('contract_id', becker.id).min({ p: 'period' }).first();
      assert.equal(becker1.p, `${y - 1}-04`);
    });

    test('cost accounts: 5xxxxx and 7xxxxx per property, every posting with a PDF receipt whose hash and size match', async () => {
      const accounts = await db('expense_accounts as a').join('properties as p', 'p.id', 'a.property_id').select('p.name', 'a.account_no', 'a.account_group');
      assert.equal(new Set(accounts.map((a) => a.name)).size, 3);
      assert.ok(accounts.every((a) => (a.account_no.startsWith('5') ? a.account_group === 'operating_costs' : a.account_no.startsWith('7') && a.account_group === 'reserve')));
      const entries = await db('expense_entries as e').leftJoin('files as f', 'f.id', 'e.receipt_file_id').select('e.booked_on', 'e.amount_cents', 'f.*');
      assert.ok(entries.length > 100);
      const years = new Set(entries.map((e) => e.booked_on.slice(0, 4)));
      assert.ok(years.has(String(y - 2)) && years.has(String(y - 1)));
      for (const e of entries) {
        assert.ok(e.booked_on <= today && n(e.amount_cents) > 0);
        const bytes = Buffer.from(e.bytes);
        assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
        assert.equal(n(e.size), bytes.length);
        assert.equal(e.sha256, createHash('sha256').update(bytes).digest('hex'));
        assert.equal(e.mime, 'application/pdf');
        assert.match(e.original_name, /^(Rechnung|Polizze|Umbuchung)-[A-Za-z0-9-]+-\d{4}-\d{2}\.pdf$/);
        assert.equal(e.original_name.slice(-11, -4), e.booked_on.slice(0, 7));
      }
      assert.ok(entries.some((e) => e.original_name === `Rechnung-Wiener-Wasser-${y - 1}-02.pdf`));
    });
  });
}

describe('PDF writer', () => {
  test('the cross-reference table points at every object; startxref at the table', () => {
    const bytes = textPdf([{ text: 'Wiener Wasser', bold: true, size: 16 }, { text: 'Betrag: 1.842,50 € (brutto)' }], { title: 'Rechnung WW-1' });
    const text = bytes.toString('latin1');
    assert.ok(text.startsWith('%PDF-1.4\n'));
    assert.ok(text.endsWith('%%EOF\n'));
    const xref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    assert.equal(text.slice(xref, xref + 5), 'xref\n');
    const rows = text.slice(xref).split('\n').slice(3).filter((l) => / 00000 n $/.test(l));
    assert.equal(rows.length, 7);
    rows.forEach((row, i) => assert.equal(text.slice(Number(row.slice(0, 10)), Number(row.slice(0, 10)) + `${i + 1} 0 obj`.length), `${i + 1} 0 obj`));
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)![1]);
    const start = text.indexOf('stream\n') + 7;
    assert.equal(text.slice(start + length, start + length + 10), '\nendstream');
  });

  test('strings: WinAnsi umlauts and the euro sign as octal escapes, parentheses escaped', () => {
    assert.equal(pdfString('Größe (m²) 5 €'), '(Gr\\366\\337e \\(m\\262\\) 5 \\200)');
    assert.equal(pdfString('a\\b'), '(a\\\\b)');
    assert.equal(pdfString('✓'), '(?)');
  });
});

describe('big database generator', () => {
  let database: TestDatabase;
  before(async () => {
    database = await freshDatabase();
    await seedDemo(database.db);
  });
  after(() => database.drop());

  test('adds units in properties of 50, each with a tenant, this year\'s charges and a consistent ledger; the demo stays as it was', async () => {
    const db = database.db;
    const demoUnits = n((await db('units').count({ c: '*' }).first())!.c);
    const result = await seedBig(db, { units: 120 });
    const today = dayIn(Date.now(), 'Europe/Vienna');
    const y = today.slice(0, 4);
    assert.deepEqual([result.properties, result.units, result.contracts], [3, 120, 120]);
    assert.equal(n((await db('units').count({ c: '*' }).first())!.c), demoUnits + 120);
    const perProperty = await db('units as u').join('properties as p', 'p.id', 'u.property_id').whereLike('p.name', 'Wohnanlage %').groupBy('p.id').select('p.id').count({ c: '*' });
    assert.deepEqual(perProperty.map((r: any) => n(r.c)).sort((a, b) => a - b), [20, 50, 50]);
    const contracts = await db('contracts').where('account_no', '>=', '5000000').select('id');
    assert.equal(contracts.length, 120);
    const charges = await db('charges').whereIn('contract_id', contracts.map((c) => c.id)).select('period', 'net_cents', 'vat_rate_bp', 'vat_cents', 'gross_cents');
    assert.equal(charges.length, result.charges);
    assert.ok(charges.every((c) => c.period.startsWith(y) && n(c.gross_cents) === n(c.net_cents) + vatOf(n(c.net_cents), n(c.vat_rate_bp)) && n(c.vat_cents) === vatOf(n(c.net_cents), n(c.vat_rate_bp))));
    const entries = (await ledgerOf(db)).filter((e) => contracts.some((c) => c.id === e.contract_id));
    assert.equal(entries.length, result.ledgerEntries);
    for (const c of contracts) {
      const mine = entries.filter((e) => e.contract_id === c.id);
      assert.ok(mine.length > 0 && mine.every((e) => e.booked_on.startsWith(y) && e.booked_on <= today));
      assert.equal(mine.reduce((sum, e) => sum + e.open_cents, 0), balanceOn(mine, today));
    }
    assert.ok(entries.some((e) => e.dunning_level > 0), 'some tenants pay late');
    const lehner = await contractOf(db, 'Wohnhausanlage Naschmarkt', 'W2', 'Markus Lehner');
    assert.equal(lehner.account_no, '2100417');
    // Each generated tenant sees his unit's energy certificate and his building's house rules, through the release rules.
    const generated = (await db('contracts as c').join('units as u', 'u.id', 'c.unit_id').where('c.id', contracts[0]!.id).first('c.person_id', 'u.top')) as { person_id: string; top: string };
    const org = (await db('organizations').where({ slug: 'immopro' }).first('id')) as { id: string };
    const seen = await db.select('d.title').from(releasesReaching(db, org.id, generated.person_id, today).as('m')).join('documents as d', 'd.id', 'm.document_id').orderBy('d.title');
    assert.deepEqual(seen.map((r: { title: string }) => r.title.split(' ')[0]), ['Energieausweis', 'Hausordnung']);
    assert.ok(seen[0]!.title.endsWith(`Top ${generated.top}`));
  });
});
