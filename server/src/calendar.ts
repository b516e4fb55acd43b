import type { Clock } from './clock.ts';

// Dates are ISO text (YYYY-MM-DD), periods YYYY-MM; both compare correctly as strings.

export const today = (clock: Clock): string => clock().toISOString().slice(0, 10);
export const currentPeriod = (clock: Clock): string => today(clock).slice(0, 7);
export const currentYear = (clock: Clock): number => Number(today(clock).slice(0, 4));
export const periodOf = (date: string): string => date.slice(0, 7);

const monthIndex = (period: string): number => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

/** Months from `from` to `to`, both included. */
export const monthsBetween = (from: string, to: string): number => monthIndex(to) - monthIndex(from) + 1;

export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const minDate = (a: string, b: string | null): string => (b !== null && b < a ? b : a);
