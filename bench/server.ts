// Server throughput (DESIGN §9): requests/s and p99 of GET /units and GET /ledger for a signed-in tenant at 32
// connections, against a bare Express "hello" route in the same run, on the demo database and on a generated
// database with 50,000 more units. HP_BENCH_BIG_UNITS changes the count, HP_BENCH_SECONDS the duration,
// HP_BENCH_BIG_DB keeps the generated SQLite file (and reuses it when it exists).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { demoLogins, startServer, type RunningServer } from '../e2e/server.ts';
import type { BenchContext, BenchModule, Measurement, Section } from './lib/types.js';

const seconds = Number(process.env.HP_BENCH_SECONDS ?? 10);
const bigUnits = Number(process.env.HP_BENCH_BIG_UNITS ?? 50_000);
const endpoints = [
  ['GET /units', '/api/units'],
  ['GET /ledger', `/api/ledger?unit={unit}&year=${new Date().getFullYear()}`],
] as const;

/** The demo tenant with a unit at ImmoPro (Markus Lehner, Top W2), as published in examples/demo-logins.json. */
function tenantLogin() {
  const login = demoLogins().find((l) => l.username.startsWith('markus.lehner') && l.role === 'tenant');
  if (!login) throw new Error('examples/demo-logins.json has no tenant login for Markus Lehner');
  return { organization: login.organization, username: login.username, password: login.password };
}

interface Load {
  rps: number;
  p99: number;
  failed: number;
}

async function load(url: string, token?: string): Promise<Load> {
  const result = await autocannon({ url, connections: 32, duration: seconds, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { rps: result.requests.average, p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts };
}

/** Runs `script` with tsx in a child process; resolves with its output lines once it printed `ready` (or exited 0). */
function child(root: string, args: string[], ready?: RegExp): Promise<{ lines: string[]; stop: () => void }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const stop = () => proc.kill('SIGTERM');
  return new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      lines.push(line);
      if (ready?.test(line)) resolve({ lines, stop });
      else if (!ready) console.log(`  ${line}`);
    });
    proc.once('exit', (code) => (code === 0 ? resolve({ lines, stop }) : reject(new Error(`${args[0]} exited (${code}): ${lines.join('\n')}`))));
  });
}

async function signIn(server: RunningServer): Promise<{ token: string; unit: string }> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(tenantLogin()) });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  const units = (await (await fetch(`${server.url}/api/units`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { items: { id: string; active: boolean }[] };
  const unit = units.items.find((u) => u.active)?.id;
  if (!unit) throw new Error('the demo tenant has no unit');
  return { token: accessToken, unit };
}

/** Loads each endpoint on one database; a fresh login per endpoint keeps the 5-minute access token valid. */
async function measureDb(server: RunningServer, label: string, hello: Load, errors: string[]): Promise<{ rows: Measurement[]; p99: (number | null)[] }> {
  const rows: Measurement[] = [];
  const p99: (number | null)[] = [];
  for (const [name, path] of endpoints) {
    const { token, unit } = await signIn(server);
    const result = await load(`${server.url}${path.replace('{unit}', unit)}`, token);
    if (result.failed) {
      errors.push(`${name} on ${label}: ${result.failed} requests failed (non-2xx, errors or timeouts)`);
      p99.push(null);
      continue;
    }
    p99.push(result.p99);
    const share = `${Math.round((result.rps / hello.rps) * 100)} %`;
    rows.push({ what: `${name} (${label}) req/s`, value: Math.round(result.rps), unit: 'req/s', extra: { 'of hello': share }, budget: { limit: Math.round(hello.rps * 0.4), compare: 'min', note: '≥ 40 % of hello' } });
    rows.push({ what: `${name} (${label}) p99`, value: result.p99, unit: 'ms', budget: { limit: 25, compare: 'max' } });
  }
  return { rows, p99 };
}

/** The demo seed plus `bigUnits` generated units in a SQLite file: reused from HP_BENCH_BIG_DB when it exists. */
async function bigDatabase(context: BenchContext, notes: string[]): Promise<string> {
  const file = process.env.HP_BENCH_BIG_DB ?? join(context.tmp, 'big.sqlite');
  if (existsSync(file)) {
    notes.push(`big DB: reused ${file} (HP_BENCH_BIG_DB; delete it to generate it again)`);
    return file;
  }
  console.log(`  generating the big database (${bigUnits} units) …`);
  const started = performance.now();
  const { lines } = await child(context.root, ['server/src/seed/big.ts', '--units', String(bigUnits), '--db', file]);
  notes.push(`big DB: demo seed + ${bigUnits} generated units, generated in ${((performance.now() - started) / 1000).toFixed(0)} s (${lines.at(-1) ?? ''})`);
  return file;
}

export const server: BenchModule = {
  id: 'server',
  title: `Server throughput (32 connections, ${seconds} s each, DESIGN §9)`,
  async run(context: BenchContext): Promise<Section> {
    mkdirSync(context.tmp, { recursive: true });
    const notes = [`autocannon at 32 connections on loopback; tenant ${tenantLogin().username}; server and load generator share this machine's cores.`];
    const errors: string[] = [];
    const helloServer = await child(context.root, ['bench/hello-server.ts'], /listening on/);
    const helloUrl = /listening on (\S+)/.exec(helloServer.lines.at(-1)!)![1]!.replace(/\/$/, '');
    let hello: Load;
    try {
      hello = await load(`${helloUrl}/hello`);
    } finally {
      helloServer.stop();
    }
    const measurements: Measurement[] = [{ what: 'bare Express "hello" req/s', value: Math.round(hello.rps), unit: 'req/s', extra: { p99: `${hello.p99} ms` } }];

    const databases = [['demo DB', undefined], [`${bigUnits / 1000}k-unit DB`, () => bigDatabase(context, notes)]] as const;
    const p99s: (number | null)[][] = [];
    for (const [label, prepare] of databases) {
      const running = await startServer(prepare ? { databaseUrl: await prepare() } : {});
      try {
        const result = await measureDb(running, label, hello, errors);
        measurements.push(...result.rows);
        p99s.push(result.p99);
      } finally {
        await running.stop();
      }
    }
    endpoints.forEach(([name], i) => {
      const small = p99s[0]?.[i];
      const big = p99s[1]?.[i];
      if (small == null || big == null) return;
      measurements.push({ what: `${name} p99 big ÷ demo`, value: Number((big / Math.max(small, 1)).toFixed(2)), unit: 'x', extra: { p99: `${big} vs ${small} ms` }, budget: { limit: 1.5, compare: 'max' } });
    });
    notes.push('autocannon reports latency in whole milliseconds; the big ÷ demo ratio divides by at least 1 ms.');
    return { id: this.id, title: this.title, valueLabel: 'value', measurements, notes, errors };
  },
};
