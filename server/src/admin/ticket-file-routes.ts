import { Router } from 'express';
import type { Ctx } from '../context.ts';
import { authOf } from '../auth/middleware.ts';
import { sendTicketFile } from '../tickets/file-routes.ts';
import { requireManager } from './guard.ts';

/** GET /admin/tickets/{id}/files/{fileId}: any file of one of the organization's tickets, public or internal (404 otherwise). */
export function ticketFileAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  router.get('/tickets/:id/files/:fileId', requireManager(ctx), async (req, res) => {
    const auth = authOf(res);
    await sendTicketFile(ctx.read, req, res, { organizationId: auth.org.id, ticketId: req.params.id as string, fileId: req.params.fileId as string, publicOnly: false });
  });
  return router;
}
