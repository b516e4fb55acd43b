import { expect, waitUntil } from '@open-wc/testing';
import { setLocale } from '@hausportal/core';
import { problem } from '@hausportal/core/testing.js';
import type { HpStatementLedger } from '../src/index.js';
import { generateLedger } from '../src/testing.js';
import { $, $$, deferred, lastQuery, ledger, lines, statementRoutes, text, thisYear, view } from './fixtures.js';

const loaded = async (el: HpStatementLedger) => {
  await el.ledger.taskComplete.catch(() => undefined);
  await el.updateComplete;
};
const cells = (row: Element) => [...row.querySelectorAll('[role=cell], [role=rowheader]')].map((c) => text(c));


describe('generateLedger', () => {
  it('builds exactly n entries that add up: running balance, debit, credit and closing balance', () => {
    for (const n of [0, 1, 13, 2000]) {
      const data = generateLedger(n, { year: 2024, unitId: 'unit-x' });
      expect(data.entries, `n=${n}`).to.have.length(n);
      expect([data.unitId, data.year]).to.deep.equal(['unit-x', 2024]);
      let balance = 0;
      let debit = 0;
      let credit = 0;
      data.entries.forEach((e, i) => {
        balance += e.amountCents;
        expect(e.balanceCents, `balance of entry ${i}`).to.equal(balance);
        expect(e.kind === 'carry_forward', `carry-forward only first (${i})`).to.equal(i === 0);
        if (i > 0) {
          expect(e.bookedOn >= data.entries[i - 1]!.bookedOn, `booking order at ${i}`).to.be.true;
          if (e.amountCents > 0) debit += e.amountCents;
          else credit -= e.amountCents;
        }
        expect(e.bookedOn.startsWith('2024-') && !Number.isNaN(Date.parse(e.bookedOn)), e.bookedOn).to.be.true;
      });
      expect(data.carryForwardCents).to.equal(data.entries[0]?.amountCents ?? 0);
      expect([data.debitCents, data.creditCents]).to.deep.equal([debit, credit]);
      expect(data.closingBalanceCents).to.equal(data.carryForwardCents + debit - credit);
      expect(data.closingBalanceCents).to.equal(data.entries.at(-1)?.balanceCents ?? 0);
    }
  });

  it('is deterministic and refuses a negative or fractional count', () => {
    expect(generateLedger(500)).to.deep.equal(generateLedger(500));
    expect(() => generateLedger(-1)).to.throw(RangeError);
    expect(() => generateLedger(2.5)).to.throw(RangeError);
  });
});

