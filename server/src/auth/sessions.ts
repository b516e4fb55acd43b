import type { Knex } from 'knex';
import type { Ctx } from '../context.ts';
import { addSeconds } from '../clock.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import { seal, unseal } from './seal.ts';

/** Refresh tokens live 30 days; every use replaces them. */
export const refreshLifetimeSeconds = 30 * 24 * 3600;

/**
 * How long a just-rotated refresh token may be presented again without revoking its family (DESIGN §6): two tabs or
 * two requests that refreshed with the same cookie at once, or a reload whose first answer was lost.
 */
export const refreshGraceSeconds = 20;

export interface IssuedToken {
  token: string;
  familyId: string;
  userId: string;
  organizationId: string;
}

/**
 * `repeated`: the token had been rotated a moment ago and this is the same successor again. `in_progress`: used within
 * the grace window, but its successor cannot be handed out again (already used itself, another organization, or
 * sealed with another key); the client's cookie jar holds (or is about to hold) a newer cookie.
 */
export type RotateResult =
  | { ok: true; issued: IssuedToken; repeated: boolean }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' | 'in_progress' };

type Row = Record<string, string | null>;

async function insertToken(db: Knex, now: Date, token: string, familyId: string, userId: string, organizationId: string, parentId: string | null): Promise<IssuedToken> {
  await db('sessions').insert({
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
  insertToken(ctx.db, ctx.clock(), newToken(), newId(), userId, organizationId, null);

export async function findToken(ctx: Ctx, token: string): Promise<Row | null> {
  return (await ctx.read('sessions').where({ token_hash: sha256(token) }).first()) ?? null;
}

export async function revokeFamily(ctx: Ctx, familyId: string): Promise<void> {
  await ctx.db('sessions').where({ family_id: familyId }).whereNull('revoked_at').update({ revoked_at: ctx.clock().toISOString(), successor_sealed: null });
}

/** Revokes every family of the user, optionally keeping one (the session that made the change). */
export async function revokeUserFamilies(ctx: Ctx, userId: string, keepFamilyId?: string): Promise<void> {
  const q = ctx.db('sessions').where({ user_id: userId }).whereNull('revoked_at');
  if (keepFamilyId) q.whereNot({ family_id: keepFamilyId });
  await q.update({ revoked_at: ctx.clock().toISOString(), successor_sealed: null });
}

/**
 * Uses a refresh token once: marks it used and issues its successor in the same family (rotation, RFC 6749 §10.4 and
 * the OAuth 2.0 Security BCP). The claim and the successor are one transaction, and the claim is a conditional
 * update, so of two requests with the same token exactly one rotates, on SQLite and PostgreSQL alike.
 *
 * A token used again within {@link refreshGraceSeconds} gets the same successor (`repeated`), or `in_progress` when
 * that cannot be handed out; later, it counts as leaked: the whole family is revoked (`reused`, DESIGN §6).
 */
export async function rotate(ctx: Ctx, token: string, organizationId?: string): Promise<RotateResult> {
  const row = await findToken(ctx, token);
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  if (!row.used_at) {
    if (row.expires_at! <= ctx.clock().toISOString()) return { ok: false, reason: 'expired' };
    const issued = await claim(ctx, row, organizationId ?? row.organization_id!);
    if (issued) return { ok: true, issued, repeated: false };
  }
  // Used already: a moment ago by a parallel request, or this is a replay. Read it again after a lost claim.
  return usedAgain(ctx, (await findToken(ctx, token))!, organizationId);
}

async function claim(ctx: Ctx, row: Row, organizationId: string): Promise<IssuedToken | null> {
  const now = ctx.clock();
  const token = newToken();
  const sealed = seal(await ctx.jwtSecret(), row.id!, token);
  const issued = await ctx.db.transaction(async (trx) => {
    const claimed = await trx('sessions')
      .where({ id: row.id })
      .whereNull('used_at')
      .whereNull('revoked_at')
      .update({ used_at: now.toISOString(), successor_sealed: sealed });
    return claimed === 1 ? insertToken(trx, now, token, row.family_id!, row.user_id!, organizationId, row.id!) : null;
  });
  await dropOldSuccessors(ctx, now);
  return issued;
}

/** Per app: when the sealed successors were last cleared (epoch ms). */
const lastCleanup = new WeakMap<Ctx, number>();

/**
 * The sealed successors of rotations older than the grace window are needed no longer: cleared after a rotation, at
 * most every 5 s per process, so that a burst of rotations does not queue behind the same update (best effort: a
 * later rotation tries again; `usedAgain` never hands out a successor after the window anyway).
 */
async function dropOldSuccessors(ctx: Ctx, now: Date): Promise<void> {
  if (Math.abs(now.getTime() - (lastCleanup.get(ctx) ?? 0)) < 5000) return;
  lastCleanup.set(ctx, now.getTime());
  const cutoff = addSeconds(now, -refreshGraceSeconds).toISOString();
  await ctx.db('sessions').whereNotNull('successor_sealed').where('used_at', '<', cutoff).update({ successor_sealed: null }).catch(() => undefined);
}

async function usedAgain(ctx: Ctx, row: Row, organizationId: string | undefined): Promise<RotateResult> {
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  const sinceUse = ctx.clock().getTime() - Date.parse(row.used_at!);
  if (sinceUse > refreshGraceSeconds * 1000) {
    await revokeFamily(ctx, row.family_id!);
    return { ok: false, reason: 'reused' };
  }
  const next: Row | undefined = await ctx.read('sessions').where({ family_id: row.family_id, parent_id: row.id }).first();
  const usable = next && !next.used_at && !next.revoked_at && next.organization_id === (organizationId ?? next.organization_id);
  const token = usable && row.successor_sealed ? unseal(await ctx.jwtSecret(), row.id!, row.successor_sealed) : null;
  if (!next || !token || sha256(token) !== next.token_hash) return { ok: false, reason: 'in_progress' };
  return { ok: true, repeated: true, issued: { token, familyId: next.family_id!, userId: next.user_id!, organizationId: next.organization_id! } };
}
