import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setLocale } from '@hausportal/core';
import { captureDownload, problem } from '@hausportal/core/testing.js';
import type { HpStatementExpenses } from '../src/index.js';
import { $, $$, accounts, deferred, entry, lastQuery, lines, owned, statementRoutes, text, thisYear, view } from './fixtures.js';

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
    expect(text(rows[1]!.lastElementChild)).to.equal('kein Beleg');
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

  it('exports the accounts with group totals as CSV and formats in English', async () => {
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes(), { unit: owned });
    await loaded(el);
    expect(el.csv()).to.equal(lines(
      'Gruppe;Konto;Bezeichnung;Jahr;Buchungen;Summe',
      `Betriebskosten (5xxxxx);510100;Wasser/Abwasser;${thisYear};3;4123,45`,
      `Betriebskosten (5xxxxx);510200;Müllabfuhr;${thisYear};2;980,00`,
      `Betriebskosten (5xxxxx);;Summe Betriebskosten (5xxxxx);${thisYear};5;5103,45`,
      `Rücklage (7xxxxx);710100;Zuführung Rücklage;${thisYear};12;15000,00`,
      `Rücklage (7xxxxx);;Summe Rücklage (7xxxxx);${thisYear};12;15000,00`,
    ));
    expect(el.csvFileName()).to.equal(`belegeinsicht-${thisYear}.csv`);
    await setLocale('en');
    await el.updateComplete;
    expect(text($(el, 'table.accounts tbody tr'))).to.equal('510100 Wasser/Abwasser 3 €4,123.45');
    expect(el.csv().split('\r\n').slice(1, 4)).to.deep.equal([
      `Operating costs (5xxxxx),510100,Wasser/Abwasser,${thisYear},3,4123.45`,
      `Operating costs (5xxxxx),510200,Müllabfuhr,${thisYear},2,980.00`,
      `Operating costs (5xxxxx),,Total Operating costs (5xxxxx),${thisYear},5,5103.45`,
    ]);
    await open(el, 'acc-water');
    expect(text($(el, 'table.entries tbody tr'))).to.contain('€100.01');
    expect(text($(el, 'table.entries tbody tr:last-child td:last-child'))).to.equal('no receipt');
  });

  it('asks for another year from the picker and reloads the chosen account for it', async () => {
    const log: string[] = [];
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes({}, log), { unit: owned });
    await loaded(el);
    await open(el, 'acc-water');
    const picker = $<HTMLSelectElement>(el, 'select#expenses-year')!;
    expect([...picker.options].map((o) => o.value)).to.deep.equal([thisYear, thisYear - 1, thisYear - 2].map(String));
    expect(text(el.shadowRoot!.querySelector(`label[for=${picker.id}]`))).to.equal('Jahr');
    picker.value = String(thisYear - 1);
    picker.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await loaded(el);
    expect(lastQuery(log, '/expense-accounts').get('year')).to.equal(String(thisYear - 1));
    expect(lastQuery(log, '/expense-accounts/acc-water/entries').get('year')).to.equal(String(thisYear - 1));
    expect(el.csvFileName()).to.equal(`belegeinsicht-${thisYear - 1}.csv`);
  });

  it('opens and closes an account from the keyboard', async () => {
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes(), { unit: owned });
    await loaded(el);
    const button = () => $<HTMLButtonElement>(el, '[data-account="acc-reserve"] button')!;
    button().focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await loaded(el);
    expect(button().getAttribute('aria-expanded')).to.equal('true');
    expect($(el, 'table.entries caption')!.textContent).to.contain('710100 Zuführung Rücklage');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(button().getAttribute('aria-expanded')).to.equal('false');
    expect($(el, 'table.entries')).to.not.exist;
    expect(el.csv().split('\r\n')[0]).to.equal('Gruppe;Konto;Bezeichnung;Jahr;Buchungen;Summe');
  });

  it('says so when an owner\'s building has no accounts in the year', async () => {
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes({ 'GET /expense-accounts': () => ({ year: thisYear, accounts: [], properties: [] }) }), { unit: owned });
    await loaded(el);
    expect($(el, '[part=empty]')).to.exist;
    expect(el.csv()).to.equal('Gruppe;Konto;Bezeichnung;Jahr;Buchungen;Summe\r\n');
    await expect(el).to.be.accessible();
  });

  it('retries postings that failed to load', async () => {
    let fail = true;
    const routes = statementRoutes({ 'GET /expense-accounts/{id}/entries': () => (fail ? problem(500, 'internal') : { account: accounts[0], items: [entry(1)], nextCursor: null }) });
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', routes, { unit: owned });
    await loaded(el);
    await open(el, 'acc-water');
    expect($(el, '[part=error]')).to.exist;
    expect($$(el, 'table.accounts')).to.have.length(2);
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part=retry]')!.click();
    await waitUntil(() => $$(el, 'table.entries tbody tr').length === 1, 'posting after retry');
  });

  it('drops a further page that arrives after another account was chosen', async () => {
    const gate = deferred();
    const routes = statementRoutes({
      'GET /expense-accounts/{id}/entries': async ({ params, query }) => {
        if (query.get('cursor')) await gate.promise;
        const account = accounts.find((a) => a.id === params.id)!;
        return query.get('cursor') ? { account, items: [entry(7)], nextCursor: null } : { account, items: [entry(1)], nextCursor: params.id === 'acc-water' ? 'page2' : null };
      },
    });
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', routes, { unit: owned });
    await loaded(el);
    await open(el, 'acc-water');
    const more = el.loadMore();
    await open(el, 'acc-waste');
    gate.resolve();
    await more;
    await el.updateComplete;
    expect(el.shownEntries.map((e) => e.id)).to.deep.equal(['x1']);
    expect($(el, 'button.more')).to.not.exist;
  });

  it('fits 320 px without scrolling sideways', async () => {
    const { el } = await view<HpStatementExpenses>('hp-statement-expenses', statementRoutes(), { unit: owned });
    el.style.width = '320px';
    await loaded(el);
    await open(el, 'acc-water');
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});
