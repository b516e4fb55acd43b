import type { NextFunction, Request, Response } from 'express';
import type { Ctx } from '../context.ts';
import { authOf, requireUser, type GuardOptions } from '../auth/middleware.ts';
import { HttpProblem } from '../http/problems.ts';

// The manager API (/api/admin/…) is for managers of the session's organization: the access token names the
// organization (`aud`), the membership in it must have the role `manager`. Everyone else signed in gets 403
// `manager_only`. Every id a manager names is looked up within the session's organization only (scope.ts), so an id of
// another organization answers 404 like one that does not exist.

export const managerOnly = (): HttpProblem => new HttpProblem(403, 'manager_only', 'Only managers of this organization may do this.');

/**
 * Route guard for the manager API: {@link requireUser} (401 without a valid session, 403 `action_required` while
 * steps are pending), then 403 `manager_only` unless the session's membership in the token's organization has the
 * role `manager`. The session's `Auth` is in `res.locals.auth` (auth/middleware.ts `authOf`) afterwards.
 */
export function requireManager(ctx: Ctx, options: GuardOptions = {}) {
  const user = requireUser(ctx, options);
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    // requireUser throws (401, 403 action_required) or sets the session and calls its `next`.
    await user(req, res, () => {});
    if (authOf(res).member.role !== 'manager') throw managerOnly();
    next();
  };
}
