import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, login, startServer, type Session, type TestServer } from './helpers.ts';

// Every request is validated against openapi.yaml (http/openapi-validate.ts): bad input is a 400 problem naming the
// field, never a 500 (DESIGN §5). Query values are coerced by ajv; `1e400`, `Infinity` and `-Infinity` become
// ±Infinity, which ajv's integer check lets through (its minimum and maximum look at finite numbers only), so
// `limit` (1..200) and `year` reach the routes as ±Infinity: knex drops a LIMIT that is not a number (no page size
// at all), and `limit=-Infinity` or `year=-Infinity` break the answer.

describe('attack: non-finite numbers in the query', () => {
  let s: TestServer;
  let lehner: Session;
  let unit: string;
  before(async () => {
    s = await startServer();
    lehner = await login(s.url, demo.lehner.username, demo.lehner.password, demo.lehner.org);
    unit = (await call(s.url, '/units', { token: lehner.token })).body.items[0].id;
  });
  after(() => s.close());

  for (const value of ['1e400', 'Infinity', '-Infinity', '-1e400'])
    test(`limit=${value} is a 400 naming limit (1..200), not a page without a limit or a 500`, async () => {
      const answer = await call(s.url, `/units?limit=${value}`, { token: lehner.token });
      expectProblem(answer, 400, 'validation_failed');
      assert.deepEqual(answer.body.errors.map((e: { field: string }) => e.field), ['limit']);
    });

  for (const value of ['-1e400', '-Infinity'])
    test(`year=${value} is a 400 naming year`, async () => {
      const answer = await call(s.url, `/ledger?unit=${unit}&year=${value}`, { token: lehner.token });
      expectProblem(answer, 400, 'validation_failed');
      assert.deepEqual(answer.body.errors.map((e: { field: string }) => e.field), ['year']);
    });

  test('a query parameter named __proto__[…] is unknown like any other (400), not silently dropped', async () => {
    for (const query of ['__proto__[x]=1', '__proto__[]=1']) {
      const answer = await call(s.url, `/units?${query}`, { token: lehner.token });
      expectProblem(answer, 400, 'validation_failed');
    }
  });
});
