import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** Preview exchange and end (being built). */
export function previewRoutes(_ctx: Ctx): Router {
  return Router();
}
