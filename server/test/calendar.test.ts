import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentPeriod, currentYear, dayIn, timeZoneName, today } from '../src/calendar.ts';
import { clockStartingAt } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { call, startServer, type TestServer } from './helpers.ts';

// The organization's calendar (DESIGN §6a): both sides of midnight on New Year's Eve and of the daylight-saving
// changes, in Vienna (CET = UTC+1, CEST = UTC+2 from the last Sunday of March to the last Sunday of October).
const vienna = 'Europe/Vienna';
const at = (instant: string) => () => new Date(instant);

describe('calendar: the organization\'s day', () => {
  test('New Year\'s Eve: 22:59Z is 23:59 on 31 December in Vienna, 23:00Z is already 1 January 2027', () => {
    assert.equal(today(at('2026-12-31T22:59:59.999Z'), vienna), '2026-12-31');
    assert.equal(currentYear(at('2026-12-31T22:59:59.999Z'), vienna), 2026);
    assert.equal(today(at('2026-12-31T23:00:00Z'), vienna), '2027-01-01');
    assert.equal(currentPeriod(at('2026-12-31T23:00:00Z'), vienna), '2027-01');
    assert.equal(currentYear(at('2026-12-31T23:30:00Z'), vienna), 2027);
    assert.equal(currentYear(at('2026-12-31T23:30:00Z'), 'UTC'), 2026, 'UTC is still in the old year');
    assert.equal(currentYear(at('2026-12-31T23:30:00Z'), 'Europe/Berlin'), 2027);
    assert.equal(currentYear(at('2027-01-01T04:30:00Z'), 'America/New_York'), 2026);
  });

  test('spring change (2027-03-28 01:00Z, 02:00 CET → 03:00 CEST): the day stays; the month turns at 22:00Z', () => {
    assert.equal(dayIn(new Date('2027-03-28T00:59:59Z'), vienna), '2027-03-28');
    assert.equal(dayIn(new Date('2027-03-28T01:00:00Z'), vienna), '2027-03-28');
    assert.equal(dayIn(new Date('2027-03-28T21:59:59Z'), vienna), '2027-03-28');
    assert.equal(dayIn(new Date('2027-03-28T22:00:00Z'), vienna), '2027-03-29', 'midnight in summer time is 22:00Z');
    assert.equal(currentPeriod(at('2027-03-31T21:59:59Z'), vienna), '2027-03');
    assert.equal(currentPeriod(at('2027-03-31T22:00:00Z'), vienna), '2027-04');
  });

  test('autumn change (2027-10-31 01:00Z, 03:00 CEST → 02:00 CET): the month turns at 23:00Z again', () => {
    assert.equal(dayIn(new Date('2027-10-31T00:59:59Z'), vienna), '2027-10-31');
    assert.equal(dayIn(new Date('2027-10-31T01:00:00Z'), vienna), '2027-10-31');
    assert.equal(currentPeriod(at('2027-10-31T22:59:59Z'), vienna), '2027-10', 'an hour later than in summer');
    assert.equal(currentPeriod(at('2027-10-31T23:00:00Z'), vienna), '2027-11');
  });

  test('time zone names: canonical IANA names; unknown names and fixed offsets are refused', () => {
    assert.equal(timeZoneName('Europe/Vienna'), 'Europe/Vienna');
    assert.equal(timeZoneName('europe/berlin'), 'Europe/Berlin');
    assert.equal(timeZoneName('UTC'), 'UTC');
    for (const bad of ['Europe/Wien', 'Mars/Olympus', '+01:00', '-05:00', '', 'CET; drop table']) {
      assert.throws(() => timeZoneName(bad), RangeError, bad);
    }
  });

  test('HP_CLOCK_START starts the clock of a development or test server at an instant; production refuses it', () => {
    const env = { HP_DATABASE_URL: ':memory:', HP_CLOCK_START: '2026-12-31T23:30:00+00:00' };
    assert.equal(loadConfig(env).clockStart, '2026-12-31T23:30:00.000Z');
    assert.equal(loadConfig({ ...env, NODE_ENV: 'test' }).clockStart, '2026-12-31T23:30:00.000Z');
    assert.equal(loadConfig({ HP_DATABASE_URL: ':memory:' }).clockStart, null);
    assert.throws(() => loadConfig({ ...env, NODE_ENV: 'production' }), /refused in production/);
    assert.throws(() => loadConfig({ ...env, HP_CLOCK_START: 'tomorrow' }), /ISO 8601/);
    const clock = clockStartingAt('2026-12-31T23:30:00Z');
    const first = clock().getTime();
    assert.ok(Math.abs(first - Date.parse('2026-12-31T23:30:00Z')) < 1000);
    assert.ok(clock().getTime() >= first, 'it runs on');
  });
});

describe('calendar: GET /organizations/{slug}/public', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ at: '2026-12-31T22:59:00Z' });
  });
  after(() => s.close());

  const publicOf = async (slug: string, instant: string) => {
    s.clock.set(instant);
    const a = await call(s.url, `/organizations/${slug}/public`);
    assert.equal(a.status, 200, a.text);
    return a.body as { timeZone: string; now: string; today: string };
  };

  test('answers the time zone, the server\'s now and the organization\'s today on both sides of midnight', async () => {
    const before = await publicOf('immopro', '2026-12-31T22:59:30Z');
    assert.equal(before.timeZone, 'Europe/Vienna');
    assert.equal(before.today, '2026-12-31');
    assert.ok(Math.abs(Date.parse(before.now) - Date.parse('2026-12-31T22:59:30Z')) < 60_000, before.now);
    const afterMidnight = await publicOf('immopro', '2026-12-31T23:00:00Z');
    assert.equal(afterMidnight.today, '2027-01-01');
    const krueger = await publicOf('krueger', '2026-12-31T23:00:00Z');
    assert.deepEqual([krueger.timeZone, krueger.today], ['Europe/Berlin', '2027-01-01']);
  });

  test('follows the daylight-saving changes', async () => {
    assert.equal((await publicOf('immopro', '2027-03-28T21:59:00Z')).today, '2027-03-28');
    assert.equal((await publicOf('immopro', '2027-03-28T22:00:00Z')).today, '2027-03-29');
    assert.equal((await publicOf('immopro', '2027-10-31T22:59:00Z')).today, '2027-10-31');
    assert.equal((await publicOf('immopro', '2027-10-31T23:00:00Z')).today, '2027-11-01');
  });

  test('the organization\'s time zone comes from the database (another zone, another day)', async () => {
    await s.db('organizations').where({ slug: 'krueger' }).update({ time_zone: 'America/New_York' });
    try {
      const ny = await publicOf('krueger', '2027-01-01T04:30:00Z');
      assert.deepEqual([ny.timeZone, ny.today], ['America/New_York', '2026-12-31']);
    } finally {
      await s.db('organizations').where({ slug: 'krueger' }).update({ time_zone: 'Europe/Berlin' });
    }
  });
});
