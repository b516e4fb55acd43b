import type { Locale } from './context.js';
import type { Sheet } from './sheet.js';
import { importOnce } from './import-once.js';

// By package name, so tools that measure lazy chunks (bench/sizes.ts) see it as one.
type Writer = typeof import('@hausportal/core/xlsx-writer.js');

/** Loads the Excel writer once (a separate chunk in bundles, fetched on the first Excel export). */
// A failed load is forgotten: a later export tries again, e.g. once the network is back.
const loadWriter: () => Promise<Writer> = importOnce(() => import('@hausportal/core/xlsx-writer.js'));

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The sheet as an Excel workbook (.xlsx): identifiers and texts as text cells (so Excel keeps `3/4`, `1/12` and
 * `0048-0002`, and a text starting with `=` is never a formula), money as numbers in euros with the format
 * `#,##0.00`, other numbers with their decimals, dates as date cells (`dd.mm.yyyy` in German), the header row bold
 * and frozen.
 */
export async function toXlsx(sheet: Sheet, locale: Locale): Promise<Blob> {
  const file = await (await loadWriter()).writeXlsx(sheet, locale);
  return new Blob([file], { type: XLSX_TYPE });
}
