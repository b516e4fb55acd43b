import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { problem } from '@hausportal/core/testing.js';
import { HpUnitSelectEvent, type HpUnitList } from '../src/index.js';
import { generateUnits } from '../src/testing.js';
import { deferred, kahlenberg, loaded, naschmarkt, root, rowIds, seedData, text, unitList, unitRoutes } from './fixtures.js';

const row = (el: HpUnitList, id: string) => root(el).querySelector<HTMLElement>(`[data-unit="${id}"]`)!;

describe('<hp-unit-list> states', () => {
  it('asks to sign in when nobody is logged in, without asking the API', async () => {
    const log: { limit: string | null; cursor: string | null }[] = [];
    const { el } = await unitList(unitRoutes(seedData, log), { user: null });
    expect(text(el)).to.contain('Bitte melden Sie sich an, um Ihre Einheiten zu sehen.');
    expect(root(el).querySelector('[part=empty]')).to.exist;
    expect(log).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the loading state until the units arrive', async () => {
    const gate = deferred();
    const routes = unitRoutes(seedData);
    const answer = routes['GET /units']!;
    const { el } = await unitList({ 'GET /units': async (request) => (await gate.promise, answer(request)) });
    expect(root(el).querySelector('[part=loading]')).to.exist;
    expect(text(el)).to.contain('Wird geladen');
    await expect(el).to.be.accessible();
    gate.resolve();
    await waitUntil(() => rowIds(el).length === 4, 'rows shown');
    expect(root(el).querySelector('[part=loading]')).to.not.exist;
  });

  it('says "Keine Einheiten" when the person has none', async () => {
    const { el } = await unitList(unitRoutes({ items: [], properties: [] }));
    await loaded(el);
    expect(root(el).querySelector('[part=empty]')!.textContent!.trim()).to.equal('Keine Einheiten');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that loads again', async () => {
    let fail = true;
    const ok = unitRoutes(seedData)['GET /units']!;
    const { el } = await unitList({ 'GET /units': (request) => (fail ? problem(500, 'internal') : ok(request)) });
    await waitUntil(() => root(el).querySelector('[part=error]'), 'error shown');
    expect(text(el)).to.contain('Beim Server ist ein Fehler aufgetreten');
    await expect(el).to.be.accessible();
    fail = false;
    root(el).querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await waitUntil(() => rowIds(el).length === 4, 'rows after retry');
    expect(root(el).querySelector('[part=error]')).to.not.exist;
  });

  it('loads every page with limit 200 and the cursor of the previous page', async () => {
    const log: { limit: string | null; cursor: string | null }[] = [];
    const data = generateUnits(230, { perProperty: 100 });
    const { el } = await unitList(unitRoutes(data, log));
    await loaded(el);
    expect(log.map((c) => c.limit)).to.deep.equal(['200', '200']);
    expect(log[0]!.cursor).to.equal(null);
    expect(log[1]!.cursor).to.be.a('string').and.not.empty;
    expect(text(el)).to.contain('230 Einheiten in 3 Liegenschaften');
    await waitUntil(() => root(el).querySelector('[part=header]'), 'the first property header is rendered');
  });
});

