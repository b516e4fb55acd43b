// What a load or fault scenario gets and gives back, and the set-up they share: a prepared SQLite file in a temp
// folder, the compiled server on a fixed port, and signed-in clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Recorder, signInAll } from './clients.ts';
import { prepareDatabase, type PreparedDatabase } from './database.ts';
import { freePort, startLoadServer, type LoadServer } from './server.ts';

export interface ScenarioResult {
  /** Report lines (figures), printed whether it passed or not. */
  report: string[];
  /** What was wrong; empty when the scenario passed. */
  failures: string[];
}

export interface Setup {
  dir: string;
  db: PreparedDatabase;
  port: number;
  workers: number;
  server: LoadServer;
  clients: Client[];
  recorder: Recorder;
  /** How long signing every client in took, in seconds. */
  signInSeconds: number;
  /** Kills the server if it still runs and removes the temp folder (kept, and named, when `keep`). */
  cleanUp(keep: boolean): Promise<string | null>;
}

/**
 * A fresh database with `tenants` tenants, the compiled server on it with `workers` processes, and every client signed
 * in: `logins` of them with their password, the others with the cookie of their prepared session.
 */
export async function setUp(name: string, tenants: number, workers: number, logins: number): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), `hp-load-${name}-`));
  const db = await prepareDatabase(join(dir, 'hausportal.sqlite'), tenants);
  const port = await freePort();
  const setup: Setup = {
    dir,
    db,
    port,
    workers,
    server: await startLoadServer(db.file, port, workers),
    clients: [],
    recorder: new Recorder(),
    signInSeconds: 0,
    async cleanUp(keep) {
      await setup.server.stop().catch(() => undefined);
      if (keep) return dir;
      rmSync(dir, { recursive: true, force: true });
      return null;
    },
  };
  setup.clients = db.tenants.map((t) => new Client(setup.server.url, t, setup.recorder));
  const started = performance.now();
  try {
    await signInAll(setup.clients, logins);
  } catch (error) {
    await setup.cleanUp(false);
    throw error;
  }
  setup.signInSeconds = (performance.now() - started) / 1000;
  return setup;
}

/** The last lines the server printed, for a failure report. */
export const serverLog = (server: LoadServer, lines = 30): string =>
  server.output().split('\n').filter((l) => !/^hausportal-load pid /.test(l)).slice(-lines).join('\n');

/**
 * Runs a scenario on a fresh set-up (see {@link setUp}). `body` returns the report lines and adds what is wrong to
 * `failures`; a thrown error is a failure too. Then adds the requests that failed and, when anything did, the server's
 * last lines; stops the server and removes the temp folder (kept and named when something failed).
 */
export async function withSetup(
  name: string,
  tenants: number,
  workers: number,
  logins: number,
  body: (setup: Setup, failures: string[]) => Promise<string[]>,
): Promise<ScenarioResult> {
  const setup = await setUp(name, tenants, workers, logins);
  const failures: string[] = [];
  let report: string[] = [];
  try {
    report = await body(setup, failures);
  } catch (error) {
    failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  const { recorder } = setup;
  if (recorder.failed > 0)
    failures.push(`${recorder.failed} requests failed, e.g.:\n${recorder.failures.map((f) => `  ${f.client} ${f.kind} → ${f.status}: ${f.detail}`).join('\n')}`);
  if (failures.length > 0) failures.push(`server log (last lines):\n${serverLog(setup.server)}`);
  const kept = await setup.cleanUp(failures.length > 0);
  if (kept) failures.push(`database kept in ${kept}`);
  return { report, failures };
}
