import type { Ctx } from '../context.ts';
import { addSeconds } from '../clock.ts';
import { newId, newToken, sha256 } from '../ids.ts';

/** Refresh tokens live 30 days; every use replaces them. */
export const refreshLifetimeSeconds = 30 * 24 * 3600;

export interface IssuedToken {
  token: string;
  familyId: string;
  userId: string;
  organizationId: string;
}

export type RotateResult =
  | { ok: true; issued: IssuedToken }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

async function insertToken(ctx: Ctx, familyId: string, userId: string, organizationId: string, parentId: string | null): Promise<IssuedToken> {
  const now = ctx.clock();
  const token = newToken();
  await ctx.db('sessions').insert({
    id: newId(now.getTime()),
    family_id: familyId,
    user_id: userId,
    organization_id: organizationId,
    token_hash: sha256(token),
    parent_id: parentId,
    created_at: now.toISOString(),
    expires_at: addSeconds(now, refreshLifetimeSeconds).toISOString(),
  });
  return { token, familyId, userId, organizationId };
}

/** A new family, at login. */
export const startFamily = (ctx: Ctx, userId: string, organizationId: string): Promise<IssuedToken> =>
  insertToken(ctx, newId(), userId, organizationId, null);

export async function findToken(ctx: Ctx, token: string): Promise<Record<string, string | null> | null> {
  return (await ctx.db('sessions').where({ token_hash: sha256(token) }).first()) ?? null;
}

export async function revokeFamily(ctx: Ctx, familyId: string): Promise<void> {
  await ctx.db('sessions').where({ family_id: familyId }).whereNull('revoked_at').update({ revoked_at: ctx.clock().toISOString() });
}

/** Revokes every family of the user, optionally keeping one (the session that made the change). */
export async function revokeUserFamilies(ctx: Ctx, userId: string, keepFamilyId?: string): Promise<void> {
  const q = ctx.db('sessions').where({ user_id: userId }).whereNull('revoked_at');
  if (keepFamilyId) q.whereNot({ family_id: keepFamilyId });
  await q.update({ revoked_at: ctx.clock().toISOString() });
}

/**
 * Uses a refresh token once: marks it used and issues its successor in the same family. A token that was
 * already used means it leaked (or raced): the whole family is revoked.
 */
export async function rotate(ctx: Ctx, token: string, organizationId?: string): Promise<RotateResult> {
  const row = await findToken(ctx, token);
  if (!row) return { ok: false, reason: 'unknown' };
  const now = ctx.clock().toISOString();
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  if (row.used_at) {
    await revokeFamily(ctx, row.family_id!);
    return { ok: false, reason: 'reused' };
  }
  if (row.expires_at! <= now) return { ok: false, reason: 'expired' };
  const claimed = await ctx.db('sessions').where({ id: row.id }).whereNull('used_at').whereNull('revoked_at').update({ used_at: now });
  if (claimed !== 1) {
    await revokeFamily(ctx, row.family_id!);
    return { ok: false, reason: 'reused' };
  }
  const issued = await insertToken(ctx, row.family_id!, row.user_id!, organizationId ?? row.organization_id!, row.id!);
  return { ok: true, issued };
}

/** True while the family has at least one live token (the access token's `sid` check). */
export async function familyActive(ctx: Ctx, familyId: string): Promise<boolean> {
  const row = await ctx.db('sessions').where({ family_id: familyId }).whereNull('revoked_at').first('id');
  return Boolean(row);
}
