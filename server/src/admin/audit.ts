import type { Request } from 'express';
import type { Auth } from '../auth/middleware.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { newId } from '../ids.ts';

/** One manager write, as `audit_log` keeps it. */
export interface AuditEntry {
  /** The request: its client address (`req.ip`, which honours HP_TRUST_PROXY) is recorded. */
  req: Request;
  /** The session that wrote: its user is the actor, its organization the row's. */
  auth: Auth;
  /** What was done, `<entity>.<verb>`, e.g. `document.uploaded`, `release.revoked`, `settings.updated`. */
  action: string;
  /** The kind of thing written, e.g. `document`, `document_release`, `organization`. */
  entityType: string;
  entityId: string | null;
  /** Anything worth keeping about the write (stored as JSON): ids, counts, the changed values. */
  detail?: Record<string, unknown>;
}

/**
 * Records a manager write in `audit_log` (actor, action, entity, time by the server's clock, client address). Call
 * it with the transaction `trx` of the write itself, so the write and its record commit or fail together.
 */
export async function audit(trx: Db, ctx: Pick<Ctx, 'clock'>, entry: AuditEntry): Promise<void> {
  const { req, auth, ...rest } = entry;
  await recordAudit(trx, ctx, { ...rest, organizationId: auth.org.id, actor: { userId: auth.user.id, clientIp: req.ip ?? null } });
}

/**
 * Who wrote: a signed-in user through the API (their id and client address), or the operator through
 * `npm run admin` (no user; `detail.via` is "cli").
 */
export interface Actor {
  userId: string | null;
  clientIp: string | null;
}

/** The operator at the server's console (`npm run admin`): no user, no client address. */
export const operator: Actor = { userId: null, clientIp: null };

/** One write by any {@link Actor}, as `audit_log` keeps it. */
export interface ActorAuditEntry extends Omit<AuditEntry, 'req' | 'auth'> {
  organizationId: string;
  actor: Actor;
}

/**
 * Records a write of any actor in `audit_log` (the API's and the operator command's share it): call it with the
 * write's own transaction. The operator's entries have no actor user and `detail.via = "cli"`.
 */
export async function recordAudit(trx: Db, ctx: Pick<Ctx, 'clock'>, entry: ActorAuditEntry): Promise<void> {
  const detail = entry.actor.userId === null ? { ...entry.detail, via: 'cli' } : (entry.detail ?? {});
  await trx('audit_log').insert({
    id: newId(),
    organization_id: entry.organizationId,
    actor_user_id: entry.actor.userId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    at: ctx.clock().toISOString(),
    client_ip: entry.actor.clientIp?.slice(0, 64) ?? null,
    detail: JSON.stringify(detail),
  });
}
