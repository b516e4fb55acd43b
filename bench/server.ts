// Server throughput (DESIGN §9): requests/s and p99 of the list endpoints for a signed-in tenant at 32 connections,
// against a bare Express "hello" in the same run. The compiled server (server/dist/main.js, made by `npm run build`)
// on SQLite and on PostgreSQL, each on the demo database and on a big one (demo + 50,000 generated units), each with
// one worker and with HP_WORKERS=auto (one per core). The N-worker rows are compared with a hello served by as many
// cluster workers. Environment:
//   HP_BENCH_SECONDS    seconds per endpoint (default 5)
//   HP_BENCH_BIG_UNITS  generated units in the big database (default 50,000)
//   HP_BENCH_BIG_DB     SQLite file for the big database: kept, and reused when it exists
//   HP_BENCH_PG_URL     PostgreSQL database to use instead of a throwaway cluster (bench/pg.ts); the big database is
//                       schema hpbench_big_<units> there, kept and reused, the demo one schema hpbench_demo
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startServer } from '../e2e/server.ts';
import { load, signIn, tenantLogin, type Load } from './lib/load.ts';
import type { BenchContext, BenchModule, Measurement, Section } from './lib/types.js';
import { schemaUrl, sql, startPostgres, type Postgres } from './pg.ts';

const seconds = Number(process.env.HP_BENCH_SECONDS ?? 5);
const bigUnits = Number(process.env.HP_BENCH_BIG_UNITS ?? 50_000);
const cores = availableParallelism();
const year = new Date().getFullYear();

/** The list endpoints with DESIGN §9 budgets; `{unit}` is the tenant's active unit. */
const listEndpoints = [
  ['GET /units', '/api/units'],
  ['GET /ledger', `/api/ledger?unit={unit}&year=${year}`],
  ['GET /open-items', '/api/open-items?unit={unit}'],
  ['GET /documents', '/api/documents'],
  ['GET /tickets', '/api/tickets'],
  ['GET /posts', '/api/posts'],
  // The portal's overview: every part above in one answer (server/src/overview).
  ['GET /overview', '/api/overview'],
] as const;
/** For context, without a budget: no authentication at all, and authentication with one small answer. */
const contextEndpoints = [
  ['GET /health', '/api/health'],
  ['GET /me', '/api/me'],
] as const;

interface Child {
  lines: string[];
  stop(): Promise<void>;
}

/**
 * Runs a node script in a child process (tsx for TypeScript); resolves once it printed a line matching `ready`, or,
 * without `ready`, once it exited 0. Its output lines are kept (and echoed when there is no `ready`).
 */
function child(root: string, args: string[], ready?: RegExp): Promise<Child> {
  const loader = args[0]!.endsWith('.ts') ? ['--conditions=source', '--import', 'tsx'] : [];
  const proc = spawn(process.execPath, [...loader, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      lines.push(line);
      if (ready?.test(line)) resolve({ lines, stop });
      else if (!ready) console.log(`  ${line}`);
    });
    proc.once('exit', (code) => (code === 0 ? resolve({ lines, stop }) : reject(new Error(`${args[0]} exited (${code}): ${lines.join('\n')}`))));
  });
}

/** The bare Express hello, in one process or in `workers` cluster workers: requests/s at 32 connections. */
async function hello(root: string, workers: number): Promise<Load> {
  const server = await child(root, ['bench/hello-server.ts', String(workers)], /listening on/);
  try {
    const url = /listening on (\S+)/.exec(server.lines.at(-1)!)![1]!.replace(/\/$/, '');
    await load(`${url}/hello`, { amount: 2000 });
    return await load(`${url}/hello`, { seconds });
  } finally {
    await server.stop();
  }
}

/**
 * How many processes the server started from this process runs: 1 + its cluster workers. Read from /proc (Linux);
 * null where there is none.
 */
function serverProcesses(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone in the meantime
    }
  }
  const childrenOf = (pid: number) => [...parentOf].filter(([, parent]) => parent === pid).map(([p]) => p);
  const primary = childrenOf(process.pid).find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server/dist/main.js');
    } catch {
      return false;
    }
  });
  return primary === undefined ? null : 1 + childrenOf(primary).length;
}

/**
 * One engine's databases: the demo one (empty at first; the first server start migrates and seeds it) and the big one
 * (demo + generated units). Each is made once and used by the 1- and N-worker runs.
 */
interface Engine {
  name: string;
  demo(): Promise<string>;
  big(): Promise<string>;
}

