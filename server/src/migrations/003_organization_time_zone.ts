import type { Knex } from 'knex';

// Every organization counts its days in its own time zone (DESIGN §6a): an IANA name such as Europe/Vienna.
// Existing organizations get Vienna's; names are checked with Intl where they are written (see calendar.ts).
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('organizations', (t) => {
    t.string('time_zone', 64).notNullable().defaultTo('Europe/Vienna');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('organizations', (t) => {
    t.dropColumn('time_zone');
  });
}
