import type { Knex } from 'knex';
import type { Db } from '../db.ts';

// My read state of a notice (post_reads), per revision (migration 010): first seen (shown in a list, POST /posts/seen),
// opened (POST /posts/{id}/read: no longer "neu") and acknowledged ("Zur Kenntnis genommen"). A later step implies
// the earlier ones, and each time is set once: a repeated or concurrent call never moves a time already stored,
// whichever request or server instance writes first. Portable on SQLite and PostgreSQL: INSERT … ON CONFLICT DO
// NOTHING creates the row, then one UPDATE fills only the times still null (coalesce).

/** How far a person got with a notice; each step includes the ones before it. */
export type ReadStep = 'seen' | 'opened' | 'acknowledged';

const columnsOf: Record<ReadStep, ('first_seen_at' | 'opened_at' | 'acknowledged_at')[]> = {
  seen: ['first_seen_at'],
  opened: ['first_seen_at', 'opened_at'],
  acknowledged: ['first_seen_at', 'opened_at', 'acknowledged_at'],
};

/** Rows per INSERT: 6 bound values each, far below SQLite's limit on variables. */
const chunk = 200;

/**
 * Records `step` for `personId` on the notices `posts` (each with the revision it is read in; normally its current one)
 * at `now` (ISO 8601), keeping every time already stored. One transaction; rows are written in id order, so two
 * requests of one person lock them in the same order and never deadlock on PostgreSQL.
 */
export async function recordPostReads(db: Db, personId: string, posts: { id: string; revision: number }[], step: ReadStep, now: string): Promise<void> {
  const unique = [...new Map(posts.map((p) => [`${p.id}\u0000${p.revision}`, p])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.revision - b.revision));
  if (unique.length === 0) return;
  const columns = columnsOf[step];
  await db.transaction(async (trx: Knex.Transaction) => {
    for (let i = 0; i < unique.length; i += chunk) {
      const rows = unique.slice(i, i + chunk).map((p) => ({
        post_id: p.id,
        person_id: personId,
        revision: p.revision,
        first_seen_at: now,
        opened_at: columns.includes('opened_at') ? now : null,
        acknowledged_at: columns.includes('acknowledged_at') ? now : null,
      }));
      await trx('post_reads').insert(rows).onConflict(['post_id', 'person_id', 'revision']).ignore();
    }
    const byRevision = new Map<number, string[]>();
    for (const p of unique) byRevision.set(p.revision, [...(byRevision.get(p.revision) ?? []), p.id]);
    const fill = Object.fromEntries(columns.map((c) => [c, trx.raw('coalesce(??, ?)', [c, now])]));
    for (const [revision, ids] of byRevision) {
      for (let i = 0; i < ids.length; i += chunk) {
        await trx('post_reads')
          .where({ person_id: personId, revision })
          .whereIn('post_id', ids.slice(i, i + chunk))
          .where((missing) => {
            for (const c of columns) missing.orWhereNull(c);
          })
          .update(fill);
      }
    }
  });
}
