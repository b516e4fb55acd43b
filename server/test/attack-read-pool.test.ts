import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readlinkSync } from 'node:fs';
import { engineOf, readerOf } from '../src/db.ts';
import { freshDatabase, type TestDatabase } from './helpers.ts';

// db.ts keeps prepared selects per read connection. SQLite refuses to close a connection with statements that are
// not finalized (SQLITE_BUSY "unable to close due to unfinalized statements"), and the read pool closes a connection
// that was idle for 60 s (idleTimeoutMillis): tarn drops it even when the close fails, so without finalizing first
// the connection would stay open with its file descriptors, one more set after every pause, until the process runs
// out of them. SQLite itself keeps the descriptor of a closed connection for reuse while another connection of the
// process holds locks on the same file (the writer here), so the count is bounded, not back at the writer's.

/** This process's open file descriptors on the database file and its -wal and -shm files. */
const descriptorsOn = (file: string): number =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(file);
    } catch {
      return false;
    }
  }).length;

interface TarnPool {
  idleTimeoutMillis: number;
  numFree(): number;
  numUsed(): number;
  pendingDestroys: unknown[];
  on(event: 'destroyFail', listener: (eventId: number, resource: unknown, err: Error) => void): void;
}

describe('attack: idle read connections with prepared statements', () => {
  let t: TestDatabase;
  before(async () => {
    t = await freshDatabase();
  });
  after(() => t.drop());

  test('a read connection the pool retires after its idle time is closed, not left open', async (ctx) => {
    if (engineOf(t.db) !== 'sqlite' || process.platform !== 'linux') return ctx.skip('SQLite read pool, file descriptors in /proc');
    const reader = readerOf(t.db);
    const pool = (reader.client as { pool: TarnPool }).pool;
    const failures: string[] = [];
    pool.on('destroyFail', (_id, _resource, err) => failures.push(err.message));
    const counts: number[] = [];
    for (let pause = 0; pause < 3; pause++) {
      await Promise.all(Array.from({ length: 8 }, () => reader('settings').select('key')));
      // What 60 s without a request do: the pool retires its idle connections (tarn reaps about once a second).
      const idle = pool.idleTimeoutMillis;
      pool.idleTimeoutMillis = 1;
      while (pool.numFree() + pool.numUsed() + pool.pendingDestroys.length > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      pool.idleTimeoutMillis = idle;
      counts.push(descriptorsOn(t.url));
    }
    assert.deepEqual(failures, [], 'closing the retired read connections failed');
    assert.equal(counts[2], counts[0], `file descriptors grow with every pause: ${counts.join(' → ')}`);
  });
});
