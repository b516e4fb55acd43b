import type { Knex } from 'knex';
import { addDefaultPostCategories } from '../posts/categories.ts';

// The bulletin board (Schwarzes Brett): notices with their categories, audiences (properties × roles, plus chosen
// persons), attachments, reads per revision, and the sends that notify of them. Portable schema as in 001: ISO 8601
// text timestamps, ISO dates, UUID strings.

const id = (t: Knex.CreateTableBuilder) => t.string('id', 36).primary();
const ref = (t: Knex.CreateTableBuilder, column: string, table: string, onDelete = 'CASCADE') =>
  t.string(column, 36).references('id').inTable(table).onDelete(onDelete);

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('post_categories', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    t.string('key', 60).notNullable();
    t.string('name_de', 100).notNullable();
    t.string('name_en', 100).notNullable();
    t.integer('sort').notNullable().defaultTo(0);
    t.string('created_at', 32).notNullable();
    t.unique(['organization_id', 'key']);
  });

  await db.schema.createTable('posts', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    ref(t, 'category_id', 'post_categories', 'RESTRICT').notNullable();
    // draft | published | unpublished
    t.string('status', 12).notNullable().defaultTo('draft');
    t.string('type', 8).notNullable().defaultTo('neutral');
    t.string('title', 120).notNullable();
    // Sanitized on the way in (posts/sanitize.ts); `body_text` is its plain text (excerpts, mails, calendar entries).
    t.text('body_html').notNullable().defaultTo('');
    t.text('body_text').notNullable().defaultTo('');
    // Who of the chosen properties: tenant | owner | both | none (only the chosen persons).
    t.string('audience_role', 6).notNullable().defaultTo('both');
    // Days (YYYY-MM-DD, both inclusive) in the organization's calendar; `visible_until` null: no end.
    t.string('visible_from', 10).notNullable();
    t.string('visible_until', 10);
    // The appointment: instants (ISO 8601 UTC), or days (YYYY-MM-DD) when all day; end may be null.
    t.string('appointment_start', 32);
    t.string('appointment_end', 32);
    t.boolean('appointment_all_day').notNullable().defaultTo(false);
    t.string('appointment_place', 200);
    t.string('link_url', 2000);
    t.string('link_text', 100);
    t.boolean('pinned').notNullable().defaultTo(false);
    t.boolean('requires_ack').notNullable().defaultTo(false);
    // 1 at creation; each "wesentliche Änderung" after publishing adds one and sets `revised_at`.
    t.integer('revision').notNullable().defaultTo(1);
    t.string('revised_at', 32);
    // staff now; residents' own posts may come later.
    t.string('author_kind', 8).notNullable().defaultTo('staff');
    ref(t, 'author_user_id', 'users', 'SET NULL');
    t.string('published_at', 32);
    t.string('unpublished_at', 32);
    t.string('reminded_at', 32);
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.index(['organization_id', 'status', 'visible_from']);
  });

  await db.schema.createTable('post_properties', (t) => {
    ref(t, 'post_id', 'posts').notNullable();
    ref(t, 'property_id', 'properties').notNullable();
    t.primary(['post_id', 'property_id']);
    t.index(['property_id']);
  });

  await db.schema.createTable('post_persons', (t) => {
    ref(t, 'post_id', 'posts').notNullable();
    ref(t, 'person_id', 'persons').notNullable();
    t.primary(['post_id', 'person_id']);
    t.index(['person_id']);
  });

  await db.schema.createTable('post_files', (t) => {
    id(t);
    ref(t, 'post_id', 'posts').notNullable();
    ref(t, 'file_id', 'files', 'RESTRICT').notNullable();
    ref(t, 'thumb_file_id', 'files', 'SET NULL');
    t.string('name', 255).notNullable();
    t.string('mime', 100).notNullable();
    t.integer('size').notNullable();
    t.string('created_at', 32).notNullable();
    t.index(['post_id']);
  });

  // Per person and revision: first shown in a list, opened, acknowledged ("Zur Kenntnis genommen").
  await db.schema.createTable('post_reads', (t) => {
    ref(t, 'post_id', 'posts').notNullable();
    ref(t, 'person_id', 'persons').notNullable();
    t.integer('revision').notNullable();
    t.string('first_seen_at', 32);
    t.string('opened_at', 32);
    t.string('acknowledged_at', 32);
    t.primary(['post_id', 'person_id', 'revision']);
    t.index(['person_id']);
  });

  // One notification run: the audience is frozen when it runs (`sent_at`); notifications rows name the send
  // (kind post | post_reminder, entity_id = send id), so a person is told of a send once.
  await db.schema.createTable('post_sends', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    ref(t, 'post_id', 'posts').notNullable();
    t.integer('revision').notNullable();
    // publish | update | reminder
    t.string('reason', 10).notNullable();
    // now | at | digest
    t.string('mode', 8).notNullable();
    t.string('send_at', 32).notNullable();
    t.string('sent_at', 32);
    t.string('cancelled_at', 32);
    t.integer('recipients');
    ref(t, 'created_by', 'users', 'SET NULL');
    t.string('created_at', 32).notNullable();
    t.index(['post_id']);
  });

  // Organizations that exist already get the default categories (new ones get them when created: the seed).
  for (const org of (await db('organizations').select('id')) as { id: string }[]) await addDefaultPostCategories(db, org.id, new Date());
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['post_sends', 'post_reads', 'post_files', 'post_persons', 'post_properties', 'posts', 'post_categories']) {
    await db.schema.dropTableIfExists(table);
  }
}
