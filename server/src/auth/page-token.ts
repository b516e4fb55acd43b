import type { Request, RequestHandler } from 'express';
import type { PageSessionToken } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { HttpProblem } from '../http/problems.ts';
import { checkCookieOrigin, checkCookieRequest } from '../http/security.ts';
import { checkPreviewRequest } from '../preview/read-only.ts';
import { hasCookie, readCookie, refreshCookie } from './cookies.ts';
import { authenticate } from './middleware.ts';
import { handOutToPage, type IssuedToken, type TokenMode } from './sessions.ts';

// A page whose browser refuses the refresh cookie (Safari's cross-site tracking prevention, the API's cookies blocked
// on the host site; DESIGN §6 cross-site sessions) keeps its session's refresh token in memory instead: handed out
// once by POST /auth/session-token, sent in the body of POST /auth/refresh and /auth/logout, and answered in the body
// of each refresh. Nothing of it is logged or audited.

/** The refresh token a request carries and how: the cookie wins over a body token; null when there is neither. */
export function presentedToken(req: Request): { token: string | null; mode: TokenMode } | null {
  if (hasCookie(req, refreshCookie)) return { token: readCookie(req, refreshCookie), mode: 'cookie' };
  const token = ((req.body ?? {}) as { refreshToken?: unknown }).refreshToken;
  return typeof token === 'string' ? { token, mode: 'body' } : null;
}

/** The token of a `body` family as the page gets it (openapi.yaml `PageSessionToken`). */
export const pageToken = (issued: IssuedToken): PageSessionToken => ({ refreshToken: issued.token, expiresAt: issued.expiresAt });

const cookiePresent = () =>
  new HttpProblem(409, 'cookie_present', 'The session cookie came with this request: this browser keeps the session without a token in the page.');

const handOutClosed = () =>
  new HttpProblem(409, 'session_token_closed', 'This session keeps its cookie, or signed in too long ago: its token is handed to no page.');

const alreadyIssued = () => new HttpProblem(409, 'session_token_issued', 'This session has handed its token to a page already.');

const sessionOver = () => new HttpProblem(401, 'invalid_refresh_token', 'The session has ended. Please log in again.');

/**
 * POST /auth/session-token (openapi.yaml): for a page whose browser refused the refresh cookie. Bearer access token
 * (any pending actions allowed); the origin rules of /auth/refresh (JSON only; the server's own origin, or one the
 * token's organization admits: else 403 `origin_not_allowed`, checked before the token). Answers 200
 * `{refreshToken, expiresAt}` with `Cache-Control: no-store` after rotating the access token's family into a body
 * family (sessions.ts `handOutToPage`, 12 hours absolute). Refused: 401 without a valid token or when the family has
 * no current token; 403 `preview_read_only` for a preview; 409 `cookie_present` when the request carries the refresh
 * cookie (then the cookie works and nothing is handed out), `session_token_issued` when the family was handed out
 * before, `session_token_closed` when the family was rotated with its cookie already or signed in more than a minute
 * ago (sessions.ts `handOutWindowSeconds`), `refresh_in_progress` when a parallel refresh rotated it first.
 */
export function sessionTokenHandler(ctx: Ctx): RequestHandler {
  return async (req, res) => {
    await checkCookieRequest(ctx, req, null);
    const auth = await authenticate(ctx, req, true);
    await checkCookieOrigin(ctx, req, auth.org);
    if (auth.preview) checkPreviewRequest(req);
    if (hasCookie(req, refreshCookie)) throw cookiePresent();
    const result = await handOutToPage(ctx, auth.claims.sid);
    if (!result.ok) {
      if (result.reason === 'issued') throw alreadyIssued();
      if (result.reason === 'cookie_works') throw handOutClosed();
      if (result.reason === 'in_progress')
        throw new HttpProblem(409, 'refresh_in_progress', 'Another refresh of this session has just finished. Please try again.', { headers: { 'Retry-After': '1' } });
      throw sessionOver();
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(pageToken(result.issued));
  };
}
