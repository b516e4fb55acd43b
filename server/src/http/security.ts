import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import type { Ctx } from '../context.ts';
import type { Organization } from '../organizations.ts';
import { HttpProblem, sendProblem } from './problems.ts';

/** The server's own origin: HP_PUBLIC_URL, or what the request was addressed to. */
export function selfOrigin(ctx: Ctx, req: Request): string {
  if (ctx.config.publicUrl) return new URL(ctx.config.publicUrl).origin;
  return `${req.protocol}://${req.get('host')}`;
}

/** API answers are data, never documents: nothing may load from them or frame them. */
export const apiHelmet = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginResourcePolicy: { policy: 'same-site' },
  xFrameOptions: { action: 'deny' },
});

/** Pages and bundles. Scripts only from files (no inline code); frames: nowhere (the /embed route will differ). */
export const pageHelmet = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      // blob: the widgets show previews of private files (ticket photos) that they fetched with the session's token.
      imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // hausportal.js is meant to be loaded by other sites.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  xFrameOptions: { action: 'deny' },
});

async function isKnownOrigin(ctx: Ctx, origin: string): Promise<boolean> {
  return ctx.config.devOrigins.includes(origin) || (await ctx.orgs.allowedOrigins()).has(origin);
}

/** Exact-origin CORS: credentials only for origins some organization (or the dev list) allows. */
export function cors(ctx: Ctx): RequestHandler {
  return async (req, res, next) => {
    res.vary('Origin');
    const origin = req.get('origin');
    const allowed = origin !== undefined && origin !== selfOrigin(ctx, req) && (await isKnownOrigin(ctx, origin));
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      // Content-Disposition: a widget on another site offers a download under the file's own name.
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Content-Disposition');
    }
    if (req.method !== 'OPTIONS') return next();
    if (!allowed) return sendProblem(res, new HttpProblem(403, 'origin_not_allowed', 'This origin may not use the API.'));
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, PUT, DELETE');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}

/**
 * For endpoints that use the refresh cookie: JSON only (a form post cannot send it), and the request
 * must come from the server's own origin or one the organization allows. Requests without `Origin`
 * (not a browser) pass unless the browser says they are cross-site.
 */
export async function checkCookieRequest(ctx: Ctx, req: Request, org: Organization | null): Promise<void> {
  if (!req.is('application/json')) throw new HttpProblem(415, 'unsupported_media_type', 'Send the body as application/json.');
  const origin = req.get('origin');
  const site = req.get('sec-fetch-site');
  const self = selfOrigin(ctx, req);
  const listed = async (o: string): Promise<boolean> =>
    ctx.config.devOrigins.includes(o) || (org ? org.allowedOrigins.includes(o) : await isKnownOrigin(ctx, o));
  if (origin !== undefined && origin !== self && !(await listed(origin)))
    throw new HttpProblem(403, 'origin_not_allowed', 'Requests from this origin are not allowed.');
  if (site === 'cross-site' && (origin === undefined || origin === self || !(await listed(origin))))
    throw new HttpProblem(403, 'origin_not_allowed', 'Cross-site requests are only allowed from listed origins.');
}
