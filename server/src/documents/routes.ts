import { Router } from 'express';
import type { Ctx } from '../context.ts';

/** GET /document-categories, GET /documents, /documents/archive, /documents/{id}/file, POST /documents/read, /documents/{id}/read. */
export function documentRoutes(_ctx: Ctx): Router {
  return Router();
}
