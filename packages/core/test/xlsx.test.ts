import { expect } from '@open-wc/testing';
import { toXlsx, XLSX_TYPE } from '../src/xlsx.js';
import { sheetCsv, type Sheet } from '../src/sheet.js';
import { formulaCells, readXlsx } from '../src/testing/index.js';

const sheet: Sheet = {
  name: 'Einheiten: 2026/03',
  columns: [
    { header: 'Top' },
    { header: 'EDV-Nr.' },
    { header: 'Anteil' },
    { header: 'Fläche', kind: 'number', digits: 2 },
    { header: 'Gültig ab', kind: 'date' },
    { header: 'Saldo', kind: 'money' },
    { header: 'Jahr', kind: 'number' },
  ],
  rows: [
    ['3/4', '0048-0002', '1/12', 78, '2021-07-01', 123456, 2026],
    ['Summe', '', null, '', '', -4250, undefined],
  ],
};

describe('Excel export', () => {
  it('keeps identifiers as text, money as euros with two decimals, dates as date cells', async () => {
    const blob = await toXlsx(sheet, 'de');
    expect(blob.type).to.equal(XLSX_TYPE);
    const { types, sheet: ws } = await readXlsx(blob);
    expect(ws.name).to.equal('Einheiten 2026 03');
    expect(ws.getRow(1).values).to.deep.equal([undefined, 'Top', 'EDV-Nr.', 'Anteil', 'Fläche', 'Gültig ab', 'Saldo', 'Jahr']);
    expect(ws.getRow(1).font?.bold).to.be.true;
    for (const [ref, value] of [['A2', '3/4'], ['B2', '0048-0002'], ['C2', '1/12'], ['A3', 'Summe']] as const) {
      expect(ws.getCell(ref).type, ref).to.equal(types.String);
      expect(ws.getCell(ref).value, ref).to.equal(value);
    }
    expect(ws.getCell('D2').value).to.equal(78);
    expect(ws.getCell('D2').numFmt).to.equal('#,##0.00');
    expect(ws.getCell('E2').type).to.equal(types.Date);
    expect((ws.getCell('E2').value as Date).toISOString()).to.equal('2021-07-01T00:00:00.000Z');
    expect(ws.getCell('E2').numFmt).to.equal('dd.mm.yyyy');
    expect([ws.getCell('F2').type, ws.getCell('F2').value, ws.getCell('F2').numFmt]).to.deep.equal([types.Number, 1234.56, '#,##0.00']);
    expect([ws.getCell('F3').value, ws.getCell('F3').numFmt]).to.deep.equal([-42.5, '#,##0.00']);
    expect([ws.getCell('G2').value, ws.getCell('G2').numFmt]).to.deep.equal([2026, undefined]);
    for (const ref of ['B3', 'C3', 'D3', 'E3', 'G3']) expect(ws.getCell(ref).type, ref).to.equal(types.Null);
  });

  it('writes formula-like texts as plain text cells, never as formulas', async () => {
    const hostile: Sheet = { name: 'x', columns: [{ header: 'Text' }, { header: 'Betrag', kind: 'money' }], rows: formulaCells.map((v) => [v, v]) };
    const { types, sheet: ws } = await readXlsx(await toXlsx(hostile, 'en'));
    formulaCells.forEach((value, i) => {
      for (const cell of [ws.getCell(i + 2, 1), ws.getCell(i + 2, 2)]) {
        expect(cell.type, JSON.stringify(value)).to.equal(types.String);
        expect(cell.value).to.equal(value);
        expect(cell.formula).to.not.exist;
      }
    });
  });

  it('drops characters XML cannot carry and dates in English as yyyy-mm-dd', async () => {
    const { sheet: ws } = await readXlsx(await toXlsx({ name: '', columns: [{ header: 'a' }, { header: 'b', kind: 'date' }], rows: [['a\u0001b\u000Bc', '2026-03-01']] }, 'en'));
    expect(ws.name).to.equal('Sheet1');
    expect(ws.getCell('A2').value).to.equal('abc');
    expect(ws.getCell('B2').numFmt).to.equal('yyyy-mm-dd');
  });

  it('keeps texts that name properties of Object.prototype, in the header and in cells, next to other texts', async () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const tricky: Sheet = {
      name: 'x',
      columns: [{ header: '' }, { header: 'constructor' }, { header: 'Betrag', kind: 'money' }],
      rows: names.map((name, i) => [`Text ${i % 2}`, name, i === 1 ? 'toString' : i * 100]),
    };
    const { types, sheet: ws } = await readXlsx(await toXlsx(tricky, 'de'));
    expect([ws.getCell('A1').type, ws.getCell('B1').value, ws.getCell('C1').value]).to.deep.equal([types.Null, 'constructor', 'Betrag']);
    expect(ws.getRow(1).font?.bold).to.be.true;
    names.forEach((name, i) => {
      expect([ws.getCell(i + 2, 2).type, ws.getCell(i + 2, 2).value], name).to.deep.equal([types.String, name]);
      expect(ws.getCell(i + 2, 1).value).to.equal(`Text ${i % 2}`);
    });
    expect([ws.getCell('C3').type, ws.getCell('C3').value]).to.deep.equal([types.String, 'toString']);
    expect([ws.getCell('C4').value, ws.getCell('C4').numFmt]).to.deep.equal([2, '#,##0.00']);
  });

  it('writes a large sheet without Web Workers (a page whose CSP allows no blob: workers)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`Buchung ${i}`, i * 101, '2026-01-31']);
    const big: Sheet = { name: 'Journal', columns: [{ header: 'Text' }, { header: 'Betrag', kind: 'money' }, { header: 'Datum', kind: 'date' }], rows };
    const worker = globalThis.Worker;
    globalThis.Worker = class {
      constructor() {
        throw new Error('Web Workers are not allowed on this page');
      }
    } as unknown as typeof Worker;
    let file: Blob;
    try {
      file = await toXlsx(big, 'de');
    } finally {
      globalThis.Worker = worker;
    }
    const { sheet: ws } = await readXlsx(file);
    expect(ws.rowCount).to.equal(3001);
    expect([ws.getCell('A3001').value, ws.getCell('B3001').value]).to.deep.equal(['Buchung 2999', 3028.99]);
  });

  it('the same sheet as CSV: money as decimals, numbers with their digits, dates as they are', () => {
    expect(sheetCsv(sheet, 'de')).to.equal(
      'Top;EDV-Nr.;Anteil;Fläche;Gültig ab;Saldo;Jahr\r\n3/4;0048-0002;1/12;78,00;2021-07-01;1234,56;2026\r\nSumme;;;;;-42,50;\r\n',
    );
  });
});
