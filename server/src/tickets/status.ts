import type { CommentVisibility, TicketStatus } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';

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

/**
 * Write a status change inside `trx`: checks nothing about who may make it (the caller does), updates the ticket
 * (status, status_at, waiting_until, reopen_count on a reopen, updated_at), adds the `ticket_events` row, queues the
 * auto-close job when it becomes `done`, and queues a notification for each participant whose visible status
 * (access/tickets.ts) changes. Returns the event id.
 */
export async function changeStatus(_trx: Db, _ctx: Pick<Ctx, 'clock'>, _change: StatusChange): Promise<string> {
  throw new Error('changeStatus: not built yet');
}
