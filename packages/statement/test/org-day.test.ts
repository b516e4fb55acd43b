import { expect, waitUntil } from '@open-wc/testing';
import type { OpenItems } from '@hausportal/api';
import type { HpStatementCharges, HpStatementExpenses, HpStatementLedger, HpStatementOpenItems } from '../src/index.js';
import { $, $$, lastQuery, openItems, owned, statementRoutes, text, view } from './fixtures.js';

// "Today" is the organization's (DESIGN §6a): the fake server's clock in its time zone (the demo's Europe/Vienna),
// never this device's clock — which is far from these instants — nor its zone (the far-time-zone group of
// web-test-runner.config.mjs runs this file again in Pacific/Auckland).
const at = (instant: string) => () => new Date(instant);
const lastMinute = at('2026-12-31T22:59:00Z'); // 23:59 on 31 December 2026 in Vienna (13:59 on 1 January in Auckland)
const firstMinute = at('2026-12-31T23:00:00Z'); // 00:00 on 1 January 2027 in Vienna (18:00 on 31 December in New York)

const options = (el: Element, id: string) => [...$<HTMLSelectElement>(el, `#${id}`)!.options].map((o) => o.value);

/** A year of the ledger view once its data asked for that year. */
async function ledgerAt(now: () => Date) {
  const log: string[] = [];
  const { el } = await view<HpStatementLedger>('hp-statement-ledger', statementRoutes({}, log), { now });
  await el.ledger.taskComplete;
  await el.updateComplete;
  return { el, log };
}

/** Open items due on `dueOn` at the server's instant `now`: the days overdue in the table and in the CSV. */
async function overdueAt(now: () => Date, dueOn: string) {
  const item = { ...openItems.items[1]!, dueOn, dunningLevel: 0 };
  const data: OpenItems = { ...openItems, items: [item] };
  const { el } = await view<HpStatementOpenItems>('hp-statement-open-items', statementRoutes({ 'GET /open-items': () => data }), { now });
  await el.openItems.taskComplete;
  await el.updateComplete;
  return { table: text($$(el, 'tbody tr')[0]!.children[4]!), csv: el.csv().split('\r\n')[1]!.split(';')[6] };
}

describe('the organization\'s day in the statement', () => {
  it('ledger at 23:59 on New Year\'s Eve in Vienna: the year 2026', async () => {
    const { el, log } = await ledgerAt(lastMinute);
    expect(lastQuery(log, '/ledger').get('year')).to.equal('2026');
    expect(options(el, 'ledger-year')[0]).to.equal('2026');
  });

  it('ledger at 00:00 on 1 January in Vienna: the year 2027, offered first', async () => {
    const { el, log } = await ledgerAt(firstMinute);
    expect(lastQuery(log, '/ledger').get('year')).to.equal('2027');
    expect(options(el, 'ledger-year')[0]).to.equal('2027');
    expect(el.csvFileName()).to.equal('kontoblatt-2027.csv');
  });

  it('charges: January … December before midnight, January … January after it', async () => {
    for (const [now, range] of [[lastMinute, ['2026-01', '2026-12']], [firstMinute, ['2027-01', '2027-01']]] as const) {
      const log: string[] = [];
      const { el } = await view<HpStatementCharges>('hp-statement-charges', statementRoutes({}, log), { now });
      await el.charges.taskComplete;
      const query = lastQuery(log, '/charges');
      expect([query.get('from'), query.get('to')]).to.deep.equal(range);
    }
  });

  it('expense accounts: the organization\'s year and the two before it', async () => {
    const log: string[] = [];
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes({}, log), { unit: owned, now: firstMinute });
    await el.accounts.taskComplete;
    await el.updateComplete;
    expect(options(el, 'expenses-year')).to.deep.equal(['2027', '2026', '2025']);
    expect(lastQuery(log, '/expense-accounts').get('year')).to.equal('2027');
  });

  it('days overdue count to the organization\'s day: 26 at 23:59, 27 at 00:00 for an item due on 5 December', async () => {
    expect(await overdueAt(lastMinute, '2026-12-05')).to.deep.equal({ table: '26', csv: '26' });
    expect(await overdueAt(firstMinute, '2026-12-05')).to.deep.equal({ table: '27', csv: '27' });
  });

  it('days overdue in summer time: the day turns at 22:00Z (00:00 CEST), in winter time at 23:00Z', async () => {
    expect((await overdueAt(at('2027-03-28T21:59:00Z'), '2027-03-01')).table).to.equal('27');
    expect((await overdueAt(at('2027-03-28T22:00:00Z'), '2027-03-01')).table).to.equal('28');
    expect((await overdueAt(at('2027-10-31T22:59:00Z'), '2027-10-01')).table).to.equal('30');
    expect((await overdueAt(at('2027-10-31T23:00:00Z'), '2027-10-01')).table).to.equal('31');
  });

  it('a page left open over midnight moves on: the ledger asks for the new year by itself', async () => {
    // The server's answer says 23:59:59.7 in Vienna; a third of a second later it is 2027 there.
    const { el, log } = await ledgerAt(at('2026-12-31T22:59:59.700Z'));
    expect(lastQuery(log, '/ledger').get('year')).to.equal('2026');
    await waitUntil(() => lastQuery(log, '/ledger').get('year') === '2027', 'the ledger did not move on to 2027', { timeout: 5000 });
    await el.ledger.taskComplete;
    await el.updateComplete;
    expect(options(el, 'ledger-year')[0]).to.equal('2027');
  });

  it('a year picked stays picked over midnight', async () => {
    const { el, log } = await ledgerAt(at('2026-12-31T22:59:59.700Z'));
    el.year = 2025;
    await el.ledger.taskComplete;
    await waitUntil(() => el.today.year === 2027, 'the organization\'s year did not turn', { timeout: 5000 });
    await el.updateComplete;
    expect(el.year).to.equal(2025);
    expect(lastQuery(log, '/ledger').get('year')).to.equal('2025');
  });
});