describe('<hp-unit-list> content', () => {
  it('groups the units by property with photo, address and only the contacts given', async () => {
    const { el } = await unitList(unitRoutes(seedData));
    await loaded(el);
    const headers = [...root(el).querySelectorAll<HTMLElement>('[part=header]')];
    expect(headers.map((h) => h.querySelector('h3')!.textContent)).to.deep.equal([naschmarkt.name, kahlenberg.name]);
    const first = headers[0]!;
    expect(text(first)).to.contain('Linke Wienzeile 48, 1060 Wien');
    expect(text(first)).to.contain('2 Einheiten');
    expect(first.querySelector('img')!.alt).to.equal('Foto: Wohnhausanlage Naschmarkt');
    const contacts = [...first.querySelectorAll('li')].map((li) => text(li));
    expect(contacts).to.have.length(2);
    expect(contacts[0]).to.contain('Sachbearbeiter').and.contain('Mag. Petra Hofbauer');
    expect(contacts[1]).to.contain('Hausmeister').and.contain('Josef Novak');
    expect(first.querySelector('a[href="tel:+43158712340"]')!.textContent).to.equal('+43 1 587 12 34-0');
    expect(first.querySelector('a[href="mailto:petra.hofbauer@immopro.example"]')).to.exist;
    expect(first.querySelectorAll('a')).to.have.length(3);
    const second = headers[1]!;
    expect(second.querySelector('img')).to.not.exist;
    expect(text(second)).to.contain('Buchhaltung').and.contain('Ing. Stefan Gruber');
    expect(rowIds(el)).to.deep.equal(['unit-w2', 'unit-7', 'unit-k2', 'unit-g1']);
    await expect(el).to.be.accessible();
  });

  it('shows the columns in German: role, area, share, payment, since, charges and balance in words', async () => {
    const { el } = await unitList(unitRoutes(seedData));
    await loaded(el);
    const w2 = text(row(el, 'unit-w2'));
    for (const part of ['W2', 'EDV 0048-0002', 'Wohnung', 'Mieter', '78,00 m²', '50/300', 'Dauerauftrag', '01.07.2021', '8.088,00 €', '817,80 €', '8.905,80 €', '1.234,56 € Rückstand']) {
      expect(w2).to.contain(part);
    }
    expect(row(el, 'unit-w2').querySelector('.balance.debit')).to.exist;
    expect(text(row(el, 'unit-7'))).to.contain('42,50 € Guthaben');
    expect(row(el, 'unit-7').querySelector('.balance.credit')).to.exist;
    expect(text(row(el, 'unit-k2'))).to.contain('ausgeglichen').and.contain('Eigentümer');
    const g1 = text(row(el, 'unit-g1'));
    expect(g1).to.contain('beendet am 30.06.2025').and.contain('Garage').and.contain('Überweisung');
    expect(row(el, 'unit-g1').classList.contains('inactive')).to.be.true;
    expect(text(el)).to.contain('4 Einheiten in 2 Liegenschaften');
    expect(text(el)).to.contain('Saldo gesamt: 1.192,06 € Rückstand');
  });

  it('speaks English with English number formats', async () => {
    const { el } = await unitList(unitRoutes(seedData), { lang: 'en' });
    await loaded(el);
    expect(text(row(el, 'unit-w2'))).to.contain('€1,234.56 Amount due').and.contain('€8,905.80').and.contain('78.00 m²').and.contain('Tenant');
    expect(text(row(el, 'unit-7'))).to.contain('€42.50 Credit');
    expect(text(row(el, 'unit-k2'))).to.contain('Settled').and.contain('Owner');
    expect(text(el)).to.contain('4 units in 2 properties');
    expect(root(el).querySelector('[part=header] li')!.textContent).to.contain('Case manager');
    await expect(el).to.be.accessible();
  });
});

describe('<hp-unit-list> selecting a unit', () => {
  it('fires hp-unit-select on click', async () => {
    const { el } = await unitList(unitRoutes(seedData));
    await loaded(el);
    const selected = oneEvent(el, HpUnitSelectEvent.eventName);
    row(el, 'unit-7').querySelector<HTMLElement>('.c-usage')!.click();
    const event = await selected;
    expect(event).to.be.instanceOf(HpUnitSelectEvent);
    expect(event.detail).to.deep.equal({ unitId: 'unit-7' });
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('fires hp-unit-select with Enter and Space, arrows move between rows, contact links do not select', async () => {
    const { el } = await unitList(unitRoutes(seedData));
    await loaded(el);
    const seen: string[] = [];
    el.addEventListener('hp-unit-select', (e) => seen.push(e.detail.unitId));
    row(el, 'unit-w2').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowDown' });
    expect(root(el).activeElement).to.equal(row(el, 'unit-7'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowUp' });
    expect(root(el).activeElement).to.equal(row(el, 'unit-7'));
    root(el).querySelector<HTMLAnchorElement>('[part=header] a[href^="mailto:"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    expect(seen).to.deep.equal(['unit-w2', 'unit-k2']);
  });
});
