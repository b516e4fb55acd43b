import type { Knex } from 'knex';
import type { Db } from '../db.ts';

// My read state per document (document_reads): first seen (read in the list or marked) and first opened
// (downloaded, alone or in an archive). Each is set once: a later read never moves an earlier time, whichever server
// instance or request writes first. One portable upsert (INSERT … ON CONFLICT DO UPDATE, SQLite and PostgreSQL).

/** Rows per INSERT: 4 bound values each, far below SQLite's limit on variables. */
const chunk = 200;

/** Keeps the stored time when there is one, else takes the new one. */
const keep = (db: Knex, column: 'first_seen_at' | 'first_opened_at') => db.raw(`coalesce(document_reads.${column}, excluded.${column})`);

/**
 * Records that `personId` has seen (and, with `opened`, downloaded) the documents at `now` (ISO 8601), where that
 * is not recorded yet. Several chunks go in one transaction. The rows are written in id order: two requests of one
 * person (two archives, an archive and "mark all read") then lock them in the same order and never deadlock on
 * PostgreSQL.
 */
export async function recordReads(db: Db, personId: string, documentIds: string[], now: string, opened: boolean): Promise<void> {
  const ids = [...new Set(documentIds)].sort();
  if (ids.length === 0) return;
  const write = async (trx: Knex) => {
    for (let i = 0; i < ids.length; i += chunk) {
      const rows = ids.slice(i, i + chunk).map((id) => ({ document_id: id, person_id: personId, first_seen_at: now, first_opened_at: opened ? now : null }));
      await trx('document_reads')
        .insert(rows)
        .onConflict(['document_id', 'person_id'])
        .merge(opened ? { first_seen_at: keep(trx, 'first_seen_at'), first_opened_at: keep(trx, 'first_opened_at') } : { first_seen_at: keep(trx, 'first_seen_at') });
    }
  };
  if (ids.length <= chunk) await write(db);
  else await db.transaction(write);
}
