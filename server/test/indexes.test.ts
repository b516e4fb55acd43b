import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engineOf, readerOf, type Db } from '../src/db.ts';
import { migrationSource } from '../src/migrations/index.ts';
import { call, demo, freshDatabase, login, startServer, type Session, type TestServer } from './helpers.ts';

// The statements the list endpoints really run (knex's query events on the writer and the read pool, over real HTTP)
// search the indexes they need, by name, in SQLite's query plans, and read no table in full. PostgreSQL scans a
// demo's small tables sequentially whatever the indexes, so there only the migration itself is checked.

interface Statement {
  sql: string;
  bindings: unknown[];
}

async function statementsOf(db: Db, work: () => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => statements.push({ sql: q.sql, bindings: [...(q.bindings ?? [])] });
  const pools = [...new Set([db, readerOf(db)])];
  for (const pool of pools) pool.on('query', listener);
  try {
    await work();
  } finally {
    for (const pool of pools) pool.removeListener('query', listener);
  }
  return statements;
}

/** SQLite's plan of each statement, one `detail` line per step. */
async function plansOf(db: Db, statements: Statement[]): Promise<string[][]> {
  const plans: string[][] = [];
  for (const s of statements) {
    const rows = (await db.raw(`explain query plan ${s.sql}`, s.bindings as never[])) as { detail: string }[];
    plans.push(rows.map((r) => r.detail));
  }
  return plans;
}

/** Plan lines that read a whole table or index (SQLite's `SCAN`), other than a constant row. */
const fullScans = (plans: string[][]): string[] => plans.flat().filter((line) => /^SCAN /.test(line) && line !== 'SCAN CONSTANT ROW');

/** Index names searched anywhere in the plans. */
const indexesIn = (plans: string[][]): Set<string> => new Set(plans.flat().flatMap((line) => [.../USING (?:COVERING )?INDEX (\w+)/.exec(line)?.slice(1) ?? []]));

describe('indexes of the list endpoints', () => {
  let s: TestServer;
  let lehner: Session;
  let sqlite = true;
  before(async () => {
    s = await startServer();
    sqlite = engineOf(s.db) === 'sqlite';
    lehner = await login(s.url, demo.lehner.username, demo.lehner.password, demo.lehner.org);
  });
  after(() => s.close());

  test('GET /units and GET /ledger search contracts, charges and the ledger by index, the balance by the carry-forward index', async (t) => {
    if (!sqlite) return t.skip('PostgreSQL plans a demo database with sequential scans');
    let unit = '';
    const units = await statementsOf(s.db, async () => {
      const answer = await call(s.url, '/units', { token: lehner.token });
      assert.equal(answer.status, 200);
      unit = answer.body.items.find((u: { active: boolean }) => u.active).id;
    });
    const ledger = await statementsOf(s.db, async () => {
      assert.equal((await call(s.url, `/ledger?unit=${unit}&year=${new Date().getFullYear()}`, { token: lehner.token })).status, 200);
    });
    assert.ok(units.some((st) => /carry_forward/.test(st.sql)), 'GET /units computes the balance from the carry-forward');

    const unitPlans = await plansOf(s.db, units);
    assert.deepEqual(fullScans(unitPlans), []);
    const unitIndexes = indexesIn(unitPlans);
    for (const name of ['contracts_person_id_index', 'charges_contract_id_period_index', 'ledger_entries_contract_id_booked_on_index', 'ledger_entries_carry_forward_index']) {
      assert.ok(unitIndexes.has(name), `GET /units uses ${name}: ${[...unitIndexes].join(', ')}`);
    }
    const balance = units.findIndex((st) => /carry_forward/.test(st.sql));
    assert.ok(unitPlans[balance]!.some((line) => /ledger_entries_carry_forward_index \(contract_id=\? AND booked_on<\?\)/.test(line)), unitPlans[balance]!.join('\n'));

    const ledgerPlans = await plansOf(s.db, ledger);
    assert.deepEqual(fullScans(ledgerPlans), []);
    // The contracts may come from the access cache filled by GET /units; the year's postings are always read.
    const ledgerIndexes = indexesIn(ledgerPlans);
    assert.ok(ledgerIndexes.has('ledger_entries_contract_id_booked_on_index'), [...ledgerIndexes].join(', '));
  });

  test('a refresh clears the sealed successors through the partial index; old login attempts are pruned by created_at', async (t) => {
    if (!sqlite) return t.skip('PostgreSQL plans a demo database with sequential scans');
    const session = await login(s.url, demo.wagner.username, demo.wagner.password, demo.wagner.org);
    const refresh = await statementsOf(s.db, async () => {
      assert.equal((await call(s.url, '/auth/refresh', { body: {}, cookie: session.cookie })).status, 200);
    });
    const cleanup = refresh.filter((st) => /^update `sessions` set `successor_sealed` = \?/.test(st.sql) && /`used_at` < \?/.test(st.sql));
    assert.equal(cleanup.length, 1, refresh.map((st) => st.sql).join('\n'));
    assert.deepEqual(await plansOf(s.db, cleanup), [['SEARCH sessions USING INDEX sessions_successor_sealed_index (used_at<?)']]);

    const prune = s.db('login_attempts').where('created_at', '<', new Date().toISOString()).delete().toSQL().toNative();
    assert.deepEqual(await plansOf(s.db, [{ sql: prune.sql, bindings: [...prune.bindings] }]), [['SEARCH login_attempts USING INDEX login_attempts_created_at_index (created_at<?)']]);
  });
});

describe('migration 007', () => {
  test('adds the carry-forward and login-attempt indexes; down drops them again', async () => {
    const database = await freshDatabase();
    try {
      const { db, schema } = database;
      const names = async (): Promise<string[]> => {
        const wanted = ['ledger_entries_carry_forward_index', 'login_attempts_created_at_index'];
        const rows: { name: string }[] =
          engineOf(db) === 'sqlite'
            ? await db('sqlite_master').where('type', 'index').whereIn('name', wanted).select('name')
            : await db('pg_indexes').whereRaw('schemaname = current_schema()').whereIn('indexname', wanted).select('indexname as name');
        return rows.map((r) => r.name).sort();
      };
      assert.deepEqual(await names(), ['ledger_entries_carry_forward_index', 'login_attempts_created_at_index']);
      await db.migrate.down({ migrationSource, schemaName: schema, name: '007_list_indexes' });
      assert.deepEqual(await names(), []);
      await db.migrate.latest({ migrationSource, schemaName: schema });
      assert.deepEqual(await names(), ['ledger_entries_carry_forward_index', 'login_attempts_created_at_index']);
    } finally {
      await database.drop();
    }
  });
});
