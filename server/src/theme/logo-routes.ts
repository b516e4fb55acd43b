import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** Public logo of an organization (being built). */
export function logoRoutes(_ctx: Ctx): Router {
  return Router();
}
