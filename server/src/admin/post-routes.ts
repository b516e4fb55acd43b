import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** Manager API of the bulletin board: /admin/post-categories, /admin/posts (list, create), /admin/posts/{id} (get, patch, delete), publish, unpublish, audience-preview, sends/{sendId}/cancel, stats, remind. */
export function postAdminRoutes(_ctx: Ctx): Router {
  const router = Router();
  return router;
}
