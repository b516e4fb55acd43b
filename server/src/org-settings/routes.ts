import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** Manager API of the properties' contact persons (being built). */
export function propertyContactAdminRoutes(_ctx: Ctx): Router {
  return Router();
}
