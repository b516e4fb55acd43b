import type { Request, RequestHandler } from 'express';
import type { Ctx } from '../context.ts';
import { authenticate } from '../auth/middleware.ts';
import { checkPreviewRequest } from './read-only.ts';

// The early stop of a preview's writes (read-only.ts has the rule): in front of the contract's request check, so a
// write is refused as a write, not as a body that does not fit the contract, and nothing of it is parsed or stored.

/** True when the bearer token's payload names a preview (`prv`); the signature is checked later, by authenticate. */
function hasPreviewClaim(req: Request): boolean {
  const payload = /^Bearer [A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/.exec(req.get('authorization') ?? '')?.[1];
  if (!payload) return false;
  try {
    return typeof (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { prv?: unknown }).prv === 'string';
  } catch {
    return false;
  }
}

/**
 * Mounted on /api before the contract's request check: a write with a preview token is refused (401 when the preview
 * is over, else 403 `preview_read_only`) before its body is read, checked or stored, whatever it holds. Requests
 * without a preview token pass untouched (one regular expression on the header).
 */
export function previewGuard(ctx: Ctx): RequestHandler {
  return async (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || !hasPreviewClaim(req)) return next();
    await authenticate(ctx, req, true);
    checkPreviewRequest(req);
    next();
  };
}
