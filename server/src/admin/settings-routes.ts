import { Router } from 'express';
import type { AdminSettingsPatch } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf } from '../auth/middleware.ts';
import { sendPrivateJson } from '../http/params.ts';
import { readSettings, requestActor, updateSettings } from '../org-settings/service.ts';
import { requireManager } from './guard.ts';

/**
 * GET and PATCH /admin/settings: the organization's settings a manager may change (openapi.yaml AdminSettings),
 * through org-settings/service.ts, which the operator command shares. PATCH checks the rules beyond the schema (400
 * with field pointers), writes in one transaction with its audit row, and the organization cache is cleared by the
 * write (cache.ts `watchWrites`): allowed origins (CORS), the cookie mode and the time zone count from the next request.
 */
export function settingsAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);

  router.get('/settings', manager, async (_req, res) => {
    sendPrivateJson(res, await readSettings(ctx.read, authOf(res).org.id));
  });

  router.patch('/settings', manager, async (req, res) => {
    const auth = authOf(res);
    sendPrivateJson(res, await updateSettings(ctx.db, ctx, auth.org.id, req.body as AdminSettingsPatch, requestActor(req, auth)));
  });

  return router;
}
