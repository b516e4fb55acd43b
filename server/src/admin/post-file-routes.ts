import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** Manager API: POST /admin/posts/{id}/files, DELETE /admin/posts/{id}/files/{fileId}. */
export function postFileAdminRoutes(_ctx: Ctx): Router {
  const router = Router();
  return router;
}
