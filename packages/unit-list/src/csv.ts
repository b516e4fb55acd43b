import { msg } from '@lit/localize';
import type { Property, UnitSummary } from '@hausportal/api';
import { balanceText, csvMoney, csvNumber, toCsv, type CsvCell, type Locale } from '@hausportal/core';
import { paymentText, roleText, usageText } from './labels.js';

/** File name of the export: "einheiten.csv" / "units.csv". */
export function csvFileName(): string {
  return msg('units.csv', { id: 'units.csv.file' });
}

function header(): string[] {
  return [
    msg('Property', { id: 'units.csv.property' }),
    msg('Address', { id: 'units.csv.address' }),
    msg('Top', { id: 'units.col.top' }),
    msg('EDV no.', { id: 'units.csv.edv' }),
    msg('Usage', { id: 'units.col.usage' }),
    msg('My role', { id: 'units.col.role' }),
    msg('Area (m²)', { id: 'units.csv.area' }),
    msg('Share', { id: 'units.col.share' }),
    msg('Payment', { id: 'units.col.payment' }),
    msg('Valid from', { id: 'units.csv.from' }),
    msg('Valid to', { id: 'units.csv.to' }),
    msg('Month', { id: 'units.csv.month' }),
    msg('Monthly net', { id: 'units.col.net' }),
    msg('VAT', { id: 'units.col.vat' }),
    msg('Monthly gross', { id: 'units.col.gross' }),
    msg('Balance (+ due, − credit)', { id: 'units.csv.balance' }),
    msg('Balance in words', { id: 'units.csv.balanceText' }),
  ];
}

function row(unit: UnitSummary, property: Property | undefined, locale: Locale): CsvCell[] {
  const address = property ? `${property.address.street}, ${property.address.postalCode} ${property.address.city}` : '';
  const monthly = unit.monthly;
  return [
    property?.name ?? '',
    address,
    unit.top,
    unit.edvNo,
    usageText(unit.usage),
    roleText(unit.contract.role),
    csvNumber(unit.areaM2, locale),
    unit.share ? `${unit.share.num}/${unit.share.den}` : '',
    paymentText(unit.contract.paymentMethod),
    unit.contract.validFrom,
    unit.contract.validTo ?? '',
    monthly?.period ?? '',
    monthly ? csvMoney(monthly.netCents, locale) : '',
    monthly ? csvMoney(monthly.vatCents, locale) : '',
    monthly ? csvMoney(monthly.grossCents, locale) : '',
    csvMoney(unit.balanceCents, locale),
    balanceText(unit.balanceCents),
  ];
}

/**
 * The units as CSV in the current language: `;` and decimal comma in German, `,` and decimal point in English;
 * dates as YYYY-MM-DD, money as plain decimals (positive balance = amount due).
 */
export function unitsCsv(units: readonly UnitSummary[], properties: readonly Property[], locale: Locale): string {
  const byId = new Map(properties.map((p) => [p.id, p]));
  return toCsv([header(), ...units.map((unit) => row(unit, byId.get(unit.propertyId), locale))], locale);
}
