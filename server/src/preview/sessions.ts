import { randomBytes } from 'node:crypto';
import type { AuthResult, Me, Role } from '@hausportal/api';
import type { AccessClaims } from '../auth/jwt.ts';
import { signJwt, verifyJwt } from '../auth/jwt.ts';
import type { Auth } from '../auth/middleware.ts';
import { buildMe, membership, userById, type MembershipRow, type UserRow } from '../auth/users.ts';
import { recordAudit, type Actor } from '../admin/audit.ts';
import { addSeconds } from '../clock.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { newId, sha256 } from '../ids.ts';
import type { Organization } from '../organizations.ts';

// Read-only previews of the portal as a tenant or owner (issue 14, openapi.yaml /admin/preview-sessions and
// /auth/preview). A manager starts one for a person of the organization: a row in `preview_sessions` (migration 012)
// with the sha256 of a single-use code, valid 15 minutes by the server's clock. The code is exchanged once for an
// access token with the claim `prv` (auth/jwt.ts) that acts as the person — as the person's portal user when there is
// one, else as a user made up for the preview — and expires with the preview. No refresh cookie ever belongs to it.
// The start and the end (by either side, or found expired) are in the audit log with the person.

/** How long a preview lasts from its start, in seconds (15 minutes). */
export const previewSeconds = 15 * 60;

/** One row of `preview_sessions`, with the previewed person's name. */
export interface PreviewRow {
  id: string;
  organization_id: string;
  manager_user_id: string | null;
  person_id: string;
  person_name: string;
  user_id: string | null;
  /** ISO 8601 instants (server clock). */
  expires_at: string;
  exchanged_at: string | null;
  ended_at: string | null;
}

/** What a request made with a preview token carries besides the person's user and membership (middleware.ts Auth). */
export interface PreviewAuth {
  /** The preview session's id (also the token's `sid` and `prv`). */
  id: string;
  /** ISO 8601: when the preview and its token end. */
  expiresAt: string;
  personId: string;
  personName: string;
  /** The manager who started it (null when that user was deleted since). */
  managerUserId: string | null;
}

/** A single-use code: 24 random bytes (192 bits) as base64url, 32 characters; stored only as its sha256. */
export const newPreviewCode = (): string => randomBytes(24).toString('base64url');

const rowOf = (db: Db) =>
  db('preview_sessions as s')
    .join('persons as p', 'p.id', 's.person_id')
    .select('s.id', 's.organization_id', 's.manager_user_id', 's.person_id', 'p.name as person_name', 's.user_id', 's.expires_at', 's.exchanged_at', 's.ended_at');

/** The organization's preview `id`, or null. */
export async function previewOf(db: Db, organizationId: string, id: string): Promise<PreviewRow | null> {
  return ((await rowOf(db).where({ 's.id': id, 's.organization_id': organizationId }).first()) as PreviewRow | undefined) ?? null;
}

/**
 * Inserts a preview of `personId` (a person of `organizationId`, checked by the caller) started by `managerUserId`,
 * expiring {@link previewSeconds} from now; the person's portal user in the organization (memberships.person_id) is
 * noted when there is one. Returns the row's id, the code (shown once) and the expiry (ISO 8601).
 */
export async function insertPreview(trx: Db, ctx: Pick<Ctx, 'clock'>, input: { organizationId: string; managerUserId: string; personId: string }): Promise<{ id: string; code: string; expiresAt: string }> {
  const now = ctx.clock();
  const user = (await trx('memberships').where({ organization_id: input.organizationId, person_id: input.personId }).first('user_id')) as { user_id: string } | undefined;
  const id = newId(now.getTime());
  const code = newPreviewCode();
  const expiresAt = addSeconds(now, previewSeconds).toISOString();
  await trx('preview_sessions').insert({
    id,
    organization_id: input.organizationId,
    manager_user_id: input.managerUserId,
    person_id: input.personId,
    user_id: user?.user_id ?? null,
    code_hash: sha256(code),
    created_at: now.toISOString(),
    expires_at: expiresAt,
  });
  return { id, code, expiresAt };
}

/**
 * Exchanges `code` once (an UPDATE that only the first request wins, on SQLite and PostgreSQL alike): the preview's
 * row, or null for a code that is unknown, of another organization, used, ended or expired. The hash is dropped with
 * the exchange, so the code is worth nothing afterwards.
 */
