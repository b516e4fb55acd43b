import { expect } from '@open-wc/testing';
import { setLocale } from '@hausportal/core';
import { captureDownload, formulaCells, parseCsv } from '@hausportal/core/testing.js';
import { unitsCsv, type HpUnitList } from '../src/index.js';
import { loaded, naschmarkt, root, seedData, unitList, unitRoutes, units } from './fixtures.js';

const lines = (...rows: string[]) => rows.map((r) => `${r}\r\n`).join('');

const german = lines(
  'Liegenschaft;Adresse;Top;EDV-Nr.;Nutzung;Meine Rolle;Fläche (m²);Anteil;Zahlungsart;Gültig ab;Gültig bis;Monat;Monatlich netto;USt;Monatlich brutto;"Saldo (+ Rückstand, − Guthaben)";Saldo in Worten',
  'Wohnhausanlage Naschmarkt;"Linke Wienzeile 48, 1060 Wien";W2;0048-0002;Wohnung;Mieter;78,00;50/300;Dauerauftrag;2021-07-01;;2026-03;8088,00;817,80;8905,80;1234,56;Rückstand',
  'Wohnhausanlage Naschmarkt;"Linke Wienzeile 48, 1060 Wien";7;0048-0007;Wohnung;Mieter;64,50;41/300;SEPA-Lastschrift;2024-03-01;;2026-03;612,00;61,20;673,20;-42,50;Guthaben',
  'Kahlenberger Straße 12;"Kahlenberger Straße 12, 1190 Wien";2;0112-0002;Wohnung;Eigentümer;91,25;120/1000;SEPA-Lastschrift;2015-01-01;;2026-03;250,00;29,00;279,00;0,00;ausgeglichen',
  'Kahlenberger Straße 12;"Kahlenberger Straße 12, 1190 Wien";G1;0112-0101;Garage;Eigentümer;14,00;;Überweisung;2010-05-01;2025-06-30;;;;;0,00;ausgeglichen',
);

const english = lines(
  'Property,Address,Top,EDV no.,Usage,My role,Area (m²),Share,Payment,Valid from,Valid to,Month,Monthly net,VAT,Monthly gross,"Balance (+ due, − credit)",Balance in words',
  'Wohnhausanlage Naschmarkt,"Linke Wienzeile 48, 1060 Wien",W2,0048-0002,Apartment,Tenant,78.00,50/300,Standing order,2021-07-01,,2026-03,8088.00,817.80,8905.80,1234.56,Amount due',
  'Wohnhausanlage Naschmarkt,"Linke Wienzeile 48, 1060 Wien",7,0048-0007,Apartment,Tenant,64.50,41/300,SEPA direct debit,2024-03-01,,2026-03,612.00,61.20,673.20,-42.50,Credit',
  'Kahlenberger Straße 12,"Kahlenberger Straße 12, 1190 Wien",2,0112-0002,Apartment,Owner,91.25,120/1000,SEPA direct debit,2015-01-01,,2026-03,250.00,29.00,279.00,0.00,Settled',
  'Kahlenberger Straße 12,"Kahlenberger Straße 12, 1190 Wien",G1,0112-0101,Garage,Owner,14.00,,Bank transfer,2010-05-01,2025-06-30,,,,,0.00,Settled',
);

describe('unit list CSV', () => {
  after(() => setLocale('de'));

  it('German: semicolons, decimal comma, signed balance and its words', async () => {
    await setLocale('de');
    expect(unitsCsv(seedData.items, seedData.properties, 'de')).to.equal(german);
  });

  it('English: commas (quoted where needed), decimal point', async () => {
    await setLocale('en');
    expect(unitsCsv(seedData.items, seedData.properties, 'en')).to.equal(english);
  });

  it('the export button offers einheiten.csv with the filtered, sorted rows (UTF-8 with BOM)', async () => {
    const { el } = await unitList(unitRoutes(seedData));
    await loaded(el);
    await pick(el, 1, 'tenant');
    root(el).querySelector<HTMLButtonElement>('[role=columnheader].c-balance button')!.click();
    root(el).querySelector<HTMLButtonElement>('[role=columnheader].c-balance button')!.click();
    await el.updateComplete;
    const file = await captureDownload(() => root(el).querySelector<HTMLButtonElement>('button.csv')!.click());
    expect(file.name).to.equal('einheiten.csv');
    expect([...file.bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const rows = german.split('\r\n');
    expect(file.text).to.equal(lines(rows[0]!, rows[1]!, rows[2]!));
    expect(el.csv()).to.equal(lines(rows[0]!, rows[1]!, rows[2]!));
  });

  it('the English export is units.csv', async () => {
    const { el } = await unitList(unitRoutes(seedData), { lang: 'en' });
    await loaded(el);
    const file = await captureDownload(() => root(el).querySelector<HTMLButtonElement>('button.csv')!.click());
    expect(file.name).to.equal('units.csv');
    expect(file.text).to.equal(english);
  });

  it('neutralises formula-like property names and streets in the downloaded file', async () => {
    const properties = formulaCells.map((value, i) => ({ ...naschmarkt, id: `prop-${i}`, name: value, address: { ...naschmarkt.address, street: value } }));
    const items = properties.map((p, i) => ({ ...units[0]!, id: `unit-${i}`, propertyId: p.id, top: `W${i}` }));
    const { el } = await unitList(unitRoutes({ items, properties }));
    await loaded(el);
    const file = await captureDownload(() => root(el).querySelector<HTMLButtonElement>('button.csv')!.click());
    const rows = parseCsv(file.text, ';').slice(1);
    expect(rows.map((r) => [r[0], r[1]])).to.have.deep.members(formulaCells.map((v) => [`'${v}`, `'${v}, 1060 Wien`]));
  });
});

async function pick(el: HpUnitList, index: number, value: string): Promise<void> {
  const target = root(el).querySelectorAll('select')[index]!;
  target.value = value;
  target.dispatchEvent(new Event('change'));
  await el.updateComplete;
}
