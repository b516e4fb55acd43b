import type { NextFunction, Request, Response } from 'express';
import type { Ctx } from '../context.ts';
import { orgBySlug, type Organization } from '../organizations.ts';
import { HttpProblem } from '../http/problems.ts';
import { membership, pendingActions, userById, type MembershipRow, type UserRow } from './users.ts';
import { verifyJwt, type AccessClaims } from './jwt.ts';
import { familyActive } from './sessions.ts';

export interface Auth {
  claims: AccessClaims;
  user: UserRow;
  member: MembershipRow;
  org: Organization;
}

const invalid = () => new HttpProblem(401, 'invalid_token', 'The access token is missing, expired or not valid.', { headers: { 'WWW-Authenticate': 'Bearer' } });

/** Resolves the bearer token to user, membership and organization, or throws 401. */
export async function authenticate(ctx: Ctx, req: Request): Promise<Auth> {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9_.-]{10,2000})$/.exec(header);
  if (!match) throw new HttpProblem(401, 'unauthenticated', 'Log in first.', { headers: { 'WWW-Authenticate': 'Bearer' } });
  const claims = verifyJwt(match[1]!, await ctx.jwtSecret(), Math.floor(ctx.clock().getTime() / 1000));
  if (!claims) throw invalid();
  const [user, org] = await Promise.all([userById(ctx.db, claims.sub), orgBySlug(ctx.db, claims.aud)]);
  if (!user || !org || user.status !== 'active') throw invalid();
  const member = await membership(ctx.db, user.id, org.id);
  if (!member || !(await familyActive(ctx, claims.sid))) throw invalid();
  return { claims, user, member, org };
}

export interface GuardOptions {
  /** Endpoints a user with pending actions may still call (GET /me, POST /me/terms, POST /auth/password). */
  allowPending?: boolean;
}

/** Route guard: authenticates and, unless allowed, refuses while the user has pending actions (403). */
export function requireUser(ctx: Ctx, options: GuardOptions = {}) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const auth = await authenticate(ctx, req);
    if (!options.allowPending) {
      const pending = pendingActions(auth.user, auth.member, auth.org);
      if (pending.length > 0)
        throw new HttpProblem(403, 'action_required', `Complete these steps first: ${pending.join(', ')}.`, { extra: { pendingActions: pending } });
    }
    res.locals.auth = auth;
    next();
  };
}

export const authOf = (res: Response): Auth => res.locals.auth as Auth;
