import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashParameters, hashPassword, verifyPassword } from '../src/auth/password.ts';

test('new hashes use scrypt N=2^17, r=8, p=1 (DESIGN §6) unless a test run lowers N; production ignores that', () => {
  assert.deepEqual(hashParameters({}), { N: 2 ** 17, r: 8, p: 1 });
  assert.deepEqual(hashParameters({ HP_SCRYPT_LOG_N: '12' }), { N: 2 ** 12, r: 8, p: 1 });
  assert.deepEqual(hashParameters({ HP_SCRYPT_LOG_N: '12', NODE_ENV: 'production' }), { N: 2 ** 17, r: 8, p: 1 });
  for (const value of ['9', '17', '30', '12.5', 'x', '']) assert.deepEqual(hashParameters({ HP_SCRYPT_LOG_N: value }), { N: 2 ** 17, r: 8, p: 1 }, value);
});

test('a hash carries its parameters: one made with any N verifies, a wrong password does not', async () => {
  const hash = await hashPassword('Naschmarkt-Top7');
  assert.match(hash, /^scrypt\$\d+\$8\$1\$[\w-]+\$[\w-]+$/);
  assert.equal(await verifyPassword('Naschmarkt-Top7', hash), true);
  assert.equal(await verifyPassword('Naschmarkt-Top8', hash), false);
  assert.equal(await verifyPassword('Naschmarkt-Top7', hash.replace(/^scrypt\$\d+/, 'scrypt$1024')), false);
});
