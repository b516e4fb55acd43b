import { resolve } from 'node:path';
import express, { type Express } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { Config } from './config.ts';
import { repoRoot } from './config.ts';
import type { Ctx } from './context.ts';
import { systemClock, type Clock } from './clock.ts';
import { engineOf, type Db } from './db.ts';
import { createMailer, type Mailer } from './mail.ts';
import { notFound, problemHandler } from './problems.ts';
import { apiHelmet, cors } from './security.ts';
import { jwtSecretFromDb } from './settings.ts';
import { staticRoutes } from './static.ts';
import { authPasswordRoutes } from './routes/auth-password.ts';
import { authSessionRoutes } from './routes/auth-session.ts';
import { devRoutes } from './routes/dev.ts';
import { expenseRoutes } from './routes/expenses.ts';
import { meRoutes } from './routes/me.ts';
import { statementRoutes } from './routes/statement.ts';
import { systemRoutes } from './routes/system.ts';
import { unitRoutes } from './routes/units.ts';

export const apiSpecPath = resolve(repoRoot, 'packages', 'api', 'openapi.yaml');

export interface AppOptions {
  config: Config;
  db: Db;
  /** Defaults to the system clock; tests move time forward with their own. */
  clock?: Clock;
  mailer?: Mailer;
  log?: (err: unknown) => void;
}

export function createApp({ config, db, clock = systemClock, mailer, log }: AppOptions): Express {
  let secret: Promise<string> | null = null;
  const ctx: Ctx = {
    db,
    engine: engineOf(db),
    config,
    clock,
    mailer: mailer ?? createMailer({ db, clock, smtpUrl: config.smtpUrl, production: config.env === 'production' }),
    jwtSecret: () => (secret ??= config.jwtSecret ? Promise.resolve(config.jwtSecret) : jwtSecretFromDb(db)),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);

  app.use('/api', apiHelmet, cors(ctx), express.json({ limit: '100kb', strict: true }));
  app.use(
    OpenApiValidator.middleware({
      apiSpec: apiSpecPath,
      validateRequests: { allowUnknownQueryParameters: false, removeAdditional: false, allErrors: true },
      validateResponses: config.env === 'test',
      validateSecurity: false,
      validateFormats: true,
      ajvFormats: { mode: 'full' },
      // Everything under /api must be in the contract; the rest is static files.
      ignorePaths: (path: string) => !/^\/api(\/|$)/.test(path),
    }),
  );
  for (const routes of [systemRoutes, authSessionRoutes, authPasswordRoutes, meRoutes, devRoutes]) app.use('/api', routes(ctx));
  for (const routes of [unitRoutes, statementRoutes, expenseRoutes]) app.use('/api', routes(ctx));
  app.use('/api', notFound);
  app.use(staticRoutes(config));
  app.use(notFound);
  app.use(problemHandler(log));
  return app;
}
