import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** GET /forms. */
export function formRoutes(_ctx: Ctx): Router {
  return Router();
}
