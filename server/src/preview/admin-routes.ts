import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** Manager API of preview sessions (being built). */
export function previewAdminRoutes(_ctx: Ctx): Router {
  return Router();
}
