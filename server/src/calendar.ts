import { dayIn } from '@hausportal/api';
import type { Clock } from './clock.ts';

// The organization's calendar (DESIGN §6a): "today", the current month and the current year are the calendar day of
// the organization's time zone (an IANA name such as Europe/Vienna) at the clock's instant — never UTC's day and
// never the server machine's. At 2026-12-31T23:30Z it is already 1 January 2027 in Vienna.
// Dates are ISO text (YYYY-MM-DD), periods YYYY-MM; both compare correctly as strings. dayIn is shared with the
// widgets (@hausportal/api).

export { dayIn };

/**
 * The canonical spelling of an IANA time zone name ("europe/vienna" → "Europe/Vienna"); throws a RangeError for a
 * name Intl does not know and for fixed offsets such as "+01:00", which know no daylight-saving time.
 */
export function timeZoneName(name: string): string {
  const resolved = /^[A-Za-z]/.test(name) ? new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone : '';
  if (!/^[A-Za-z]/.test(resolved)) throw new RangeError(`"${name}" is not an IANA time zone name such as Europe/Vienna.`);
  return resolved;
}

const todays = new Map<string, { minute: number; day: string }>();

/** Today (YYYY-MM-DD) in the organization's time zone on the clock's instant. */
export function today(clock: Clock, timeZone: string): string {
  // Every request asks; the answer can only change at a whole minute (zone offsets are whole minutes today).
  const ms = clock().getTime();
  const minute = Math.floor(ms / 60_000);
  const last = todays.get(timeZone);
  if (last?.minute === minute) return last.day;
  const day = dayIn(ms, timeZone);
  todays.set(timeZone, { minute, day });
  return day;
}
/** This month (YYYY-MM) in the organization's time zone. */
export const currentPeriod = (clock: Clock, timeZone: string): string => periodOf(today(clock, timeZone));
/** This year in the organization's time zone. */
export const currentYear = (clock: Clock, timeZone: string): number => yearOf(today(clock, timeZone));

export const periodOf = (date: string): string => date.slice(0, 7);
export const yearOf = (date: string): number => Number(date.slice(0, 4));

const monthIndex = (period: string): number => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

/** Months from `from` to `to`, both included. */
export const monthsBetween = (from: string, to: string): number => monthIndex(to) - monthIndex(from) + 1;

export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const minDate = (a: string, b: string | null): string => (b !== null && b < a ? b : a);

/** Wall-clock fields of an instant in a time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** What the clock on the wall of `timeZone` shows at `ms` (ms since the epoch), from the runtime's zone data. */
export function wallClock(ms: number, timeZone: string): WallClock {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    wallFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  return { year: part.year!, month: part.month!, day: part.day!, hour: part.hour!, minute: part.minute!, second: part.second! };
}
