// The Excel writer, loaded with import() from xlsx.ts: in bundles this module, write-excel-file and fflate are one
// lazy chunk.
import type { Cell, CellObject, Feature, Row } from 'write-excel-file/browser';
import { sanitizeTextContent } from 'write-excel-file/utility';
// What write-excel-file's browser entry runs, except that it zips with fflate's zipSync on the main thread (as ExcelJS
// did). The entry's async zip hands each file of 160 kB or more (a sheet of some 600 rows) to a Web Worker made from
// a blob: URL; a page whose Content-Security-Policy allows no blob: workers (script-src 'self', as on the server's
// own pages) blocks it without fflate noticing, and the export would never finish. The package's exports do not list
// this module, so it is reached by its path (types in write-excel-file.d.ts).
import { generateXlsxFileSync } from '../../../node_modules/write-excel-file/modules/export/writeXlsxFileUniversal.js';
import type { Locale } from './context.js';
import { digitsOf, type Sheet, type SheetCell, type SheetColumn } from './sheet.js';

type FileContent = Blob | ArrayBuffer;

const MONEY_FORMAT = '#,##0.00';
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Characters XML 1.0 cannot carry; Excel refuses a file that contains them.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A cell as Excel should keep it: text, a number with its format, a date (null: leave the cell empty). */
function excelCell(cell: SheetCell, column: SheetColumn | undefined, dateFormat: string): CellObject | null {
  if (cell === null || cell === undefined || cell === '') return null;
  const kind = column?.kind ?? 'text';
  if (typeof cell === 'number' && kind === 'money') return { value: cell / 100, type: Number, format: MONEY_FORMAT };
  if (typeof cell === 'number') {
    const digits = digitsOf(column, cell);
    return digits ? { value: cell, type: Number, format: `#,##0.${'0'.repeat(digits)}` } : { value: cell, type: Number };
  }
  const date = kind === 'date' ? DATE.exec(cell) : null;
  if (date) return { value: new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))), type: Date, format: dateFormat };
  // Always a text cell: write-excel-file writes a formula only for type 'Formula'.
  return { value: cell.replace(NOT_XML, '').slice(0, 32767), type: String };
}

/** Excel allows 31 characters and none of `[]:*?/\` in a worksheet name. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\\s]+/g, ' ').trim().slice(0, 31) || 'Sheet1';

/**
 * Two repairs of write-excel-file 4.1's sheet XML. Its shared strings are looked up in a plain object, so a text that
 * names a property of Object.prototype ('constructor', 'toString', '__proto__') finds that property instead of an
 * index and its cell would point at nothing: those cells (`inline`, by address) are written as inline strings. And
 * the header row takes the style of its cells (bold) as its own, as a row formatted in Excel has it.
 */
function repairs(inline: ReadonlyMap<string, string>): Feature<FileContent> {
  let headerStyle: string | number | undefined;
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transformElementAttributes: (tag, attributes, index) => {
            if (tag === 'c' && attributes.r === 'A1') headerStyle = attributes.s;
            if (tag === 'row' && index === 0 && headerStyle !== undefined) return { ...attributes, s: headerStyle, customFormat: 1 };
            return attributes;
          },
          transform: (xml) =>
            inline.size === 0
              ? xml
              : xml.replace(/<c\b([^>]*?)(\/>|>[\s\S]*?<\/c>)/g, (markup, attributes: string, rest: string) => {
                  const text = rest === '/>' ? undefined : inline.get(/\br="([A-Z]+\d+)"/.exec(attributes)?.[1] ?? '');
                  if (text === undefined) return markup;
                  return `<c${attributes.replace(/\st="[^"]*"/, '')} t="inlineStr"><is><t xml:space="preserve">${sanitizeTextContent(text)}</t></is></c>`;
                }),
        },
      },
    },
  };
}

/** The column letters of a 0-based index (0 → A, 26 → AA). */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The .xlsx file (see `toXlsx` in xlsx.ts). */
export function writeXlsx(source: Sheet, locale: Locale): Promise<Blob> {
  const dateFormat = locale === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  const widths = source.columns.map((c) => c.header.length);
  const inline = new Map<string, string>();
  const text = (cell: CellObject, ref: () => string): CellObject => {
    if (typeof cell.value === 'string' && cell.value in Object.prototype) inline.set(ref(), cell.value);
    return cell;
  };
  const data: Row[] = [
    source.columns.map((c, i) => text({ value: c.header, type: String, fontWeight: 'bold' }, () => `${columnName(i)}1`)),
    ...source.rows.map((row, r) =>
      row.map((cell, i): Cell => {
        const value = excelCell(cell, source.columns[i], dateFormat);
        if (!value) return null;
        widths[i] = Math.max(widths[i] ?? 0, String(cell).length);
        return text(value, () => `${columnName(i)}${r + 2}`);
      }),
    ),
  ];
  const columns = widths.map((width) => ({ width: Math.min(60, Math.max(8, width + 2)) }));
  return generateXlsxFileSync(
    data,
    { sheet: sheetName(source.name), columns, stickyRowsCount: 1 },
    { features: [repairs(inline)] },
    () => Promise.reject(new Error('a sheet has no file content besides its XML')),
  );
}
