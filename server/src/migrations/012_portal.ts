import type { Knex } from 'knex';

// The whole portal (issue 14): the corporate identity's input colours and logo, the mail sender settings, the office
// hours of property contacts, and read-only preview sessions of a manager as a tenant or owner.
// Portable schema as in 001: ISO 8601 text timestamps, JSON as text, UUID strings.

/**
 * Outside a transaction: on SQLite, adding (and in `down` dropping) the foreign key `organizations.logo_file_id`
 * makes knex copy `organizations` to a new table and drop the old one. Only outside a transaction can knex switch the
 * foreign_keys pragma off for that (https://sqlite.org/pragma.html#pragma_foreign_keys); inside one, the drop deletes
 * every membership, property, contract, file and ticket through ON DELETE CASCADE. knex reads `config.transaction`
 * per migration. (server/test/migration-upgrade.test.ts)
 */
export const config = { transaction: false };

const ref = (t: Knex.CreateTableBuilder | Knex.AlterTableBuilder, column: string, table: string, onDelete = 'CASCADE') =>
  t.string(column, 36).references('id').inTable(table).onDelete(onDelete);

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('organizations', (t) => {
    // ThemeInput as JSON (primary, accent, neutral, fontFamily, radius, name); `theme` keeps the tokens derived from it.
    // '{}' for an organization whose theme was stored before the derivation (its `theme` then holds base colours).
    t.text('theme_input').notNullable().defaultTo('{}');
    // The logo's bytes live in `files` (PNG, JPEG or sanitized SVG); `logo_url` stays the public address.
    ref(t, 'logo_file_id', 'files', 'SET NULL');
    // Display name of the mails' sender and their Reply-To address; null: the organization's name, no Reply-To.
    t.string('sender_name', 80);
    t.string('reply_to', 254);
  });

  await db.schema.alterTable('property_contacts', (t) => {
    t.string('office_hours', 200);
  });

  await db.schema.createTable('preview_sessions', (t) => {
    t.string('id', 36).primary();
    ref(t, 'organization_id', 'organizations').notNullable();
    // The manager who started it.
    ref(t, 'manager_user_id', 'users', 'SET NULL');
    // The person previewed, and the portal user linked to them in this organization (null: the person has no login).
    ref(t, 'person_id', 'persons').notNullable();
    ref(t, 'user_id', 'users', 'SET NULL');
    // sha256 of the single-use code (base64url); null once exchanged.
    t.string('code_hash', 64).unique();
    t.string('created_at', 32).notNullable();
    t.string('expires_at', 32).notNullable();
    t.string('exchanged_at', 32);
    t.string('ended_at', 32);
    t.index(['organization_id', 'created_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('preview_sessions');
  await db.schema.alterTable('property_contacts', (t) => t.dropColumn('office_hours'));
  await db.schema.alterTable('organizations', (t) => {
    t.dropForeign(['logo_file_id']);
    for (const column of ['theme_input', 'logo_file_id', 'sender_name', 'reply_to']) t.dropColumn(column);
  });
}
