// A PostgreSQL database for the server bench: HP_BENCH_PG_URL when set, otherwise a throwaway cluster that lives for
// one run. As root on Debian (initdb refuses root) through postgresql-common: `pg_createcluster` on a free port, a
// role with a random password, `pg_dropcluster --stop` at the end. As another user with `initdb`/`pg_ctl`: a cluster
// in the run's temporary folder with trust authentication, its socket and port there too. Neither available: the
// caller is told why and leaves PostgreSQL out. The cluster goes away on stop(), on an error, on Ctrl-C and on exit.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export interface Postgres {
  /** `postgres://user:password@127.0.0.1:port/database` */
  url: string;
  /** Where the database comes from, for the bench notes. */
  description: string;
  /** Drops a throwaway cluster (nothing for HP_BENCH_PG_URL). */
  stop(): Promise<void>;
}

export type PostgresOrReason = Postgres | { skipped: string };

/** Runs a program; rejects with its output when it fails. */
function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
    let output = '';
    proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.once('error', reject);
    proc.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.trim()}`))));
  });
}

/** The first `name` on PATH, else in the newest /usr/lib/postgresql/<version>/bin; null when there is none. */
function findProgram(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const version = newestVersion();
  const file = version ? join('/usr/lib/postgresql', version, 'bin', name) : null;
  return file && existsSync(file) ? file : null;
}

/** The newest PostgreSQL server installed under /usr/lib/postgresql (Debian layout), e.g. "15". */
function newestVersion(): string | null {
  if (!existsSync('/usr/lib/postgresql')) return null;
  const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v) && existsSync(join('/usr/lib/postgresql', v, 'bin', 'postgres')));
  return versions.sort((a, b) => Number(b) - Number(a))[0] ?? null;
}

/** A TCP port nobody listens on right now (the cluster binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Cleanups that must run even when the bench is interrupted: a synchronous version for `exit` and signals. Signals
 * end the run with the usual code once the cluster is gone (the servers are killed by their own `exit` hooks).
 */
const pending = new Set<() => void>();
let hooked = false;
function onAbort(cleanup: () => void): () => void {
  pending.add(cleanup);
  if (!hooked) {
    hooked = true;
    const all = () => {
      for (const c of [...pending]) c();
      pending.clear();
    };
    process.once('exit', all);
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      process.once(signal, () => {
        console.error(`\n${signal}: removing the throwaway PostgreSQL cluster …`);
        all();
        process.exit(code);
      });
    }
  }
  return () => pending.delete(cleanup);
}

/** As root on Debian: `pg_createcluster` + `pg_ctlcluster`, a password role and database, dropped at the end. */
async function debianCluster(version: string): Promise<Postgres> {
  const name = `hpbench${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const drop = () => spawnSync('pg_dropcluster', ['--stop', version, name], { stdio: 'ignore' });
  const forget = onAbort(drop);
  try {
    // Manual start: a cluster left behind by a killed run does not come back with the machine.
    await run('pg_createcluster', [version, name, '-p', String(port), '--start-conf', 'manual']);
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'start']);
    const psql = (sql: string) => run('runuser', ['-u', 'postgres', '--', 'psql', '-p', String(port), '-v', 'ON_ERROR_STOP=1', '-qc', sql]);
    await psql(`CREATE ROLE hpbench LOGIN CREATEDB PASSWORD '${password}'`);
    await psql('CREATE DATABASE hpbench OWNER hpbench');
  } catch (error) {
    drop();
    forget();
    throw error;
  }
  return {
    url: `postgres://hpbench:${password}@127.0.0.1:${port}/hpbench`,
    description: `throwaway cluster ${version}/${name} on port ${port} (pg_createcluster, dropped at the end)`,
    async stop() {
      forget();
      await run('pg_dropcluster', ['--stop', version, name]);
    },
  };
}

/** As a normal user: `initdb` into `dir` (trust authentication), `pg_ctl` with socket and port there. */
async function initdbCluster(initdb: string, pgCtl: string, dir: string): Promise<Postgres> {
  const data = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const stopNow = () => {
    spawnSync(pgCtl, ['-D', data, '-m', 'immediate', 'stop'], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  const forget = onAbort(stopNow);
  try {
    await run(initdb, ['-D', data, '-A', 'trust', '-U', 'hpbench', '-E', 'UTF8', '--no-sync']);
    await run(pgCtl, ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
  } catch (error) {
    stopNow();
    forget();
    throw error;
  }
  return {
    url: `postgres://hpbench@127.0.0.1:${port}/postgres`,
    description: `throwaway cluster in ${data} on port ${port} (initdb, trust authentication, removed at the end)`,
    async stop() {
      forget();
      await run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * HP_BENCH_PG_URL, or a throwaway cluster (`dir` holds it when made with initdb); `{ skipped }` with the reason when
 * this machine has no way to run PostgreSQL. Errors while starting an available cluster are thrown.
 */
export async function startPostgres(dir: string): Promise<PostgresOrReason> {
  const given = process.env.HP_BENCH_PG_URL;
  if (given) return { url: given, description: 'HP_BENCH_PG_URL', stop: async () => {} };
  const root = process.getuid?.() === 0;
  if (root) {
    const version = newestVersion();
    if (findProgram('pg_createcluster') && findProgram('pg_ctlcluster') && findProgram('runuser') && version) return debianCluster(version);
    return { skipped: 'running as root and pg_createcluster/pg_ctlcluster (postgresql-common) with a server under /usr/lib/postgresql are not there (initdb refuses root); set HP_BENCH_PG_URL to measure PostgreSQL' };
  }
  const initdb = findProgram('initdb');
  const pgCtl = findProgram('pg_ctl');
  if (initdb && pgCtl) return initdbCluster(initdb, pgCtl, dir);
  return { skipped: 'no initdb/pg_ctl on PATH or under /usr/lib/postgresql; set HP_BENCH_PG_URL to measure PostgreSQL' };
}

/** `url` with every connection's search_path set to `schema` (the server has no schema setting of its own). */
export function schemaUrl(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** Runs SQL statements, one after another, on `url`. Returns the rows of the last one. */
export async function sql(url: string, ...statements: string[]): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let rows: Record<string, unknown>[] = [];
    for (const statement of statements) rows = (await client.query(statement)).rows as Record<string, unknown>[];
    return rows;
  } finally {
    await client.end();
  }
}
