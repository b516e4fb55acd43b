import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** GET /admin/tickets/{id}/files/{fileId}. */
export function ticketFileAdminRoutes(_ctx: Ctx): Router {
  return Router();
}
