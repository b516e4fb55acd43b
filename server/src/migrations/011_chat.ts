import type { Knex } from 'knex';

// The chat bot (issue 13): the organization's FAQ, the conversations of signed-in persons (kept 30 days by default,
// HP_CHAT_RETENTION_DAYS), and the questions it could not answer (kept 90 days, without the person, redacted).
// Portable schema as in 001: ISO 8601 text timestamps, ISO dates, JSON as text, UUID strings.

const id = (t: Knex.CreateTableBuilder) => t.string('id', 36).primary();
const ref = (t: Knex.CreateTableBuilder, column: string, table: string, onDelete = 'CASCADE') =>
  t.string(column, 36).references('id').inTable(table).onDelete(onDelete);

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('faq_entries', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    // Stable key per organization and language: the reply's intent is `faq.<key>`.
    t.string('key', 60).notNullable();
    // de | en
    t.string('lang', 2).notNullable();
    // string[] as JSON: the question and its variants.
    t.text('questions').notNullable();
    // Restricted Markdown as entered, and its sanitized HTML and plain text (chat/faq-markdown.ts).
    t.text('answer_md').notNullable();
    t.text('answer_html').notNullable();
    t.text('answer_text').notNullable();
    t.string('category', 60).notNullable().defaultTo('allgemein');
    // ("tenant" | "owner")[] as JSON: who gets this answer when signed in; [] everyone. Signed out, every active entry.
    t.text('roles').notNullable().defaultTo('["tenant","owner"]');
    // Property ids as JSON; [] for every property.
    t.text('property_ids').notNullable().defaultTo('[]');
    // Days (YYYY-MM-DD, inclusive) in the organization's calendar; null: no limit.
    t.string('valid_from', 10);
    t.string('valid_until', 10);
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('sort').notNullable().defaultTo(0);
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.unique(['organization_id', 'key', 'lang']);
  });

  await db.schema.createTable('chat_conversations', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    ref(t, 'user_id', 'users').notNullable();
    ref(t, 'person_id', 'persons', 'SET NULL');
    // portal (the widget); later e.g. app
    t.string('channel', 10).notNullable().defaultTo('portal');
    t.string('started_at', 32).notNullable();
    t.string('last_message_at', 32).notNullable();
    t.index(['user_id', 'organization_id']);
    t.index(['last_message_at']);
  });

  await db.schema.createTable('chat_messages', (t) => {
    id(t);
    ref(t, 'conversation_id', 'chat_conversations').notNullable();
    // user | bot
    t.string('role', 4).notNullable();
    t.text('text').notNullable();
    t.string('intent', 80);
    t.float('score');
    t.string('created_at', 32).notNullable();
    t.index(['conversation_id', 'created_at']);
  });

  await db.schema.createTable('chat_unanswered', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    t.string('lang', 2).notNullable();
    // Redacted (chat/redact.ts) and normalized question; no person, no conversation.
    t.text('text').notNullable();
    t.text('normalized').notNullable();
    // The best candidates' intents as JSON (for the manager's hint), possibly [].
    t.text('candidates').notNullable().defaultTo('[]');
    t.string('asked_at', 32).notNullable();
    t.index(['organization_id', 'asked_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['chat_unanswered', 'chat_messages', 'chat_conversations', 'faq_entries']) await db.schema.dropTableIfExists(table);
}
