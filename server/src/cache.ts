import cluster from 'node:cluster';
import type { Clock } from './clock.ts';
import { onTransaction, type Db } from './db.ts';

/**
 * What the server keeps in memory between requests, and how long it may be stale (DESIGN §10).
 *
 * - `sessions`: access tokens whose session (user, membership, refresh family) was verified in the database.
 * - `access`: each session's contracts (access/contracts.ts), what it may see.
 * - `organizations`: organizations with their settings, by slug and id, the origins they allow, and the contacts of
 *   their properties.
 *
 * Both are cleared at once when this process writes the tables they come from (see {@link watchWrites}), and the
 * other workers of the same server (HP_WORKERS) are told through the cluster primary. Another machine on the same
 * database sees a change when its entries expire: after {@link cacheSeconds} at the latest.
 */
export type CacheName = 'sessions' | 'access' | 'organizations' | 'documents';

/** How long an entry is used without asking the database again, in seconds. */
export const cacheSeconds: Record<CacheName, number> = { sessions: 5, access: 5, organizations: 30, documents: 5 };

/** A map whose entries expire `seconds` after they were stored, by the server's clock (tests move it). */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; until: number }>();
  /** Counts the clears, so that a value read from the database before a clear is not stored after it. */
  generation = 0;

  constructor(
    private readonly clock: Clock,
    private readonly seconds: number,
    private readonly max = 10_000,
  ) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.clock().getTime()) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  /** Stores `value` unless the cache was cleared since `generation` (the {@link generation} before the read). */
  set(key: string, value: V, generation = this.generation): V {
    if (generation !== this.generation) return value;
    // A full map starts over instead of tracking use: at 10,000 live sessions per 5 s that is rare and cheap.
    if (this.#entries.size >= this.max) this.#entries.clear();
    this.#entries.set(key, { value, until: this.clock().getTime() + this.seconds * 1000 });
    return value;
  }

  /** The cached value, or `load()`'s, stored unless the cache was cleared while it loaded. */
  async getOrLoad(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    return this.set(key, await load(), generation);
  }

  clear(): void {
    this.generation++;
    this.#entries.clear();
  }
}

type Message = { hausportal: 'cache-clear'; name: CacheName };
const isClearMessage = (m: unknown): m is Message =>
  typeof m === 'object' && m !== null && (m as Message).hausportal === 'cache-clear' && Object.hasOwn(cacheSeconds, (m as Message).name);

/** The caches of one app: each registers how to clear itself; clearing one also tells the sibling workers. */
export class Caches {
  readonly #clearers = new Map<CacheName, (() => void)[]>();

  constructor(readonly clock: Clock) {
    if (cluster.isWorker) process.on('message', (m: unknown) => (isClearMessage(m) ? this.#run(m.name) : undefined));
  }

  /** A new cache that is emptied whenever `name` is cleared. */
  create<V>(name: CacheName): TtlCache<V> {
    const cache = new TtlCache<V>(this.clock, cacheSeconds[name]);
    this.#clearers.set(name, [...(this.#clearers.get(name) ?? []), () => cache.clear()]);
    return cache;
  }

  /** Empties `name` here and, through the cluster primary, in the other workers. */
  clear(name: CacheName): void {
    this.#run(name);
    if (cluster.isWorker && process.send) process.send({ hausportal: 'cache-clear', name } satisfies Message);
  }

  #run(name: CacheName): void {
    for (const clear of this.#clearers.get(name) ?? []) clear();
  }
}

/** In the cluster primary: hands a worker's cache-clear message to every other worker. */
export function relayCacheClears(): void {
  cluster.on('message', (from, message: unknown) => {
    if (!isClearMessage(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from && worker.isConnected()) worker.send(message);
  });
}

/** The tables whose rows the caches hold; a write to one of them clears these caches. */
const tableCaches: Record<string, CacheName[]> = {
  users: ['sessions'],
  memberships: ['sessions', 'access', 'documents'],
  organizations: ['organizations', 'sessions', 'access', 'documents'],
  contracts: ['access', 'documents'],
  units: ['access', 'documents'],
  properties: ['access', 'organizations', 'documents'],
  property_contacts: ['organizations'],
  documents: ['documents'],
  document_releases: ['documents'],
  document_release_targets: ['documents'],
};
const writeStatement = /^\s*(?:update|delete\s+from|insert\s+into)\s+[`"]?(\w+)[`"]?/i;

/** The caches a statement clears: writes to a table they hold rows of, and revocations of sessions. */
function cachesWrittenBy(sql: string | undefined): CacheName[] {
  const table = sql ? writeStatement.exec(sql)?.[1]?.toLowerCase() : undefined;
  if (!table) return [];
  // Revocations set revoked_at; a rotation only reads it in its WHERE clause.
  if (table === 'sessions') return /revoked_at/i.test(/\bset\b([^]*?)(?:\bwhere\b|$)/i.exec(sql!)?.[1] ?? '') ? ['sessions'] : [];
  return tableCaches[table] ?? [];
}

interface QueryEvent {
  sql?: string;
  __knexQueryUid?: string;
  __knexTxId?: string;
}

/**
 * Clears the caches when a statement through `db` writes a table they hold rows of, or revokes sessions, whatever
 * code (or test) ran it; knex reports every statement, also those inside a transaction. They are cleared twice: when
 * the statement is sent, and once it is committed (the statement answered, or its transaction ended). So a request
 * that read the old rows while the write waited for a lock cannot keep them: its value is refused or wiped.
 */
export function watchWrites(db: Db, caches: Caches): void {
  const clear = (names: Iterable<CacheName>) => {
    for (const name of names) caches.clear(name);
  };
  const byStatement = new Map<string, CacheName[]>();
  // Writes inside transactions: cleared again when the outermost transactions open at the time have ended (a
  // nested transaction's savepoint commits nothing; knex drops the transaction id of the statements after it).
  let openTransactions = 0;
  const inTransactions = new Set<CacheName>();
  db.on('query', (query: QueryEvent) => {
    const names = cachesWrittenBy(query.sql);
    if (names.length === 0) return;
    clear(names);
    if (openTransactions > 0) for (const name of names) inTransactions.add(name);
    if (!query.__knexTxId && query.__knexQueryUid) byStatement.set(query.__knexQueryUid, names);
  });
  const answered = (_result: unknown, query: QueryEvent) => {
    const names = query.__knexQueryUid ? byStatement.get(query.__knexQueryUid) : undefined;
    if (!names) return;
    byStatement.delete(query.__knexQueryUid!);
    clear(names);
  };
  db.on('query-response', answered);
  db.on('query-error', answered);
  onTransaction(db, (trx, nested) => {
    if (nested) return;
    openTransactions++;
    const settle = () => {
      openTransactions--;
      clear(inTransactions);
      if (openTransactions === 0) inTransactions.clear();
    };
    trx._promise.then(settle, settle);
  });
}
