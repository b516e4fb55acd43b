import { Router, type Request } from 'express';
import type { LoginRequest } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authResult } from './auth-result.ts';
import { clearRefreshCookie, hasCookie, refreshCookie, setRefreshCookie } from './cookies.ts';
import { dummyVerify, verifyPassword } from './password.ts';
import { claimAttempt, clearAttempts, loginLimits } from './rate-limit.ts';
import { findToken, modeOf, revokeFamily, rotate, startFamily } from './sessions.ts';
import { pageToken, presentedToken, sessionTokenHandler } from './page-token.ts';
import { HttpProblem } from '../http/problems.ts';
import { checkCookieOrigin, checkCookieRequest } from '../http/security.ts';
import { membership, userById, userByLogin } from './users.ts';

export const clientIp = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

export const rateLimited = (seconds: number) =>
  new HttpProblem(429, 'rate_limited', 'Too many attempts. Please wait and try again.', {
    headers: { 'Retry-After': String(seconds) },
    extra: { retryAfter: seconds },
  });

// One answer for unknown user, wrong password, not a member, not activated: nothing tells them apart.
const invalidCredentials = () => new HttpProblem(401, 'invalid_credentials', 'User name or password is wrong.');

const invalidRefresh = (code = 'invalid_refresh_token') => new HttpProblem(401, code, 'The session has ended. Please log in again.');

// The cookie was rotated a moment ago and its successor cannot be handed out again: the newer cookie is in the
// browser (or on its way). Nothing ended, so the cookie is left alone.
const refreshInProgress = () =>
  new HttpProblem(409, 'refresh_in_progress', 'Another refresh of this session has just finished. Please try again.', {
    headers: { 'Retry-After': '1' },
  });

