import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrustProxy } from '../src/config.ts';

// HP_TRUST_PROXY (docs/deploy.md): what Express's "trust proxy" accepts, and a plain message for anything else
// instead of a TypeError at the first request.

test('HP_TRUST_PROXY: off, every hop, a number of hops, or the proxies\' addresses and subnets', () => {
  for (const off of [undefined, '', 'false', 'FALSE', '0', ' 0 ']) assert.equal(parseTrustProxy(off), false, String(off));
  assert.equal(parseTrustProxy('true'), true);
  assert.equal(parseTrustProxy('2'), 2);
  assert.equal(parseTrustProxy('loopback'), 'loopback');
  assert.equal(parseTrustProxy('10.0.0.0/8, ::1 ,uniquelocal'), '10.0.0.0/8,::1,uniquelocal');
  assert.equal(parseTrustProxy('192.168.0.0/255.255.0.0'), '192.168.0.0/255.255.0.0');
  assert.equal(parseTrustProxy('fd00::/8'), 'fd00::/8');
});

test('HP_TRUST_PROXY: anything else stops the start with a message naming the variable and the value', () => {
  for (const bad of ['yes', 'nginx', '10.0.0.1/33', '::1/129', '10.0.0.0/8/8', '10.0.0.0/ff00::', 'loopback,,10.0.0.1', '300.1.1.1']) {
    assert.throws(() => parseTrustProxy(bad), (e: Error) => e.message.startsWith('HP_TRUST_PROXY must be') && !/TypeError/.test(e.name), bad);
  }
});
