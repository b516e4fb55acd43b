import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** POST /tickets, GET /tickets/duplicates, POST /tickets/{id}/affected. */
export function ticketCreateRoutes(_ctx: Ctx): Router {
  return Router();
}
