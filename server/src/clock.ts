/** The source of "now"; tests pass one they can move forward. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that starts at `instant` (ISO 8601) now and runs on at the system clock's pace. */
export function clockStartingAt(instant: string): Clock {
  const offset = Date.parse(instant) - Date.now();
  return () => new Date(Date.now() + offset);
}

export const iso = (date: Date): string => date.toISOString();

export const addSeconds = (date: Date, seconds: number): Date => new Date(date.getTime() + seconds * 1000);
