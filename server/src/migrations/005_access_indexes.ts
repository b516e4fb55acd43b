import type { Knex } from 'knex';

// The receipt download finds the postings of a file (access/periods.ts decides whether one of them lies inside
// an ownership period), so expense_entries needs an index on receipt_file_id.

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('expense_entries', (t) => t.index(['receipt_file_id'], 'expense_entries_receipt_file_id_index'));
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('expense_entries', (t) => t.dropIndex(['receipt_file_id'], 'expense_entries_receipt_file_id_index'));
}
