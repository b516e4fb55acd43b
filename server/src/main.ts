import type { AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { migrate, openDb } from './db.ts';
import { hasDemoSeed, isEmpty, seedDemo } from './seed/demo.ts';
import { demoLogins } from './seed/data.ts';
import { clockStartingAt, systemClock } from './clock.ts';

const config = loadConfig();
const db = openDb(config.databaseUrl);
const clock = config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
await migrate(db);
if (config.demoSeed && (await isEmpty(db))) await seedDemo(db, clock);

const app = createApp({ config, db, clock });
/** Why the server could not listen, in words a person starting it can act on. */
function cannotStart(err: NodeJS.ErrnoException): never {
  const hint =
    err.code === 'EADDRINUSE' ? ` Port ${config.port} is in use by another program; start with another one, e.g. PORT=8081 npm start.` :
    err.code === 'EACCES' ? ` Port ${config.port} needs more rights; use a port above 1023, e.g. PORT=8080.` : '';
  console.error(`Hausportal could not start: ${err.message}.${hint}`);
  process.exit(1);
}

// Express 5 hands a failed listen to this callback as its argument.
const server = app.listen(config.port, (err?: Error) => {
  if (err) cannotStart(err);
  const { port } = server.address() as AddressInfo;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  const lines = [`Hausportal listening on ${url}`];
  if (config.clockStart) lines.push(`Clock started at ${config.clockStart} (HP_CLOCK_START), now ${clock().toISOString()}`);
  void hasDemoSeed(db).then((seeded) => {
    if (seeded) {
      lines.push('Demo logins (email / password / role / organization):');
      for (const l of demoLogins)
        lines.push(`  ${l.email} / ${l.password ?? `(invited — activation code ${l.activationCode})`} / ${l.role} / ${l.organization}`);
    }
    console.log(lines.join('\n'));
  });
});

server.on('error', cannotStart);

const stop = () => {
  server.close(() => void db.destroy().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
