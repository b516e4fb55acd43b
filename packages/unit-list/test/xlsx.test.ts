import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setLocale, XLSX_TYPE } from '@hausportal/core';
import { captureDownload, formulaCells, readXlsx } from '@hausportal/core/testing.js';
import { loaded, naschmarkt, root, unitList, unitRoutes, units } from './fixtures.js';

/** Top 3/4 with share 1/12: German Excel turns both into dates when it opens a CSV. */
const top34 = { ...units[0]!, top: '3/4', edvNo: '0048-0002', share: { num: 1, den: 12 } };

const exportXlsx = async (lang: 'de' | 'en' = 'de', data = { items: [top34], properties: [naschmarkt] }) => {
  const { el } = await unitList(unitRoutes(data), { lang });
  await loaded(el);
  const file = await captureDownload(() => root(el).querySelector<HTMLButtonElement>('button.xlsx')!.click());
  return { el, file, ...(await readXlsx(file.bytes)) };
};

describe('unit list Excel export', () => {
  after(() => setLocale('de'));

  it('offers einheiten.xlsx: Top, EDV number and share as text, money as euros, dates as dates', async () => {
    const { file, sheet, types } = await exportXlsx();
    expect(file.name).to.equal('einheiten.xlsx');
    expect(file.type).to.equal(XLSX_TYPE);
    expect(sheet.name).to.equal('Einheiten');
    expect(sheet.getCell('C1').value).to.equal('Top');
    for (const [ref, value] of [['C2', '3/4'], ['D2', '0048-0002'], ['H2', '1/12'], ['L2', '2026-03']] as const) {
      expect([sheet.getCell(ref).type, sheet.getCell(ref).value], ref).to.deep.equal([types.String, value]);
    }
    expect([sheet.getCell('G2').value, sheet.getCell('G2').numFmt]).to.deep.equal([78, '#,##0.00']);
    for (const [ref, euros] of [['M2', 8088], ['N2', 817.8], ['O2', 8905.8], ['P2', 1234.56]] as const) {
      const cell = sheet.getCell(ref);
      expect([cell.type, cell.value, cell.numFmt], ref).to.deep.equal([types.Number, euros, '#,##0.00']);
    }
    expect(sheet.getCell('J2').type).to.equal(types.Date);
    expect((sheet.getCell('J2').value as Date).toISOString().slice(0, 10)).to.equal('2021-07-01');
    expect(sheet.getCell('J2').numFmt).to.equal('dd.mm.yyyy');
    expect(sheet.getCell('K2').type).to.equal(types.Null);
    expect(sheet.getCell('Q2').value).to.equal('Rückstand');
  });

  it('English: units.xlsx with English headers', async () => {
    const { file, sheet } = await exportXlsx('en');
    expect(file.name).to.equal('units.xlsx');
    expect(sheet.name).to.equal('Units');
    expect(sheet.getCell('A1').value).to.equal('Property');
    expect(sheet.getCell('C2').value).to.equal('3/4');
  });

  it('writes formula-like property names and streets as text cells, never as formulas', async () => {
    const properties = formulaCells.map((value, i) => ({ ...naschmarkt, id: `prop-${i}`, name: value, address: { ...naschmarkt.address, street: value } }));
    const items = properties.map((p, i) => ({ ...top34, id: `unit-${i}`, propertyId: p.id, top: `W${i}` }));
    const { sheet, types } = await exportXlsx('de', { items, properties });
    const names: unknown[] = [];
    for (let row = 2; row <= items.length + 1; row++) {
      for (const col of [1, 2]) {
        const cell = sheet.getCell(row, col);
        expect(cell.type).to.equal(types.String);
        expect(cell.formula).to.not.exist;
      }
      names.push(sheet.getCell(row, 1).value);
    }
    expect(names).to.have.members([...formulaCells]);
  });

  it('the export buttons: a labelled group, Enter on Excel downloads, accessible at 320 px', async () => {
    const { el } = await unitList(unitRoutes({ items: [top34], properties: [naschmarkt] }));
    el.style.maxWidth = '320px';
    await loaded(el);
    const group = root(el).querySelector('[role=group].hp-export')!;
    expect(group.getAttribute('aria-labelledby')).to.equal('hp-export-label');
    expect([...group.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['CSV', 'Excel']);
    const excel = root(el).querySelector<HTMLButtonElement>('button.xlsx')!;
    expect(excel.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    excel.focus();
    const file = await captureDownload(() => sendKeys({ press: 'Enter' }));
    expect(file.name).to.equal('einheiten.xlsx');
    await expect(el).to.be.accessible();
  });
});
