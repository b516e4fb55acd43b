import { resolve } from 'node:path';
import express, { type Express } from 'express';
import type { Config } from './config.ts';
import { repoRoot } from './config.ts';
import type { Ctx } from './context.ts';
import { systemClock, type Clock } from './clock.ts';
import { engineOf, readerOf, type Db } from './db.ts';
import { Caches, watchWrites } from './cache.ts';
import { OrgDirectory } from './organizations.ts';
import { createMailer, type Mailer } from './notifications/mail.ts';
import { notFound, problemHandler } from './http/problems.ts';
import { openApiValidator } from './http/openapi-validate.ts';
import { rejectNul } from './http/nul.ts';
import { apiHelmet, cors } from './http/security.ts';
import { jwtSecretFromDb } from './settings.ts';
import { staticRoutes } from './http/static.ts';
import { authPasswordRoutes } from './auth/password-routes.ts';
import { authSessionRoutes } from './auth/session-routes.ts';
import { devRoutes } from './system/dev-routes.ts';
import { expenseRoutes } from './statement/expense-routes.ts';
import { meRoutes } from './auth/me-routes.ts';
import { statementRoutes } from './statement/routes.ts';
import { systemRoutes } from './system/routes.ts';
import { unitRoutes } from './units/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { adminRoutes } from './admin/routes.ts';
import { formRoutes } from './forms/routes.ts';
import { ticketCreateRoutes } from './tickets/create-routes.ts';
import { ticketFileRoutes } from './tickets/file-routes.ts';
import { ticketRoutes } from './tickets/routes.ts';
import { postRoutes } from './posts/routes.ts';
import { chatRoutes } from './chat/routes.ts';
import { logoRoutes } from './theme/logo-routes.ts';
import { previewRoutes } from './preview/routes.ts';
import { previewGuard } from './preview/guard.ts';
import { overviewRoutes } from './overview/routes.ts';
import { featureGate } from './access/features.ts';
import { embedRoutes } from './embed/routes.ts';

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
  const caches = new Caches(clock);
  watchWrites(db, caches);
  const read = readerOf(db);
  const ctx: Ctx = {
    db,
    read,
    orgs: new OrgDirectory(read, caches),
    sessions: caches.create('sessions'),
    access: caches.create('access'),
    documents: caches.create('documents'),
    caches,
    engine: engineOf(db),
    config,
    clock,
    mailer: mailer ?? createMailer({ db, clock, smtpUrl: config.smtpUrl, fromAddress: config.mailFrom ?? undefined, production: config.env === 'production' }),
    jwtSecret: () => (secret ??= config.jwtSecret ? Promise.resolve(config.jwtSecret) : jwtSecretFromDb(db)),
  };

  const app = express();
  app.disable('x-powered-by');
  // API answers are private and not stored (Cache-Control: no-store), so an ETag (a hash of every body) buys nothing;
  // static files keep theirs (serve-static).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);

  // JSON bodies up to 100 kB; an FAQ import (up to 2,000 entries, openapi.yaml FaqExport) up to 16 MB.
  const json = express.json({ limit: '100kb', strict: true });
  const faqImport = express.json({ limit: '16mb', strict: true });
  // A theme import carries its logo as a data URL (≤ 200 kB of bytes, openapi.yaml ThemeExport).
  const themeImport = express.json({ limit: '400kb', strict: true });
  const bodyParser = (path: string) => (path === '/admin/faq/import' ? faqImport : path === '/admin/theme/import' ? themeImport : json);
  app.use('/api', apiHelmet, cors(ctx), (req, res, next) => bodyParser(req.path)(req, res, next), rejectNul);
  // A read-only preview's writes are refused before the contract's check reads their bodies (preview/guard.ts).
  app.use('/api', previewGuard(ctx));
  // The organization's feature toggles per role (access/features.ts): 403 feature_disabled for a part switched off,
  // before the contract's check, so a request to a part that is off answers the same whatever its parameters.
  app.use('/api', featureGate(ctx));
  // Everything under /api must be in the contract; in tests the JSON answers are checked against it too.
  app.use(openApiValidator(apiSpecPath, { responses: config.env === 'test' }));
  for (const routes of [systemRoutes, logoRoutes, authSessionRoutes, authPasswordRoutes, previewRoutes, meRoutes, overviewRoutes, devRoutes]) app.use('/api', routes(ctx));
  for (const routes of [unitRoutes, statementRoutes, expenseRoutes, documentRoutes]) app.use('/api', routes(ctx));
  // Ticket creation first, so that /tickets/duplicates is never taken for an id.
  for (const routes of [formRoutes, ticketCreateRoutes, ticketFileRoutes, ticketRoutes, postRoutes, chatRoutes]) app.use('/api', routes(ctx));
  app.use('/api/admin', adminRoutes(ctx));
  app.use('/api', notFound);
  // The iframe page, framable by the organization's origins; every other page keeps frame-ancestors 'none'.
  app.use(embedRoutes(ctx));
  app.use(staticRoutes(config));
  app.use(notFound);
  app.use(problemHandler(log));
  return app;
}
