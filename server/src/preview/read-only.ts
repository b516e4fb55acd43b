import type { Request } from 'express';
import { HttpProblem } from '../http/problems.ts';

// A preview (preview/sessions.ts) reads as the person and writes nothing (issue 14). Reads are GET and HEAD. The
// passive marks a widget sends while the person only looks (read receipts, "seen" lists) and the chat bot's questions
// are answered as usual, but their routes record nothing for a preview (documents/routes.ts, posts/routes.ts,
// tickets/routes.ts, chat/service.ts check `auth.preview`). Every other method answers 403 `preview_read_only`, and
// the manager API refuses a preview token whatever the method.

/** POST routes (full path below /api) a preview may call; their handlers record nothing for it. */
const passive: readonly RegExp[] = [
  /^\/api\/documents\/read\/?$/,
  /^\/api\/documents\/[^/]+\/read\/?$/,
  /^\/api\/posts\/seen\/?$/,
  /^\/api\/posts\/[^/]+\/read\/?$/,
  /^\/api\/tickets\/[^/]+\/read\/?$/,
  /^\/api\/chat\/messages\/?$/,
];

const readOnly = () => new HttpProblem(403, 'preview_read_only', 'This is a read-only preview: nothing can be changed or sent.');

/** The request's path from the app's root (`/api/...`), wherever the router that sees it is mounted. */
const fullPath = (req: Request): string => `${req.baseUrl}${req.path}`;

/**
 * Throws 403 `preview_read_only` unless a preview may make this request: GET or HEAD outside the manager API, one of
 * the {@link passive} POSTs, or DELETE /auth/preview (the preview's own end). Matching is exact and case-sensitive, so
 * any other spelling of a path is refused rather than let through.
 */
export function checkPreviewRequest(req: Request): void {
  const path = fullPath(req);
  if (/^\/api\/admin(?:\/|$)/i.test(path)) throw readOnly();
  if (req.method === 'GET' || req.method === 'HEAD') return;
  if (req.method === 'POST' && passive.some((route) => route.test(path))) return;
  if (req.method === 'DELETE' && /^\/api\/auth\/preview\/?$/.test(path)) return;
  throw readOnly();
}
