import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { Ctx } from '../context.ts';
import type { Organization } from '../organizations.ts';
import { HttpProblem, sendProblem } from './problems.ts';
import { originProblem } from '../org-settings/rules.ts';

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

/** The page directives; `frameAncestors` is what differs between the pages ('none') and the iframe page. */
const pageDirectives = (frameAncestors: Array<string | ((req: IncomingMessage, res: ServerResponse) => string)>) => ({
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
  frameAncestors,
});

/** Pages and bundles. Scripts only from files (no inline code); frames: nowhere (only {@link embedHelmet} differs). */
export const pageHelmet = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: pageDirectives(["'none'"]) },
  // hausportal.js is meant to be loaded by other sites.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  xFrameOptions: { action: 'deny' },
});

/**
 * The origins of `origins` that are exact web origins (org-settings/rules.ts `originProblem`): checked again where
 * they go into a header or a page, so a row written by hand can never add a directive or a wildcard.
 */
export const exactOrigins = (origins: readonly unknown[]): string[] => origins.filter((o): o is string => typeof o === 'string' && originProblem(o) === null);

/**
 * Lets the page of this response be framed by `origins` (already {@link exactOrigins}), and by the server's own pages
 * when `self`: {@link embedHelmet} sends them as `frame-ancestors` (CSP Level 3, the `frame-ancestors` directive: each
 * source matched against every ancestor's origin), or `'none'` when there is nothing to allow.
 */
export function allowFraming(res: Response, origins: readonly string[], self = false): void {
  const sources = [...(self ? ["'self'"] : []), ...origins];
  res.locals.frameAncestors = sources.length > 0 ? sources.join(' ') : "'none'";
}

/**
 * The iframe page `/embed/portal` (DESIGN §6 "Iframe mode"): the page policy with `frame-ancestors` from
 * {@link allowFraming} ('none' when unset), and no `X-Frame-Options` — browsers that know CSP ignore it when
 * `frame-ancestors` is present, older ones would refuse every parent with DENY, and it has no way to list origins.
 */
export const embedHelmet = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: pageDirectives([(_req, res) => ((res as Response).locals?.frameAncestors as string | undefined) ?? "'none'"]),
  },
  // Who may frame the page is frame-ancestors' question; a host page with COEP needs the frame to allow cross-origin use.
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  xFrameOptions: false,
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
  await checkCookieOrigin(ctx, req, org);
}

/**
 * The origin part of {@link checkCookieRequest}, for a cookie endpoint without a body (GET /auth/session-cookie): the
 * request comes from the server's own origin, one `org` allows (any organization's, when null) or a dev origin; a
 * request without `Origin` passes unless `Sec-Fetch-Site` says cross-site. Throws 403 `origin_not_allowed`.
 */
export async function checkCookieOrigin(ctx: Ctx, req: Request, org: Organization | null): Promise<void> {
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
