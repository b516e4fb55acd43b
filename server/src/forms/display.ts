// Submitted values as text in German and English, as a ticket's fields show them (TicketField.display). Written by
// hand rather than with Intl, so that the text is the same on every Node build (de-AT groups digits with a blank in
// newer ICU data, and currency formats use a non-breaking space).

/** A text in both languages. */
export interface Bilingual {
  de: string;
  en: string;
}

export const same = (text: string): Bilingual => ({ de: text, en: text });

const grouped = (digits: string, separator: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** Cents as euros: 123456 → "1.234,56 €" / "€1,234.56". */
export function euros(cents: number): Bilingual {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const whole = String(Math.floor(abs / 100));
  const rest = String(abs % 100).padStart(2, '0');
  return { de: `${sign}${grouped(whole, '.')},${rest} €`, en: `${sign}€${grouped(whole, ',')}.${rest}` };
}

/**
 * A number with thousands grouped: 12345.5 → "12.345,5" / "12,345.5". Whole numbers below 10,000 (years, counts)
 * stay ungrouped: 2025 → "2025".
 */
export function decimal(value: number): Bilingual {
  const sign = value < 0 ? '-' : '';
  const [whole = '0', fraction] = String(Math.abs(value)).split('.');
  const tail = (mark: string) => (fraction ? `${mark}${fraction}` : '');
  const plain = Number.isInteger(value) && Math.abs(value) < 10_000;
  const group = (separator: string) => (plain ? whole : grouped(whole, separator));
  return { de: `${sign}${group('.')}${tail(',')}`, en: `${sign}${group(',')}${tail('.')}` };
}

const weekdaysDe = ['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'];
const weekdaysEn = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const parts = (date: string): [number, number, number] => date.split('-').map(Number) as [number, number, number];

/** A day (YYYY-MM-DD): "7.12.2026" / "7 Dec 2026". */
export function day(date: string): Bilingual {
  const [y, m, d] = parts(date);
  return { de: `${d}.${m}.${y}`, en: `${d} ${monthsEn[m - 1]} ${y}` };
}

/** A day with its weekday: "Mo., 7.12.2026" / "Mon, 7 Dec 2026". */
export function weekday(date: string): Bilingual {
  const [y, m, d] = parts(date);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const plain = day(date);
  return { de: `${weekdaysDe[w]}, ${plain.de}`, en: `${weekdaysEn[w]}, ${plain.en}` };
}

/** An IBAN in groups of four: "AT61 1904 3002 3457 3201". */
export const ibanGroups = (iban: string): string => iban.replace(/(.{4})(?=.)/g, '$1 ');

/** Joins bilingual parts with `separator`. */
export const joined = (items: Bilingual[], separator: string): Bilingual => ({
  de: items.map((i) => i.de).join(separator),
  en: items.map((i) => i.en).join(separator),
});
