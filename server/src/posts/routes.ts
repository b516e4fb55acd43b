import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** Resident API of the bulletin board: GET /posts, /posts/{id}, POST /posts/seen, /posts/{id}/read, /posts/{id}/acknowledge, GET /posts/{id}/appointment.ics, /posts/{id}/files/{fileId}. */
export function postRoutes(_ctx: Ctx): Router {
  const router = Router();
  return router;
}
