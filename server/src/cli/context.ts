import { loadConfig, type Config } from '../config.ts';
import { engineOf, migrate, openDb, type Db, type Engine } from '../db.ts';
import { clockStartingAt, systemClock, type Clock } from '../clock.ts';
import { createMailer, type Mailer } from '../notifications/mail.ts';

/**
 * What the operator command's services get instead of the app's Ctx (context.ts): the same database, clock, mailer
 * and configuration as the server built from the same environment, without the HTTP app and its caches. Reads and
 * writes go through one connection pool (`read` is `db`).
 */
export interface CliCtx {
  db: Db;
  read: Db;
  clock: Clock;
  mailer: Mailer;
  config: Config;
  engine: Engine;
}

/**
 * Opens the database the server would open (config.ts `loadConfig`: HP_DATABASE_URL, else the SQLite file
 * data/hausportal.sqlite) and brings it to the latest migration, as the server does on start. Mails are written to
 * the outbox; in production with SMTP_URL they are also sent, as by the server (notifications/mail.ts). Close with
 * {@link closeCliContext}.
 */
export async function openCliContext(env: NodeJS.ProcessEnv = process.env): Promise<CliCtx> {
  const config = loadConfig(env);
  const clock = config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
  const db = openDb(config.databaseUrl);
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  const mailer = createMailer({ db, clock, smtpUrl: config.smtpUrl, fromAddress: config.mailFrom ?? undefined, production: config.env === 'production' });
  return { db, read: db, clock, mailer, config, engine: engineOf(db) };
}

/** Closes the command's database connections (the process can then end). */
export const closeCliContext = (cli: CliCtx): Promise<void> => cli.db.destroy();
