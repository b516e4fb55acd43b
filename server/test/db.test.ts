import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engineOf, readerOf } from '../src/db.ts';
import { freshDatabase, type TestDatabase } from './helpers.ts';

// db.ts: the read pool beside the writer (SQLite), its prepared selects, and what a statement on it may do.

describe('database connections', () => {
  let t: TestDatabase;
  before(async () => {
    t = await freshDatabase();
  });
  after(() => t.drop());

  test('a read right after a write sees it, also through a select prepared before', async () => {
    const reader = readerOf(t.db);
    const count = async () => Number(((await reader('settings').where('key', 'like', 'probe-%').count({ n: '*' }).first()) as { n: unknown }).n);
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      seen.push(await count());
      await t.db('settings').insert({ key: `probe-${i}`, value: 'x' });
    }
    seen.push(await count());
    assert.deepEqual(seen, [0, 1, 2, 3]);
  });

  test('a select that cannot be prepared rejects with the database error, every time', async () => {
    for (let i = 0; i < 2; i++) await assert.rejects(readerOf(t.db)('no_such_table').select('*'), /no_such_table/);
  });

  test('the read pool refuses writes on SQLite', async (ctx) => {
    if (engineOf(t.db) !== 'sqlite') return ctx.skip('PostgreSQL reads and writes through one pool');
    assert.notEqual(readerOf(t.db), t.db);
    await assert.rejects(readerOf(t.db)('settings').insert({ key: 'from-reader', value: 'x' }), /readonly|query_only|attempt to write/i);
  });
});
