// Server throughput (DESIGN §9): requests/s and p99 of GET /units and GET /ledger for a signed-in tenant at 32
// connections, against a bare Express "hello" route in the same run, on the demo database and on a generated
// database with 50,000 more units (HP_BENCH_BIG_UNITS changes the count, HP_BENCH_SECONDS the duration).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer, type RunningServer } from '../e2e/server.ts';
import type { BenchContext, BenchModule, Measurement, Section } from './lib/types.js';

const seconds = Number(process.env.HP_BENCH_SECONDS ?? 10);
const bigUnits = Number(process.env.HP_BENCH_BIG_UNITS ?? 50_000);
const tenant = { organization: 'immopro', username: 'markus.lehner@example.net', password: 'Elbe+Donau2026' };

interface Load {
  rps: number;
  p99: number;
  errors: number;
}

async function load(url: string, token?: string): Promise<Load> {
  const result = await autocannon({ url, connections: 32, duration: seconds, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bad = result.non2xx + result.errors + result.timeouts;
  return { rps: result.requests.average, p99: result.latency.p99, errors: bad };
}

/** A child process printing "listening on URL", like the real server. */
function startHello(root: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/hello-server.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (\S+)/.exec(chunk.toString());
      if (match) resolve({ url: match[1]!.replace(/\/$/, ''), stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`hello server exited (${code})`)));
  });
}

async function signIn(server: RunningServer): Promise<{ token: string; unit: string }> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(tenant) });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  const units = (await (await fetch(`${server.url}/api/units`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { items: { id: string; active: boolean }[] };
  const unit = units.items.find((u) => u.active)?.id;
  if (!unit) throw new Error('the demo tenant has no unit');
  return { token: accessToken, unit };
}

/** Loads /units and /ledger on one database; a fresh login per endpoint keeps the 5-minute token valid. */
async function measureDb(server: RunningServer, label: string, hello: Load): Promise<{ rows: Measurement[]; p99: number[] }> {
  const year = new Date().getFullYear();
  const rows: Measurement[] = [];
  const p99: number[] = [];
  for (const [name, path] of [['GET /units', '/api/units'], ['GET /ledger', '/api/ledger?unit={unit}&year=' + year]] as const) {
    const { token, unit } = await signIn(server);
    const result = await load(`${server.url}${path.replace('{unit}', unit)}`, token);
    if (result.errors) throw new Error(`${name} on ${label}: ${result.errors} failed requests`);
    p99.push(result.p99);
    rows.push({ what: `${name} (${label}) req/s`, value: Math.round(result.rps), unit: 'req/s', extra: { 'of hello': `${Math.round((result.rps / hello.rps) * 100)} %` }, budget: { limit: Math.round(hello.rps * 0.4), compare: 'min', note: '≥ 40 % of hello' } });
    rows.push({ what: `${name} (${label}) p99`, value: result.p99, unit: 'ms', budget: { limit: 25, compare: 'max' } });
  }
  return { rows, p99 };
}

export const server: BenchModule = {
  id: 'server',
  title: `Server throughput (32 connections, ${seconds} s each, DESIGN §9)`,
  async run(context: BenchContext): Promise<Section> {
    const notes = [`autocannon at 32 connections on loopback; tenant ${tenant.username}; server and load generator share this machine's cores.`];
    const helloServer = await startHello(context.root);
    let hello: Load;
    try {
      hello = await load(`${helloServer.url}/hello`);
    } finally {
      helloServer.stop();
    }
    const measurements: Measurement[] = [{ what: 'bare Express "hello" req/s', value: Math.round(hello.rps), unit: 'req/s', extra: { p99: `${hello.p99} ms` } }];

    const demo = await startServer();
    let small: { rows: Measurement[]; p99: number[] };
    try {
      small = await measureDb(demo, 'demo DB', hello);
    } finally {
      await demo.stop();
    }
    measurements.push(...small.rows);

    mkdirSync(context.tmp, { recursive: true });
    const bigFile = join(context.tmp, 'big.sqlite');
    const started = performance.now();
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/seed-big.ts', '--units', String(bigUnits), '--db', bigFile], { cwd: context.root, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(`seed-big failed: ${seeded.stderr || seeded.stdout}`);
    notes.push(`big DB: demo seed + ${bigUnits} generated units, generated in ${((performance.now() - started) / 1000).toFixed(0)} s (${seeded.stdout.trim().split('\n').at(-1)})`);
    const big = await startServer({ databaseUrl: bigFile });
    try {
      const result = await measureDb(big, `${bigUnits / 1000}k-unit DB`, hello);
      measurements.push(...result.rows);
      result.p99.forEach((p, i) => {
        const ratio = small.p99[i]! > 0 ? p / small.p99[i]! : 1;
        measurements.push({ what: `${i === 0 ? 'GET /units' : 'GET /ledger'} p99 big ÷ demo`, value: Number(ratio.toFixed(2)), unit: 'x', budget: { limit: 1.5, compare: 'max' } });
      });
    } finally {
      await big.stop();
    }
    return { id: this.id, title: this.title, valueLabel: 'value', measurements, notes };
  },
};
