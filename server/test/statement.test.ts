import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, expectProblem, startServer, type Session, type TestServer } from './helpers.ts';
import { demoSessions, monthlyGross, moneyFixture, months, tenantLines, unitIdOf, vatOf, type DemoName, type Fixture, type Line } from './money-fixture.ts';

const sum = (lines: Line[], f: (l: Line) => number) => lines.reduce((s, l) => s + f(l), 0);
const totals = (lines: Line[], n = 1) => ({
  netCents: n * sum(lines, (l) => l.net),
  vatCents: n * sum(lines, (l) => vatOf(l.net, l.bp)),
  grossCents: n * monthlyGross(lines),
});
const plus = (a: ReturnType<typeof totals>, b: ReturnType<typeof totals>) => ({
  netCents: a.netCents + b.netCents,
  vatCents: a.vatCents + b.vatCents,
  grossCents: a.grossCents + b.grossCents,
});

describe('statement: charges, ledger, open items', () => {
  let s: TestServer;
  let f: Fixture;
  let unit: string;
  let thisMonth: string;
  let y: number;
  let demoUsers: Record<DemoName, Session> | null = null;
  before(async () => {
    s = await startServer();
    f = await moneyFixture(s);
    demoUsers = await demoSessions(s);
    unit = f.w.id('unit:T1');
    thisMonth = f.w.today.slice(0, 7);
    y = f.w.y;
  });
  after(() => s.close());

  const get = (path: string, token = f.tenant.token) => call(s.url, path, { token });
  const strip = (a: { status: number; body: any }) => ({ status: a.status, body: { ...a.body, instance: undefined } });
  const fieldsOf = (a: { body: any }) => a.body.errors.map((e: any) => [e.field, e.code]);

  test('charges default to January … this month; totals are months × monthly', async () => {
    const a = await get(`/charges?unit=${unit}`);
    assert.equal(a.status, 200);
    assert.equal(a.body.from, `${y}-01`);
    assert.equal(a.body.to, thisMonth);
    const [u] = a.body.units;
    assert.deepEqual([u.unitId, u.top, u.role, u.propertyId], [unit, 'T1', 'tenant', f.w.id('A')]);
    const n = months(`${y}-01`, thisMonth).length;
    assert.deepEqual(u.periods.map((p: any) => p.period), months(`${y}-01`, thisMonth));
    const monthly = totals(tenantLines(y, y));
    for (const p of u.periods) assert.deepEqual(p.totals, monthly);
    assert.deepEqual(u.totals, totals(tenantLines(y, y), n));
    assert.deepEqual(a.body.totals, u.totals);
    assert.equal(a.body.totals.netCents + a.body.totals.vatCents, a.body.totals.grossCents);
  });

  test('charges across a year boundary: both years\' figures, nothing before the contract began', async () => {
    const a = await get(`/charges?unit=${unit}&from=${y - 1}-01&to=${thisMonth}`);
    assert.equal(a.status, 200);
    const [u] = a.body.units;
    // The contract began in March of last year; the previous tenant's rows never show.
    assert.equal(u.periods[0].period, `${y - 1}-03`);
    assert.ok(u.periods.every((p: any) => p.lines.every((l: any) => l.label !== 'Hauptmietzins alt')));
    const expected = plus(totals(tenantLines(y - 1, y), 10), totals(tenantLines(y, y), months(`${y}-01`, thisMonth).length));
    assert.deepEqual(u.totals, expected);
    const byRate = a.body.vatByRate;
    assert.deepEqual(byRate.map((r: any) => r.vatRateBp), [1000, 2000]);
    for (const r of byRate) assert.equal(r.netCents + r.vatCents, r.grossCents);
    assert.deepEqual(
      byRate.reduce((acc: any, r: any) => plus(acc, { netCents: r.netCents, vatCents: r.vatCents, grossCents: r.grossCents }), totals([])),
      expected,
    );
  });

  test('charges of the previous tenant\'s months only: the unit with no periods', async () => {
    const a = await get(`/charges?unit=${unit}&from=${y - 3}-01&to=${y - 1}-02`);
    assert.equal(a.status, 200);
    assert.deepEqual(a.body.units, []);
    assert.deepEqual(a.body.totals, totals([]));
    assert.deepEqual(a.body.vatByRate, []);
  });

  test('charges without unit: all of mine, nothing of others', async () => {
    const a = await get(`/charges?from=${y}-01&to=${thisMonth}`, f.owner.token);
    assert.deepEqual(a.body.units.map((u: any) => [u.top, u.role, u.periods.length]), [['T2', 'owner', 0], ['T3', 'owner', 0]]);
    const tenant = await get('/charges');
    assert.deepEqual(tenant.body.units.map((u: any) => u.top), ['T1']);
  });

  test('charges: bad ranges answer 400 with the field, a foreign unit 404', async () => {
    expectProblem(await get('/charges?from=2025-13'), 400);
    expectProblem(await get('/charges?to=2025-1'), 400);
    const reversed = await get(`/charges?from=${y}-05&to=${y}-04`);
    expectProblem(reversed, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(reversed), [['from', 'range']]);
    const long = await get(`/charges?from=${y - 3}-01&to=${y}-01`);
    expectProblem(long, 400);
    assert.deepEqual(fieldsOf(long), [['to', 'range']]);
    assert.equal((await get(`/charges?from=${y - 3}-02&to=${y}-01`)).status, 200, '36 months are allowed');
    const unknown = await get(`/charges?unit=${randomUUID()}`);
    expectProblem(unknown, 404, 'not_found');
    assert.deepEqual(strip(await get(`/charges?unit=${f.w.id('unit:B1')}`)), strip(unknown));
    expectProblem(await get('/charges?month=1'), 400);
  });

  test('ledger: running balance = carry-forward + postings; closing = carry-forward + debit − credit', async () => {
    for (const year of [y - 1, y]) {
      const a = await get(`/ledger?unit=${unit}&year=${year}`);
      assert.equal(a.status, 200);
      const l = a.body;
      assert.equal(l.accountNo, 'T-0001');
      assert.equal(l.unitId, unit);
      let running = 0;
      let debit = 0;
      let credit = 0;
      for (const e of l.entries) {
        running += e.amountCents;
        assert.equal(e.balanceCents, running);
        if (e.kind === 'carry_forward') continue;
        if (e.amountCents > 0) debit += e.amountCents;
        else credit -= e.amountCents;
      }
      assert.equal(l.debitCents, debit);
      assert.equal(l.creditCents, credit);
      assert.equal(l.closingBalanceCents, l.carryForwardCents + debit - credit);
      assert.equal(l.closingBalanceCents, l.entries.at(-1).balanceCents);
      assert.ok(l.entries.every((e: any) => e.bookedOn.startsWith(String(year)) && e.bookedOn >= `${y - 1}-03-01`));
    }
  });

  test('ledger: the carry-forward of a year is the closing balance of the year before', async () => {
    const last = (await get(`/ledger?unit=${unit}&year=${y - 1}`)).body;
    const current = (await get(`/ledger?unit=${unit}&year=${y}`)).body;
    assert.equal(last.carryForwardCents, 0, 'no carry-forward in the year the contract began');
    assert.equal(last.closingBalanceCents, monthlyGross(tenantLines(y - 1, y)), 'July of last year is unpaid');
    assert.equal(current.carryForwardCents, last.closingBalanceCents);
    assert.equal(current.entries[0].kind, 'carry_forward');
    assert.equal(current.entries[0].bookedOn, `${y}-01-01`);
    const defaulted = (await get(`/ledger?unit=${unit}`)).body;
    assert.equal(defaulted.year, y);
    assert.deepEqual(defaulted, current);
  });

  test('ledger: the unit\'s balance is the ledger\'s balance today', async () => {
    const current = (await get(`/ledger?unit=${unit}&year=${y}`)).body;
    const today = current.entries.filter((e: any) => e.bookedOn <= f.w.today).at(-1);
    const units = (await get('/units')).body.items;
    assert.equal(units[0].balanceCents, today.balanceCents);
  });

  test('ledger: a year before the contract is empty, never the previous tenant\'s', async () => {
    const a = await get(`/ledger?unit=${unit}&year=${y - 2}`);
    assert.equal(a.status, 200);
    assert.deepEqual([a.body.entries, a.body.carryForwardCents, a.body.closingBalanceCents], [[], 0, 0]);
  });

  test('ledger: bad parameters and foreign units', async () => {
    expectProblem(await get('/ledger'), 400);
    expectProblem(await get(`/ledger?unit=${unit}&year=1900`), 400);
    expectProblem(await get(`/ledger?unit=${unit}&year=20x5`), 400);
    const future = await get(`/ledger?unit=${unit}&year=${y + 1}`);
    expectProblem(future, 400, 'validation_failed');
    assert.deepEqual(fieldsOf(future), [['year', 'range']]);
    const unknown = await get(`/ledger?unit=${randomUUID()}`);
    expectProblem(unknown, 404);
    assert.deepEqual(strip(await get(`/ledger?unit=${f.w.id('unit:B1')}`)), strip(unknown));
    assert.deepEqual(strip(await get(`/ledger?unit=${unit}`, f.owner.token)), strip(unknown));
  });

  test('open items: oldest due first, total, and a payment per account with the organization\'s bank', async () => {
    const a = await get('/open-items');
    assert.equal(a.status, 200);
    const july = monthlyGross(tenantLines(y - 1, y));
    const now = monthlyGross(tenantLines(y, y));
    assert.deepEqual(a.body.items.map((i: any) => [i.dueOn, i.openCents, i.dunningLevel, i.top, i.accountNo, i.unitId]), [
      [`${y - 1}-07-05`, july, 1, 'T1', 'T-0001', unit],
      [`${thisMonth}-05`, now, 1, 'T1', 'T-0001', unit],
    ]);
    assert.equal(a.body.totalOpenCents, july + now);
    assert.deepEqual(a.body.payments, [{
      unitId: unit, accountNo: 'T-0001', amountCents: july + now, recipient: 'ImmoPro Hausverwaltung GmbH',
      iban: 'AT611904300234573201', bic: 'BKAUATWW', remittance: 'Konto T-0001 Top T1',
    }]);
    assert.deepEqual((await get(`/open-items?unit=${unit}`)).body, a.body);
  });

  test('open items: none for others; a foreign unit answers 404', async () => {
    assert.deepEqual((await get('/open-items', f.owner.token)).body, { items: [], totalOpenCents: 0, payments: [] });
    assert.deepEqual((await get('/open-items', f.neighbour.token)).body.items, []);
    const unknown = await get(`/open-items?unit=${randomUUID()}`);
    expectProblem(unknown, 404);
    assert.deepEqual(strip(await get(`/open-items?unit=${f.w.id('unit:B1')}`)), strip(unknown));
  });

  // The demo seed's figures (issue facts); skipped while the seed has no money data.
  const as = (path: string, who: DemoName) => call(s.url, path, { token: demoUsers![who].token });
  const naschmarkt = (top: string) => unitIdOf(s, 'Wohnhausanlage Naschmarkt', top);

  test('Top W2, year Y: every month 808800 net + 81780 VAT = 890580 gross, line by line', async (t) => {
    if (!demoUsers) return t.skip('the demo seed has no charges');
    const w2 = await naschmarkt('W2');
    const a = await as(`/charges?unit=${w2}&from=${y}-01&to=${thisMonth}`, 'lehner');
    assert.equal(a.status, 200);
    const [u] = a.body.units;
    const n = months(`${y}-01`, thisMonth).length;
    assert.equal(u.periods.length, n);
    for (const p of u.periods) {
      assert.deepEqual(p.totals, { netCents: 808800, vatCents: 81780, grossCents: 890580 });
      assert.deepEqual(p.lines.map((l: any) => [l.item, l.netCents, l.vatRateBp, l.vatCents, l.grossCents]).sort(), [
        ['heating', 9000, 2000, 1800, 10800],
        ['hot_water', 7800, 1000, 780, 8580],
        ['main_rent', 780000, 1000, 78000, 858000],
        ['operating_costs', 12000, 1000, 1200, 13200],
      ]);
    }
    assert.deepEqual(a.body.totals, { netCents: n * 808800, vatCents: n * 81780, grossCents: n * 890580 });
    assert.deepEqual(a.body.vatByRate, [
      { vatRateBp: 1000, netCents: n * 799800, vatCents: n * 79980, grossCents: n * 879780 },
      { vatRateBp: 2000, netCents: n * 9000, vatCents: n * 1800, grossCents: n * 10800 },
    ]);
  });

  test('Top 7: Katharina Huber never sees Gerhard Maier\'s charges or postings', async (t) => {
    if (!demoUsers) return t.skip('the demo seed has no charges');
    const top7 = await naschmarkt('7');
    const charges = await as(`/charges?unit=${top7}&from=${y - 2}-01&to=${y - 2}-12`, 'huber');
    assert.equal(charges.body.units[0].periods[0].period, `${y - 2}-03`);
    const ledger = await as(`/ledger?unit=${top7}&year=${y - 2}`, 'huber');
    assert.equal(ledger.body.accountNo, '2100533');
    assert.equal(ledger.body.carryForwardCents, 0);
    assert.ok(ledger.body.entries.length > 0 && ledger.body.entries.every((e: any) => e.bookedOn >= `${y - 2}-03-01`));
    expectProblem(await as(`/ledger?unit=${top7}`, 'lehner'), 404);
  });

  test('Top W2 ledger: carry-forward = last year\'s closing; balance today = the unit\'s balance', async (t) => {
    if (!demoUsers) return t.skip('the demo seed has no ledger');
    const w2 = await naschmarkt('W2');
    const last = (await as(`/ledger?unit=${w2}&year=${y - 1}`, 'lehner')).body;
    const current = (await as(`/ledger?unit=${w2}&year=${y}`, 'lehner')).body;
    assert.equal(current.carryForwardCents, last.closingBalanceCents);
    assert.equal(current.closingBalanceCents, current.carryForwardCents + current.debitCents - current.creditCents);
    const today = current.entries.filter((e: any) => e.bookedOn <= f.w.today).at(-1);
    const unit = (await as('/units', 'lehner')).body.items.find((u: any) => u.id === w2);
    assert.equal(unit.balanceCents, today.balanceCents);
  });

  test('Markus Lehner\'s open items: dunning levels 1 and 2, a dunning fee, an EPC payment', async (t) => {
    if (!demoUsers) return t.skip('the demo seed has no open items');
    const a = (await as('/open-items', 'lehner')).body;
    const levels = new Set(a.items.map((i: any) => i.dunningLevel));
    assert.ok(levels.has(1) && levels.has(2));
    assert.ok(a.items.some((i: any) => i.kind === 'dunning_fee'));
    const due = a.items.map((i: any) => i.dueOn ?? i.bookedOn);
    assert.deepEqual(due, [...due].sort());
    const payment = a.payments.find((p: any) => p.accountNo === '2100417');
    assert.equal(payment.iban, 'AT611904300234573201');
    assert.equal(payment.bic, 'BKAUATWW');
    assert.equal(payment.recipient, 'ImmoPro Hausverwaltung GmbH');
    assert.equal(payment.remittance, 'Konto 2100417 Top W2');
    assert.equal(payment.amountCents, a.items.filter((i: any) => i.accountNo === '2100417').reduce((sum: number, i: any) => sum + i.openCents, 0));
  });
});