export async function exchangeCode(ctx: Ctx, org: Organization, code: string): Promise<PreviewRow | null> {
  const now = ctx.clock().toISOString();
  const found = (await ctx.db('preview_sessions').where({ code_hash: sha256(code), organization_id: org.id }).first('id')) as { id: string } | undefined;
  if (!found) return null;
  const won = await ctx.db('preview_sessions').where({ id: found.id }).whereNull('exchanged_at').whereNull('ended_at').where('expires_at', '>', now).update({ exchanged_at: now, code_hash: null });
  return won === 1 ? previewOf(ctx.db, org.id, found.id) : null;
}

/**
 * Ends a preview once and records `preview.ended` (entity `preview_session`, detail: person id and name, reason) in
 * the same transaction. A preview past its expiry ends as `expired` at its expiry time, any other as `ended` now.
 * Returns false when it had ended already (nothing is recorded twice).
 */
export async function endPreview(ctx: Pick<Ctx, 'db' | 'clock'>, row: PreviewRow, actor: Actor): Promise<boolean> {
  const now = ctx.clock().toISOString();
  const reason = row.expires_at <= now ? 'expired' : 'ended';
  return ctx.db.transaction(async (trx) => {
    const changed = await trx('preview_sessions').where({ id: row.id }).whereNull('ended_at').update({ ended_at: reason === 'expired' ? row.expires_at : now, code_hash: null });
    if (changed !== 1) return false;
    await recordAudit(trx, ctx, {
      organizationId: row.organization_id,
      actor,
      action: 'preview.ended',
      entityType: 'preview_session',
      entityId: row.id,
      detail: { personId: row.person_id, personName: row.person_name, reason },
    });
    return true;
  });
}

/**
 * Ends the organization's previews whose time is over but that nobody has ended yet (no request came after their
 * expiry), so that every start in the audit log gets its end. Run when a new preview starts.
 */
export async function endExpiredPreviews(ctx: Ctx, organizationId: string, clientIp: string | null): Promise<void> {
  const over = (await rowOf(ctx.db).where('s.organization_id', organizationId).whereNull('s.ended_at').where('s.expires_at', '<=', ctx.clock().toISOString())) as PreviewRow[];
  for (const row of over) await endPreview(ctx, row, { userId: row.manager_user_id, clientIp });
}

/** The role a person has in the contracts: owner when any contract is an owner's, else tenant. */
async function contractRole(db: Db, personId: string): Promise<Role> {
  return (await db('contracts').where({ person_id: personId, role: 'owner' }).first('id')) ? 'owner' : 'tenant';
}

/**
 * Who the preview acts as: the person's portal user and membership in the organization when they still belong to the
 * person; otherwise a user made up for the preview (id = the preview's id, which no other row holds; status active;
 * no login) with a membership in the person's role from the contracts. A manager's membership takes that role too, so
 * a preview never passes the manager API's check (admin/guard.ts).
 */
async function identityOf(db: Db, row: PreviewRow, org: Organization): Promise<{ user: UserRow; member: MembershipRow }> {
  const user = row.user_id ? await userById(db, row.user_id) : null;
  const member = user ? await membership(db, user.id, org.id) : null;
  if (user && member && member.person_id === row.person_id) {
    return { user, member: member.role === 'manager' ? { ...member, role: await contractRole(db, row.person_id) } : member };
  }
  const person = (await db('persons').where({ id: row.person_id }).first('email')) as { email: string | null };
  return {
    user: { id: row.id, email: person.email ?? '', username: person.email ?? '', password_hash: null, status: 'active', must_change_password: false, locale: 'de', notify_mode: 'none', phone: null, birth_date: null },
    member: { id: row.id, user_id: row.id, organization_id: org.id, role: await contractRole(db, row.person_id), person_id: row.person_id, terms_version: org.terms.version, terms_accepted_at: null },
  };
}

const previewInfo = (row: PreviewRow): PreviewAuth => ({
  id: row.id,
  expiresAt: row.expires_at,
  personId: row.person_id,
  personName: row.person_name,
  managerUserId: row.manager_user_id,
});

