import knex, { type Knex } from 'knex';
import { migrationSource } from './migrations/index.ts';

export type Db = Knex;
export type Engine = 'sqlite' | 'postgresql';

export interface OpenDbOptions {
  /** PostgreSQL only: the schema to work in (tests use a fresh one per file). */
  schema?: string;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

type SqliteConnection = { run(sql: string, cb: (err: Error | null) => void): void };

/** Runs the pragmas on a new SQLite connection, one after the other. */
const withPragmas = (pragmas: string[]) => (conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) => {
  const next = (i: number): void => {
    if (i === pragmas.length) return done(null, conn);
    conn.run(pragmas[i]!, (err) => (err ? done(err, conn) : next(i + 1)));
  };
  next(0);
};

/**
 * How long a SQLite connection waits for another process's write lock before answering SQLITE_BUSY: long enough that
 * several workers writing at once queue instead of failing (a write holds the lock for milliseconds).
 */
export const sqliteBusyTimeoutMs = 30_000;

/** Read-only SQLite connections beside the writer: reads run in parallel on libuv's thread pool (4 threads). */
export const sqliteReaders = 4;

const readers = new WeakMap<Db, Db>();

/**
 * SQLite transactions start with `BEGIN IMMEDIATE`: the write lock is taken at the start, so a transaction that reads
 * and then writes waits for another process's writer (busy timeout) instead of failing with SQLITE_BUSY when it
 * tries to upgrade its read lock (https://sqlite.org/lang_transaction.html).
 */
function beginImmediate(db: Db): void {
  const client = db.client as { transaction: (...args: unknown[]) => { begin: unknown; query(conn: unknown, sql: string): Promise<unknown> } };
  const create = client.transaction;
  client.transaction = function (this: unknown, ...args: unknown[]) {
    const trx = create.apply(this, args);
    trx.begin = (conn: unknown) => trx.query(conn, 'BEGIN IMMEDIATE;');
    return trx;
  };
}

/**
 * Opens SQLite (a file path or `sqlite:` URL) or PostgreSQL (`postgres://…`).
 *
 * SQLite runs in WAL mode with `synchronous = NORMAL`: a commit is in the file once the call returns, so it survives
 * the server process being killed; only a power loss or an operating-system crash may undo the last commits (never
 * corrupt the file; https://sqlite.org/wal.html#performance_considerations). It has one writer connection (the returned pool, so writes of this process are serialized)
 * and {@link sqliteReaders} read-only connections for {@link readerOf}. Writes of several processes (HP_WORKERS)
 * wait for each other through the busy timeout. `destroy()` closes both pools.
 */
export function openDb(url: string, options: OpenDbOptions = {}): Db {
  if (isPostgresUrl(url)) {
    return knex({
      client: 'pg',
      connection: url,
      searchPath: options.schema ? [options.schema] : undefined,
      pool: { min: 0, max: 10 },
    });
  }
  const filename = url.replace(/^sqlite:(\/\/)?/, '');
  const common = [`PRAGMA busy_timeout = ${sqliteBusyTimeoutMs}`, 'PRAGMA foreign_keys = ON'];
  const writer = knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: { min: 1, max: 1, afterCreate: withPragmas([...common, 'PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL']) },
  });
  beginImmediate(writer);
  if (filename === '' || filename === ':memory:' || filename.includes('mode=memory')) return writer;
  const reader = knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: { min: 0, max: sqliteReaders, idleTimeoutMillis: 60_000, afterCreate: withPragmas([...common, 'PRAGMA query_only = ON']) },
  });
  readers.set(writer, reader);
  // knex.destroy() ends in client.destroy(); the read pool closes with it.
  const client = writer.client as { destroy(callback?: unknown): Promise<unknown> };
  const destroyWriter = client.destroy.bind(client);
  client.destroy = (callback?: unknown) => reader.destroy().then(() => destroyWriter(callback));
  return writer;
}

/**
 * The connections for reads outside a transaction: on SQLite the read-only pool beside the writer (WAL lets them read
 * while it writes; each statement sees every write committed before it started); on PostgreSQL the same pool as `db`.
 */
export const readerOf = (db: Db): Db => readers.get(db) ?? db;

export function engineOf(db: Db): Engine {
  return db.client.config.client === 'pg' ? 'postgresql' : 'sqlite';
}

export async function migrate(db: Db, schema?: string): Promise<void> {
  await db.migrate.latest({ migrationSource, schemaName: schema });
}

/** SQLite answers 0/1, PostgreSQL true/false. */
export const bool = (value: unknown): boolean => value === true || value === 1 || value === '1';

export function json<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined || value === '') return fallback;
  if (typeof value !== 'string') return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}
