import knex, { type Knex } from 'knex';
import { migrationSource } from './migrations/index.ts';

export type Db = Knex;
export type Engine = 'sqlite' | 'postgresql';

export interface OpenDbOptions {
  /** PostgreSQL only: the schema to work in (tests use a fresh one per file). */
  schema?: string;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** Opens SQLite (a file path or `sqlite:` URL) or PostgreSQL (`postgres://…`). */
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
  return knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { run(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) {
        const pragmas = ['PRAGMA journal_mode = WAL', 'PRAGMA foreign_keys = ON', 'PRAGMA busy_timeout = 5000'];
        const next = (i: number): void => {
          if (i === pragmas.length) return done(null, conn);
          conn.run(pragmas[i]!, (err) => (err ? done(err, conn) : next(i + 1)));
        };
        next(0);
      },
    },
  });
}

/**
 * The connections for reads: on SQLite a pool of read-only connections beside the one writer (WAL lets them read
 * while it writes); on PostgreSQL the same pool as `db`.
 */
export const readerOf = (db: Db): Db => db;

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
