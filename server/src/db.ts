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

/** What knex's transaction object offers that the hooks below use (knex internals, stable across knex 2 and 3). */
export interface KnexTransaction {
  /** Settles once the transaction has committed or rolled back. */
  _promise: Promise<unknown>;
  begin(conn: unknown): Promise<unknown>;
  query(conn: unknown, sql: string): Promise<unknown>;
}

/**
 * Calls `hook` with every transaction `db` creates, before it begins; `nested` when knex made it inside another one
 * (a savepoint: it passes the enclosing transaction as the third argument).
 */
export function onTransaction(db: Db, hook: (trx: KnexTransaction, nested: boolean) => void): void {
  const client = db.client as { transaction: (...args: unknown[]) => KnexTransaction };
  const create = client.transaction;
  client.transaction = function (this: unknown, ...args: unknown[]) {
    const trx = create.apply(this, args);
    hook(trx, Boolean(args[2]));
    return trx;
  };
}

/**
 * SQLite transactions start with `BEGIN IMMEDIATE`: the write lock is taken at the start, so a transaction that reads
 * and then writes waits for another process's writer (busy timeout) instead of failing with SQLITE_BUSY when it
 * tries to upgrade its read lock (https://sqlite.org/lang_transaction.html).
 */
function beginImmediate(db: Db): void {
  onTransaction(db, (trx) => {
    trx.begin = (conn) => trx.query(conn, 'BEGIN IMMEDIATE;');
  });
}

type Statement = { all(params: unknown[], cb: (err: Error | null, rows: unknown[]) => void): void; finalize(cb?: () => void): void };
type ReadConnection = { prepare(sql: string, cb?: (err: Error | null) => void): Statement };
interface QueryObject {
  method?: string;
  sql: string;
  bindings?: unknown[];
  response?: unknown;
}

/** Prepared statements kept per read connection; the least recently used go beyond this many. */
export const preparedPerConnection = 200;
const preparedOf = new WeakMap<object, Map<string, Statement>>();

/**
 * Selects on the read pool run as prepared statements kept per connection: the same SQL text (knex builds the same
 * text for the same query shape, values are bound) is parsed once instead of on every request. Other statements go
 * the usual knex way.
 */
function preparedSelects(db: Db): void {
  const client = db.client as {
    _query(conn: ReadConnection, obj: QueryObject): Promise<QueryObject>;
    destroyRawConnection(conn: ReadConnection): Promise<void>;
  };
  // A connection with statements left cannot close (SQLITE_BUSY): they are finalized first, when the pool retires
  // an idle connection and when the database is closed.
  const destroy = client.destroyRawConnection.bind(client);
  client.destroyRawConnection = async (conn) => {
    const statements = [...(preparedOf.get(conn)?.values() ?? [])];
    preparedOf.delete(conn);
    await Promise.all(statements.map((st) => new Promise<void>((resolve) => st.finalize(() => resolve()))));
    return destroy(conn);
  };
  const plain = client._query.bind(client);
  client._query = async (conn, obj) => {
    if (obj.method !== 'select' && obj.method !== 'first' && obj.method !== 'pluck') return plain(conn, obj);
    let statements = preparedOf.get(conn);
    if (!statements) preparedOf.set(conn, (statements = new Map()));
    let statement = statements.get(obj.sql);
    if (statement) statements.delete(obj.sql);
    else statement = await prepare(conn, obj.sql, statements);
    statements.set(obj.sql, statement);
    const prepared = statement;
    return new Promise((resolve, reject) =>
      prepared.all(obj.bindings ?? [], (err, rows) => {
        if (err) {
          statements.delete(obj.sql);
          prepared.finalize();
          return reject(err);
        }
        obj.response = rows;
        resolve(obj);
      }),
    );
  };
}

/** Prepares `sql` on the connection (a failed prepare rejects), making room among the kept statements. */
function prepare(conn: ReadConnection, sql: string, statements: Map<string, Statement>): Promise<Statement> {
  if (statements.size >= preparedPerConnection) {
    const [oldest, old] = statements.entries().next().value as [string, Statement];
    statements.delete(oldest);
    old.finalize();
  }
  return new Promise((resolve, reject) => {
    const statement = conn.prepare(sql, (err) => (err ? reject(err) : resolve(statement)));
  });
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
  preparedSelects(reader);
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
