import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { setLocale, XLSX_TYPE } from '@hausportal/core';
import { captureDownload, problem, readXlsx } from '@hausportal/core/testing.js';
import type { HpStatement, HpStatementViewEvent, StatementView } from '../src/index.js';
import { $, $$, deferred, lastQuery, mount, statementRoutes, text, thisYear } from './fixtures.js';

const shown = async (el: HpStatement) => {
  await el.updateComplete;
  await el.detail.taskComplete.catch(() => undefined);
  await el.updateComplete;
  const pending = el.shadowRoot!.querySelector('[data-view]');
  if (pending) await waitUntil(() => el.viewElement, 'the view did not load');
  const view = el.viewElement as (StatementView & { [key: string]: unknown }) | null;
  if (view) {
    await view.updateComplete;
    for (const task of ['charges', 'ledger', 'openItems', 'accounts']) {
      await (view[task] as { taskComplete?: Promise<unknown> } | undefined)?.taskComplete?.catch(() => undefined);
    }
    await view.updateComplete;
  }
};
const selectUnit = (from: Element, unitId: string) =>
  from.dispatchEvent(new CustomEvent('hp-unit-select', { detail: { unitId }, bubbles: true, composed: true }));
const tabs = (el: HpStatement) => $$(el, '[role=tab]').map((t) => `${t.dataset.tab}${t.getAttribute('aria-selected') === 'true' ? '*' : ''}`);

