// docs/deploy.md's set-up, run as the guide runs it: nginx with scripts/deploy/nginx/hausportal.conf (rendered by
// local.sh for free ports and a self-signed certificate) in front of the server in production mode with
// HP_PUBLIC_URL and HP_TRUST_PROXY=loopback, mail through scripts/deploy/smtp-sink.mjs, a backup with
// scripts/deploy/backup.sh, and the systemd units. A part whose tool is not installed (nginx, openssl, sqlite3,
// systemd-analyze) is skipped, with the tool named.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { request } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openDb } from '../server/src/db.ts';
import { eventually } from './api.ts';
import { demoLogin, repoRoot } from './server.ts';

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = (...tools: string[]): string | false => {
  const absent = tools.filter((tool) => !has(tool));
  return absent.length > 0 ? `${absent.join(', ')} not installed` : false;
};
const deploy = join(repoRoot, 'scripts', 'deploy');
const host = 'portal.hv-muster.test';
const katharina = demoLogin('katharina.huber@example.com');

test('the guide exists and every scripts/deploy file it names is there', () => {
  const guide = readFileSync(join(repoRoot, 'docs', 'deploy.md'), 'utf8');
  const named = [...new Set(guide.match(/scripts\/deploy\/[\w./-]*\w/g) ?? [])];
  assert.ok(named.length >= 5, `the guide names its files: ${named.join(', ')}`);
  for (const path of named) assert.ok(existsSync(join(repoRoot, path)), `${path} (named in docs/deploy.md) exists`);
});

