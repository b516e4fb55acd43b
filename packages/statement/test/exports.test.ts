import { expect } from '@open-wc/testing';
import type { ChargeStatement, ExpenseAccount } from '@hausportal/api';
import { toXlsx } from '@hausportal/core';
import { formulaCells, parseCsv, readXlsx } from '@hausportal/core/testing.js';
import type { HpStatementCharges, HpStatementExpenses, HpStatementLedger, HpStatementOpenItems, StatementView } from '../src/index.js';
import { $, accounts, entry, ledger, openItems, owned, statementRoutes, thisYear, view, w2, w2Charges, w2Lines } from './fixtures.js';

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

/** The view's sheet as an .xlsx file, read back: column `index` (1-based) of the rows after the header must hold the hostile values as plain text. */
async function expectTextCells(el: StatementView, ...columns: number[]): Promise<void> {
  const { sheet, types } = await readXlsx(await toXlsx(el.sheet()!, 'de'));
  for (const col of columns) {
    const cells = formulaCells.map((_, i) => sheet.getCell(i + 2, col));
    expect(cells.map((c) => c.value), `column ${col}`).to.deep.equal([...formulaCells]);
    for (const cell of cells) {
      expect(cell.type).to.equal(types.String);
      expect(cell.formula).to.not.exist;
    }
  }
}

describe('statement exports with formula-like texts', () => {
  it('charges: the Top and the line texts are neutralised in the CSV and plain text in Excel', async () => {
    const el = await shown<HpStatementCharges>('hp-statement-charges', (el) => el.charges.taskComplete);
    expect(column(el.csv(), 2)).to.deep.equal(neutralised);
    expect(column(el.csv(), 0)).to.deep.equal(formulaCells.map(() => neutralised[0]));
    await expectTextCells(el, 3);
  });

  it('ledger: document numbers and posting texts are neutralised in the CSV and plain text in Excel', async () => {
    const el = await shown<HpStatementLedger>('hp-statement-ledger', (el) => el.ledger.taskComplete);
    expect(column(el.csv(), 1)).to.deep.equal(neutralised);
    expect(column(el.csv(), 3)).to.deep.equal(neutralised);
    await expectTextCells(el, 2, 4);
  });

  it('open items: the item texts are neutralised in the CSV and plain text in Excel', async () => {
    const el = await shown<HpStatementOpenItems>('hp-statement-open-items', (el) => el.openItems.taskComplete);
    expect(column(el.csv(), 4)).to.deep.equal(neutralised);
    await expectTextCells(el, 5);
  });

  it('expense accounts: account names, posting texts and vendors are neutralised in the CSV and plain text in Excel', async () => {
    const el = await shown<HpStatementExpenses>('hp-statement-expenses', (el) => el.accounts.taskComplete);
    expect(column(el.csv(), 2)).to.deep.equal(neutralised);
    await expectTextCells(el, 3);
    $<HTMLButtonElement>(el, '[data-account="acc-0"] button')!.click();
    await el.updateComplete;
    await el.entries.taskComplete;
    expect(column(el.csv(), 3)).to.deep.equal(neutralised);
    expect(column(el.csv(), 4)).to.deep.equal(neutralised);
    await expectTextCells(el, 4, 5);
  });
});

/** Type, value and number format of the cells at `refs` of the view's sheet written as .xlsx. */
async function excelCells(el: StatementView, refs: string[]) {
  const { sheet, types } = await readXlsx(await toXlsx(el.sheet()!, 'de'));
  const name = (type: number) => Object.entries(types).find(([, value]) => value === type)?.[0];
  return Object.fromEntries(refs.map((ref) => [ref, [name(sheet.getCell(ref).type), sheet.getCell(ref).value, sheet.getCell(ref).numFmt]]));
}

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('statement Excel files', () => {
  const mounted = async <T extends StatementView>(tag: string, task: (el: T) => Promise<unknown>) => {
    const { el } = await view<T>(tag, statementRoutes(), { unit: owned });
    await task(el).catch(() => undefined);
    await el.updateComplete;
    return el;
  };

  it('charges: Top and month as text, key values and VAT rate as numbers, money in euros', async () => {
    const el = await mounted<HpStatementCharges>('hp-statement-charges', (el) => el.charges.taskComplete);
    expect(await excelCells(el, ['A2', 'B2', 'E2', 'F2', 'G2', 'H2', 'I2', 'J2', 'F4'])).to.deep.equal({
      A2: ['String', 'W2', undefined],
      B2: ['String', `${thisYear}-01`, undefined],
      E2: ['Number', 1, '#,##0.00'],
      F2: ['Null', null, undefined],
      G2: ['Number', 90, '#,##0.00'],
      H2: ['Number', 20, '#,##0.00'],
      I2: ['Number', 18, '#,##0.00'],
      J2: ['Number', 108, '#,##0.00'],
      F4: ['Number', 1240, '#,##0.00'],
    });
  });

  it('ledger: dates as dates, document numbers as text, debit, credit and balance in euros', async () => {
    const el = await mounted<HpStatementLedger>('hp-statement-ledger', (el) => el.ledger.taskComplete);
    expect(await excelCells(el, ['A3', 'B3', 'E3', 'F3', 'G3', 'H3', 'G4'])).to.deep.equal({
      A3: ['Date', date(`${thisYear}-01-01`), 'dd.mm.yyyy'],
      B3: ['String', 'VS-01', undefined],
      E3: ['Date', date(`${thisYear}-01-05`), 'dd.mm.yyyy'],
      F3: ['Number', 8905.8, '#,##0.00'],
      G3: ['Null', null, undefined],
      H3: ['Number', 9005.8, '#,##0.00'],
      G4: ['Number', 8905.8, '#,##0.00'],
    });
  });

  it('open items: account number as text, days overdue as a number, amounts in euros', async () => {
    const el = await mounted<HpStatementOpenItems>('hp-statement-open-items', (el) => el.openItems.taskComplete);
    const cells = await excelCells(el, ['A2', 'B2', 'D2', 'G2', 'I2', 'J2', 'J5']);
    expect(cells.G2![0]).to.equal('Number');
    delete cells.G2;
    expect(cells).to.deep.equal({
      A2: ['String', w2.top, undefined],
      B2: ['String', '2100417', undefined],
      D2: ['String', 'VS-09', undefined],
      I2: ['Number', 8905.8, '#,##0.00'],
      J2: ['Number', 4905.8, '#,##0.00'],
      J5: ['Number', 13826.6, '#,##0.00'],
    });
  });

  it('expense accounts: account numbers as text, year and postings as whole numbers, totals in euros', async () => {
    const el = await mounted<HpStatementExpenses>('hp-statement-expenses', (el) => el.accounts.taskComplete);
    expect(await excelCells(el, ['B2', 'D2', 'E2', 'F2', 'F4'])).to.deep.equal({
      B2: ['String', '510100', undefined],
      D2: ['Number', thisYear, undefined],
      E2: ['Number', 3, undefined],
      F2: ['Number', 4123.45, '#,##0.00'],
      F4: ['Number', 5103.45, '#,##0.00'],
    });
  });
});
