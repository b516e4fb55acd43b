import { Router } from 'express';
import type { Ctx } from '../context.ts';
import { toPublic } from '../organizations.ts';
import { HttpProblem } from '../http/problems.ts';
import { publicBase } from '../units/properties.ts';
import { absoluteLogoUrl } from '../theme/logo.ts';

const version = '0.1.0';

export function systemRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/health', async (_req, res) => {
    try {
      await ctx.read.raw('select 1');
    } catch {
      throw new HttpProblem(503, 'database_unavailable', 'The database does not answer.');
    }
    res.setHeader('Cache-Control', 'no-store');
    // Any page may probe it without CORS (fetch mode no-cors): a widget on a page whose origin is not allowed learns
    // that the server is there, and says "this address is not allowed" instead of "no connection".
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.json({ status: 'ok', database: ctx.engine, version });
  });

  router.get('/organizations/:slug/public', async (req, res) => {
    const org = await ctx.orgs.bySlug(req.params.slug as string);
    if (!org) throw new HttpProblem(404, 'organization_not_found', 'There is no such organization.');
    // Revalidated on every load: a theme or feature change shows on the next page load, and `now` is never stale.
    res.setHeader('Cache-Control', 'no-cache');
    const body = toPublic(org, ctx.clock());
    // The logo's stored path answered absolute, like the properties' imageUrl (theme/logo.ts).
    res.json({ ...body, logoUrl: absoluteLogoUrl(body.logoUrl ?? null, publicBase(ctx, req)) });
  });

  return router;
}
