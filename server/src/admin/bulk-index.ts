import { parse } from 'csv-parse/sync';
import { HttpProblem } from '../http/problems.ts';
import type { CategoryRow } from './scope.ts';

// The CSV index of a bulk import: UTF-8 (with or without BOM), `;`-separated, an optional header row, the columns
// file;reference;category;title;date. Each line becomes a row; what is wrong with a line is reported with it, only a
// file that cannot be read as CSV at all is a 400.

export const maxIndexRows = 1000;

export interface IndexRow {
  /** 1-based line of the CSV where the row starts. */
  line: number;
  file: string;
  reference: string;
  category: string;
  title: string;
  /** The date as written. */
  date: string;
  /** What is wrong with the line as written (column count), or null. */
  problem: string | null;
}

const indexProblem = (message: string) => new HttpProblem(400, 'validation_failed', message, { errors: [{ field: 'index', code: 'invalid', message }] });

const headers = [
  ['file', 'reference', 'category', 'title', 'date'],
  ['datei', 'referenz', 'kategorie', 'titel', 'datum'],
];
const isHeader = (cells: string[]) => headers.some((h) => h.length === cells.length && h.every((name, i) => cells[i]!.toLowerCase() === name));

/** Parses the CSV; 400 naming `index` when it is not UTF-8, not CSV or too long. */
export function parseIndex(bytes: Buffer): IndexRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw indexProblem('The index must be UTF-8 text.');
  }
  if (text.includes('\u0000')) throw indexProblem('The index must be text (it contains NUL characters).');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // One kind of line break, so that the parser's line count matches the lines as an editor shows them.
    records = parse(text.replace(/\r\n?/g, '\n'), { delimiter: ';', bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (err) {
    throw indexProblem(`The index is not valid CSV: ${(err as Error).message}`);
  }
  if (records.length > 0 && isHeader(records[0]!.record)) records = records.slice(1);
  if (records.length === 0) throw indexProblem('The index has no rows.');
  if (records.length > maxIndexRows) throw indexProblem(`The index may have at most ${maxIndexRows} rows.`);
  return records.map(({ record, info }) => {
    const [file = '', reference = '', category = '', title = '', date = ''] = record;
    // info.lines is the line where the record ends; quoted fields may span lines.
    const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    return {
      line, file: file.normalize('NFC'), reference, category: category.normalize('NFC'), title, date,
      problem: record.length === 5 ? null : `Expected 5 columns (file;reference;category;title;date), found ${record.length}.`,
    };
  });
}

/**
 * `YYYY-MM-DD` or `DD.MM.YYYY` (day and month may have one digit) as an ISO date, or null when it is no calendar day
 * of 1900–2099 (the years a document date may have, as for single uploads).
 */
export function parseDate(text: string): string | null {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
  if (iso === null || !/^(19|20)/.test(iso)) return null;
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso ? iso : null;
}

const same = (a: string, b: string) => a.localeCompare(b, 'de', { sensitivity: 'accent' }) === 0;

/**
 * Finds a category by its German or English name, or by a path of names from an ancestor (`Verträge/Mietverträge`,
 * each level in either language), ignoring case. Returns the category's id, or why none fits.
 */
export function categoryFinder(categories: CategoryRow[]): (text: string) => { id: string } | { problem: string } {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const names = (c: CategoryRow) => [c.name_de.normalize('NFC'), c.name_en.normalize('NFC')];
  /** Whether `segments` (last first) name `c` and its ancestors. */
  const fits = (c: CategoryRow | undefined, segments: string[]): boolean => {
    if (segments.length === 0) return true;
    if (!c || !names(c).some((n) => same(n, segments[0]!))) return false;
    return fits(c.parent_id ? byId.get(c.parent_id) : undefined, segments.slice(1));
  };
  return (text) => {
    if (text === '') return { problem: 'No category.' };
    const whole = categories.filter((c) => names(c).some((n) => same(n, text)));
    const segments = text.split('/').map((s) => s.trim()).reverse();
    const found = whole.length > 0 || segments.length < 2 ? whole : categories.filter((c) => fits(c, segments));
    if (found.length === 1) return { id: found[0]!.id };
    if (found.length === 0) return { problem: `No category "${text}".` };
    return { problem: `Several categories are called "${text}"; name it with its parent, e.g. "Parent/${text}".` };
  };
}
