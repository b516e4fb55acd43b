import type { NextFunction, Request, Response } from 'express';
import type { Ctx } from '../context.ts';
import type { Organization } from '../organizations.ts';
import type { TtlCache } from '../cache.ts';
import type { Db } from '../db.ts';
import { HttpProblem } from '../http/problems.ts';
import { pendingActions, type MembershipRow, type UserRow } from './users.ts';
import { verifyJwt, type AccessClaims } from './jwt.ts';
import { endExpiredToken, previewAuth, type PreviewAuth } from '../preview/sessions.ts';
import { checkPreviewRequest } from '../preview/read-only.ts';

export interface Auth {
  claims: AccessClaims;
  user: UserRow;
  member: MembershipRow;
  org: Organization;
  /**
   * Set for a read-only preview token (preview/sessions.ts): `user` and `member` are then the previewed person's (or
   * made up for a person without a portal user), and nothing may be recorded for them — routes that record reads,
   * receipts or chat turns check this.
   */
  preview?: PreviewAuth;
}

const invalid = () => new HttpProblem(401, 'invalid_token', 'The access token is missing, expired or not valid.', { headers: { 'WWW-Authenticate': 'Bearer' } });

/** A session found valid in the database: an active user, a membership in the token's organization, a live family. */
export interface VerifiedSession {
  user: UserRow;
  member: MembershipRow;
}

/** Verified sessions by access token family, user and organization (cache.ts; at most 5 s old). */
export type SessionCache = TtlCache<VerifiedSession>;

const userColumns = ['id', 'email', 'username', 'password_hash', 'status', 'must_change_password', 'locale', 'notify_mode', 'phone', 'birth_date'] as const;
const memberColumns = ['id', 'user_id', 'organization_id', 'role', 'person_id', 'terms_version', 'terms_accepted_at'] as const;

/**
 * The token's user and membership when the user is active, is a member of `org` and the refresh family `sid` has not
 * been revoked (logout, password change, a reused refresh token): one query, or null.
 */
async function verifySession(db: Db, claims: AccessClaims, org: Organization): Promise<VerifiedSession | null> {
  const row: Record<string, unknown> | undefined = await db('users as u')
    .join('memberships as m', 'm.user_id', 'u.id')
    .where('m.organization_id', org.id)
    .where('u.id', claims.sub)
    .where('u.status', 'active')
    .whereExists(db('sessions as s').select('s.id').where('s.family_id', claims.sid).whereNull('s.revoked_at'))
    .first([...userColumns.map((c) => `u.${c} as u_${c}`), ...memberColumns.map((c) => `m.${c} as m_${c}`)]);
  if (!row) return null;
  const pick = (prefix: string, columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, row[`${prefix}${c}`]]));
  return { user: pick('u_', userColumns) as unknown as UserRow, member: pick('m_', memberColumns) as unknown as MembershipRow };
}

/**
 * Resolves the bearer token to user, membership and organization, or throws 401.
 *
 * A preview token (claim `prv`) is checked against its preview session instead of a refresh family, on every request
 * (no cache, so an ended preview is refused at once): not ended, not over by the server's clock, same organization. A
 * preview token refused because its time is over ends its preview (audit `preview.ended`, once).
 *
 * The signature and expiry are checked on every request; whether the session is still valid is read from the database
 * at most every `cacheSeconds.sessions` (5 s) per token family, and at once when the cached state has pending actions
 * or `fresh` is asked for. A revocation therefore takes effect at once in this process and its sibling workers (the
 * write clears the cache, cache.ts) and within 5 s on any other server on the same database (DESIGN §6).
 */
export async function authenticate(ctx: Ctx, req: Request, fresh = false): Promise<Auth> {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9_.-]{10,2000})$/.exec(header);
  if (!match) throw new HttpProblem(401, 'unauthenticated', 'Log in first.', { headers: { 'WWW-Authenticate': 'Bearer' } });
  const secret = await ctx.jwtSecret();
  const claims = verifyJwt(match[1]!, secret, Math.floor(ctx.clock().getTime() / 1000));
  if (!claims) {
    await endExpiredToken(ctx, match[1]!, secret, req.ip ?? null);
    throw invalid();
  }
  const org = await ctx.orgs.bySlug(claims.aud);
  if (!org) throw invalid();
  if (claims.prv !== undefined) {
    const preview = await previewAuth(ctx, claims, org, req.ip ?? null);
    if (!preview) throw invalid();
    return preview;
  }
  const key = `${claims.sid}\u0000${claims.sub}\u0000${org.id}`;
  let session = fresh ? undefined : ctx.sessions.get(key);
  if (!session || pendingActions(session.user, session.member, org).length > 0) {
    const generation = ctx.sessions.generation;
    session = (await verifySession(ctx.read, claims, org)) ?? undefined;
    if (!session) throw invalid();
    ctx.sessions.set(key, session, generation);
  }
  return { claims, user: session.user, member: session.member, org };
}

export interface GuardOptions {
  /** Endpoints a user with pending actions may still call (GET /me, POST /me/terms, POST /auth/password). */
  allowPending?: boolean;
  /** Read the user and membership from the database, not from the session cache (endpoints that show or change them). */
  fresh?: boolean;
}

/**
 * Route guard: authenticates and, unless allowed, refuses while the user has pending actions (403). A preview may only
 * read (403 `preview_read_only` otherwise, preview/read-only.ts); its person's pending actions do not stop it.
 */
export function requireUser(ctx: Ctx, options: GuardOptions = {}) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const auth = await authenticate(ctx, req, options.fresh);
    if (auth.preview) checkPreviewRequest(req);
    else if (!options.allowPending) {
      const pending = pendingActions(auth.user, auth.member, auth.org);
      if (pending.length > 0)
        throw new HttpProblem(403, 'action_required', `Complete these steps first: ${pending.join(', ')}.`, { extra: { pendingActions: pending } });
    }
    res.locals.auth = auth;
    next();
  };
}

export const authOf = (res: Response): Auth => res.locals.auth as Auth;
