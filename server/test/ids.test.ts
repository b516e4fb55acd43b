import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from '../src/ids.ts';

const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('ids made in one millisecond count up, so rows stored in one request keep their order', () => {
  const at = Date.parse('2026-11-30T12:00:00.000Z');
  const ids = Array.from({ length: 2_000 }, () => newId(at));
  for (const id of ids) assert.match(id, v7);
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
  // the first 48 bits are the time
  assert.equal(parseInt(ids[0]!.replaceAll('-', '').slice(0, 12), 16), at);
});

test('an id for an earlier time (a seed writing the past) carries that time', () => {
  const past = Date.parse('2024-03-01T08:00:00.000Z');
  newId(Date.parse('2026-11-30T12:00:00.000Z'));
  const id = newId(past);
  assert.match(id, v7);
  assert.equal(parseInt(id.replaceAll('-', '').slice(0, 12), 16), past);
});
