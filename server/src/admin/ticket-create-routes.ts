import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** POST /admin/tickets. */
export function ticketCreateAdminRoutes(_ctx: Ctx): Router {
  return Router();
}
