import type { Request } from 'express';
import type { Ctx } from '../context.ts';
import { dummyVerify, verifyPassword } from './password.ts';
import { claimAttempt, loginLimits } from './rate-limit.ts';
import { clientIp, rateLimited } from './session-routes.ts';
import type { UserRow } from './users.ts';

/**
 * Asks the signed-in user for the current password again (before a password or email change). A wrong one counts
 * against the failed-login limits of the account and the address, so this cannot be used to guess passwords; once
 * they are exhausted it answers 429 like the login. Right and wrong take the same scrypt time.
 */
export async function currentPasswordOk(ctx: Ctx, req: Request, user: UserRow, password: string): Promise<boolean> {
  const limits = loginLimits(user.id, clientIp(req));
  const attempt = await claimAttempt(ctx, limits);
  if (attempt.wait > 0) throw rateLimited(attempt.wait);
  const ok = user.password_hash ? await verifyPassword(password, user.password_hash) : await dummyVerify(password);
  if (ok) await attempt.release();
  return ok;
}
