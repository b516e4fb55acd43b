import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../src/db.ts';
import { migrationSource } from '../src/migrations/index.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { freshDatabase } from './helpers.ts';

// An upgrade runs the new migrations on a database full of data (server start, docs/deploy.md "Upgrades"). On SQLite,
// knex changes a table's foreign keys by copying it to a new table and dropping the old one; inside a transaction the
// foreign_keys pragma cannot be switched off (https://sqlite.org/pragma.html#pragma_foreign_keys), so dropping
// `organizations` would delete every row that cascades from it.

/** Rows of the tables that hang on `organizations` through ON DELETE CASCADE. */
async function counts(db: Db): Promise<Record<string, number>> {
  const tables = ['organizations', 'users', 'memberships', 'properties', 'units', 'contracts', 'files', 'documents', 'tickets', 'faq_entries'];
  const result: Record<string, number> = {};
  for (const table of tables) result[table] = Number((await db(table).count({ n: '*' }).first())?.n ?? 0);
  return result;
}

test('migration 012 down and up again on a seeded database keeps every row', async () => {
  const database = await freshDatabase();
  try {
    const { db, schema } = database;
    await seedDemo(db);
    const before = await counts(db);
    assert.ok(before.memberships! > 0 && before.files! > 0 && before.tickets! > 0, 'the demo has rows to lose');
    await db.migrate.down({ migrationSource, schemaName: schema, name: '012_portal' });
    assert.deepEqual(await counts(db), before, 'after down');
    await db.migrate.latest({ migrationSource, schemaName: schema });
    assert.deepEqual(await counts(db), before, 'after up');
  } finally {
    await database.drop();
  }
});