test('the systemd units pass systemd-analyze verify', { skip: missing('systemd-analyze') }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'hp-units-'));
  try {
    const units = ['hausportal.service', 'hausportal-backup.service', 'hausportal-backup.timer'];
    // The backup unit runs /opt/hausportal/scripts/deploy/backup.sh; here the repository's copy stands in.
    for (const unit of units) writeFileSync(join(dir, unit), readFileSync(join(deploy, 'systemd', unit), 'utf8').replaceAll('/opt/hausportal/scripts/', `${repoRoot}/scripts/`));
    const result = spawnSync('systemd-analyze', ['verify', '--man=no', ...units], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.trim(), '', 'no warnings');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A process whose output is kept; resolves once `ready` matches it. */
async function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; output: () => string; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const found = ready.exec(log);
      if (found) resolve(found);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} ended (${code}) before it was ready:\n${log}`)));
  });
  return { child, output: () => log, match };
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('nginx in front of the server, mail and backup (docs/deploy.md)', { skip: missing('nginx', 'openssl') }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'hp-deploy-'));
  const nginxDir = join(dir, 'nginx');
  const database = join(dir, 'hausportal.sqlite');
  const mails = join(dir, 'mails');
  let httpsPort = 0;
  let httpPort = 0;
  let nginxCheck = '';
  let nginxStarted = false;
  let server: Awaited<ReturnType<typeof startProcess>> | undefined;
  let sink: Awaited<ReturnType<typeof startProcess>> | undefined;

  /** A request to nginx as a browser sends it to https://portal.hv-muster.test:<port>, from `localAddress`. */
  const call = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: httpsPort, servername: host, path, method: init.method ?? 'GET', localAddress: init.localAddress,
          ca: readFileSync(join(nginxDir, 'portal.crt')), headers: { host: `${host}:${httpsPort}`, ...init.headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on('error', reject);
      req.end(init.body);
    });
  const origin = () => `https://${host}:${httpsPort}`;
  const postJson = (path: string, body: unknown, localAddress?: string) =>
    call(path, { method: 'POST', body: JSON.stringify(body), localAddress, headers: { 'content-type': 'application/json', origin: origin() } });

  before(async () => {
    [httpsPort, httpPort] = [await freePort(), await freePort()];
    const serverPort = await freePort();
    sink = await startProcess([join(deploy, 'smtp-sink.mjs'), '--port', '0', '--dir', mails], process.env, /SMTP sink on 127\.0\.0\.1:(\d+)/);
    const env: NodeJS.ProcessEnv = {
      ...process.env, NODE_ENV: 'production', HP_DEMO_SEED: 'true', PORT: String(serverPort), HP_DATABASE_URL: database,
      HP_PUBLIC_URL: `https://${host}:${httpsPort}`, HP_TRUST_PROXY: 'loopback', SMTP_URL: `smtp://127.0.0.1:${sink.match[1]}`,
      HP_MAIL_FROM: 'portal@hv-muster.test', HP_JOB_POLL_MS: '500',
    };
    server = await startProcess(['--conditions=source', '--import', 'tsx', 'server/src/main.ts'], env, /Hausportal listening on/);
    const render = spawnSync('sh', [join(deploy, 'nginx', 'local.sh'), nginxDir], {
      encoding: 'utf8', env: { ...process.env, HOST: host, HTTPS_PORT: String(httpsPort), HTTP_PORT: String(httpPort), UPSTREAMS: `127.0.0.1:${serverPort}` },
    });
    nginxCheck = render.stdout + render.stderr;
    assert.equal(render.status, 0, nginxCheck);
    execFileSync('nginx', ['-p', nginxDir, '-c', join(nginxDir, 'nginx.conf')]);
    nginxStarted = true;
  });

  after(async () => {
    if (nginxStarted) spawnSync('nginx', ['-p', nginxDir, '-c', join(nginxDir, 'nginx.conf'), '-s', 'stop']);
    await stopProcess(server?.child);
    await stopProcess(sink?.child);
    rmSync(dir, { recursive: true, force: true });
  });

  test('nginx -t accepts the rendered configuration', () => {
    assert.match(nginxCheck, /test is successful/);
  });

  test('HTTPS: HSTS once, pages compressed by the server, API JSON gzipped by nginx, plain HTTP redirected', async () => {
    const page = await call('/', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(page.status, 200);
    assert.equal(page.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
    assert.equal(page.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(page.body).toString(), /<hp-session/);
    const api = await call('/api/organizations/immopro/public', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(api.headers['content-encoding'], 'gzip');
    assert.equal(JSON.parse(gunzipSync(api.body).toString()).slug, 'immopro');
    const redirect = await new Promise<{ status?: number; location?: string }>((resolve, reject) =>
      httpGet({ host: '127.0.0.1', port: httpPort, path: '/portal.html', headers: { host: `${host}:${httpPort}` } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode, location: res.headers.location });
      }).on('error', reject),
    );
    assert.deepEqual(redirect, { status: 301, location: `https://${host}:${httpsPort}/portal.html` });
  });

  test('a sign-in from the portal\'s own origin works through nginx; failed logins count the client\'s address', async () => {
    const login = await postJson('/api/auth/login', { organization: 'immopro', username: katharina.username, password: katharina.password });
    assert.equal(login.status, 200, login.body.toString());
    assert.match(String(login.headers['set-cookie']), /__Host-hp_rt=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    const failed = await postJson('/api/auth/login', { organization: 'immopro', username: 'nobody@example.com', password: 'not-the-password' }, '127.0.0.2');
    assert.equal(failed.status, 401);
    const db = openDb(database);
    try {
      const keys = (await db('login_attempts').where('key', 'like', 'ip:%').pluck('key')) as string[];
      assert.ok(keys.includes('ip:127.0.0.2'), `the limiter counts 127.0.0.2, not nginx's address: ${keys.join(', ')}`);
    } finally {
      await db.destroy();
    }
  });

  test('a password reset mail goes out through SMTP', async () => {
    const reset = await postJson('/api/auth/password-reset', { organization: 'immopro', email: katharina.username });
    assert.equal(reset.status, 202);
    const file = await eventually('the mail in the SMTP sink', async () => readdirSync(mails).find((name) => name.endsWith('.eml')));
    const mail = readFileSync(join(mails, file), 'utf8');
    assert.match(mail, new RegExp(`^X-Envelope-To: ${katharina.username}`, 'm'));
    assert.match(mail, /^From: .*<portal@hv-muster\.test>/m);
  });

  test('backup.sh makes a checked online backup of the SQLite file while the server runs', { skip: missing('sqlite3') }, () => {
    const out = execFileSync('sh', [join(deploy, 'backup.sh'), join(dir, 'backups')], { encoding: 'utf8', env: { ...process.env, HP_DATABASE_URL: database } });
    const file = /(\/\S+\.sqlite\.gz)$/m.exec(out)?.[1];
    assert.ok(file, out);
    const copy = join(dir, 'restored.sqlite');
    writeFileSync(copy, gunzipSync(readFileSync(file)));
    assert.equal(execSql(copy, 'pragma integrity_check'), 'ok');
    assert.ok(Number(execSql(copy, 'select count(*) from users')) > 0);
  });
});

/** One SQL statement through the sqlite3 command-line shell; its output, trimmed. */
function execSql(file: string, sql: string): string {
  return execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();
}
