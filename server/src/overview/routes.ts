import { Router } from 'express';
import type { Ctx } from '../context.ts';
import { authOf, requireUser } from '../auth/middleware.ts';
import { sendPrivateJson } from '../http/params.ts';
import { buildOverview } from './build.ts';

/**
 * GET /overview (mounted at /api): the portal's overview for the signed-in person in one answer (openapi.yaml
 * Overview; overview/build.ts). 401 without a valid token, 403 `action_required` while terms or a new password are
 * pending. Private, not stored (Cache-Control: private, no-store).
 */
export function overviewRoutes(ctx: Ctx): Router {
  const router = Router();
  router.get('/overview', requireUser(ctx), async (req, res) => {
    sendPrivateJson(res, await buildOverview(ctx, req, authOf(res)));
  });
  return router;
}
