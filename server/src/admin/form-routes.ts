import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** GET and PUT /admin/forms. */
export function formAdminRoutes(_ctx: Ctx): Router {
  return Router();
}
