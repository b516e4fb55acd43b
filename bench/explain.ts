// Query plans of the list endpoints on a big database: the exact SQL that GET /units, GET /ledger?unit=…&year=<this
// year> and GET /open-items?unit=… run for the demo tenant Markus Lehner, captured from knex's `query` events of the
// server's pools (the writer and, on SQLite, the read pool) while the server (createApp, in this process) answers over
// real HTTP. Each statement is printed with EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (ANALYZE, BUFFERS) (PostgreSQL); a
// full scan of a big table (units, persons, contracts, charges, ledger_entries, the documents tables) is flagged. What a request takes from
// the server's caches (sessions, contracts) runs no statement and is not shown. Environment:
//   HP_BENCH_BIG_UNITS  generated units in the big database (default 50,000)
//   HP_BENCH_BIG_DB     SQLite file for the big database: kept, and reused when it exists (as the server module does)
//   HP_BENCH_PG_URL     PostgreSQL database: schema hpbench_big_<units> there (shared with the server module, kept and
//                       reused); without it PostgreSQL is skipped
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { engineOf, openDb, readerOf, type Db } from '../server/src/db.ts';
import { migrationSource } from '../server/src/migrations/index.ts';
import { seedBig } from '../server/src/seed/big.ts';
import { isEmpty, seedDemo } from '../server/src/seed/demo.ts';
import { tenantLogin } from './lib/load.ts';
import type { BenchContext, BenchModule, Measurement, Section } from './lib/types.js';
import { sql } from './pg.ts';

const bigUnits = Number(process.env.HP_BENCH_BIG_UNITS ?? 50_000);
const year = new Date().getFullYear();
/** Tables that grow with the number of units; a full scan of one of them is flagged. */
const bigTables = new Set(['units', 'persons', 'contracts', 'charges', 'ledger_entries', 'documents', 'document_releases', 'document_release_targets', 'document_reads']);
/** Runs of each SQLite statement for its time (the median is reported, after one run to warm the cache). */
const sqliteRuns = 5;

interface Statement {
  sql: string;
  bindings: unknown[];
}

interface Explained extends Statement {
  plan: string[];
  /** The lines of the plan that read a big table in full. */
  fullScans: string[];
  /** Time in the database: median of `sqliteRuns` on SQLite, EXPLAIN ANALYZE's execution time on PostgreSQL. */
  ms: number;
}

/** The connection a statement is explained on, for one engine. */
interface Explainer {
  explain(statement: Statement): Promise<Explained>;
  release(): Promise<void>;
}

