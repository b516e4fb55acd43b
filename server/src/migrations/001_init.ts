import type { Knex } from 'knex';

// Portable schema: no engine-specific SQL. JSON is stored as text, timestamps as ISO 8601 UTC strings
// (they sort and compare correctly as text on SQLite and PostgreSQL alike), ids as UUID strings.
const id = (t: Knex.CreateTableBuilder) => t.string('id', 36).primary();
const time = (t: Knex.CreateTableBuilder, name: string) => t.string(name, 32);

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('settings', (t) => {
    t.string('key', 100).primary();
    t.text('value').notNullable();
  });

  await db.schema.createTable('organizations', (t) => {
    id(t);
    t.string('slug', 63).notNullable().unique();
    t.string('name', 200).notNullable();
    t.text('theme').notNullable().defaultTo('{}');
    t.string('logo_url', 500);
    t.text('legal_links').notNullable().defaultTo('{}');
    t.text('features').notNullable().defaultTo('{}');
    t.text('allowed_origins').notNullable().defaultTo('[]');
    t.boolean('cross_site').notNullable().defaultTo(false);
    t.text('password_policy').notNullable().defaultTo('{}');
    t.string('terms_version', 40).notNullable();
    t.text('terms_text').notNullable().defaultTo('{}');
    t.text('ticket_status_visibility').notNullable().defaultTo('{}');
    time(t, 'created_at').notNullable();
  });

  await db.schema.createTable('users', (t) => {
    id(t);
    t.string('email', 254).notNullable().unique();
    t.string('username', 254).notNullable().unique();
    t.text('password_hash');
    t.string('status', 20).notNullable().defaultTo('invited');
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.string('locale', 5).notNullable().defaultTo('de');
    t.boolean('notify_email').notNullable().defaultTo(true);
    t.string('phone', 40);
    t.string('birth_date', 10);
    time(t, 'created_at').notNullable();
    time(t, 'updated_at').notNullable();
  });

  await db.schema.createTable('persons', (t) => {
    id(t);
    t.string('organization_id', 36).notNullable().references('id').inTable('organizations').onDelete('CASCADE');
    t.string('name', 200).notNullable();
    t.string('street', 200);
    t.string('postal_code', 20);
    t.string('city', 100);
    t.string('country', 2);
    t.string('email', 254);
    time(t, 'created_at').notNullable();
    t.index(['organization_id']);
  });

  await db.schema.createTable('memberships', (t) => {
    id(t);
    t.string('user_id', 36).notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('organization_id', 36).notNullable().references('id').inTable('organizations').onDelete('CASCADE');
    t.string('role', 20).notNullable();
    t.string('person_id', 36).references('id').inTable('persons').onDelete('SET NULL');
    // Terms are accepted per organization (each has its own text and version).
    t.string('terms_version', 40);
    time(t, 'terms_accepted_at');
    time(t, 'created_at').notNullable();
    t.unique(['user_id', 'organization_id']);
    t.index(['organization_id']);
  });

  await db.schema.createTable('sessions', (t) => {
    id(t);
    t.string('family_id', 36).notNullable();
    t.string('user_id', 36).notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('organization_id', 36).notNullable().references('id').inTable('organizations').onDelete('CASCADE');
    t.string('token_hash', 64).notNullable().unique();
    t.string('parent_id', 36);
    time(t, 'created_at').notNullable();
    time(t, 'used_at');
    time(t, 'expires_at').notNullable();
    time(t, 'revoked_at');
    t.index(['family_id']);
    t.index(['user_id']);
  });

  await db.schema.createTable('login_attempts', (t) => {
    id(t);
    // "account:<name>", "ip:<address>", "reset-ip:<address>"
    t.string('key', 300).notNullable();
    time(t, 'created_at').notNullable();
    t.index(['key', 'created_at']);
  });

  await db.schema.createTable('one_time_codes', (t) => {
    id(t);
    t.string('user_id', 36).notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('organization_id', 36).notNullable().references('id').inTable('organizations').onDelete('CASCADE');
    t.string('purpose', 20).notNullable(); // reset | activation
    t.string('code_hash', 64).notNullable().unique();
    time(t, 'created_at').notNullable();
    time(t, 'expires_at').notNullable();
    time(t, 'used_at');
    t.index(['user_id', 'purpose']);
  });

  await db.schema.createTable('outbox', (t) => {
    id(t);
    t.string('organization_id', 36).references('id').inTable('organizations').onDelete('SET NULL');
    t.string('to', 254).notNullable();
    t.string('subject', 300).notNullable();
    t.text('text').notNullable();
    time(t, 'created_at').notNullable();
    time(t, 'sent_at');
    t.text('error');
    t.index(['to']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['outbox', 'one_time_codes', 'login_attempts', 'sessions', 'memberships', 'persons', 'users', 'organizations', 'settings']) {
    await db.schema.dropTableIfExists(table);
  }
}
