type ExcelJs = typeof import('exceljs');

let excel: Promise<ExcelJs> | undefined;

/**
 * ExcelJS (a dev dependency), to read the files the writer makes with a library of its own. Its browser build is a
 * UMD file without polyfills: bundlers hand its exports over as the default; a browser loading the file as it is (the
 * test server) runs it as a script that sets `ExcelJS`. Loaded with import(), so that a bundle of the testing helpers
 * can leave it in a chunk of its own.
 */
const loadExcel = (): Promise<ExcelJs> =>
  (excel ??= import('exceljs/dist/exceljs.bare.min.js').then((build: { default?: ExcelJs }) => {
    const loaded = build.default ?? (globalThis as { ExcelJS?: ExcelJs }).ExcelJS;
    if (!loaded) throw new Error('ExcelJS did not load');
    return loaded;
  }));

/**
 * Cell values a spreadsheet would run as formulas unless an export neutralises them: the sign comes after blanks,
 * line breaks or invisible characters, or in fullwidth form.
 */
export const formulaCells: readonly string[] = [
  ' =HYPERLINK("https://x.example";"Beleg")',
  '\u00A0=1+1',
  '\n=1+1',
  '\u3000=1+1',
  '\uFEFF@SUM(A1)',
  '＝1+1',
];

/** The rows and cells of a CSV text (RFC 4180 quoting, CRLF line ends) written with `separator`. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"') {
      if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (quoted || (c !== '"' && c !== separator && !(c === '\r' && text[i + 1] === '\n'))) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else {
      row.push(cell);
      cell = '';
      if (c === '\r') {
        rows.push(row);
        row = [];
        i++;
      }
    }
  }
  return rows;
}

/** The first worksheet of an .xlsx file, read with ExcelJS, and ExcelJS's cell types to compare with. */
export async function readXlsx(file: Uint8Array | Blob) {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file instanceof Blob ? await file.arrayBuffer() : file.slice().buffer);
  return { sheet: workbook.worksheets[0]!, types: ExcelJS.ValueType };
}
