// The Excel writer, loaded with import() from xlsx.ts: in bundles this module and ExcelJS are one lazy chunk.
import * as browserBuild from 'exceljs/dist/exceljs.bare.min.js';
import type { Worksheet } from 'exceljs';
import type { Locale } from './context.js';
import { digitsOf, type Sheet, type SheetCell, type SheetColumn } from './sheet.js';

type ExcelJs = typeof import('exceljs');

/**
 * ExcelJS's browser build (a UMD file without polyfills): bundlers wrap it and hand its exports over as the default;
 * a browser loading the file as it is (the test server) runs it as a script that sets `ExcelJS`.
 */
const loaded = (browserBuild as { default?: ExcelJs }).default ?? (globalThis as { ExcelJS?: ExcelJs }).ExcelJS;
if (!loaded) throw new Error('ExcelJS did not load');
export const ExcelJS: ExcelJs = loaded;

const MONEY_FORMAT = '#,##0.00';
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Characters XML 1.0 cannot carry; Excel refuses a file that contains them.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A cell's value and number format as Excel should keep it (null: leave the cell empty). */
function excelValue(cell: SheetCell, column: SheetColumn | undefined): { value: string | number | Date; numFmt?: string } | null {
  if (cell === null || cell === undefined || cell === '') return null;
  const kind = column?.kind ?? 'text';
  if (typeof cell === 'number' && kind === 'money') return { value: cell / 100, numFmt: MONEY_FORMAT };
  if (typeof cell === 'number') {
    const digits = digitsOf(column, cell);
    return { value: cell, numFmt: digits ? `#,##0.${'0'.repeat(digits)}` : undefined };
  }
  const date = kind === 'date' ? DATE.exec(cell) : null;
  if (date) return { value: new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))) };
  return { value: cell.replace(NOT_XML, '').slice(0, 32767) };
}

function fill(sheet: Worksheet, source: Sheet, locale: Locale): void {
  const dateFormat = locale === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  const widths = source.columns.map((c) => c.header.length);
  sheet.addRow(source.columns.map((c) => c.header)).font = { bold: true };
  source.rows.forEach((row, r) => {
    row.forEach((cell, i) => {
      const value = excelValue(cell, source.columns[i]);
      if (!value) return;
      // A string value always becomes a text cell: ExcelJS writes a formula only for { formula } objects.
      const target = sheet.getCell(r + 2, i + 1);
      target.value = value.value;
      if (value.value instanceof Date) target.numFmt = dateFormat;
      else if (value.numFmt) target.numFmt = value.numFmt;
      widths[i] = Math.max(widths[i] ?? 0, String(cell).length);
    });
  });
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, width + 2))));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Excel allows 31 characters and none of `[]:*?/\` in a worksheet name. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\\s]+/g, ' ').trim().slice(0, 31) || 'Sheet1';

/** The bytes of the .xlsx file (see `toXlsx` in xlsx.ts). */
export async function writeXlsx(source: Sheet, locale: Locale): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet(sheetName(source.name)), source, locale);
  return workbook.xlsx.writeBuffer();
}
