import type { Locale } from './context.js';

// Region variants giving the conventions the portal's users expect: 1.234,56 € / €1,234.56, 01.03.2026 / 1 Mar 2026.
const regions: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n:${locale}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(regions[locale] ?? regions.de, options)));
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${locale}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(regions[locale] ?? regions.de, options)));
  return format;
}

/** Integer cents as euros: `formatMoney(123456, 'de')` -> "1.234,56 €" (no-break space), 'en' -> "€1,234.56". */
export function formatMoney(cents: number, locale: Locale, currency = 'EUR'): string {
  return numberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // A plain date has no time zone: read and print it in UTC so it never moves by a day.
  return new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
}

function zoneFor(value: string | Date): string | undefined {
  return typeof value === 'string' && DATE_ONLY.test(value) ? 'UTC' : undefined;
}

/** A date: "01.03.2026" (de) / "1 Mar 2026" (en). Accepts `YYYY-MM-DD`, ISO date-times and Date objects. */
export function formatDate(value: string | Date, locale: Locale): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const timeZone = zoneFor(value);
  const options: Intl.DateTimeFormatOptions =
    locale === 'en' ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: '2-digit', month: '2-digit', year: 'numeric' };
  return dateFormat(locale, timeZone ? { ...options, timeZone } : options).format(date);
}

/** Date and time in the viewer's time zone: "01.03.2026, 14:30" (de) / "1 Mar 2026, 14:30" (en). */
export function formatDateTime(value: string | Date, locale: Locale): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const options: Intl.DateTimeFormatOptions =
    locale === 'en' ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: '2-digit', month: '2-digit', year: 'numeric' };
  return dateFormat(locale, { ...options, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** A month of a period `YYYY-MM`: "März 2026" / "March 2026". */
export function formatMonth(period: string, locale: Locale): string {
  const date = new Date(`${period.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return period;
  return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Usable area: "78,00 m²" (de) / "78.00 m²" (en). */
export function formatArea(m2: number, locale: Locale): string {
  return `${numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(m2)}\u00a0m²`;
}

/** A share of the building: "50/300". */
export function formatShare(numerator: number, denominator: number): string {
  return `${numerator}/${denominator}`;
}

/** A rate in basis points (1000 = 10 %): "10 %" (de, no-break space) / "10%" (en); "5,5 %" for 550. */
export function formatPercentBp(basisPoints: number, locale: Locale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10000);
}

/** A plain number with grouping: "1.234,5" / "1,234.5". */
export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}