/** `server/dist/seed-big.js` (or its source when not built): adds `bigUnits` units to `db`; notes how long it took. */
async function seedBig(root: string, args: string[], label: string, notes: string[]): Promise<void> {
  console.log(`  generating the big ${label} database (${bigUnits} units) …`);
  const script = existsSync(join(root, 'server', 'dist', 'seed-big.js')) ? 'server/dist/seed-big.js' : 'server/src/seed/big.ts';
  const started = performance.now();
  const { lines } = await child(root, [script, '--units', String(bigUnits), ...args]);
  notes.push(`big ${label} DB: demo seed + ${bigUnits} generated units, generated in ${((performance.now() - started) / 1000).toFixed(1)} s (${lines.at(-1) ?? ''})`);
}

const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
};

function sqliteEngine(context: BenchContext, notes: string[]): Engine {
  return {
    name: 'SQLite',
    // The first server start migrates and seeds the file; later runs reuse it.
    demo: async () => join(context.tmp, 'demo.sqlite'),
    big: once(async () => {
      const file = process.env.HP_BENCH_BIG_DB ?? join(context.tmp, 'big.sqlite');
      if (existsSync(file)) notes.push(`big SQLite DB: reused ${file} (HP_BENCH_BIG_DB; delete it to generate it again)`);
      else await seedBig(context.root, ['--db', file], 'SQLite', notes);
      return file;
    }),
  };
}

function postgresEngine(context: BenchContext, pg: Postgres, notes: string[]): Engine {
  const bigSchema = `hpbench_big_${bigUnits}`;
  return {
    name: 'PostgreSQL',
    demo: once(async () => {
      await sql(pg.url, 'DROP SCHEMA IF EXISTS hpbench_demo CASCADE', 'CREATE SCHEMA hpbench_demo');
      return schemaUrl(pg.url, 'hpbench_demo');
    }),
    big: once(async () => {
      const [found] = await sql(pg.url, `SELECT to_regclass('${bigSchema}.units') IS NOT NULL AS present`);
      const units = found?.present ? Number((await sql(pg.url, `SELECT count(*) AS n FROM ${bigSchema}.units`))[0]?.n) : 0;
      if (units > bigUnits) notes.push(`big PostgreSQL DB: reused schema ${bigSchema} (${units} units; DROP SCHEMA ${bigSchema} CASCADE to generate it again)`);
      else {
        await sql(pg.url, `DROP SCHEMA IF EXISTS ${bigSchema} CASCADE`);
        await seedBig(context.root, ['--db', pg.url, '--schema', bigSchema], 'PostgreSQL', notes);
      }
      return schemaUrl(pg.url, bigSchema);
    }),
  };
}

interface Run {
  engine: Engine;
  workers: number;
  db: 'demo' | 'big';
  /** The hello this run is compared with (one process, or as many cluster workers). */
  hello: Load;
}

const label = (run: { engine: Engine; workers: number; db?: string }) => `[${[run.engine.name, `${run.workers}w`, run.db].filter(Boolean).join(' ')}]`;
const share = (rps: number, hello: Load) => `${Math.round((rps / hello.rps) * 100)} %`;

/**
 * Starts the compiled server for one run and loads each endpoint (a fresh login per endpoint: access tokens last 5
 * minutes). Returns the rows and each list endpoint's p99 (null when it failed); null when the server ran fewer
 * processes than asked for (a server without HP_WORKERS).
 */
async function measureRun(run: Run, errors: string[], notes: string[]): Promise<{ rows: Measurement[]; p99: (number | null)[] } | null> {
  const databaseUrl = run.db === 'demo' ? await run.engine.demo() : await run.engine.big();
  const server = await startServer({ databaseUrl, compiled: true, env: { HP_WORKERS: run.workers === 1 ? '1' : 'auto' } });
  const rows: Measurement[] = [];
  const p99: (number | null)[] = [];
  try {
    const processes = serverProcesses();
    if (run.workers > 1 && processes === 1) {
      notes.push(`HP_WORKERS=auto: the server ran in one process (no cluster workers), so the ${run.workers}-worker rows are left out.`);
      return null;
    }
    if (run.workers > 1 && processes !== null && processes !== run.workers + 1) notes.push(`${label(run)}: ${processes} server processes (primary + workers) for HP_WORKERS=auto on ${cores} cores.`);
    const endpoints = run.db === 'demo' ? [...listEndpoints, ...contextEndpoints] : listEndpoints;
    for (const [name, path] of endpoints) {
      const session = await signIn(server.url);
      const url = `${server.url}${path.replace('{unit}', session.unit)}`;
      const token = path === '/api/health' ? undefined : session.token;
      await load(url, { token, amount: 3000 });
      const result = await load(url, { token, seconds });
      const what = `${label(run)} ${name}`;
      const budgeted = listEndpoints.some(([n]) => n === name);
      if (result.failed) {
        errors.push(`${what}: ${result.failed} requests failed (non-2xx, errors or timeouts)`);
        if (budgeted) p99.push(null);
        continue;
      }
      if (!budgeted) {
        rows.push({ what: `${what} req/s`, value: Math.round(result.rps), unit: 'req/s', extra: { 'of hello': share(result.rps, run.hello), p50: `${result.p50} ms`, p99: `${result.p99} ms` } });
        continue;
      }
      p99.push(result.p99);
      rows.push({ what: `${what} req/s`, value: Math.round(result.rps), unit: 'req/s', extra: { 'of hello': share(result.rps, run.hello), p50: `${result.p50} ms` }, budget: { limit: Math.round(run.hello.rps * 0.4), compare: 'min', note: '≥ 40 % of hello' } });
      rows.push({ what: `${what} p99`, value: result.p99, unit: 'ms', budget: { limit: 25, compare: 'max' } });
    }
    return { rows, p99 };
  } finally {
    await server.stop();
  }
}

