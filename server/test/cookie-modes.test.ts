// The refresh cookie of a same-site organization (SameSite=Strict) and of a cross-site one (SameSite=None;
// Partitioned) are two cookies to the browser. A login in one mode removes a cookie left in the other, so a person who
// moves between such organizations (Markus Lehner: ImmoPro same-site, Krüger cross-site) never sends a stale one first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, startServer, type TestServer } from './helpers.ts';

let s: TestServer;
before(async () => {
  s = await startServer();
});
after(() => s.close());

const loginLines = async (organization: string): Promise<string[]> => {
  const answer = await call(s.url, '/auth/login', { body: { organization, username: demo.lehner.username, password: demo.lehner.password } });
  assert.equal(answer.status, 200, answer.text);
  return answer.headers.getSetCookie().filter((line) => line.startsWith('__Host-hp_rt='));
};

test('a same-site login sets the Strict cookie and removes a partitioned one', async () => {
  const [clear, set, ...rest] = await loginLines('immopro');
  assert.match(set!, /^__Host-hp_rt=[A-Za-z0-9_-]{20,}; .*SameSite=Strict/);
  assert.doesNotMatch(set!, /Partitioned/);
  assert.match(clear!, /^__Host-hp_rt=; Max-Age=0; .*SameSite=None; Partitioned/);
  assert.deepEqual(rest, []);
});

test('a cross-site login sets the partitioned cookie and removes a Strict one', async () => {
  const [clear, set, ...rest] = await loginLines('krueger');
  assert.match(set!, /^__Host-hp_rt=[A-Za-z0-9_-]{20,}; .*SameSite=None; Partitioned/);
  assert.match(clear!, /^__Host-hp_rt=; Max-Age=0; .*SameSite=Strict/);
  assert.deepEqual(rest, []);
});
