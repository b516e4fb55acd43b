import { Router } from 'express';
import type { Ctx } from '../context.ts';
import { settingsAdminRoutes } from './settings-routes.ts';
import { personsAdminRoutes } from './persons-routes.ts';
import { documentAdminRoutes } from './document-routes.ts';
import { releaseAdminRoutes } from './release-routes.ts';

/**
 * The manager API under /api/admin: managers of the session's organization only (guard.ts: 403 for anyone else, 404
 * for another organization's ids), every write recorded in `audit_log` (audit.ts) in its own transaction.
 */
export function adminRoutes(ctx: Ctx): Router {
  const router = Router();
  for (const routes of [settingsAdminRoutes, personsAdminRoutes, documentAdminRoutes, releaseAdminRoutes]) router.use(routes(ctx));
  return router;
}
