import type { AuthResult } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Organization } from '../organizations.ts';
import { buildMe, type MembershipRow, type UserRow } from './users.ts';
import { signJwt } from './jwt.ts';

/** Access tokens live five minutes (DESIGN §6); the client refreshes on 401. */
export const accessLifetimeSeconds = 300;

export async function authResult(ctx: Ctx, user: UserRow, member: MembershipRow, org: Organization, familyId: string): Promise<AuthResult> {
  const iat = Math.floor(ctx.clock().getTime() / 1000);
  const accessToken = signJwt({ sub: user.id, aud: org.slug, sid: familyId, iat, exp: iat + accessLifetimeSeconds }, await ctx.jwtSecret());
  return { accessToken, tokenType: 'Bearer', expiresIn: accessLifetimeSeconds, user: await buildMe(ctx.read, user, member, org) };
}
