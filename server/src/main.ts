import cluster, { type Worker } from 'node:cluster';
import { createServer, type AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { migrate, openDb } from './db.ts';
import { hasDemoSeed, isEmpty, seedDemo } from './seed/demo.ts';
import { demoLogins } from './seed/data.ts';
import { clockStartingAt, systemClock, type Clock } from './clock.ts';
import { relayCacheClears } from './cache.ts';
import { jwtSecretFromDb } from './settings.ts';
import { createMailer } from './notifications/mail.ts';
import { startJobPoller } from './notifications/poller.ts';

// `node server/dist/main.js` (npm start) or, in development, `node --import tsx server/src/main.ts`.
// With HP_WORKERS=N (N > 1, or auto) this process prepares the database and forks N workers that share the port.

const config = loadConfig();
const clock = config.clockStart ? clockStartingAt(config.clockStart) : systemClock;

/** Why the server could not listen, in words a person starting it can act on. */
function cannotStart(err: NodeJS.ErrnoException): never {
  const hint =
    err.code === 'EADDRINUSE' ? ` Port ${config.port} is in use by another program; start with another one, e.g. PORT=8081 npm start.` :
    err.code === 'EACCES' ? ` Port ${config.port} needs more rights; use a port above 1023, e.g. PORT=8080.` : '';
  console.error(`Hausportal could not start: ${err.message}.${hint}`);
  process.exit(1);
}

/** Migrations, the demo seed and the signing secret: once, before any request is served. Returns the banner lines. */
async function prepare(config: Config, clock: Clock): Promise<string[]> {
  const db = openDb(config.databaseUrl);
  try {
    await migrate(db);
    if (config.demoSeed && (await isEmpty(db))) await seedDemo(db, clock);
    if (!config.jwtSecret) await jwtSecretFromDb(db);
    const lines: string[] = [];
    if (config.clockStart) lines.push(`Clock started at ${config.clockStart} (HP_CLOCK_START), now ${clock().toISOString()}`);
    if (await hasDemoSeed(db)) {
      lines.push('Demo logins (email / password / role / organization):');
      for (const l of demoLogins)
        lines.push(`  ${l.email} / ${l.password ?? `(invited — activation code ${l.activationCode})`} / ${l.role} / ${l.organization}`);
    }
    return lines;
  } finally {
    await db.destroy();
  }
}

const banner = (port: number, workers: number, lines: string[]): string => {
  const url = config.publicUrl ?? `http://localhost:${port}`;
  const pages = [`Example homepage: ${url}/`, `The whole portal: ${url}/portal.html`];
  return [`Hausportal listening on ${url}${workers > 1 ? ` (${workers} workers)` : ''}`, ...pages, ...lines].join('\n');
};

/** Serves the app in this process; `onListening` gets the port. */
function serve(onListening: (port: number) => void): void {
  const db = openDb(config.databaseUrl);
  const mailer = createMailer({ db, clock, smtpUrl: config.smtpUrl, fromAddress: config.mailFrom ?? undefined, production: config.env === 'production' });
  const app = createApp({ config, db, clock, mailer });
  // Every process polls the jobs (HP_JOB_POLL_MS); the claim in notifications/jobs.ts runs each job once.
  const jobs = startJobPoller({ db, clock, mailer, config });
  // Express 5 hands a failed listen to this callback as its argument.
  const server = app.listen(config.port, (err?: Error) => {
    if (err) cannotStart(err);
    onListening((server.address() as AddressInfo).port);
  });
  server.on('error', cannotStart);
  const stop = () => {
    server.close(() => void jobs.stop().then(() => db.destroy()).then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The cluster primary: forks the workers, prints the banner once all listen, replaces a worker that dies. */
function supervise(lines: string[]): void {
  relayCacheClears();
  let stopping = false;
  let exitCode = 0;
  let listening = 0;
  const recentDeaths: number[] = [];
  const fork = (): Worker => cluster.fork();
  cluster.on('listening', (_worker, address) => {
    listening++;
    if (listening === config.workers) console.log(banner(address.port, config.workers, lines));
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths[0]! < now - 60_000) recentDeaths.shift();
    console.error(`Hausportal worker ${worker.process.pid} ended (${signal ?? code})${recentDeaths.length > 5 ? '' : '; starting another'}.`);
    if (recentDeaths.length > 5) {
      console.error('Hausportal: workers keep ending (more than 5 in a minute); stopping. See the errors above.');
      stopping = true;
      exitCode = 1;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      setTimeout(() => process.exit(1), 2000).unref();
      return;
    }
    fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 6000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (let i = 0; i < config.workers; i++) fork();
}

/** The port is free (checked by the primary, so that a port in use is one clear message, not N failing workers). */
function portFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', cannotStart);
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

if (cluster.isWorker) serve(() => undefined);
else {
  const lines = await prepare(config, clock);
  if (config.workers > 1) await portFree(config.port).then(() => supervise(lines));
  else serve((port) => console.log(banner(port, 1, lines)));
}
