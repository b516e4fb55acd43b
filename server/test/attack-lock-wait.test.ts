import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engineOf, type Db } from '../src/db.ts';
import { call, demo, login, startServer, type TestServer } from './helpers.ts';

// cache.ts clears the caches when a write is sent and again once it is committed. A logout whose UPDATE waits for
// another process's write lock (SQLite) or row locks (PostgreSQL) must not leave behind a session that a request read
// while the logout waited.

/** Resolves when a statement matching `pattern` is sent through `db` (knex's query event, before it runs). */
function statementSent(db: Db, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    const on = (q: { sql?: string }) => {
      if (pattern.test(q.sql ?? '')) {
        db.removeListener('query', on);
        resolve();
      }
    };
    db.on('query', on);
  });
}

describe('revocation while the write waits for a lock', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  test('a logout whose UPDATE waits for another process\'s lock still ends the access token at once here', async () => {
    const session = await login(s.url, demo.lehner.username, demo.lehner.password, demo.lehner.org);
    assert.equal((await call(s.url, '/units', { token: session.token })).status, 200);
    const machine = await s.startOtherMachine();
    try {
      const trx = await machine.db.transaction();
      const familyId = JSON.parse(Buffer.from(session.token.split('.')[1]!, 'base64url').toString('utf8')).sid as string;
      if (engineOf(machine.db) === 'postgresql') await trx('sessions').where({ family_id: familyId }).forUpdate().select('id');
      const sent = statementSent(s.db, /update .sessions. set .revoked_at/i);
      const logout = call(s.url, '/auth/logout', { body: {}, cookie: session.cookie });
      await sent;
      assert.equal((await call(s.url, '/units', { token: session.token })).status, 200, 'not revoked yet while the logout waits');
      await trx.commit();
      assert.equal((await logout).status, 204);
      assert.equal((await call(s.url, '/units', { token: session.token })).status, 401, 'refused at once once the logout answered');
    } finally {
      await machine.close();
    }
  });
});
