import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** GET /tickets, GET /tickets/{id}, POST /tickets/{id}/read, /comments, /withdraw, /confirm, /reopen, /rating. */
export function ticketRoutes(_ctx: Ctx): Router {
  return Router();
}
