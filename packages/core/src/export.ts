import type { Locale } from './context.js';

/** One CSV cell: text as it is, numbers in the locale's notation (decimal comma in German), empty for null. */
export type CsvCell = string | number | null | undefined;

/** Separator per locale: German spreadsheets expect `;` (the comma is the decimal mark), English ones `,`. */
export function csvSeparator(locale: Locale): string {
  return locale === 'de' ? ';' : ',';
}

/** A number for a spreadsheet cell: no grouping, `1234,56` (de) / `1234.56` (en). */
export function csvNumber(value: number, locale: Locale, fractionDigits = 2): string {
  const text = value.toFixed(fractionDigits);
  return locale === 'de' ? text.replace('.', ',') : text;
}

/** Cents as a plain decimal for a spreadsheet: 123456 -> "1234,56" (de) / "1234.56" (en). */
export function csvMoney(cents: number, locale: Locale): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const text = `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return locale === 'de' ? text.replace('.', ',') : text;
}

/**
 * A spreadsheet skips blanks and invisible characters before a formula sign, so the first visible character decides:
 * `=`, `+`, `-`, `@` and their fullwidth and small forms; a cell starting with a tab or CR is treated the same way.
 */
const FORMULA = /^(?:[\t\r]|[\p{White_Space}\p{Cc}\p{Cf}]*[=+\-@＝＋－＠﹦﹢﹣﹫])/u;
/** A plain negative number as {@link csvMoney} writes it. */
const NEGATIVE_NUMBER = /^-[\d.,]+$/;

/** True when a spreadsheet would run `text` as a formula (CSV injection); plain negative numbers are not. */
function looksLikeFormula(text: string): boolean {
  return FORMULA.test(text) && !NEGATIVE_NUMBER.test(text);
}

function quote(cell: CsvCell, separator: string, locale: Locale): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? csvNumber(cell, locale, Number.isInteger(cell) ? 0 : 2) : cell;
  // Cells a spreadsheet would run as a formula are prefixed with an apostrophe.
  const safe = typeof cell === 'string' && looksLikeFormula(text) ? `'${text}` : text;
  return needsQuotes(safe, separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180 quoting, and more: a text with either list separator (`,` or `;`) or a tab is quoted whatever the file's
 * separator, so a spreadsheet set to the other one (English Excel opening a German file) cannot split it into a
 * cell that starts with `=`. Plain numbers such as `1234,56` stay bare.
 */
function needsQuotes(text: string, separator: string): boolean {
  if (/["\r\n]/.test(text) || text.includes(separator)) return true;
  return /[,;\t]/.test(text) && !/^-?[\d.,]+$/.test(text);
}

/**
 * CSV text (RFC 4180 quoting, CRLF line ends) with the locale's separator; the first row is the header.
 * Strings whose first visible character is `=`, `+`, `-`, `@` (after blanks, line breaks or invisible characters, also
 * in fullwidth form) are prefixed with `'` so a spreadsheet never runs them as formulas; plain negative numbers such
 * as `-12,50` (from {@link csvMoney}) stay as they are.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], locale: Locale): string {
  const separator = csvSeparator(locale);
  return rows.map((row) => row.map((cell) => quote(cell, separator, locale)).join(separator)).join('\r\n') + '\r\n';
}

/** Offers `text` as a file download (UTF-8 with BOM so Excel reads umlauts). */
export function downloadText(fileName: string, text: string, mime = 'text/csv'): void {
  downloadBlob(fileName, new Blob(['\ufeff', text], { type: `${mime};charset=utf-8` }));
}

/** Offers a blob (e.g. a receipt fetched with the session's client) as a file download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
