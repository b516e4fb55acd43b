// The units' export (CSV, Excel): its columns and rows. `<hp-unit-list>` loads this module with import() beside the
// units' first page (hp-unit-list.ts, loadSheet), so its code and texts are not part of the element's own chunk.
import { msg } from '@lit/localize';
import type { Property, UnitSummary } from '@hausportal/api';
import { balanceText, registerTranslations, sheetCsv, type Locale, type Sheet, type SheetCell, type SheetColumn } from '@hausportal/core';
import { templates } from './locales/de-sheet.js';
import { paymentText, roleText, usageText } from './labels.js';

registerTranslations('de', templates);

/** File name of the exports without extension: "einheiten" / "units". */
export function exportFileName(): string {
  return msg('units', { id: 'units.file' });
}

function columns(): SheetColumn[] {
  return [
    { header: msg('Property', { id: 'units.csv.property' }) },
    { header: msg('Address', { id: 'units.csv.address' }) },
    { header: msg('Top', { id: 'units.col.top' }) },
    { header: msg('EDV no.', { id: 'units.csv.edv' }) },
    { header: msg('Usage', { id: 'units.col.usage' }) },
    { header: msg('My role', { id: 'units.col.role' }) },
    { header: msg('Area (m²)', { id: 'units.csv.area' }), kind: 'number', digits: 2 },
    { header: msg('Share', { id: 'units.col.share' }) },
    { header: msg('Payment', { id: 'units.col.payment' }) },
    { header: msg('Valid from', { id: 'units.csv.from' }), kind: 'date' },
    { header: msg('Valid to', { id: 'units.csv.to' }), kind: 'date' },
    { header: msg('Month', { id: 'units.csv.month' }) },
    { header: msg('Monthly net', { id: 'units.col.net' }), kind: 'money' },
    { header: msg('VAT', { id: 'units.col.vat' }), kind: 'money' },
    { header: msg('Monthly gross', { id: 'units.col.gross' }), kind: 'money' },
    { header: msg('Balance (+ due, − credit)', { id: 'units.csv.balance' }), kind: 'money' },
    { header: msg('Balance in words', { id: 'units.csv.balanceText' }) },
  ];
}

function row(unit: UnitSummary, property: Property | undefined): SheetCell[] {
  const address = property ? `${property.address.street}, ${property.address.postalCode} ${property.address.city}` : '';
  const monthly = unit.monthly;
  return [
    property?.name ?? '',
    address,
    unit.top,
    unit.edvNo,
    usageText(unit.usage),
    roleText(unit.contract.role),
    unit.areaM2,
    unit.share ? `${unit.share.num}/${unit.share.den}` : '',
    paymentText(unit.contract.paymentMethod),
    unit.contract.validFrom,
    unit.contract.validTo ?? '',
    monthly?.period ?? '',
    monthly?.netCents,
    monthly?.vatCents,
    monthly?.grossCents,
    unit.balanceCents,
    balanceText(unit.balanceCents),
  ];
}

/**
 * The units as a sheet in the current language (Top, EDV number and share as text, money in cents, dates as
 * YYYY-MM-DD; positive balance = amount due).
 */
export function unitsSheet(units: readonly UnitSummary[], properties: readonly Property[]): Sheet {
  const byId = new Map(properties.map((p) => [p.id, p]));
  return { name: msg('Units', { id: 'units.sheet' }), columns: columns(), rows: units.map((unit) => row(unit, byId.get(unit.propertyId))) };
}

/** The units as CSV: `;` and decimal comma in German, `,` and decimal point in English. */
export function unitsCsv(units: readonly UnitSummary[], properties: readonly Property[], locale: Locale): string {
  return sheetCsv(unitsSheet(units, properties), locale);
}
