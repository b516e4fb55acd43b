import type { Locale } from './context.js';
import { csvMoney, csvNumber, toCsv, type CsvCell } from './export.js';

/**
 * What a column holds: `text` (also identifiers such as Top 3/4, EDV 0048-0002, shares 1/12, document numbers),
 * `money` (integer cents), `number` (a plain number) or `date` (`YYYY-MM-DD`).
 */
export type ColumnKind = 'text' | 'money' | 'number' | 'date';

export interface SheetColumn {
  header: string;
  /** Default `text`. */
  kind?: ColumnKind;
  /** Decimals of a `number` column (default: none for whole numbers, two otherwise). */
  digits?: number;
}

/**
 * One cell, read by its column's kind: cents in a money column, a number in a number column, `YYYY-MM-DD` in a date
 * column. A string in a money or number column (such as "Summe") is written as text; null and '' stay empty.
 */
export type SheetCell = string | number | null | undefined;

/** A table to export as CSV or Excel: the header row comes from the columns. */
export interface Sheet {
  /** Name of the worksheet (shortened to what Excel allows). */
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly (readonly SheetCell[])[];
}

/** Decimals of a number in a column: the column's, else none for whole numbers and two otherwise. */
export const digitsOf = (column: SheetColumn | undefined, value: number): number => column?.digits ?? (Number.isInteger(value) ? 0 : 2);

function csvCell(cell: SheetCell, column: SheetColumn | undefined, locale: Locale): CsvCell {
  if (typeof cell !== 'number') return cell;
  if (column?.kind === 'money') return csvMoney(cell, locale);
  return csvNumber(cell, locale, digitsOf(column, cell));
}

/** The sheet as CSV in the locale's notation ({@link toCsv}): money as plain decimals, dates as YYYY-MM-DD. */
export function sheetCsv(sheet: Sheet, locale: Locale): string {
  const header = sheet.columns.map((c) => c.header);
  return toCsv([header, ...sheet.rows.map((row) => row.map((cell, i) => csvCell(cell, sheet.columns[i], locale)))], locale);
}
