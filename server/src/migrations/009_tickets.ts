import type { Knex } from 'knex';

// Messages and tickets: versioned forms, tickets with their participants, status history, comments and files, and
// the organization's per-role status visibility and emergency numbers. Portable schema as in 001: ISO 8601 text
// timestamps, ISO dates, JSON as text, UUID strings.

const id = (t: Knex.CreateTableBuilder) => t.string('id', 36).primary();
const ref = (t: Knex.CreateTableBuilder, column: string, table: string, onDelete = 'CASCADE') =>
  t.string(column, 36).references('id').inTable(table).onDelete(onDelete);

export async function up(db: Knex): Promise<void> {
  // `ticket_status_visibility` (001) held, per role, the list of statuses shown. It becomes, per role and status,
  // show | hide | the status shown instead (TicketStatusVisibility); a status missing from an old list is hidden,
  // except `new`, which is always shown.
  const statuses = ['new', 'in_progress', 'waiting', 'done', 'closed', 'rejected'];
  for (const row of (await db('organizations').select('id', 'ticket_status_visibility')) as { id: string; ticket_status_visibility: string }[]) {
    const old = JSON.parse(row.ticket_status_visibility || '{}') as Record<string, unknown>;
    const converted: Record<string, Record<string, string>> = {};
    for (const role of ['tenant', 'owner']) {
      const shown = old[role];
      if (!Array.isArray(shown)) continue;
      converted[role] = Object.fromEntries(statuses.map((s) => [s, s === 'new' || shown.includes(s) ? 'show' : 'hide']));
    }
    await db('organizations').where({ id: row.id }).update({ ticket_status_visibility: JSON.stringify(converted) });
  }
  // EmergencyNumber[] as JSON, shown by forms when "Notfall" is chosen.
  await db.schema.alterTable('organizations', (t) => {
    t.text('emergency_numbers').notNullable().defaultTo('[]');
  });

  // One row per version of a form; the current version of a key is the highest. Submissions point at the version.
  await db.schema.createTable('forms', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    t.string('key', 60).notNullable();
    t.integer('version').notNullable();
    // FormDefinition (openapi.yaml) as JSON: titles, audience, fields, attachments, privacy, active window.
    t.text('definition').notNullable();
    t.integer('sort').notNullable().defaultTo(0);
    ref(t, 'created_by', 'users', 'SET NULL');
    t.string('created_at', 32).notNullable();
    t.unique(['organization_id', 'key', 'version']);
  });

  await db.schema.createTable('tickets', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations').notNullable();
    // "2026-00042": year and sequence per organization.
    t.string('number', 12).notNullable();
    t.integer('year').notNullable();
    t.integer('seq').notNullable();
    ref(t, 'form_id', 'forms', 'RESTRICT').notNullable();
    t.string('form_key', 60).notNullable();
    // The unit it is about (null for a common area), and always the property.
    ref(t, 'unit_id', 'units', 'SET NULL');
    ref(t, 'property_id', 'properties', 'SET NULL');
    ref(t, 'reporter_person_id', 'persons', 'SET NULL');
    ref(t, 'created_by', 'users', 'SET NULL');
    // portal | phone | email | visit
    t.string('source', 10).notNullable().defaultTo('portal');
    t.string('subject', 200).notNullable();
    // Keys from the form's cascade (location → category → problem) and its urgency, when it has them.
    t.string('location', 60);
    t.string('category', 60);
    t.string('problem', 60);
    t.string('urgency', 20);
    // Building-wide: its location is a common area, so neighbours are offered to join it ("Ich bin auch betroffen").
    t.boolean('shared').notNullable().defaultTo(false);
    // TicketField[] (values with the label snapshot of the form version) as JSON.
    t.text('fields').notNullable().defaultTo('[]');
    t.string('consent_version', 40);
    t.string('consent_at', 32);
    // new | in_progress | waiting | done | closed | rejected
    t.string('status', 12).notNullable().defaultTo('new');
    t.string('status_at', 32).notNullable();
    t.string('waiting_until', 10);
    t.integer('reopen_count').notNullable().defaultTo(0);
    ref(t, 'assignee_user_id', 'users', 'SET NULL');
    t.integer('rating');
    t.string('rating_comment', 1000);
    // sha256 of the normalized submitted text, for "at most 2 identical per day".
    t.string('text_hash', 64);
    t.string('idempotency_key', 200);
    // sha256 of the request that came with the key (tickets/create.ts requestDigest).
    t.string('idempotency_digest', 64);
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    // The last comment or file by a resident, and when staff last read the ticket (the "unread" filter).
    t.string('resident_activity_at', 32);
    t.string('staff_read_at', 32);
    t.unique(['organization_id', 'year', 'seq']);
    t.unique(['reporter_person_id', 'idempotency_key']);
    t.index(['organization_id', 'status']);
    t.index(['property_id', 'shared']);
    t.index(['reporter_person_id', 'created_at']);
  });

  // Who follows a ticket: the reporter and the persons who joined it as affected; what they last read.
  await db.schema.createTable('ticket_participants', (t) => {
    ref(t, 'ticket_id', 'tickets').notNullable();
    ref(t, 'person_id', 'persons').notNullable();
    // reporter | affected
    t.string('kind', 10).notNullable();
    // The role whose status visibility applies to this person on this ticket: tenant | owner.
    t.string('role', 6).notNullable();
    t.string('joined_at', 32).notNullable();
    t.string('last_read_at', 32);
    t.primary(['ticket_id', 'person_id']);
    t.index(['person_id']);
  });

  // The ticket's history: every status change (with reason) and every document released to it.
  await db.schema.createTable('ticket_events', (t) => {
    id(t);
    ref(t, 'ticket_id', 'tickets').notNullable();
    // status | document
    t.string('kind', 10).notNullable();
    t.string('from_status', 12);
    t.string('to_status', 12);
    t.string('reason', 2000);
    // public | internal: whether residents may read the reason.
    t.string('reason_visibility', 8).notNullable().defaultTo('public');
    // withdrawn | confirmed | reopened | auto_closed, when a resident or the system made the change.
    t.string('reason_code', 20);
    t.string('waiting_until', 10);
    ref(t, 'document_id', 'documents', 'SET NULL');
    // resident | staff | system
    t.string('actor_kind', 10).notNullable();
    ref(t, 'actor_user_id', 'users', 'SET NULL');
    ref(t, 'actor_person_id', 'persons', 'SET NULL');
    t.string('at', 32).notNullable();
    t.index(['ticket_id', 'at']);
  });

  await db.schema.createTable('ticket_comments', (t) => {
    id(t);
    ref(t, 'ticket_id', 'tickets').notNullable();
    // public | internal; internal comments are never selected by a resident endpoint.
    t.string('visibility', 8).notNullable();
    // resident | staff
    t.string('author_kind', 10).notNullable();
    ref(t, 'author_user_id', 'users', 'SET NULL');
    ref(t, 'author_person_id', 'persons', 'SET NULL');
    t.text('body').notNullable();
    t.string('created_at', 32).notNullable();
    t.index(['ticket_id', 'created_at']);
  });

  // Attachments of the submission (comment_id null) or of a comment. Photos are stored without their metadata.
  await db.schema.createTable('ticket_files', (t) => {
    id(t);
    ref(t, 'ticket_id', 'tickets').notNullable();
    ref(t, 'comment_id', 'ticket_comments');
    ref(t, 'file_id', 'files', 'RESTRICT').notNullable();
    // A small JPEG preview, when the file is an image that could be read.
    ref(t, 'thumb_file_id', 'files', 'SET NULL');
    t.string('visibility', 8).notNullable().defaultTo('public');
    t.string('name', 255).notNullable();
    t.string('mime', 100).notNullable();
    t.integer('size').notNullable();
    ref(t, 'uploaded_by', 'users', 'SET NULL');
    t.string('created_at', 32).notNullable();
    t.index(['ticket_id']);
  });

  // A release made to fulfil a ticket (Dokumentenanforderung) names it; its event shows in the ticket's thread.
  await db.schema.alterTable('document_releases', (t) => {
    t.string('ticket_id', 36).references('id').inTable('tickets').onDelete('SET NULL');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('document_releases', (t) => t.dropColumn('ticket_id'));
  for (const table of ['ticket_files', 'ticket_comments', 'ticket_events', 'ticket_participants', 'tickets', 'forms']) {
    await db.schema.dropTableIfExists(table);
  }
  await db.schema.alterTable('organizations', (t) => t.dropColumn('emergency_numbers'));
}
