import { expect, waitUntil } from '@open-wc/testing';
import { setLocale } from '@hausportal/core';
import { problem } from '@hausportal/core/testing.js';
import type { HpStatementCharges } from '../src/index.js';
import { $, $$, deferred, lastQuery, lines, statementRoutes, text, thisYear, view, w2Charges } from './fixtures.js';

const loaded = async (el: HpStatementCharges) => {
  await el.charges.taskComplete.catch(() => undefined);
  await el.updateComplete;
};

/** The text people see: abbreviations as shown, without the full names kept for screen readers. */
function shown(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
  return copy.textContent!.replace(/\s+/g, ' ').trim();
}

describe('charges view (Vorschreibung)', () => {
  after(() => setLocale('de'));

  it('shows the ImmoPro example: lines with key, net, VAT rate, VAT, gross and the month total', async () => {
    const log: string[] = [];
    const { el } = await view<HpStatementCharges>('hp-statement-charges', statementRoutes({}, log));
    await loaded(el);
    const month = $(el, 'tbody[data-period]')!;
    const rows = [...month.querySelectorAll('tr')].map((r) => [...r.children].map(shown));
    expect(rows[1]).to.deep.equal(['Heizkosten', 'Verbrauch', '1', '90,00 €', '20 %', '18,00 €', '108,00 €']);
    expect(rows[3]).to.deep.equal(['Betriebskosten', 'NFL', '78 / 1.240 m²', '120,00 €', '10 %', '12,00 €', '132,00 €']);
    expect(rows[4]).to.deep.equal(['Hauptmietzins', 'NFL', '78 / 1.240 m²', '7.800,00 €', '10 %', '780,00 €', '8.580,00 €']);
    const key = month.querySelectorAll('tr')[3]!.children[1]!;
    expect(key.querySelector('abbr')!.title, 'the tooltip').to.equal('Nutzfläche');
    expect(key.querySelector('.visually-hidden')!.textContent, 'what screen readers hear').to.equal('Nutzfläche');
    const header = $(el, 'thead th:nth-child(2)')!;
    expect([shown(header), header.querySelector('abbr')!.title]).to.deep.equal(['VS', 'Verteilungsschlüssel']);
    expect(rows[5]!.slice(1)).to.deep.equal(['8.088,00 €', '', '817,80 €', '8.905,80 €']);
    const query = lastQuery(log, '/charges');
    expect(query.get('unit')).to.equal('unit-w2');
    expect(query.get('from')).to.equal(`${thisYear}-01`);
    await expect(el).to.be.accessible();
  });

  it('totals the range and splits the VAT by rate', async () => {
    const { el } = await view<HpStatementCharges>('hp-statement-charges', statementRoutes({ 'GET /charges': () => w2Charges([1, 2]) }));
    await loaded(el);
    expect(text($(el, '[data-total]'))).to.equal('Summe 16.176,00 € 1.635,60 € 17.811,60 €');
    const rates = $$(el, 'table.summary tbody tr').map((r) => text(r));
    expect(rates).to.deep.equal(['10 % 15.996,00 € 1.599,60 € 17.595,60 €', '20 % 180,00 € 36,00 € 216,00 €']);
  });

  it('asks for the chosen year and months', async () => {
    const log: string[] = [];
    const { el } = await view<HpStatementCharges>('hp-statement-charges', statementRoutes({}, log));
    await loaded(el);
    const year = $<HTMLSelectElement>(el, '#charges-year')!;
    year.value = String(thisYear - 1);
    year.dispatchEvent(new Event('change'));
    await loaded(el);
    const from = $<HTMLSelectElement>(el, '#charges-from')!;
    from.value = '3';
    from.dispatchEvent(new Event('change'));
    const to = $<HTMLSelectElement>(el, '#charges-to')!;
    to.value = '4';
    to.dispatchEvent(new Event('change'));
    await loaded(el);
    const query = lastQuery(log, '/charges');
    expect([query.get('from'), query.get('to')]).to.deep.equal([`${thisYear - 1}-03`, `${thisYear - 1}-04`]);
    expect($$(el, 'tbody[data-period]')).to.have.length(2);
  });

  it('shows loading, then an empty period in words', async () => {
    const gate = deferred();
    const { el } = await view<HpStatementCharges>('hp-statement-charges', statementRoutes({ 'GET /charges': async () => (await gate.promise, w2Charges([])) }));
    expect($(el, '[part=loading]')).to.exist;
    gate.resolve();
    await loaded(el);
    expect(text($(el, '[part=empty]'))).to.equal('In diesem Zeitraum gibt es keine Vorschreibung.');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that asks again', async () => {
    let fail = true;
    const { el } = await view<HpStatementCharges>('hp-statement-charges', statementRoutes({ 'GET /charges': ({ query }) => (fail ? problem(500, 'internal') : w2Charges([Number(query.get('to')!.slice(5))])) }));
    await loaded(el);
    expect($(el, '[part=error]')).to.exist;
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part=retry]')!.click();
    await waitUntil(() => $(el, 'tbody[data-period]'), 'charges after retry');
  });

  it('formats in English: €1,234.56, English item names and key names', async () => {
    await setLocale('en');
    const { el } = await view<HpStatementCharges>('hp-statement-charges', statementRoutes({ 'GET /charges': () => w2Charges([3]) }), { lang: 'en' });
    await loaded(el);
    const rent = [...$(el, 'tbody[data-period]')!.querySelectorAll('tr')][4]!;
    expect(text(rent)).to.equal('Main rent Floor area 78 / 1,240 m² €7,800.00 10% €780.00 €8,580.00');
    expect(text($(el, '[data-total]'))).to.equal('Total €8,088.00 €817.80 €8,905.80');
  });

  it('exports what it shows as CSV: German with semicolons and decimal commas, English with commas', async () => {
    const { el } = await view<HpStatementCharges>('hp-statement-charges', statementRoutes({ 'GET /charges': () => w2Charges([3]) }));
    await loaded(el);
    const p = `${thisYear}-03`;
    expect(el.csv()).to.equal(
      lines(
        'Top;Monat;Position;Schlüssel;Schlüsselwert;Schlüssel gesamt;Netto;USt-Satz %;USt;Brutto',
        `W2;${p};Heizkosten;Verbrauch;1,00;;90,00;20,00;18,00;108,00`,
        `W2;${p};Warmwasser;Verbrauch;1,00;;78,00;10,00;7,80;85,80`,
        `W2;${p};Betriebskosten;Nutzfläche;78,00;1240,00;120,00;10,00;12,00;132,00`,
        `W2;${p};Hauptmietzins;Nutzfläche;78,00;1240,00;7800,00;10,00;780,00;8580,00`,
        `W2;${p};Summe;;;;8088,00;;817,80;8905,80`,
        `;${p}–${p};Summe;;;;7998,00;10,00;799,80;8797,80`,
        `;${p}–${p};Summe;;;;90,00;20,00;18,00;108,00`,
        `;${p}–${p};Summe;;;;8088,00;;817,80;8905,80`,
      ),
    );
    expect(el.csvFileName()).to.equal(`vorschreibung-${thisYear}.csv`);
    await setLocale('en');
    await el.updateComplete;
    expect(el.csv().split('\r\n')[4]).to.equal(`W2,${p},Main rent,Floor area,78.00,1240.00,7800.00,10.00,780.00,8580.00`);
  });
});