export const server: BenchModule = {
  id: 'server',
  title: `Server throughput (compiled server, 32 connections, ${seconds} s each, DESIGN §9)`,
  async run(context: BenchContext): Promise<Section> {
    const started = performance.now();
    mkdirSync(context.tmp, { recursive: true });
    if (!existsSync(join(context.root, 'server', 'dist', 'main.js'))) throw new Error('server/dist/main.js is missing: run `npm run build` first (npm run bench does)');
    const notes = [
      `autocannon at 32 connections on loopback after a warm-up of 3,000 requests; tenant ${tenantLogin().username}; ${cores} cores shared by autocannon (in the bench process) and the server, so with ${cores} workers the load generator competes with them.`,
      `1w = HP_WORKERS=1, compared with a one-process hello; ${cores}w = HP_WORKERS=auto, compared with a hello of ${cores} cluster workers. /health and /me are context rows on the demo DB, without budget.`,
    ];
    const errors: string[] = [];
    const measurements: Measurement[] = [];
    const workerCounts = cores > 1 ? [1, cores] : [1];
    const hellos = new Map<number, Load>();
    for (const workers of workerCounts) {
      const result = await hello(context.root, workers);
      hellos.set(workers, result);
      measurements.push({ what: `bare Express "hello", ${workers === 1 ? 'one process' : `${workers} cluster workers`} req/s`, value: Math.round(result.rps), unit: 'req/s', extra: { p50: `${result.p50} ms`, p99: `${result.p99} ms` } });
    }

    const engines: Engine[] = [sqliteEngine(context, notes)];
    const pg = await startPostgres(join(context.tmp, 'postgres'));
    if ('skipped' in pg) notes.push(`PostgreSQL left out: ${pg.skipped}.`);
    else {
      notes.push(`PostgreSQL: ${pg.description}.`);
      engines.push(postgresEngine(context, pg, notes));
    }
    let clusterWorks = true;
    try {
      for (const engine of engines) {
        for (const workers of workerCounts) {
          if (workers > 1 && !clusterWorks) continue;
          const p99s: Partial<Record<'demo' | 'big', (number | null)[]>> = {};
          for (const db of ['demo', 'big'] as const) {
            const result = await measureRun({ engine, workers, db, hello: hellos.get(workers)! }, errors, notes);
            if (!result) {
              clusterWorks = false;
              break;
            }
            measurements.push(...result.rows);
            p99s[db] = result.p99;
          }
          listEndpoints.forEach(([name], i) => {
            const small = p99s.demo?.[i];
            const big = p99s.big?.[i];
            if (small == null || big == null) return;
            measurements.push({ what: `${label({ engine, workers })} ${name} p99 big ÷ demo`, value: Number((big / Math.max(small, 1)).toFixed(2)), unit: 'x', extra: { p99: `${big} vs ${small} ms` }, budget: { limit: 1.5, compare: 'max' } });
          });
        }
      }
    } finally {
      if (!('skipped' in pg)) {
        if (process.env.HP_BENCH_PG_URL) await sql(pg.url, 'DROP SCHEMA IF EXISTS hpbench_demo CASCADE').catch(() => {});
        await pg.stop();
      }
    }
    notes.push('autocannon reports latency in whole milliseconds; the big ÷ demo ratio divides by at least 1 ms.');
    notes.push(`This module took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    return { id: this.id, title: this.title, valueLabel: 'value', measurements, notes, errors };
  },
};
