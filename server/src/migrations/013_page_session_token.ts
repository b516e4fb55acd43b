import type { Knex } from 'knex';

// Refresh tokens in response bodies (issue 15, DESIGN §6 cross-site sessions): a page whose browser refuses the
// refresh cookie gets its session's refresh token in the body of POST /auth/session-token and keeps it in memory. Such
// a family is marked with its absolute end, which no rotation moves (server/src/auth/sessions.ts
// `pageTokenLifetimeSeconds`); null for every cookie family. Portable as in 001: ISO 8601 text timestamps.

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('sessions', (t) => {
    t.string('body_expires_at', 32);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('sessions', (t) => {
    t.dropColumn('body_expires_at');
  });
}
