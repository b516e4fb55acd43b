import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, login, startServer, type TestServer } from './helpers.ts';

// DESIGN §6 "Revocation bound": a locked user (or a logout, a password change) takes effect at once on the server
// process that wrote it. cache.ts clears the caches when a write is sent and again once it is committed: for a write
// inside a transaction, when the transaction named by the statement's `__knexTxId` ends. A nested transaction (a
// savepoint) has its own id, which ends with RELEASE SAVEPOINT, and after it the outer transaction's statements carry
// no id at all (knex drops it from the connection), so they count as committed as soon as they answer. Either way
// nothing is cleared when the outer transaction commits, and a session read while it was open is served for up to
// 5 s after the commit. No route nests transactions yet; a helper that opens one and is handed a transaction will.

describe('attack: revocation written inside nested transactions', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  type Trx = Parameters<Parameters<TestServer['db']['transaction']>[0]>[0];
  const lock = (db: Trx) => db('users').where({ email: demo.huber.username }).update({ status: 'locked' });

  /** Locks the user in a transaction shaped by `write`; a request in between reads the old, committed row. */
  async function lockedAtOnce(write: (outer: Trx) => Promise<unknown>): Promise<void> {
    const session = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
    assert.equal((await call(s.url, '/units', { token: session.token })).status, 200);
    try {
      await s.db.transaction(async (outer) => {
        await write(outer);
        // The user's other tab asks while the outer transaction is still open.
        assert.equal((await call(s.url, '/units', { token: session.token })).status, 200, 'not committed yet: still valid');
      });
      const afterCommit = await call(s.url, '/units', { token: session.token });
      assert.equal(afterCommit.status, 401, 'the lock is committed: the token must be refused here at once (DESIGN §6)');
    } finally {
      await s.db('users').where({ email: demo.huber.username }).update({ status: 'active' });
    }
  }

  test('a user locked inside a nested transaction is refused at once after the outer commit', () =>
    lockedAtOnce((outer) => outer.transaction((inner) => lock(inner))));

  test('a user locked in a transaction after a nested one (e.g. an audit row in a savepoint) is refused at once after the commit', () =>
    lockedAtOnce(async (outer) => {
      await outer.transaction((inner) => inner('settings').where({ key: 'no-such-setting' }).update({ value: 'x' }));
      await lock(outer);
    }));
});
