import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** GET /admin/tickets, GET and PATCH /admin/tickets/{id}, POST /admin/tickets/{id}/comments, /documents; GET and PUT /admin/settings/ticket-status-visibility. */
export function ticketAdminRoutes(_ctx: Ctx): Router {
  return Router();
}
