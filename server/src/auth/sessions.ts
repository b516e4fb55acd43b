import type { Knex } from 'knex';
import type { Ctx } from '../context.ts';
import { addSeconds } from '../clock.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import { seal, unseal } from './seal.ts';

/** Refresh tokens live 30 days; every use replaces them. */
export const refreshLifetimeSeconds = 30 * 24 * 3600;

/**
 * Absolute lifetime of a family whose refresh token is handed to the page in response bodies (POST
 * /auth/session-token, for a browser that refuses the cookie): 12 hours from the hand-out, which no rotation moves.
 * Such a token is readable by every script of the page, unlike the HttpOnly cookie, so a leak (cross-site scripting on
 * the host page) must not last: OWASP Session Management Cheat Sheet (absolute timeout) and OAuth 2.0 for
 * Browser-Based Apps (refresh tokens held by the page: rotation, replay detection and a bounded lifetime independent of
 * use). Rotation and reuse detection apply as for the cookie ({@link rotate}).
 */
export const pageTokenLifetimeSeconds = 12 * 3600;

/**
 * How long a just-rotated refresh token may be presented again without revoking its family (DESIGN §6): two tabs or
 * two requests that refreshed with the same cookie at once, or a reload whose first answer was lost.
 */
export const refreshGraceSeconds = 20;

/**
 * How a refresh token travels: `cookie` (the `__Host-hp_rt` cookie, cookies.ts) or `body` (handed to a page that
 * refuses the cookie, in response bodies only). A token is only ever accepted the way its family travels.
 */
export type TokenMode = 'cookie' | 'body';

