import type { Db } from '../db.ts';

// Ticket numbers (DESIGN §6a): per organization and year of the organization's calendar, "2026-00042". The next
// sequence number is the year's highest plus one, read inside the writing transaction; two transactions at once may
// read the same one (PostgreSQL, read committed), and the unique index tickets(organization_id, year, seq) lets only
// one of them keep it: the other one's insert is undone to a savepoint and tried again with a fresh read.

/** "2026-00042": the year and the sequence number with at least five digits. */
export const ticketNumber = (year: number, seq: number): string => `${year}-${String(seq).padStart(5, '0')}`;

/** Tries before a run of lost races gives up (each lost race means another ticket was numbered meanwhile). */
const maxTries = 50;

interface DbError {
  code?: string;
  errno?: number;
  constraint?: string;
  message?: string;
}

/**
 * The columns or constraint name of a unique violation, or null for any other error: PostgreSQL 23505 (its
 * constraint's name, e.g. "tickets_organization_id_year_seq_unique"), SQLite SQLITE_CONSTRAINT (its message names
 * the columns, "UNIQUE constraint failed: tickets.organization_id, tickets.year, tickets.seq").
 */
export function uniqueViolation(err: unknown): string | null {
  const e = (err ?? {}) as DbError;
  if (e.code === '23505') return e.constraint ?? e.message ?? '';
  if (typeof e.message === 'string' && /UNIQUE constraint failed/.test(e.message)) return e.message;
  return null;
}

/** True for a unique violation of tickets(organization_id, year, seq). */
const lostNumber = (err: unknown): boolean => {
  const which = uniqueViolation(err);
  return which !== null && /year_seq|tickets\.seq/.test(which);
};

/**
 * Runs `insert(savepoint, seq, number)` with the organization's next sequence number of `year` inside a savepoint of `trx`;
 * when another transaction took that number first, the savepoint is undone and the next free number tried. Other
 * errors pass through. `insert` writes through `savepoint`; returns what it returns.
 */
export async function withTicketNumber<T>(trx: Db, organizationId: string, year: number, insert: (savepoint: Db, seq: number, number: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await trx.transaction(async (savepoint) => {
        const row = (await savepoint('tickets').where({ organization_id: organizationId, year }).max({ seq: 'seq' }).first()) as { seq: number | string | null } | undefined;
        const seq = Number(row?.seq ?? 0) + 1;
        return insert(savepoint, seq, ticketNumber(year, seq));
      });
    } catch (err) {
      if (!lostNumber(err) || attempt >= maxTries) throw err;
    }
  }
}