describe('ledger view (Kontoblatt)', () => {
  after(() => setLocale('de'));

  it('shows carry-forward, postings with debit or credit, the running balance and the closing balance in words', async () => {
    const log: string[] = [];
    const { el } = await view<HpStatementLedger>('hp-statement-ledger', statementRoutes({}, log));
    await loaded(el);
    const rows = $$(el, '.body [role=row]');
    expect(rows.map((r) => r.dataset.entry)).to.deep.equal(['e0', 'e1', 'e2', 'e3']);
    expect(cells(rows[0]!)).to.deep.equal([`01.01.${thisYear}`, `SV-${thisYear}`, `Saldovortrag ${thisYear - 1}`, '', '', '', '100,00 €']);
    expect(cells(rows[1]!)).to.deep.equal([`01.01.${thisYear}`, 'VS-01', 'Vorschreibung 01', `05.01.${thisYear}`, '8.905,80 €', '', '9.005,80 €']);
    expect(cells(rows[2]!)).to.deep.equal([`12.01.${thisYear}`, 'ZA-01', 'Überweisung', '', '', '8.905,80 €', '100,00 €']);
    expect(cells($(el, '.sums')!)).to.deep.equal(['Summe des Jahres', '17.811,60 €', '8.905,80 €']);
    expect(text($(el, '.closing'))).to.equal('9.005,80 € Rückstand');
    expect($(el, '.closing .balance.debit')).to.exist;
    expect(lastQuery(log, '/ledger').get('year')).to.equal(String(thisYear));
    await expect(el).to.be.accessible();
  });

  it('asks for another year', async () => {
    const log: string[] = [];
    const { el } = await view<HpStatementLedger>('hp-statement-ledger', statementRoutes({}, log));
    await loaded(el);
    const year = $<HTMLSelectElement>(el, '#ledger-year')!;
    expect([...year.options].map((o) => Number(o.value))).to.deep.equal([0, 1, 2, 3, 4, 5].map((i) => thisYear - i));
    year.value = String(thisYear - 2);
    year.dispatchEvent(new Event('change'));
    await loaded(el);
    expect(lastQuery(log, '/ledger').get('year')).to.equal(String(thisYear - 2));
  });

  it('shows loading, an empty year and an error with retry', async () => {
    const gate = deferred();
    let answer: unknown = { ...ledger, entries: [], debitCents: 0, creditCents: 0, closingBalanceCents: 0 };
    const { el } = await view<HpStatementLedger>('hp-statement-ledger', statementRoutes({ 'GET /ledger': async () => (await gate.promise, answer) }));
    expect($(el, '[part=loading]')).to.exist;
    gate.resolve();
    await loaded(el);
    expect(text($(el, '[part=empty]'))).to.equal('In diesem Jahr gibt es keine Buchungen.');
    answer = problem(503, 'unavailable');
    void el.ledger.run();
    await loaded(el);
    expect($(el, '[part=error]')).to.exist;
    await expect(el).to.be.accessible();
    answer = ledger;
    $<HTMLButtonElement>(el, '[part=retry]')!.click();
    await waitUntil(() => $$(el, '.body [role=row]').length === 4, 'rows after retry');
  });

  it('shows a credit in words and in English', async () => {
    await setLocale('en');
    const credit = { ...ledger, closingBalanceCents: -4250 };
    const { el } = await view<HpStatementLedger>('hp-statement-ledger', statementRoutes({ 'GET /ledger': () => credit }), { lang: 'en' });
    await loaded(el);
    expect(text($(el, '.closing'))).to.equal('€42.50 Credit');
    expect(cells($$(el, '.body [role=row]')[1]!)[4]).to.equal('€8,905.80');
  });

  it('renders only the rows in view for a long year, and every row when printing', async () => {
    const long = generateLedger(2000);
    const { el } = await view<HpStatementLedger>('hp-statement-ledger', statementRoutes({ 'GET /ledger': () => long }));
    await loaded(el);
    await waitUntil(() => $$(el, '.body [role=row]').length > 0, 'virtualized rows');
    const shown = $$(el, '.body [role=row]').length;
    expect(shown).to.be.greaterThan(0).and.lessThan(200);
    expect($(el, '.ledger.virtual')).to.exist;
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect($$(el, '.body [role=row]')).to.have.length(2000);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    await waitUntil(() => $$(el, '.body [role=row]').length < 200, 'virtualized again');
  });

  it('exports every posting as CSV with kind, debit, credit, balance and the closing words', async () => {
    const { el } = await view<HpStatementLedger>('hp-statement-ledger', statementRoutes());
    await loaded(el);
    const y = thisYear;
    expect(el.csv()).to.equal(
      lines(
        'Datum;Beleg;Art;Buchungstext;Fällig;Soll;Haben;Saldo',
        `${y}-01-01;SV-${y};Saldovortrag;Saldovortrag ${y - 1};;;;100,00`,
        `${y}-01-01;VS-01;Vorschreibung;Vorschreibung 01;${y}-01-05;8905,80;;9005,80`,
        `${y}-01-12;ZA-01;Zahlung;Überweisung;;;8905,80;100,00`,
        `${y}-02-01;VS-02;Vorschreibung;Vorschreibung 02;${y}-02-05;8905,80;;9005,80`,
        ';;;Summe des Jahres;;17811,60;8905,80;',
        ';;;Endsaldo;;;;9005,80',
        ';;;Rückstand;;;;',
      ),
    );
    expect(el.csvFileName()).to.equal(`kontoblatt-${y}.csv`);
  });
});