/** True while the user who started a preview is still an active manager of the organization (a locked one's previews stop). */
async function managerStillActive(db: Db, row: PreviewRow): Promise<boolean> {
  if (!row.manager_user_id) return false;
  const found = await db('memberships as m')
    .join('users as u', 'u.id', 'm.user_id')
    .where({ 'm.user_id': row.manager_user_id, 'm.organization_id': row.organization_id, 'm.role': 'manager', 'u.status': 'active' })
    .first('m.id');
  return !!found;
}

/**
 * The session of a preview token (claims with `prv`) in `org`: the previewed identity and {@link PreviewAuth}, or
 * null (→ 401) when the preview is unknown, of another organization, not exchanged, ended or over by the server's
 * clock, or its manager is no longer an active manager of the organization. A preview found over is ended here
 * (audit `preview.ended`, reason `expired`), once.
 */
export async function previewAuth(ctx: Ctx, claims: AccessClaims, org: Organization, clientIp: string | null): Promise<Auth | null> {
  const row = await previewOf(ctx.read, org.id, claims.prv!);
  if (!row || row.ended_at || !row.exchanged_at || claims.sid !== row.id) return null;
  if (row.expires_at <= ctx.clock().toISOString()) {
    await endPreview(ctx, row, { userId: row.manager_user_id, clientIp });
    return null;
  }
  if (!(await managerStillActive(ctx.read, row))) return null;
  const { user, member } = await identityOf(ctx.read, row, org);
  if (claims.sub !== user.id) return null;
  return { claims, user, member, org, preview: previewInfo(row) };
}

/**
 * For a token refused as expired: when it is a correctly signed preview token, ends its preview if nobody has yet
 * (audit `preview.ended`, reason `expired`). Anything else is left alone.
 */
export async function endExpiredToken(ctx: Ctx, token: string, secret: string, clientIp: string | null): Promise<void> {
  const stale = verifyJwt(token, secret, 0);
  if (!stale?.prv) return;
  const org = await ctx.orgs.bySlug(stale.aud);
  const row = org ? await previewOf(ctx.read, org.id, stale.prv) : null;
  if (row && !row.ended_at && row.expires_at <= ctx.clock().toISOString()) await endPreview(ctx, row, { userId: row.manager_user_id, clientIp });
}

/**
 * The previewed person as `Me` (GET /me, POST /auth/preview): as the person's own session would show it, but only
 * with the membership of this organization (other organizations of the user stay unknown to its manager), without
 * the user's phone and birth date, without pending actions (a preview cannot act on them), and with `preview` set.
 */
export async function previewMe(ctx: Ctx, auth: Auth & { preview: PreviewAuth }): Promise<Me> {
  const me = await buildMe(ctx.read, auth.user, auth.member, auth.org);
  const own = me.memberships.find((m) => m.organization === auth.org.slug);
  const digestHour = own ? me.digestHour : Number(((await ctx.read('organizations').where({ id: auth.org.id }).first('digest_hour')) as { digest_hour: number }).digest_hour);
  const { id, expiresAt, personId, personName } = auth.preview;
  return {
    ...me,
    digestHour,
    memberships: [{ organization: auth.org.slug, organizationName: auth.org.name, role: auth.member.role }],
    mustChangePassword: false,
    pendingActions: [],
    // Phone and birth date belong to the user, who may have given them to another organization: a manager's
    // preview never shows them (the membership that links the user here needed no consent of the user).
    phone: null,
    birthDate: null,
    preview: { sessionId: id, expiresAt, person: { id: personId, name: personName } },
  };
}

/**
 * POST /auth/preview's answer for an exchanged preview: an access token (sub = the identity's user id, sid = prv = the
 * preview's id, exp = the preview's expiry) and the person as {@link previewMe}. No refresh cookie.
 */
export async function previewResult(ctx: Ctx, row: PreviewRow, org: Organization): Promise<AuthResult> {
  const { user, member } = await identityOf(ctx.read, row, org);
  const iat = Math.floor(ctx.clock().getTime() / 1000);
  const exp = Math.floor(Date.parse(row.expires_at) / 1000);
  const claims: AccessClaims = { sub: user.id, aud: org.slug, sid: row.id, prv: row.id, iat, exp };
  const accessToken = signJwt(claims, await ctx.jwtSecret());
  const me = await previewMe(ctx, { claims, user, member, org, preview: previewInfo(row) });
  return { accessToken, tokenType: 'Bearer', expiresIn: Math.max(1, exp - iat), user: me };
}
