import { expect } from '@open-wc/testing';
import type { ChargeStatement, ExpenseAccount } from '@hausportal/api';
import { formulaCells, parseCsv } from '@hausportal/core/testing.js';
import type { HpStatementCharges, HpStatementExpenses, HpStatementLedger, HpStatementOpenItems, StatementView } from '../src/index.js';
import { $, accounts, entry, ledger, openItems, owned, statementRoutes, view, w2Charges, w2Lines } from './fixtures.js';

/** Every text field that reaches an export carries one of the hostile values. */
const hostile = (i: number) => formulaCells[i % formulaCells.length]!;
const neutralised = formulaCells.map((value) => `'${value}`);

function hostileCharges(): ChargeStatement {
  const data = w2Charges([1]);
  const unit = data.units[0]!;
  const lines = formulaCells.map((label, i) => ({ ...w2Lines[i % w2Lines.length]!, label }));
  return { ...data, units: [{ ...unit, top: hostile(0), periods: unit.periods.map((p) => ({ ...p, lines })) }] };
}

const hostileAccounts: ExpenseAccount[] = formulaCells.map((name, i) => ({ ...accounts[0]!, id: `acc-${i}`, accountNo: `5101${i}0`, name }));

const routes = () =>
  statementRoutes({
    'GET /charges': () => hostileCharges(),
    'GET /ledger': () => ({ ...ledger, entries: formulaCells.map((text, i) => ({ ...ledger.entries[1]!, id: `h${i}`, docNo: text, text })) }),
    'GET /open-items': () => ({ ...openItems, items: formulaCells.map((text, i) => ({ ...openItems.items[0]!, id: `h${i}`, text })) }),
    'GET /expense-accounts': () => ({ year: accounts[0]!.year, accounts: hostileAccounts, properties: [] }),
    'GET /expense-accounts/{id}/entries': ({ params }) => ({
      account: hostileAccounts.find((a) => a.id === params.id)!,
      items: formulaCells.map((vendor, i) => ({ ...entry(i + 1), text: vendor, vendor })),
      nextCursor: null,
    }),
  });

async function shown<T extends StatementView>(tag: string, task: (el: T) => Promise<unknown>): Promise<T> {
  const { el } = await view<T>(tag, routes(), { unit: owned });
  await task(el).catch(() => undefined);
  await el.updateComplete;
  return el;
}

/** Column `index` of the rows after the header, one per hostile value. */
const column = (csv: string, index: number) =>
  parseCsv(csv, ';')
    .slice(1, formulaCells.length + 1)
    .map((row) => row[index]);

describe('statement exports with formula-like texts', () => {
  it('charges: the Top and the line texts are neutralised in the CSV', async () => {
    const el = await shown<HpStatementCharges>('hp-statement-charges', (el) => el.charges.taskComplete);
    expect(column(el.csv(), 2)).to.deep.equal(neutralised);
    expect(column(el.csv(), 0)).to.deep.equal(formulaCells.map(() => neutralised[0]));
  });

  it('ledger: document numbers and posting texts are neutralised in the CSV', async () => {
    const el = await shown<HpStatementLedger>('hp-statement-ledger', (el) => el.ledger.taskComplete);
    expect(column(el.csv(), 1)).to.deep.equal(neutralised);
    expect(column(el.csv(), 3)).to.deep.equal(neutralised);
  });

  it('open items: the item texts are neutralised in the CSV', async () => {
    const el = await shown<HpStatementOpenItems>('hp-statement-open-items', (el) => el.openItems.taskComplete);
    expect(column(el.csv(), 4)).to.deep.equal(neutralised);
  });

  it('expense accounts: account names, posting texts and vendors are neutralised in the CSV', async () => {
    const el = await shown<HpStatementExpenses>('hp-statement-expenses', (el) => el.accounts.taskComplete);
    expect(column(el.csv(), 2)).to.deep.equal(neutralised);
    $<HTMLButtonElement>(el, '[data-account="acc-0"] button')!.click();
    await el.updateComplete;
    await el.entries.taskComplete;
    expect(column(el.csv(), 3)).to.deep.equal(neutralised);
    expect(column(el.csv(), 4)).to.deep.equal(neutralised);
  });
});
