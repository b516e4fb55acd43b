import type { Request } from 'express';
import type { Ctx } from '../context.ts';
import { dummyVerify, verifyPassword } from './password.ts';
import { loginLimits, recordAttempt, retryAfter } from './rate-limit.ts';
import { clientIp, rateLimited } from './session-routes.ts';
import type { UserRow } from './users.ts';

/**
 * Asks the signed-in user for the current password again (before a password or email change). A wrong one counts
 * against the failed-login limits of the account and the address, so this cannot be used to guess passwords; once
 * they are exhausted it answers 429 like the login. Right and wrong take the same scrypt time.
 */
export async function currentPasswordOk(ctx: Ctx, req: Request, user: UserRow, password: string): Promise<boolean> {
  const limits = loginLimits(user.id, clientIp(req));
  const wait = await retryAfter(ctx, limits);
  if (wait > 0) throw rateLimited(wait);
  const ok = user.password_hash ? await verifyPassword(password, user.password_hash) : await dummyVerify(password);
  if (!ok) await recordAttempt(ctx, limits);
  return ok;
}
