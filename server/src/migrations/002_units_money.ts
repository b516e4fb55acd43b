import type { Knex } from 'knex';

// Units and money: properties with contacts, units, contracts, monthly charges, the contract accounts (ledger) and
// the owners' expense accounts with receipts. Same portable rules as 001: ids are UUID strings, dates ISO text
// (YYYY-MM-DD, periods YYYY-MM), money integer cents, VAT rates basis points, JSON as text.
const id = (t: Knex.CreateTableBuilder) => t.string('id', 36).primary();
const ref = (t: Knex.CreateTableBuilder, name: string, table: string) =>
  t.string(name, 36).notNullable().references('id').inTable(table).onDelete('CASCADE');

export async function up(db: Knex): Promise<void> {
  // The account tenants and owners pay to (EPC QR code, remittance information).
  await db.schema.alterTable('organizations', (t) => {
    t.string('bank_recipient', 70);
    t.string('bank_iban', 34);
    t.string('bank_bic', 11);
  });

  // Uploaded and generated files; the bytes live in the database so several server instances share them.
  await db.schema.createTable('files', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations');
    t.string('sha256', 64).notNullable();
    t.integer('size').notNullable();
    t.string('mime', 100).notNullable();
    t.string('original_name', 255).notNullable();
    t.binary('bytes').notNullable();
    t.string('created_at', 32).notNullable();
    t.index(['organization_id']);
  });

  await db.schema.createTable('properties', (t) => {
    id(t);
    ref(t, 'organization_id', 'organizations');
    t.string('name', 200).notNullable();
    t.string('street', 200).notNullable();
    t.string('postal_code', 20).notNullable();
    t.string('city', 100).notNullable();
    t.string('country', 2).notNullable();
    // Public path or URL of a photo of the building, e.g. `/media/properties/naschmarkt.svg`.
    t.string('image_url', 500);
    t.string('created_at', 32).notNullable();
    t.index(['organization_id']);
  });

  await db.schema.createTable('property_contacts', (t) => {
    id(t);
    ref(t, 'property_id', 'properties');
    t.string('category', 20).notNullable(); // case_manager | accounting | caretaker
    t.string('name', 200).notNullable();
    t.string('phone', 40);
    t.string('email', 254);
    t.text('visible_to').notNullable().defaultTo('["tenant","owner"]'); // JSON array of contract roles
    t.integer('position').notNullable().defaultTo(0);
    t.index(['property_id']);
  });

  await db.schema.createTable('units', (t) => {
    id(t);
    ref(t, 'property_id', 'properties');
    t.string('top', 20).notNullable();
    t.string('edv_no', 40).notNullable();
    t.string('usage', 20).notNullable(); // apartment | commercial | garage | parking | storage
    t.double('area_m2').notNullable();
    t.integer('share_num');
    t.integer('share_den');
    t.unique(['property_id', 'top']);
  });

  // A person's tenancy or ownership of a unit. The account number is the person's account with the manager.
  await db.schema.createTable('contracts', (t) => {
    id(t);
    ref(t, 'unit_id', 'units');
    ref(t, 'person_id', 'persons');
    t.string('role', 10).notNullable(); // tenant | owner
    t.string('valid_from', 10).notNullable();
    t.string('valid_to', 10); // null = open-ended
    t.string('payment_method', 20).notNullable(); // sepa_debit | standing_order | transfer
    t.string('account_no', 40).notNullable();
    t.index(['person_id']);
    t.index(['unit_id']);
  });

  // Monthly charges (Vorschreibung), one row per line and period.
  await db.schema.createTable('charges', (t) => {
    id(t);
    ref(t, 'contract_id', 'contracts');
    t.string('period', 7).notNullable(); // YYYY-MM
    t.string('item', 20).notNullable(); // main_rent | operating_costs | heating | hot_water | reserve | …
    t.string('label', 100).notNullable();
    t.string('key', 20).notNullable(); // area | shares | consumption | persons | fixed
    t.double('key_value').notNullable();
    t.double('key_total');
    t.integer('net_cents').notNullable();
    t.integer('vat_rate_bp').notNullable();
    t.integer('vat_cents').notNullable();
    t.integer('gross_cents').notNullable();
    t.integer('position').notNullable().defaultTo(0);
    t.index(['contract_id', 'period']);
  });

  // The contract's account (Kontoblatt). Each year starts with a carry_forward entry holding the balance brought
  // in, so the balance at any date is the latest carry-forward plus the later postings (never the sum of all rows).
  await db.schema.createTable('ledger_entries', (t) => {
    id(t);
    ref(t, 'contract_id', 'contracts');
    t.string('booked_on', 10).notNullable();
    t.integer('seq').notNullable().defaultTo(0); // order within one day
    t.string('doc_no', 40).notNullable();
    t.string('kind', 20).notNullable(); // carry_forward | charge | payment | dunning_fee | credit_note | settlement
    t.string('text', 200).notNullable();
    t.integer('amount_cents').notNullable(); // + debit, − credit
    t.string('due_on', 10);
    t.integer('open_cents').notNullable().defaultTo(0);
    t.integer('dunning_level').notNullable().defaultTo(0);
    t.index(['contract_id', 'booked_on']);
  });

  // The building's cost accounts (Aufwandskonten) that owners may inspect with their receipts.
  await db.schema.createTable('expense_accounts', (t) => {
    id(t);
    ref(t, 'property_id', 'properties');
    t.string('account_no', 20).notNullable(); // 5xxxxx Betriebskosten, 7xxxxx Rücklage
    t.string('name', 200).notNullable();
    t.string('account_group', 20).notNullable(); // operating_costs | reserve | other
    t.unique(['property_id', 'account_no']);
  });

  await db.schema.createTable('expense_entries', (t) => {
    id(t);
    ref(t, 'account_id', 'expense_accounts');
    t.string('booked_on', 10).notNullable();
    t.string('doc_no', 40).notNullable();
    t.string('text', 200).notNullable();
    t.string('vendor', 200);
    t.integer('amount_cents').notNullable();
    t.string('receipt_file_id', 36).references('id').inTable('files').onDelete('SET NULL');
    t.index(['account_id', 'booked_on']);
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['expense_entries', 'expense_accounts', 'ledger_entries', 'charges', 'contracts', 'units', 'property_contacts', 'properties', 'files']) {
    await db.schema.dropTableIfExists(table);
  }
  await db.schema.alterTable('organizations', (t) => {
    t.dropColumn('bank_recipient');
    t.dropColumn('bank_iban');
    t.dropColumn('bank_bic');
  });
}
