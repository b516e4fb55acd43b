import type { Knex } from 'knex';
import * as init from './001_init.ts';
import * as unitsMoney from './002_units_money.ts';
import * as organizationTimeZone from './003_organization_time_zone.ts';
import * as accessIndexes from './005_access_indexes.ts';
import * as refreshGrace from './006_refresh_grace.ts';
import * as listIndexes from './007_list_indexes.ts';
import * as documents from './008_documents.ts';
import * as tickets from './009_tickets.ts';
import * as posts from './010_posts.ts';
import * as chat from './011_chat.ts';
import * as portal from './012_portal.ts';
import * as pageSessionToken from './013_page_session_token.ts';

type Migration = { up(db: Knex): Promise<void>; down(db: Knex): Promise<void> };

/** Migrations are imported as modules (no directory scan), so they run the same from TypeScript source. */
const migrations: Record<string, Migration> = {
  '001_init': init,
  '002_units_money': unitsMoney,
  '003_organization_time_zone': organizationTimeZone,
  '005_access_indexes': accessIndexes,
  '006_refresh_grace': refreshGrace,
  '007_list_indexes': listIndexes,
  '008_documents': documents,
  '009_tickets': tickets,
  '010_posts': posts,
  '011_chat': chat,
  '012_portal': portal,
  '013_page_session_token': pageSessionToken,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};
