import { expect, waitUntil } from '@open-wc/testing';
import { setLocale } from '@hausportal/core';
import { captureDownload, problem } from '@hausportal/core/testing.js';
import type { HpStatementExpenses } from '../src/index.js';
import { $, $$, accounts, deferred, entry, lastQuery, owned, statementRoutes, text, thisYear, view } from './fixtures.js';

const loaded = async (el: HpStatementExpenses) => {
  await el.accounts.taskComplete.catch(() => undefined);
  await el.entries.taskComplete.catch(() => undefined);
  await el.updateComplete;
};
const open = async (el: HpStatementExpenses, account: string) => {
  $<HTMLButtonElement>(el, `[data-account="${account}"] button`)!.click();
  await el.updateComplete;
  await loaded(el);
};

describe('expense accounts view (Belegeinsicht)', () => {
  after(() => setLocale('de'));

  it('groups the accounts into operating costs and reserve with totals', async () => {
    const log: string[] = [];
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes({}, log), { unit: owned });
    await loaded(el);
    expect(lastQuery(log, '/expense-accounts').get('property')).to.equal('prop-naschmarkt');
    const groups = $$(el, 'table.accounts');
    expect(groups.map((g) => text(g.querySelector('caption')))).to.deep.equal(['Betriebskosten (5xxxxx)', 'Rücklage (7xxxxx)']);
    expect([...groups[0]!.querySelectorAll('tbody tr')].map((r) => text(r))).to.deep.equal(['510100 Wasser/Abwasser 3 4.123,45 €', '510200 Müllabfuhr 2 980,00 €']);
    expect([...groups[0]!.querySelectorAll('tfoot th, tfoot td')].map((c) => text(c))).to.deep.equal(['Summe', '5.103,45 €']);
    await expect(el).to.be.accessible();
  });

  it('shows an account\'s postings and downloads a receipt', async () => {
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes(), { unit: owned });
    await loaded(el);
    await open(el, 'acc-water');
    expect($(el, '[data-account="acc-water"] button')!.getAttribute('aria-expanded')).to.equal('true');
    const rows = $$(el, 'table.entries tbody tr');
    expect(rows.map((r) => r.dataset.entry)).to.deep.equal(['x1', 'x2']);
    expect(text(rows[1]!)).to.contain('keine');
    const button = rows[0]!.querySelector<HTMLButtonElement>('button.receipt')!;
    expect(button.getAttribute('aria-label')).to.equal('Beleg ER-1001 herunterladen (2 kB)');
    const file = await captureDownload(() => button.click());
    expect(file.name).to.equal('beleg-1001.pdf');
    expect(file.text).to.equal('%PDF-1.4 test');
    await expect(el).to.be.accessible();
  });

  it('says so when a receipt cannot be downloaded', async () => {
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes({ 'GET /receipts/{id}': () => problem(404, 'not_found', 'Nicht gefunden') }), { unit: owned });
    await loaded(el);
    await open(el, 'acc-water');
    $<HTMLButtonElement>(el, 'button.receipt')!.click();
    await waitUntil(() => $(el, '.notice'), 'a notice');
    expect(text($(el, '.notice'))).to.match(/^Der Beleg konnte nicht geladen werden: /);
  });

  it('loads more postings page by page', async () => {
    const log: string[] = [];
    const { el } = await view<HpStatementExpenses>(
      'hp-statement-expenses',
      statementRoutes(
        {
          'GET /expense-accounts/{id}/entries': ({ query }) =>
            query.get('cursor') ? { account: accounts[0], items: [entry(3)], nextCursor: null } : { account: accounts[0], items: [entry(1), entry(2)], nextCursor: 'page2' },
        },
        log,
      ),
      { unit: owned },
    );
    await loaded(el);
    await open(el, 'acc-water');
    $<HTMLButtonElement>(el, 'button.more')!.click();
    await waitUntil(() => $$(el, 'table.entries tbody tr').length === 3, 'third posting');
    expect($(el, 'button.more')).to.not.exist;
    expect(lastQuery(log, '/expense-accounts/acc-water/entries').get('cursor')).to.equal('page2');
    expect(el.csv().split('\r\n')).to.deep.equal([
      'Konto;Datum;Beleg;Buchungstext;Lieferant;Betrag;Beleg',
      `510100;${entry(1).bookedOn};ER-1001;Wasserrechnung 1;Wiener Wasser;100,01;beleg-1001.pdf`,
      `510100;${entry(2).bookedOn};ER-1002;Wasserrechnung 2;Wiener Wasser;100,02;beleg-1002.pdf`,
      `510100;${entry(3).bookedOn};ER-1003;Wasserrechnung 3;Wiener Wasser;100,03;beleg-1003.pdf`,
      '510100;;;Summe;;300,06;',
      '',
    ]);
  });

  it('treats "not an owner here" (404) as an empty view, other failures as errors with retry', async () => {
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes({ 'GET /expense-accounts': () => problem(404, 'not_found') }), { unit: owned });
    await loaded(el);
    expect(text($(el, '[part=empty]'))).to.equal('Für dieses Jahr gibt es keine Aufwandskonten. Sie sind nur für Eigentümer sichtbar.');
    await expect(el).to.be.accessible();
    const gate = deferred();
    let fail = true;
    const second = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes({ 'GET /expense-accounts': async () => (await gate.promise, fail ? problem(500, 'internal') : { year: thisYear, accounts, properties: [] }) }), { unit: owned });
    expect($(second.el, '[part=loading]')).to.exist;
    gate.resolve();
    await loaded(second.el);
    expect($(second.el, '[part=error]')).to.exist;
    fail = false;
    $<HTMLButtonElement>(second.el, '[part=retry]')!.click();
    await waitUntil(() => $$(second.el, 'table.accounts').length === 2, 'accounts after retry');
  });

  it('exports the accounts as CSV and formats in English', async () => {
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes(), { unit: owned });
    await loaded(el);
    expect(el.csv().split('\r\n').slice(0, 2)).to.deep.equal(['Gruppe;Konto;Bezeichnung;Jahr;Buchungen;Summe', `Betriebskosten (5xxxxx);510100;Wasser/Abwasser;${thisYear};3;4123,45`]);
    expect(el.csvFileName()).to.equal(`belegeinsicht-${thisYear}.csv`);
    await setLocale('en');
    await el.updateComplete;
    expect(text($(el, 'table.accounts tbody tr'))).to.equal('510100 Wasser/Abwasser 3 €4,123.45');
    expect(el.csv().split('\r\n')[1]).to.equal(`Operating costs (5xxxxx),510100,Wasser/Abwasser,${thisYear},3,4123.45`);
  });
});
