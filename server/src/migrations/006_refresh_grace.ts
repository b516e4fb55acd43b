import type { Knex } from 'knex';

// Refresh-token grace window (DESIGN §6): a used refresh token keeps its successor, encrypted with a server key, for
// a few seconds, so a parallel or repeated refresh with the same cookie gets the same successor instead of revoking
// the family. The partial index finds the few rows still holding one when they are cleared after the window.

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('sessions', (t) => {
    t.text('successor_sealed');
    t.index(['used_at'], 'sessions_successor_sealed_index', { predicate: db.whereNotNull('successor_sealed') });
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('sessions', (t) => {
    t.dropIndex(['used_at'], 'sessions_successor_sealed_index');
    t.dropColumn('successor_sealed');
  });
}
