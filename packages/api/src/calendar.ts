// Calendar days of instants in a time zone, the same on the server and in the widgets (DESIGN §6a: "today" is the
// organization's day). Dates are YYYY-MM-DD text, which compares correctly as a string.

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day (YYYY-MM-DD) of an instant in a time zone: an IANA name such as Europe/Vienna, or undefined for
 * the zone of the machine it runs on. At 2026-12-31T23:30Z it is 2027-01-01 in Vienna.
 */
export function dayIn(instant: number | Date, timeZone?: string): string {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, calendar: 'iso8601', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(key, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is the earlier day. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
