import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** GET /tickets/{id}/files/{fileId}. */
export function ticketFileRoutes(_ctx: Ctx): Router {
  return Router();
}
