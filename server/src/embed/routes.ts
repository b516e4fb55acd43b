import { Router, type Response } from 'express';
import type { Ctx } from '../context.ts';
import { allowFraming, embedHelmet, exactOrigins, selfOrigin } from '../http/security.ts';
import { embedErrorPage, embedPage, type EmbedErrorText } from './page.ts';
import { isParamError, parseEmbedQuery, type EmbedLang } from './params.ts';

/**
 * Sends `html` with `status`, framable by `frameAncestors` (http/security.ts {@link embedHelmet}). Never stored by a
 * cache (`Cache-Control: no-store`): the policy follows the organization's allowed origins, which a manager may change
 * at any time, and a shared cache must never hand one organization's policy to another request.
 */
function sendPage(res: Response, status: number, html: string): void {
  res.status(status).setHeader('Cache-Control', 'no-store');
  res.type('html').send(html);
}

const unknownOrg: EmbedErrorText = {
  title: { de: 'Portal nicht gefunden', en: 'Portal not found' },
  detail: { de: 'Es gibt keine Hausverwaltung mit diesem Namen (Parameter org).', en: 'There is no organization of this name (parameter org).' },
};

/**
 * `GET /embed/portal?org=<slug>&lang=de|en&view=<view>` (DESIGN §6 "Iframe mode"): the whole portal on a page of its
 * own for an iframe, `frame-ancestors` = `'self'` and the organization's allowed origins (org-settings:
 * `allowedOrigins`), no `X-Frame-Options`. `'self'`: the portal server's own pages (examples/cms/iframe.html) may frame
 * it — they could show the portal directly anyway, and they send `frame-ancestors 'none'` themselves, so no other site
 * gets in through them. An unknown organization's page: `'none'`. Errors are HTML pages, never JSON and never a 500 for bad input:
 * 400 for a missing or malformed parameter (params.ts), 404 for an unknown organization. An error page of a known
 * organization may be framed by its origins too, so the host page shows what is wrong instead of a blocked frame.
 * The organization comes from the organization cache, which a settings change clears (cache.ts watchWrites): a new
 * list of origins holds from the next request on (on another instance of the server once its cache expires, ≤ 30 s).
 */
export function embedRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/embed/portal', async (req, res, next) => {
    const query = parseEmbedQuery(req.query as Record<string, unknown>);
    const slug = isParamError(query) ? (query.param === 'org' ? null : (req.query.org as string)) : query.org;
    const org = slug === null ? null : await ctx.orgs.bySlug(slug);
    const origins = exactOrigins(org?.allowedOrigins ?? []);
    allowFraming(res, origins, org !== null);
    const lang: EmbedLang = req.query.lang === 'en' ? 'en' : 'de';
    embedHelmet(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (isParamError(query)) {
        const title = { de: 'Ungültige Adresse des Portals', en: 'Invalid portal address' };
        return sendPage(res, 400, embedErrorPage(lang, { title, detail: { de: query.de, en: query.en } }));
      }
      if (!org) return sendPage(res, 404, embedErrorPage(lang, unknownOrg));
      // The frame script talks to its own server's pages too (checked like the others: the Host header is the client's).
      const talkTo = [...new Set([...exactOrigins([selfOrigin(ctx, req)]), ...origins])];
      sendPage(res, 200, embedPage({ query, orgName: org.name, origins: talkTo }));
    });
  });

  return router;
}
