import type { Knex } from 'knex';
import * as init from './001_init.ts';
import * as unitsMoney from './002_units_money.ts';

type Migration = { up(db: Knex): Promise<void>; down(db: Knex): Promise<void> };

/** Migrations are imported as modules (no directory scan), so they run the same from TypeScript source. */
const migrations: Record<string, Migration> = {
  '001_init': init,
  '002_units_money': unitsMoney,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};