type SqliteRow = Record<string, unknown>;
interface SqliteConnection {
  all(sql: string, params: unknown[], callback: (err: Error | null, rows: SqliteRow[]) => void): void;
}
interface PgConnection {
  query(config: { text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

const sqlKeywords = new Set(['where', 'inner', 'left', 'right', 'join', 'on', 'group', 'order', 'limit', 'union', 'select', 'and', 'or']);

/** Alias → table of the statement's FROM and JOIN clauses (`"contracts" as "c"`, `ledger_entries f`, backticks too). */
function aliasesOf(text: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const m of text.matchAll(/\b(?:from|join)\s+[`"]?(\w+)[`"]?(?:\s+(?:as\s+)?[`"]?(\w+)[`"]?)?/gi)) {
    const table = m[1]!;
    aliases.set(table, table);
    if (m[2] && !sqlKeywords.has(m[2].toLowerCase())) aliases.set(m[2], table);
  }
  return aliases;
}

/** SQLite plan lines that read a big table in full: `SCAN <alias>` (with or without an index, which it then reads whole). */
function sqliteFullScans(plan: string[], text: string): string[] {
  const aliases = aliasesOf(text);
  return plan.filter((line) => {
    const m = /^\s*SCAN (\w+)/.exec(line);
    return m !== null && bigTables.has(aliases.get(m[1]!) ?? m[1]!);
  });
}

/** PostgreSQL plan lines with a sequential scan of a big table. */
function pgFullScans(plan: string[]): string[] {
  return plan.filter((line) => {
    const m = /Seq Scan on (?:"?\w+"?\.)?"?(\w+)"?/.exec(line);
    return m !== null && bigTables.has(m[1]!);
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** An explainer on one connection of `db` (release it when done). */
export const explainerOf = (db: Db): Promise<Explainer> => (engineOf(db) === 'sqlite' ? sqliteExplainer(db) : pgExplainer(db));

async function sqliteExplainer(db: Db): Promise<Explainer> {
  const conn = (await db.client.acquireConnection()) as SqliteConnection;
  const all = (text: string, params: unknown[]) =>
    new Promise<SqliteRow[]>((resolve, reject) => conn.all(text, params, (err, rows) => (err ? reject(err) : resolve(rows))));
  return {
    async explain(statement) {
      const rows = (await all(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.bindings)) as { id: number; parent: number; detail: string }[];
      // Indent each line under its parent.
      const depth = new Map<number, number>([[0, 0]]);
      const plan = rows.map((r) => {
        const d = (depth.get(r.parent) ?? 0) + 1;
        depth.set(r.id, d);
        return `${'  '.repeat(d - 1)}${r.detail}`;
      });
      let ms = 0;
      if (/^\s*select\b/i.test(statement.sql)) {
        await all(statement.sql, statement.bindings);
        const times: number[] = [];
        for (let i = 0; i < sqliteRuns; i++) {
          const started = performance.now();
          await all(statement.sql, statement.bindings);
          times.push(performance.now() - started);
        }
        ms = median(times);
      }
      return { ...statement, plan, fullScans: sqliteFullScans(plan, statement.sql), ms };
    },
    release: () => db.client.releaseConnection(conn),
  };
}

async function pgExplainer(db: Db): Promise<Explainer> {
  const conn = (await db.client.acquireConnection()) as PgConnection;
  return {
    async explain(statement) {
      // ANALYZE runs the statement: only for reads.
      const analyze = /^\s*select\b/i.test(statement.sql);
      const result = await conn.query({ text: `EXPLAIN ${analyze ? '(ANALYZE, BUFFERS) ' : ''}${statement.sql}`, values: statement.bindings });
      const plan = result.rows.map((r) => String(Object.values(r)[0]));
      const time = plan.map((line) => /Execution Time: ([\d.]+) ms/.exec(line)).find(Boolean);
      return { ...statement, plan, fullScans: pgFullScans(plan), ms: time ? Number(time[1]) : 0 };
    },
    release: () => db.client.releaseConnection(conn),
  };
}

/** The statements the pools run while `work` runs (every pool of the app: the writer and, on SQLite, the readers). */
export async function capture<T>(db: Db, work: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  const statements: Statement[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => statements.push({ sql: q.sql, bindings: [...(q.bindings ?? [])] });
  const pools = [...new Set([db, readerOf(db)])];
  for (const pool of pools) pool.on('query', listener);
  try {
    return { result: await work(), statements };
  } finally {
    for (const pool of pools) pool.removeListener('query', listener);
  }
}

/**
 * Runs the migrations `db` still lacks (e.g. new indexes on a reused big database), with fresh statistics after them
 * when it holds the big data already (a new database gets them from the generator).
 */
async function upToDate(db: Db, reused: boolean, schema?: string): Promise<string[]> {
  const [, ran] = (await db.migrate.latest({ migrationSource, schemaName: schema })) as [number, string[]];
  if (reused && ran.length) await db.raw('ANALYZE');
  return ran;
}

/** The demo seed plus `bigUnits` generated units, in `db` (empty and migrated). */
async function generate(db: Db, label: string, notes: string[]): Promise<void> {
  console.log(`  generating the big ${label} database (${bigUnits} units) …`);
  if (await isEmpty(db)) await seedDemo(db);
  const r = await seedBig(db, { units: bigUnits, log: (line) => console.log(`  ${line}`) });
  notes.push(`big ${label} DB: demo seed + ${r.units} generated units (${r.rows} rows) generated in ${(r.ms / 1000).toFixed(1)} s, ${Math.round(r.rows / (r.ms / 1000))} rows/s`);
}

async function bigSqlite(context: BenchContext, notes: string[]): Promise<Db> {
  const file = process.env.HP_BENCH_BIG_DB ?? join(context.tmp, 'big.sqlite');
  const reuse = existsSync(file);
  const db = openDb(file);
  const ran = await upToDate(db, reuse);
  if (reuse) notes.push(`big SQLite DB: reused ${file} (HP_BENCH_BIG_DB)${ran.length ? `, migrated: ${ran.join(', ')}` : ''}`);
  else await generate(db, 'SQLite', notes);
  return db;
}

async function bigPostgres(url: string, notes: string[]): Promise<Db> {
  const schema = `hpbench_big_${bigUnits}`;
  const [found] = await sql(url, `SELECT to_regclass('${schema}.units') IS NOT NULL AS present`);
  const units = found?.present ? Number((await sql(url, `SELECT count(*) AS n FROM ${schema}.units`))[0]?.n) : 0;
  const reuse = units > bigUnits;
  if (!reuse) await sql(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`, `CREATE SCHEMA ${schema}`);
  const db = openDb(url, { schema });
  const ran = await upToDate(db, reuse, schema);
  if (reuse) notes.push(`big PostgreSQL DB: reused schema ${schema} (${units} units)${ran.length ? `, migrated: ${ran.join(', ')}` : ''}`);
  else await generate(db, 'PostgreSQL', notes);
  return db;
}

export async function listen(db: Db): Promise<{ url: string; close(): Promise<void> }> {
  const config = loadConfig({ NODE_ENV: 'development', HP_DATABASE_URL: 'unused', HP_DEMO_SEED: 'false' });
  const app = createApp({ config, db, log: () => {} });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function getJson(url: string, token: string): Promise<unknown> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Signs the tenant in, then calls GET /units, GET /ledger and GET /open-items for the active unit, and GET /documents, each once with
 * its statements captured. The first request after the sign-in also verifies the session (authentication's query).
 */
async function endpointStatements(db: Db): Promise<[string, Statement[]][]> {
  const server = await listen(db);
  try {
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(tenantLogin()) });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const units = await capture(db, () => getJson(`${server.url}/api/units`, accessToken) as Promise<{ items: { id: string; active: boolean }[] }>);
    const unit = units.result.items.find((u) => u.active)?.id;
    if (!unit) throw new Error('the demo tenant has no active unit');
    const ledger = await capture(db, () => getJson(`${server.url}/api/ledger?unit=${unit}&year=${year}`, accessToken));
    const openItems = await capture(db, () => getJson(`${server.url}/api/open-items?unit=${unit}`, accessToken));
    const documents = await capture(db, () => getJson(`${server.url}/api/documents`, accessToken));
    return [['GET /units', units.statements], [`GET /ledger?unit=…&year=${year}`, ledger.statements], ['GET /open-items?unit=…', openItems.statements], ['GET /documents', documents.statements]];
  } finally {
    await server.close();
  }
}

/** Explains every statement of both endpoints on one database; prints the plans, returns the rows for the table. */
async function explainEngine(db: Db, label: string, notes: string[]): Promise<Measurement[]> {
  const endpoints = await endpointStatements(db);
  const explainer = await explainerOf(db);
  const rows: Measurement[] = [];
  const method = engineOf(db) === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN (ANALYZE, BUFFERS)';
  try {
    for (const [name, statements] of endpoints) {
      console.log(`\n  ${label} ${name}: ${statements.length} statements, ${method}`);
      const explained: Explained[] = [];
      for (const statement of statements) explained.push(await explainer.explain(statement));
      explained.forEach((e, i) => {
        console.log(`\n  [${i + 1}] ${e.sql}\n      bindings: ${JSON.stringify(e.bindings)}${e.ms ? `\n      ${e.ms.toFixed(2)} ms` : ''}`);
        for (const line of e.plan) console.log(`      ${line}`);
        for (const scan of e.fullScans) {
          console.log(`      ^ FULL SCAN of a big table: ${scan.trim()}`);
          notes.push(`${label} ${name} [${i + 1}]: FULL SCAN of a big table: ${scan.trim()}`);
        }
      });
      const clean = explained.filter((e) => e.fullScans.length === 0).length;
      const what = `${label} ${name}`;
      rows.push({ what: `${what}: statements without a full scan of a big table`, value: explained.length ? (clean / explained.length) * 100 : 100, unit: '%', extra: { statements: String(explained.length) }, budget: { limit: 100, compare: 'min' } });
      rows.push({ what: `${what}: time in the database`, value: explained.reduce((sum, e) => sum + e.ms, 0), unit: 'ms', extra: { statements: String(explained.length) } });
    }
  } finally {
    await explainer.release();
  }
  return rows;
}

export const explain: BenchModule = {
  id: 'explain',
  title: `Query plans of GET /units, /ledger and /open-items on the big database (${bigUnits / 1000}k units)`,
  async run(context: BenchContext): Promise<Section> {
    mkdirSync(context.tmp, { recursive: true });
    const notes = [
      `The SQL of each endpoint as the server ran it for ${tenantLogin().username} (knex 'query' events of the writer and read pools); plans printed above the table.`,
      `Full scan: SQLite "SCAN <table>" (the whole table, or a whole index), PostgreSQL "Seq Scan" on ${[...bigTables].join(', ')}.`,
      `Time in the database: SQLite the median of ${sqliteRuns} runs of each SELECT on one connection, PostgreSQL EXPLAIN ANALYZE's execution time; summed per endpoint.`,
    ];
    const measurements: Measurement[] = [];
    const label = `[SQLite ${bigUnits / 1000}k]`;
    const sqliteDb = await bigSqlite(context, notes);
    try {
      measurements.push(...(await explainEngine(sqliteDb, label, notes)));
    } finally {
      await sqliteDb.destroy();
    }
    const pgUrl = process.env.HP_BENCH_PG_URL;
    if (!pgUrl) notes.push('PostgreSQL skipped: set HP_BENCH_PG_URL=postgres://… to explain the same statements there.');
    else {
      const pgDb = await bigPostgres(pgUrl, notes);
      try {
        measurements.push(...(await explainEngine(pgDb, `[PostgreSQL ${bigUnits / 1000}k]`, notes)));
      } finally {
        await pgDb.destroy();
      }
    }
    return { id: this.id, title: this.title, valueLabel: 'value', measurements, notes };
  },
};