export function authSessionRoutes(ctx: Ctx): Router {
  const router = Router();

  router.post('/auth/login', async (req, res) => {
    const body = req.body as LoginRequest;
    const org = await ctx.orgs.bySlug(body.organization);
    await checkCookieRequest(ctx, req, org);
    const user = await userByLogin(ctx.read, body.username);
    // Counted per account (email and user name are the same account) and per client address.
    const limits = loginLimits(user?.id ?? body.username, clientIp(req));
    const attempt = await claimAttempt(ctx, limits);
    if (attempt.wait > 0) throw rateLimited(attempt.wait);

    const passwordOk = user?.password_hash ? await verifyPassword(body.password, user.password_hash) : await dummyVerify(body.password);
    const member = passwordOk && user && org ? await membership(ctx.read, user.id, org.id) : null;
    if (!passwordOk || !user || !org || !member || user.status === 'invited') throw invalidCredentials();
    await attempt.release();
    if (user.status === 'locked') throw new HttpProblem(403, 'account_locked', 'This account is locked. Please contact your property manager.');

    await clearAttempts(ctx, limits[0]!.key);
    const issued = await startFamily(ctx, user.id, org.id);
    setRefreshCookie(res, issued.token, org.crossSite);
    res.json(await authResult(ctx, user, member, org, issued.familyId));
  });

  /**
   * POST /auth/refresh: exchanges the refresh cookie for a new access token and rotates the cookie (DESIGN §6,
   * RFC 6749 §10.4). Answers 200 with AuthResult and the next cookie — also when the same cookie is presented again
   * within the grace window, with the same successor; 409 `refresh_in_progress` when that successor cannot be handed
   * out; 401 when the session is over or the cookie sent is unknown. Only a refresh that ends the session itself (a
   * replay after the window revokes the family, or the user is no longer active) clears the cookie: any other losing
   * answer leaves it alone, since the browser may hold a newer cookie by now. Without any refresh cookie (a first
   * visit, or after logout) it answers 204 with no body: no session to restore is no failure, so an anonymous page
   * load logs no failed request in the host page's console (openapi.yaml, /auth/refresh).
   *
   * A page whose browser refused the cookie sends its token as `refreshToken` in the body instead (page-token.ts; the
   * cookie wins when both come): the same rotation, grace window and reuse detection, and the successor comes back
   * in the body (`refreshToken`, `refreshExpiresAt`), never as a cookie.
   */
  router.post('/auth/refresh', async (req, res) => {
    const requestedSlug = ((req.body ?? {}) as { organization?: string }).organization;
    const requested = requestedSlug ? await ctx.orgs.bySlug(requestedSlug) : null;
    const presented = presentedToken(req);
    const token = presented?.token ?? null;
    const row = token ? await findToken(ctx, token) : null;
    const familyOrg = row ? await ctx.orgs.byId(row.organization_id!) : null;
    const target = requestedSlug ? requested : familyOrg;
    await checkCookieRequest(ctx, req, target);
    // Moving a session to another organization: the page must be allowed by the organization it comes from too.
    if (familyOrg && target && familyOrg.id !== target.id) await checkCookieRequest(ctx, req, familyOrg);
    if (!presented) {
      res.status(204).end();
      return;
    }
    const inCookie = presented.mode === 'cookie';
    if (!token || !row || !target || !familyOrg) throw invalidRefresh();

    // Switching organization keeps the session only where the user is a member too.
    const member = await membership(ctx.read, row.user_id!, target.id);
    if (!member) throw invalidRefresh('not_a_member');

    const result = await rotate(ctx, token, target.id, presented.mode);
    if (!result.ok) {
      if (result.reason === 'in_progress') throw refreshInProgress();
      if (result.reason === 'reused' && inCookie) clearRefreshCookie(res, familyOrg.crossSite);
      throw invalidRefresh(result.reason === 'reused' ? 'refresh_token_reused' : 'invalid_refresh_token');
    }
    const user = await userById(ctx.read, result.issued.userId);
    if (!user || user.status !== 'active') {
      await revokeFamily(ctx, result.issued.familyId);
      if (inCookie) clearRefreshCookie(res, familyOrg.crossSite);
      throw invalidRefresh();
    }
    const auth = await authResult(ctx, user, member, target, result.issued.familyId);
    if (inCookie) {
      setRefreshCookie(res, result.issued.token, target.crossSite);
      res.json(auth);
      return;
    }
    const { refreshToken, expiresAt } = pageToken(result.issued);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ...auth, refreshToken, refreshExpiresAt: expiresAt });
  });

  router.post('/auth/session-token', sessionTokenHandler(ctx));

  /**
   * GET /auth/session-cookie: whether the refresh cookie came with this request, `{present}`, never its value. The
   * client asks right after a login (and a move to another organization) to learn whether the browser kept the cookie:
   * one that refuses it (Safari's tracking prevention, the API's cookies blocked on the page's site) signs in for the
   * visit only (DESIGN §6, openapi.yaml). No token needed; from the server's own origin or an admitted one (CORS with
   * credentials as /auth/refresh), else 403 `origin_not_allowed`; `Cache-Control: no-store`.
   */
  router.get('/auth/session-cookie', async (req, res) => {
    await checkCookieOrigin(ctx, req, null);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ present: hasCookie(req, refreshCookie) });
  });

  /**
   * POST /auth/logout: revokes the family of the refresh cookie, or of the page's `refreshToken` in the body when no
   * cookie came (a body token of a cookie family is ignored), and clears the cookie. 204 also without a session.
   */
  router.post('/auth/logout', async (req, res) => {
    const presented = presentedToken(req);
    const found = presented?.token ? await findToken(ctx, presented.token) : null;
    const row = found && modeOf(found) === presented!.mode ? found : null;
    const org = row ? await ctx.orgs.byId(row.organization_id!) : null;
    await checkCookieRequest(ctx, req, org);
    if (row) await revokeFamily(ctx, row.family_id!);
    clearRefreshCookie(res, org?.crossSite ?? false);
    res.status(204).end();
  });

  return router;
}
