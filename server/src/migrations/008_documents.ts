import type { Knex } from 'knex';

// Documents (Dokumentfreigabe) and what later features share with them: notification preferences, the job table,
// per-person notifications and the manager's audit log. Portable schema as in 001: ISO 8601 text timestamps,
// ISO dates, JSON as text, UUID strings.

const id = (t: Knex.CreateTableBuilder) => t.string('id', 36).primary();
const ref = (t: Knex.CreateTableBuilder, column: string, table: string, onDelete = 'CASCADE') =>
  t.string(column, 36).references('id').inTable(table).onDelete(onDelete);

export async function up(db: Knex): Promise<void> {
  // The hour (0–23, the organization's time zone) at which daily digests go out.
  await db.schema.alterTable('organizations', (t) => {
    t.integer('digest_hour').notNullable().defaultTo(7);
  });

  // immediate | digest | none; replaces the yes/no `notify_email`, which stays for older readers but is no longer used.
  await db.schema.alterTable('users', (t) => {
    t.string('notify_mode', 10).notNullable().defaultTo('immediate');
  });
  await db('users').where({ notify_email: false }).update({ notify_mode: 'none' });

  await db.schema.createTable('document_categories', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    ref(t, 'parent_id', 'document_categories');
    t.string('name_de', 100).notNullable();
    t.string('name_en', 100).notNullable();
    t.integer('sort').notNullable().defaultTo(0);
    // Who a release in this category reaches by default: tenant | owner | both.
    t.string('default_roles', 6).notNullable().defaultTo('both');
    // How its releases notify by default: immediate | digest | none.
    t.string('default_notify', 10).notNullable().defaultTo('digest');
    // Mandatory: a notice goes out even to persons who chose "none". Sensitive: mails never carry the title.
    t.boolean('mandatory').notNullable().defaultTo(false);
    t.boolean('sensitive').notNullable().defaultTo(false);
    t.string('created_at', 32).notNullable();
    t.index(['organization_id', 'sort']);
  });

  await db.schema.createTable('documents', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    ref(t, 'category_id', 'document_categories', 'RESTRICT').notNullable();
    ref(t, 'file_id', 'files', 'RESTRICT').notNullable();
    t.string('title', 200).notNullable();
    t.string('document_date', 10).notNullable();
    t.string('period_label', 40);
    // upload | bulk
    t.string('source', 10).notNullable().defaultTo('upload');
    ref(t, 'created_by', 'users', 'SET NULL');
    t.string('created_at', 32).notNullable();
    t.string('withdrawn_at', 32);
    t.index(['organization_id', 'document_date']);
  });

  await db.schema.createTable('document_releases', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    ref(t, 'document_id', 'documents').notNullable();
    // persons | occupancy | unit_current | property_role (access/releases.ts)
    t.string('rule', 14).notNullable();
    // tenant | owner, or null for both
    t.string('role', 6);
    // occupancy: the days (inclusive) whose occupants it reaches
    t.string('period_from', 10);
    t.string('period_to', 10);
    // default | immediate | digest | none
    t.string('notify', 10).notNullable().defaultTo('default');
    t.string('released_at', 32).notNullable();
    ref(t, 'released_by', 'users', 'SET NULL');
    t.string('revoked_at', 32);
    ref(t, 'revoked_by', 'users', 'SET NULL');
    t.index(['document_id']);
  });

  // What a release names: persons (rule persons), units (occupancy, unit_current) or properties (property_role).
  await db.schema.createTable('document_release_targets', (t) => {
    ref(t, 'release_id', 'document_releases').notNullable();
    ref(t, 'person_id', 'persons');
    ref(t, 'unit_id', 'units');
    ref(t, 'property_id', 'properties');
    t.index(['release_id']);
    t.index(['person_id']);
    t.index(['unit_id']);
    t.index(['property_id']);
  });

  await db.schema.createTable('document_reads', (t) => {
    ref(t, 'document_id', 'documents').notNullable();
    ref(t, 'person_id', 'persons').notNullable();
    t.string('first_seen_at', 32);
    t.string('first_opened_at', 32);
    t.primary(['document_id', 'person_id']);
    t.index(['person_id']);
  });

  // One row per person and thing to tell them about; mailed once (immediately or in the day's digest).
  await db.schema.createTable('notifications', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    ref(t, 'person_id', 'persons').notNullable();
    // document (later: post, ticket)
    t.string('kind', 20).notNullable();
    t.string('entity_id', 36).notNullable();
    // immediate | digest
    t.string('channel', 10).notNullable();
    t.string('created_at', 32).notNullable();
    t.string('mailed_at', 32);
    t.unique(['person_id', 'kind', 'entity_id']);
    t.index(['organization_id', 'channel', 'mailed_at']);
  });

  // Scheduled work, claimed atomically (notifications/jobs.ts): `key` keeps a job from being queued twice.
  await db.schema.createTable('jobs', (t) => {
    id(t);
    t.string('key', 200).unique();
    t.string('kind', 40).notNullable();
    ref(t, 'organization_id', 'organizations');
    t.text('payload').notNullable().defaultTo('{}');
    t.string('run_at', 32).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.string('done_at', 32);
    t.string('created_at', 32).notNullable();
    t.index(['done_at', 'run_at']);
  });

  await db.schema.createTable('audit_log', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    ref(t, 'actor_user_id', 'users', 'SET NULL');
    t.string('action', 60).notNullable();
    t.string('entity_type', 40).notNullable();
    t.string('entity_id', 36);
    t.string('at', 32).notNullable();
    t.string('client_ip', 64);
    t.text('detail').notNullable().defaultTo('{}');
    t.index(['organization_id', 'at']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['audit_log', 'jobs', 'notifications', 'document_reads', 'document_release_targets', 'document_releases', 'documents', 'document_categories']) {
    await db.schema.dropTableIfExists(table);
  }
  await db.schema.alterTable('users', (t) => t.dropColumn('notify_mode'));
  await db.schema.alterTable('organizations', (t) => t.dropColumn('digest_hour'));
}