export interface IssuedToken {
  token: string;
  familyId: string;
  userId: string;
  organizationId: string;
  /** When this token expires (ISO 8601): 30 days on, or the family's absolute end for a `body` family. */
  expiresAt: string;
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

/** Who a new token belongs to, and (a `body` family) the family's absolute end, ISO 8601. */
interface TokenOwner {
  familyId: string;
  userId: string;
  organizationId: string;
  bodyExpiresAt: string | null;
}

async function insertToken(db: Knex, now: Date, token: string, owner: TokenOwner, parentId: string | null): Promise<IssuedToken> {
  const { familyId, userId, organizationId, bodyExpiresAt } = owner;
  const sliding = addSeconds(now, refreshLifetimeSeconds).toISOString();
  const expiresAt = bodyExpiresAt !== null && bodyExpiresAt < sliding ? bodyExpiresAt : sliding;
  await db('sessions').insert({
    id: newId(now.getTime()),
    family_id: familyId,
    user_id: userId,
    organization_id: organizationId,
    token_hash: sha256(token),
    parent_id: parentId,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    body_expires_at: bodyExpiresAt,
  });
  return { token, familyId, userId, organizationId, expiresAt };
}

/** A new family, at login. */
export const startFamily = (ctx: Ctx, userId: string, organizationId: string): Promise<IssuedToken> =>
  insertToken(ctx.db, ctx.clock(), newToken(), { familyId: newId(), userId, organizationId, bodyExpiresAt: null }, null);

/** The way the family of a token row (a `sessions` row) travels. */
export const modeOf = (row: Row): TokenMode => (row.body_expires_at ? 'body' : 'cookie');

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
 *
 * `mode`: how the token came; a token of a family that travels the other way is `unknown` (a cookie family's token is
 * never accepted from a body, nor a page's token from a cookie). A `body` successor keeps its family's absolute end.
 */
export async function rotate(ctx: Ctx, token: string, organizationId?: string, mode: TokenMode = 'cookie'): Promise<RotateResult> {
  const row = await findToken(ctx, token);
  if (!row || modeOf(row) !== mode) return { ok: false, reason: 'unknown' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  if (!row.used_at) {
    if (row.expires_at! <= ctx.clock().toISOString()) return { ok: false, reason: 'expired' };
    const issued = await claim(ctx, row, organizationId ?? row.organization_id!, row.body_expires_at ?? null);
    if (issued) return { ok: true, issued, repeated: false };
  }
  // Used already: a moment ago by a parallel request, or this is a replay. Read it again after a lost claim.
  return usedAgain(ctx, (await findToken(ctx, token))!, organizationId);
}

/** What {@link handOutToPage} did: the page's token, or why there is none. */
export type HandOutResult = { ok: true; issued: IssuedToken } | { ok: false; reason: 'unknown' | 'expired' | 'issued' | 'in_progress' | 'cookie_works' };

/**
 * How long after a sign-in its session's token may still be handed to the page (seconds): the client asks right after
 * signing in, when the cookie probe found no cookie. Later, or once the family has been rotated with its cookie (so
 * the browser does keep it), nothing is handed out: a script that holds a stolen access token must not turn it into
 * a refresh token (OWASP Session Management Cheat Sheet; DESIGN §6).
 */
export const handOutWindowSeconds = 60;

/**
 * Hands the refresh token of family `familyId` to a page whose browser refused its cookie (POST /auth/session-token,
 * DESIGN §6): the family's current token (a cookie token the browser never stored) is used up and its successor
 * issued as a `body` token, so the family from now on travels in response bodies only and ends
 * {@link pageTokenLifetimeSeconds} after this hand-out. No sealed successor is kept: the old cookie token gets no
 * second answer. `issued` when the family was handed out already (once per family), `unknown` when it has no current
 * token, `expired` when that ran out, `in_progress` when a parallel refresh rotated it first, `cookie_works` when the
 * family was rotated with its cookie already or signed in more than {@link handOutWindowSeconds} ago.
 */
export async function handOutToPage(ctx: Ctx, familyId: string): Promise<HandOutResult> {
  const current: Row | undefined = await ctx.db('sessions').where({ family_id: familyId }).whereNull('used_at').whereNull('revoked_at').orderBy('created_at', 'desc').first();
  if (!current) return { ok: false, reason: 'unknown' };
  if (modeOf(current) === 'body') return { ok: false, reason: 'issued' };
  const now = ctx.clock();
  if (current.expires_at! <= now.toISOString()) return { ok: false, reason: 'expired' };
  const late = current.created_at! < addSeconds(now, -handOutWindowSeconds).toISOString();
  if (current.parent_id !== null || late) return { ok: false, reason: 'cookie_works' };
  const issued = await claim(ctx, current, current.organization_id!, addSeconds(now, pageTokenLifetimeSeconds).toISOString(), false);
  return issued ? { ok: true, issued } : { ok: false, reason: 'in_progress' };
}

/** Claims `row` and inserts its successor; `keepSealed`: keep the successor sealed for the grace window. */
async function claim(ctx: Ctx, row: Row, organizationId: string, bodyExpiresAt: string | null, keepSealed = true): Promise<IssuedToken | null> {
  const now = ctx.clock();
  const token = newToken();
  const sealed = keepSealed ? seal(await ctx.jwtSecret(), row.id!, token) : null;
  const owner: TokenOwner = { familyId: row.family_id!, userId: row.user_id!, organizationId, bodyExpiresAt };
  const issued = await ctx.db.transaction(async (trx) => {
    const claimed = await trx('sessions')
      .where({ id: row.id })
      .whereNull('used_at')
      .whereNull('revoked_at')
      .update({ used_at: now.toISOString(), successor_sealed: sealed });
    return claimed === 1 ? insertToken(trx, now, token, owner, row.id!) : null;
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
  const usable = next && !next.used_at && !next.revoked_at && modeOf(next) === modeOf(row) && next.organization_id === (organizationId ?? next.organization_id);
  const token = usable && row.successor_sealed ? unseal(await ctx.jwtSecret(), row.id!, row.successor_sealed) : null;
  if (!next || !token || sha256(token) !== next.token_hash) return { ok: false, reason: 'in_progress' };
  const issued = { token, familyId: next.family_id!, userId: next.user_id!, organizationId: next.organization_id!, expiresAt: next.expires_at! };
  return { ok: true, repeated: true, issued };
}
