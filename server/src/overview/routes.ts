import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** GET /overview (being built). */
export function overviewRoutes(_ctx: Ctx): Router {
  return Router();
}
