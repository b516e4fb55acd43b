import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { startServer, type RunningServer } from '../../e2e/server.ts';
import { demo, refreshCookieOf, type Answer } from './helpers.ts';

// HP_WORKERS=2: the real server (server/src/main.ts) with two cluster workers on one port (DESIGN §10). Nothing that
// matters lives in one worker: rate limits, sessions, refresh rotation and the caches' invalidation hold across both.
// Every request here opens its own connection, and the cluster hands new connections to the workers in turn.

interface Req {
  method?: string;
  token?: string;
  cookie?: string;
  body?: unknown;
}

/** One request on a new connection (no keep-alive), so that consecutive requests reach alternating workers. */
function fresh(base: string, path: string, { method, token, cookie, body }: Req = {}): Promise<Answer> {
  const url = new URL(`/api${path}`, base);
  const data = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { connection: 'close', origin: url.origin };
  if (data !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  if (cookie) headers.cookie = `__Host-hp_rt=${cookie}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: method ?? (data === undefined ? 'GET' : 'POST'), headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) for (const one of [v ?? []].flat()) h.append(k, one);
        let parsed: unknown = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = null;
        }
        resolve({ status: res.statusCode!, headers: h, text, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** The pids of the server's worker processes: the node children of the primary (tsx runs an esbuild child too). */
const workerPids = (primary: number): number[] =>
  execFileSync('ps', ['--ppid', String(primary), '-o', 'pid=,comm='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, command]) => Number(pid) > 0 && command === 'node')
    .map(([pid]) => Number(pid));

/** Polls `check` until it is true; fails after `tries` rounds (a condition, not a time). */
async function eventually(check: () => Promise<boolean>, what: string, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setImmediate(r));
  }
  assert.fail(`never: ${what}`);
}

const loginBody = (password = demo.lehner.password) => ({ organization: demo.lehner.org, username: demo.lehner.username, password });

describe('HP_WORKERS=2', () => {
  let server: RunningServer;
  let primaryPid: number;
  before(async () => {
    server = await startServer({ env: { HP_WORKERS: '2' } });
    primaryPid = server.pid;
  });
  after(() => server?.stop());

  test('two workers serve one port; the banner says so once', async () => {
    assert.match(server.output(), /Hausportal listening on \S+ \(2 workers\)/);
    assert.equal(server.output().match(/Hausportal listening/g)?.length, 1);
    assert.equal(workerPids(primaryPid).length, 2);
    for (let i = 0; i < 4; i++) assert.equal((await fresh(server.url, '/health')).status, 200);
  });

  test('a session started on one worker is valid on the other; a logout ends it on both', async () => {
    const signedIn = await fresh(server.url, '/auth/login', { body: loginBody() });
    assert.equal(signedIn.status, 200, signedIn.text);
    const token = signedIn.body.accessToken as string;
    for (let i = 0; i < 4; i++) assert.equal((await fresh(server.url, '/units', { token })).status, 200, 'both workers accept and cache it');
    const out = await fresh(server.url, '/auth/logout', { body: {}, cookie: refreshCookieOf(signedIn) });
    assert.equal(out.status, 204);
    // The worker that revoked it refuses at once; the other is told through the primary (and would expire it in 5 s).
    await eventually(async () => {
      const answers = await Promise.all([0, 1, 2, 3].map(() => fresh(server.url, '/units', { token })));
      return answers.every((a) => a.status === 401);
    }, 'both workers refuse the token after the logout');
  });

  test('the failed-login limit counts across workers', async () => {
    const body = { organization: 'immopro', username: 'nobody-here@example.com', password: 'wrong-password-1' };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fresh(server.url, '/auth/login', { body })).status);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.deepEqual(statuses.slice(5), [429, 429], `5 failures per account in 15 minutes, whichever worker counted them: ${statuses.join(' ')}`);
  });

  test('two refreshes with the same cookie at once, on two workers, get the same successor', async () => {
    const signedIn = await fresh(server.url, '/auth/login', { body: loginBody() });
    const cookie = refreshCookieOf(signedIn)!;
    const [a, b] = await Promise.all([fresh(server.url, '/auth/refresh', { body: {}, cookie }), fresh(server.url, '/auth/refresh', { body: {}, cookie })]);
    assert.equal(a.status, 200, a.text);
    assert.equal(b.status, 200, b.text);
    assert.equal(refreshCookieOf(a), refreshCookieOf(b));
    assert.equal((await fresh(server.url, '/units', { token: b.body.accessToken })).status, 200);
  });

  test('a worker that dies is replaced, and the server keeps answering', async () => {
    const [victim] = workerPids(primaryPid);
    process.kill(victim!, 'SIGKILL');
    await eventually(async () => {
      const pids = workerPids(primaryPid);
      return pids.length === 2 && !pids.includes(victim!);
    }, 'a new worker replaces the killed one', 100_000);
    for (let i = 0; i < 4; i++) assert.equal((await fresh(server.url, '/health')).status, 200);
    assert.match(server.output(), new RegExp(`worker ${victim} ended \\(SIGKILL\\); starting another`));
  });
});
