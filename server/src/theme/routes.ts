import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** Manager API of the corporate identity (being built). */
export function themeAdminRoutes(_ctx: Ctx): Router {
  return Router();
}
