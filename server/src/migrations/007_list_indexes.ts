import type { Knex } from 'knex';

// Indexes found missing by the query plans of the list endpoints and the login limits (`npm run bench -- explain`;
// every other query of GET /units, /ledger, /open-items, /charges and the expense endpoints already searches an index
// of 001, 002 or 005, and the refresh-token cleanup the partial index of 006):
//
// - ledger_entries_carry_forward_index: the balance on a day (units/summaries.ts `balancesOn`, GET /units and
//   GET /units/{id}) starts at the contract's latest carry-forward, a correlated subquery run for every posting of the
//   contract: `max(f.booked_on) … where f.contract_id = ? and f.kind = 'carry_forward' and f.booked_on <= ?`. On
//   (contract_id, booked_on) alone each run read all of the contract's postings up to the day (quadratic in the
//   postings); this partial index holds one row per contract and year, and the maximum is one seek.
// - login_attempts_created_at_index: the pruning of attempts older than a day (auth/rate-limit.ts, on one in 50
//   recorded attempts) scanned the whole table, which grows with the attempts of an attack.

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('ledger_entries', (t) => {
    t.index(['contract_id', 'booked_on'], 'ledger_entries_carry_forward_index', { predicate: db.whereRaw("kind = 'carry_forward'") });
  });
  await db.schema.alterTable('login_attempts', (t) => t.index(['created_at'], 'login_attempts_created_at_index'));
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('login_attempts', (t) => t.dropIndex(['created_at'], 'login_attempts_created_at_index'));
  await db.schema.alterTable('ledger_entries', (t) => t.dropIndex(['contract_id', 'booked_on'], 'ledger_entries_carry_forward_index'));
}
