import { Router } from 'express';
import type { Ctx } from '../context.ts';
import { authOf, requireUser } from '../auth/middleware.ts';
import { today } from '../calendar.ts';
import { sendPrivateJson } from '../http/params.ts';
import { formCatalog } from './catalog.ts';

/** GET /forms: the forms I may send today (catalog.ts), my units and credits, the emergency numbers. */
export function formRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/forms', requireUser(ctx), async (_req, res) => {
    const auth = authOf(res);
    sendPrivateJson(res, await formCatalog(ctx, auth, today(ctx.clock, auth.org.timeZone)));
  });

  return router;
}
