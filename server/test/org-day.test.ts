import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, login, startServer, type TestServer } from './helpers.ts';
import { moneyFixture, tenantLines, unitIdOf, type Fixture } from './money-fixture.ts';

// "Today", this month and this year of every endpoint are the organization's (DESIGN §6a), on both sides of its
// midnight. ImmoPro counts in Europe/Vienna, Krüger in Europe/Berlin: at 2026-12-31T23:00Z both are in 2027 while
// UTC is not. The world of money-fixture.ts is booked up to December 2026; Tina Test's January 2027 (charges and an
// open charge booked on 1 January) is added on top.
const lastMinute = '2026-12-31T22:59:00Z'; // 23:59 on 31 December in Vienna and Berlin
const firstMinute = '2026-12-31T23:00:00Z'; // 00:00 on 1 January 2027 there, still 2026 in UTC
const halfPast = '2026-12-31T23:30:00Z';

describe('the organization\'s day on every endpoint', () => {
  let s: TestServer;
  let f: Fixture;
  let unit: string;
  before(async () => {
    s = await startServer({ at: '2026-12-31T22:30:00Z' });
    f = await moneyFixture(s);
    unit = f.w.id('unit:T1');
    await f.w.book('c:tina', '2027-01', '2027-01', (year) => tenantLines(year, 2027), new Set(['2027-01']));
  });
  after(() => s.close());

  /** Moves the server's clock and signs in again there (access tokens last minutes, the jumps are longer). */
  async function tokenAt(instant: string, who: { username: string; password: string; org: string } = { username: 'tina.test@example.test', password: 'Tina-Test-2026', org: 'immopro' }) {
    s.clock.set(instant);
    return (await login(s.url, who.username, who.password, who.org)).token;
  }

  test('ledger at 22:30Z (23:30 in Vienna): the year is still 2026, year=2027 is 400', async () => {
    const token = await tokenAt('2026-12-31T22:30:00Z');
    const defaulted = await call(s.url, `/ledger?unit=${unit}`, { token });
    assert.equal(defaulted.status, 200, defaulted.text);
    assert.equal(defaulted.body.year, 2026);
    expectProblem(await call(s.url, `/ledger?unit=${unit}&year=2027`, { token }), 400, 'validation_failed');
  });

  test('ledger at 23:30Z (00:30 on 1 January in Vienna): the year is 2027, asked for or by default', async () => {
    const token = await tokenAt(halfPast);
    const asked = await call(s.url, `/ledger?unit=${unit}&year=2027`, { token });
    assert.equal(asked.status, 200, asked.text);
    assert.equal(asked.body.year, 2027);
    assert.deepEqual(asked.body.entries.map((e: { bookedOn: string; kind: string }) => [e.bookedOn, e.kind]), [['2027-01-01', 'charge']]);
    const defaulted = await call(s.url, `/ledger?unit=${unit}`, { token });
    assert.deepEqual(defaulted.body, asked.body);
  });

  test('a Berlin organization turns the year at the same instant; moved to New York it is still 2026', async (t) => {
    if (!(await s.db('properties').where({ name: 'Fischmarkt-Höfe' }).first('id'))) return t.skip('the demo seed has no ledger');
    const w2 = await unitIdOf(s, 'Fischmarkt-Höfe', 'W2');
    const token = await tokenAt(halfPast, demo.becker);
    const berlin = await call(s.url, `/ledger?unit=${w2}&year=2027`, { token });
    assert.equal(berlin.status, 200, berlin.text);
    assert.equal((await call(s.url, `/ledger?unit=${w2}`, { token })).body.year, 2027);
    await s.db('organizations').where({ slug: 'krueger' }).update({ time_zone: 'America/New_York' });
    try {
      expectProblem(await call(s.url, `/ledger?unit=${w2}&year=2027`, { token }), 400, 'validation_failed');
      assert.equal((await call(s.url, `/ledger?unit=${w2}`, { token })).body.year, 2026);
    } finally {
      await s.db('organizations').where({ slug: 'krueger' }).update({ time_zone: 'Europe/Berlin' });
    }
  });

  test('charges default to January … this month of the organization, on both sides of midnight', async () => {
    const before = await call(s.url, `/charges?unit=${unit}`, { token: await tokenAt(lastMinute) });
    assert.deepEqual([before.body.from, before.body.to], ['2026-01', '2026-12']);
    const after = await call(s.url, `/charges?unit=${unit}`, { token: await tokenAt(firstMinute) });
    assert.deepEqual([after.body.from, after.body.to], ['2027-01', '2027-01']);
    assert.deepEqual(after.body.units[0].periods.map((p: { period: string }) => p.period), ['2027-01']);
  });

  test('the unit\'s month and balance: December until 23:59, January from 00:00', async () => {
    const january = tenantLines(2027, 2027).reduce((sum, l) => sum + l.net, 0);
    const before = (await call(s.url, '/units', { token: await tokenAt(lastMinute) })).body.items[0];
    assert.equal(before.monthly.period, '2026-12');
    const detailBefore = await call(s.url, `/units/${unit}`, { token: await tokenAt(lastMinute) });
    assert.ok(detailBefore.body.charges.length > 0 && detailBefore.body.monthly.period === '2026-12');
    const afterRow = (await call(s.url, '/units', { token: await tokenAt(firstMinute) })).body.items[0];
    assert.deepEqual([afterRow.monthly.period, afterRow.monthly.netCents], ['2027-01', january]);
    assert.ok(afterRow.balanceCents > before.balanceCents, 'January\'s open charge counts from the first minute');
  });

  test('open items: the charge booked on 1 January is not there at 23:59 and is there at 00:00', async () => {
    const open = async (instant: string) =>
      (await call(s.url, `/open-items?unit=${unit}`, { token: await tokenAt(instant) })).body.items.map((i: { bookedOn: string }) => i.bookedOn);
    assert.ok(!(await open(lastMinute)).includes('2027-01-01'));
    assert.ok((await open(firstMinute)).includes('2027-01-01'));
  });

  test('a birth date may be the organization\'s today, not a day later', async () => {
    const birth = async (instant: string, birthDate: string) =>
      (await call(s.url, '/me', { method: 'PATCH', body: { birthDate }, token: await tokenAt(instant) })).status;
    assert.equal(await birth(lastMinute, '2027-01-01'), 400);
    assert.equal(await birth(firstMinute, '2027-01-01'), 200, 'born on the first day of 2027 in Vienna');
    assert.equal(await birth(firstMinute, '2027-01-02'), 400);
  });

  test('summer time: the month turns at 22:00Z on 31 March, winter time: at 23:00Z on 31 October', async () => {
    const to = async (instant: string) => (await call(s.url, `/charges?unit=${unit}`, { token: await tokenAt(instant) })).body.to;
    assert.equal(await to('2027-03-31T21:59:00Z'), '2027-03');
    assert.equal(await to('2027-03-31T22:00:00Z'), '2027-04');
    assert.equal(await to('2027-10-31T22:59:00Z'), '2027-10');
    assert.equal(await to('2027-10-31T23:00:00Z'), '2027-11');
  });
});
