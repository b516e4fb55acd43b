import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Db, Engine } from './db.ts';
import type { Mailer } from './notifications/mail.ts';
import type { Caches } from './cache.ts';
import type { OrgDirectory } from './organizations.ts';
import type { SessionCache } from './auth/middleware.ts';
import type { AccessCache } from './access/contracts.ts';
import type { ReachingCache } from './documents/queries.ts';

/** What every route needs; built once per app. */
export interface Ctx {
  /** The database; on SQLite its one writer connection. Writes and transactions go here. */
  db: Db;
  /** Reads outside a transaction (db.ts `readerOf`): on SQLite a pool of read-only connections. */
  read: Db;
  /** Organizations, cached (cache.ts). */
  orgs: OrgDirectory;
  /** Verified sessions of access tokens, cached for at most `cacheSeconds.sessions` (auth/middleware.ts). */
  sessions: SessionCache;
  /** Each session's contracts, what it may see (access/contracts.ts `allMyContracts`). */
  access: AccessCache;
  /** Each person's documents, which of them reach him and through what (documents/queries.ts `reachingOf`). */
  documents: ReachingCache;
  caches: Caches;
  engine: Engine;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  /** Resolves the HS256 secret (from config or the settings table). */
  jwtSecret(): Promise<string>;
}
