import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Db, Engine } from './db.ts';
import type { Mailer } from './notifications/mail.ts';

/** What every route needs; built once per app. */
export interface Ctx {
  db: Db;
  engine: Engine;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  /** Resolves the HS256 secret (from config or the settings table). */
  jwtSecret(): Promise<string>;
}
