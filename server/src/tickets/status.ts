import type { CommentVisibility, TicketStatus } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { newId } from '../ids.ts';
import { HttpProblem, validationProblem } from '../http/problems.ts';
import { enqueue } from '../notifications/jobs.ts';
import { queueStatusNotices } from './notices.ts';

/** A status change to write. */
export interface StatusChange {
  ticketId: string;
  organizationId: string;
  to: TicketStatus;
  reason?: string | null;
  reasonVisibility?: CommentVisibility;
  /** withdrawn | confirmed | reopened | auto_closed, when a resident or the system made the change. */
  reasonCode?: 'withdrawn' | 'confirmed' | 'reopened' | 'auto_closed' | null;
  waitingUntil?: string | null;
  actor: { kind: 'resident' | 'staff' | 'system'; userId?: string | null; personId?: string | null };
}

/** Days after which a `done` ticket closes itself (autoclose.ts). */
export const autoCloseDays = 14;

/** Job kind that closes a ticket still `done` {@link autoCloseDays} after it became so (autoclose.ts). */
export const autoCloseJobKind = 'ticket_autoclose';

/** Statuses after which the ticket counts as finished: moving from one of them back to in_progress is a reopen. */
const finished: ReadonlySet<TicketStatus> = new Set(['done', 'closed', 'rejected']);

/** The statuses staff may move a ticket to, by its current status. */
export const staffTransitions: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['in_progress', 'waiting', 'done', 'rejected'],
  in_progress: ['waiting', 'done', 'rejected'],
  waiting: ['in_progress', 'done', 'rejected'],
  done: ['in_progress', 'closed'],
  closed: ['in_progress'],
  rejected: ['in_progress'],
};

/**
 * Checks a change made by staff: 409 `transition_not_allowed` when `to` cannot follow `from`
 * ({@link staffTransitions}), 400 at `/reason` when `waiting` comes without a reason.
 */
export function checkStaffTransition(from: TicketStatus, to: TicketStatus, reason: string | null | undefined): void {
  if (!staffTransitions[from].includes(to)) {
    throw new HttpProblem(409, 'transition_not_allowed', `A ticket cannot go from ${from} to ${to}.`, { extra: { from, to } });
  }
  if (to === 'waiting' && !reason?.trim()) {
    throw validationProblem('Waiting needs a reason.', [{ field: '/reason', keyword: 'required', message: 'waiting needs a reason' }]);
  }
}

/**
 * Write a status change inside `trx`: checks nothing about who may make it (the caller does), updates the ticket
 * (status, status_at, waiting_until, reopen_count on a reopen, updated_at), adds the `ticket_events` row, queues the
 * auto-close job when it becomes `done`, and queues a notification for each participant whose visible status
 * (access/tickets.ts) changes, except the actor's person (a resident is not told of his own change). Returns the event id.
 *
 * `waiting_until` (an ISO date) is kept only for `waiting`, else cleared. A move from done, closed or rejected back to
 * in_progress counts in `reopen_count`. Throws when the ticket is not the organization's.
 */
export async function changeStatus(trx: Db, ctx: Pick<Ctx, 'clock'>, change: StatusChange): Promise<string> {
  const ticket: { status: TicketStatus } | undefined = await trx('tickets').where({ id: change.ticketId, organization_id: change.organizationId }).forUpdate().first('status');
  if (!ticket) throw new Error(`changeStatus: ticket ${change.ticketId} is not the organization's`);
  const now = ctx.clock();
  const at = now.toISOString();
  const from = ticket.status;
  const waitingUntil = change.to === 'waiting' ? (change.waitingUntil ?? null) : null;
  const reopen = change.to === 'in_progress' && finished.has(from);
  await trx('tickets')
    .where({ id: change.ticketId })
    .update({ status: change.to, status_at: at, waiting_until: waitingUntil, updated_at: at, ...(reopen ? { reopen_count: trx.raw('reopen_count + 1') } : {}) });
  const eventId = newId(now.getTime());
  await trx('ticket_events').insert({
    id: eventId,
    ticket_id: change.ticketId,
    kind: 'status',
    from_status: from,
    to_status: change.to,
    reason: change.reason?.trim() || null,
    reason_visibility: change.reasonVisibility ?? 'public',
    reason_code: change.reasonCode ?? null,
    waiting_until: waitingUntil,
    actor_kind: change.actor.kind,
    actor_user_id: change.actor.userId ?? null,
    actor_person_id: change.actor.personId ?? null,
    at,
  });
  if (change.to === 'done') {
    await enqueue(trx, ctx.clock, {
      kind: autoCloseJobKind,
      key: `ticket-autoclose:${change.ticketId}:${eventId}`,
      organizationId: change.organizationId,
      payload: { ticketId: change.ticketId, eventId },
      runAt: new Date(now.getTime() + autoCloseDays * 86_400_000).toISOString(),
    });
  }
  await queueStatusNotices(trx, ctx, { organizationId: change.organizationId, ticketId: change.ticketId, eventId, actorPersonId: change.actor.personId ?? null });
  return eventId;
}
