import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** The manager API under /api/admin (managers of the session's organization only). */
export function adminRoutes(_ctx: Ctx): Router {
  return Router();
}
