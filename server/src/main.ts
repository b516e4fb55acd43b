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
const server = app.listen(config.port, () => {
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

server.on('error', (err) => {
  console.error(`Hausportal could not start: ${err.message}`);
  process.exit(1);
});

const stop = () => {
  server.close(() => void db.destroy().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
