import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { startServer, type TestServer } from './helpers.ts';

// Pages and scripts go out compressed when the browser accepts it (http/static.ts); API answers do not.

let s: TestServer;
before(async () => {
  s = await startServer({ seed: false });
});
after(() => s.close());

/** The raw answer (no automatic decompression, unlike fetch). */
function raw(path: string, encoding: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, s.url), { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('example pages and scripts are gzip-compressed for a browser that accepts it, and plain for one that does not', async () => {
  const file = readFileSync(new URL('../../examples/site.js', import.meta.url));
  const gz = await raw('/site.js', 'gzip, deflate');
  assert.equal(gz.status, 200);
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(String(gz.headers.vary), /accept-encoding/i);
  assert.ok(gz.body.length < file.length, `${gz.body.length} < ${file.length}`);
  assert.deepEqual(gunzipSync(gz.body), file);

  const plain = await raw('/site.js', 'identity');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.deepEqual(plain.body, file);
});

test('API answers are not compressed', async () => {
  const answer = await raw('/api/health', 'gzip');
  assert.equal(answer.headers['content-encoding'], undefined);
});
