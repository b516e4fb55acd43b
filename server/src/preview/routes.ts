import { Router } from 'express';
import type { PreviewStart } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authenticate } from '../auth/middleware.ts';
import { claimAttempt, type Limit } from '../auth/rate-limit.ts';
import { clientIp, rateLimited } from '../auth/session-routes.ts';
import { HttpProblem } from '../http/problems.ts';
import { endPreview, exchangeCode, previewOf, previewResult } from './sessions.ts';

/** Failed preview exchanges: 10 per client address in 15 minutes (a right code takes its count back). */
const previewLimits = (ip: string): Limit[] => [{ key: `preview-ip:${ip}`, max: 10, windowSeconds: 15 * 60 }];

const invalidCode = () =>
  new HttpProblem(400, 'invalid_code', 'The preview code is wrong, expired or already used.', {
    errors: [{ field: '/code', code: 'invalid_code', message: 'The code is not valid.' }],
  });

const notAPreview = () => new HttpProblem(401, 'invalid_token', 'This is not the token of a running preview.', { headers: { 'WWW-Authenticate': 'Bearer' } });

/**
 * The preview's own endpoints, mounted at /api (openapi.yaml tag `auth`):
 * - POST /auth/preview {organization, code}: exchanges a code from POST /admin/preview-sessions once for an AuthResult
 *   (preview/sessions.ts `previewResult`: the person's `Me` with `preview`, a token ending with the preview; no
 *   refresh cookie); 400 `invalid_code` for an unknown, used, ended or expired code or an unknown organization;
 *   429 `rate_limited` after 10 failures from one address in 15 minutes (auth/rate-limit.ts, counted before the
 *   check).
 * - DELETE /auth/preview (the preview's bearer token): ends it (audit `preview.ended`, the manager who started it as
 *   the actor); 401 for any other token.
 */
export function previewRoutes(ctx: Ctx): Router {
  const router = Router();

  router.post('/auth/preview', async (req, res) => {
    const body = req.body as PreviewStart;
    const attempt = await claimAttempt(ctx, previewLimits(clientIp(req)));
    if (attempt.wait > 0) throw rateLimited(attempt.wait);
    const org = await ctx.orgs.bySlug(body.organization);
    const row = org ? await exchangeCode(ctx, org, body.code) : null;
    if (!org || !row) throw invalidCode();
    await attempt.release();
    res.setHeader('Cache-Control', 'no-store');
    res.json(await previewResult(ctx, row, org));
  });

  router.delete('/auth/preview', async (req, res) => {
    const auth = await authenticate(ctx, req, true);
    const row = auth.preview ? await previewOf(ctx.db, auth.org.id, auth.preview.id) : null;
    if (!row) throw notAPreview();
    await endPreview(ctx, row, { userId: row.manager_user_id, clientIp: req.ip ?? null });
    res.status(204).end();
  });

  return router;
}
