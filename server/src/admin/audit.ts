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
  await trx('audit_log').insert({
    id: newId(),
    organization_id: entry.auth.org.id,
    actor_user_id: entry.auth.user.id,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    at: ctx.clock().toISOString(),
    client_ip: entry.req.ip?.slice(0, 64) ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  });
}