describe('<hp-statement>', () => {
  after(() => setLocale('de'));

  it('asks to sign in when nobody is logged in, without asking the API', async () => {
    const log: string[] = [];
    const { el } = await mount<HpStatement>(html`<hp-statement></hp-statement>`, statementRoutes({}, log), { user: null });
    expect(text($(el, '[part=empty]'))).to.equal('Bitte melden Sie sich an, um Ihr Konto zu sehen.');
    expect(log.filter((l) => !l.includes('/organizations/'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows my first unit and its charges when no unit is given; tenants get three views', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement></hp-statement>`, statementRoutes());
    await shown(el);
    expect(text($(el, '.unit'))).to.equal('Top W2 · Wohnhausanlage Naschmarkt · Mieter · Konto 2100417');
    expect(tabs(el)).to.deep.equal(['charges*', 'ledger', 'open-items']);
    expect(el.viewElement?.localName).to.equal('hp-statement-charges');
    expect($(el, '[role=tabpanel]')!.getAttribute('aria-labelledby')).to.equal('tab-charges');
    await expect(el).to.be.accessible();
  });

  it('switches views by click and by arrow keys, reflects `view` and fires hp-statement-view', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement unit="unit-w2"></hp-statement>`, statementRoutes());
    await shown(el);
    const switched = oneEvent(el, 'hp-statement-view');
    $<HTMLButtonElement>(el, '[data-tab=ledger]')!.click();
    const event = (await switched) as HpStatementViewEvent;
    expect(event.detail.view).to.equal('ledger');
    await shown(el);
    expect(el.getAttribute('view')).to.equal('ledger');
    expect(el.viewElement?.localName).to.equal('hp-statement-ledger');
    $<HTMLButtonElement>(el, '[data-tab=ledger]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(tabs(el)).to.deep.equal(['charges', 'ledger', 'open-items*']);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-tab')).to.equal('open-items');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(tabs(el)[0]).to.equal('charges*');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.view).to.equal('open-items');
    expect($$(el, '[role=tab]').map((t) => t.tabIndex)).to.deep.equal([-1, -1, 0]);
  });

  it('shows loading while the unit loads, without tabs', async () => {
    const gate = deferred();
    const unit = statementRoutes()['GET /units/{id}']!;
    const { el } = await mount<HpStatement>(
      html`<hp-statement unit="unit-w2"></hp-statement>`,
      statementRoutes({ 'GET /units/{id}': async (r) => (await gate.promise, unit(r)) }),
    );
    expect($(el, '[part=loading]')).to.exist;
    expect($$(el, '[role=tab]')).to.have.length(0);
    await expect(el).to.be.accessible();
    gate.resolve();
    await shown(el);
    expect($(el, '[part=loading]')).to.not.exist;
    expect(tabs(el)).to.deep.equal(['charges*', 'ledger', 'open-items']);
  });

  it('wraps around with ArrowLeft and jumps with Home, firing one event per switch', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement unit="unit-3"></hp-statement>`, statementRoutes());
    await shown(el);
    const seen: string[] = [];
    el.addEventListener('hp-statement-view', (e) => seen.push(e.detail.view));
    $<HTMLButtonElement>(el, '[data-tab=charges]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(tabs(el)).to.deep.equal(['charges', 'ledger', 'open-items', 'expenses*']);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-tab')).to.equal('expenses');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.getAttribute('view')).to.equal('charges');
    expect(el.shadowRoot!.activeElement?.getAttribute('data-tab')).to.equal('charges');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(seen).to.deep.equal(['expenses', 'charges']);
  });

  it('follows units chosen anywhere on the page but not in another session, and only while connected', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement unit="unit-w2"></hp-statement>`, statementRoutes());
    await shown(el);
    const other = await mount<HTMLElement>(html`<div></div>`, statementRoutes());
    selectUnit(other.el, 'unit-3');
    expect(el.unit, 'another session').to.equal('unit-w2');
    // A list in some component's shadow root, outside any session.
    const host = document.createElement('div');
    document.body.append(host);
    const list = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    try {
      selectUnit(list, 'unit-3');
      expect(el.unit, 'outside any session').to.equal('unit-3');
      const parent = el.parentElement!;
      el.remove();
      selectUnit(list, 'unit-w2');
      expect(el.unit, 'while removed').to.equal('unit-3');
      parent.append(el);
      selectUnit(list, 'unit-w2');
      expect(el.unit, 'connected again').to.equal('unit-w2');
    } finally {
      host.remove();
    }
  });

  it('offers expense accounts to owners only', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement unit="unit-3" view="expenses"></hp-statement>`, statementRoutes());
    await shown(el);
    expect(tabs(el)).to.deep.equal(['charges', 'ledger', 'open-items', 'expenses*']);
    expect(el.viewElement?.localName).to.equal('hp-statement-expenses');
    el.unit = 'unit-w2';
    await shown(el);
    expect(tabs(el)).to.deep.equal(['charges*', 'ledger', 'open-items']);
    expect(el.viewElement?.localName).to.equal('hp-statement-charges');
  });

  it('follows a unit chosen in a unit list of the same session', async () => {
    const log: string[] = [];
    const { el } = await mount<HpStatement>(html`<hp-statement unit="unit-w2" view="ledger"></hp-statement>`, statementRoutes({}, log));
    await shown(el);
    const list = document.createElement('div');
    el.parentElement!.append(list);
    list.dispatchEvent(new CustomEvent('hp-unit-select', { detail: { unitId: 'unit-3' }, bubbles: true, composed: true }));
    await waitUntil(() => el.unit === 'unit-3', 'unit followed');
    await shown(el);
    expect(el.getAttribute('unit')).to.equal('unit-3');
    expect(text($(el, '.unit'))).to.contain('Top 3');
    expect(lastQuery(log, '/ledger').get('unit')).to.equal('unit-3');
    list.remove();
  });

  it('says when the unit does not exist, and shows other errors with a retry', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement unit="unit-gone"></hp-statement>`, statementRoutes());
    await shown(el);
    expect(text($(el, '[part=empty]'))).to.equal('Diese Einheit wurde nicht gefunden.');
    await expect(el).to.be.accessible();
    let fail = true;
    const unit = statementRoutes()['GET /units/{id}']!;
    const second = await mount<HpStatement>(html`<hp-statement unit="unit-w2"></hp-statement>`, statementRoutes({ 'GET /units/{id}': (r) => (fail ? problem(502, 'bad_gateway') : unit(r)) }));
    await shown(second.el);
    expect($(second.el, '[part=error]')).to.exist;
    await expect(second.el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(second.el, '[part=retry]')!.click();
    await waitUntil(() => text($(second.el, '.unit')).startsWith('Top W2'), 'unit after retry');
  });

  it('says so when the person has no units', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement></hp-statement>`, statementRoutes({ 'GET /units': () => ({ items: [], properties: [], nextCursor: null }) }));
    await shown(el);
    expect(text($(el, '[part=empty]'))).to.equal('Sie haben noch keine Einheiten.');
  });

  it('exports the shown view as CSV and prints', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement unit="unit-w2" view="ledger"></hp-statement>`, statementRoutes());
    await shown(el);
    const file = await captureDownload(() => $<HTMLButtonElement>(el, 'button.csv')!.click());
    expect(file.name).to.equal(`kontoblatt-${thisYear}.csv`);
    expect(file.bytes.slice(0, 3)).to.deep.equal(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(file.text).to.equal(el.csv());
    expect(file.text.split('\r\n')[0]).to.equal('Datum;Beleg;Art;Buchungstext;Fällig;Soll;Haben;Saldo');
    const print = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      $<HTMLButtonElement>(el, 'button.print')!.click();
    } finally {
      window.print = print;
    }
    expect(printed).to.equal(1);
  });

  it('exports the shown view as Excel: the open items as rueckstaende.xlsx', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement unit="unit-w2" view="open-items"></hp-statement>`, statementRoutes());
    await shown(el);
    const file = await captureDownload(() => $<HTMLButtonElement>(el, 'button.xlsx')!.click());
    expect(file.name).to.equal('rueckstaende.xlsx');
    expect(file.type).to.equal(XLSX_TYPE);
    const { sheet } = await readXlsx(file.bytes);
    expect(sheet.name).to.equal('Rückstände');
    expect(sheet.getRow(1).values).to.deep.equal([undefined, 'Top', 'Konto', 'Datum', 'Beleg', 'Buchungstext', 'Fällig', 'Tage überfällig', 'Mahnstufe', 'Betrag', 'Offen']);
    expect(sheet.getCell('B2').value).to.equal('2100417');
    expect($(el, 'button.xlsx')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('says so when the Excel file cannot be made, and CSV still works', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement unit="unit-w2" view="ledger"></hp-statement>`, statementRoutes());
    await shown(el);
    const view = el.viewElement!;
    const sheet = view.sheet.bind(view);
    // A cell the writer cannot take makes it fail, as a chunk that cannot be fetched would.
    view.sheet = () => ({ ...sheet()!, rows: [[Symbol('not a cell') as unknown as string]] });
    $<HTMLButtonElement>(el, 'button.xlsx')!.click();
    await waitUntil(() => $(el, '.hp-export-failure'), 'a failure notice');
    expect(text($(el, '.hp-export-failure'))).to.equal('Die Excel-Datei konnte nicht erstellt werden. Bitte versuchen Sie es erneut oder exportieren Sie CSV.');
    expect($(el, '.hp-export-failure')!.getAttribute('role')).to.equal('alert');
    view.sheet = sheet;
    const file = await captureDownload(() => $<HTMLButtonElement>(el, 'button.csv')!.click());
    expect(file.name).to.equal(`kontoblatt-${thisYear}.csv`);
  });

  it('speaks English', async () => {
    await setLocale('en');
    const { el } = await mount<HpStatement>(html`<hp-statement unit="unit-w2"></hp-statement>`, statementRoutes(), { lang: 'en' });
    await shown(el);
    expect($$(el, '[role=tab]').map((t) => text(t))).to.deep.equal(['Charges', 'Account', 'Open items']);
    expect(text($(el, '.unit'))).to.equal('Top W2 · Wohnhausanlage Naschmarkt · Tenant · Account 2100417');
    expect(text($(el, '.actions'))).to.equal('Export CSV Excel Print');
  });

  it('fits a 320 px wide screen without the page scrolling sideways', async () => {
    const { el } = await mount<HpStatement>(html`<hp-statement unit="unit-w2"></hp-statement>`, statementRoutes());
    el.style.maxWidth = '320px';
    await shown(el);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(el.scrollWidth).to.be.at.most(320);
    for (const view of ['ledger', 'open-items']) {
      $<HTMLButtonElement>(el, `[data-tab=${view}]`)!.click();
      await shown(el);
      expect(el.scrollWidth, view).to.be.at.most(320);
    }
    await expect(el).to.be.accessible();
  });
});
