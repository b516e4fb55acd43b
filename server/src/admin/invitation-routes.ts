import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** Manager API of persons and invitations (being built). */
export function invitationAdminRoutes(_ctx: Ctx): Router {
  return Router();
}
