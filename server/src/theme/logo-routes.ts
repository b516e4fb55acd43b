import { Router } from 'express';
import type { Ctx } from '../context.ts';
import { HttpProblem } from '../http/problems.ts';

/** What a logo opened on its own may do: nothing but its inline styles (openapi.yaml GET /organizations/{slug}/logo). */
export const svgLogoPolicy = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * GET /organizations/{slug}/logo, public: the organization's logo with its stored type (PNG, JPEG or sanitized SVG),
 * `Cache-Control: public, max-age=300` (a new logo has a new `?v=` address), `X-Content-Type-Options: nosniff`,
 * `Cross-Origin-Resource-Policy: cross-origin` (the pages that embed the portal are on other sites; the API's own
 * answers stay same-site, http/security.ts) and, for SVG, the Content-Security-Policy {@link svgLogoPolicy}. 404
 * `logo_not_found` for an organization without a logo or an unknown slug.
 */
export function logoRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/organizations/:slug/logo', async (req, res) => {
    const file = (await ctx.read('organizations as o')
      .join('files as f', 'f.id', 'o.logo_file_id')
      .where('o.slug', req.params.slug as string)
      .first('f.mime', 'f.bytes')) as { mime: string; bytes: Uint8Array } | undefined;
    if (!file) throw new HttpProblem(404, 'logo_not_found', 'This organization has no logo.');
    const bytes = Buffer.from(file.bytes);
    res.setHeader('Content-Type', file.mime);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (file.mime === 'image/svg+xml') res.setHeader('Content-Security-Policy', svgLogoPolicy);
    res.end(bytes);
  });

  return router;
}
