import type { TicketActions, TicketDetail } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import type { Auth } from '../auth/middleware.ts';
import { newId } from '../ids.ts';
import { HttpProblem } from '../http/problems.ts';
import { actionRefusal, residentTicket, ticketAccess, type TicketAccess } from './view.ts';
import { changeStatus, type StatusChange } from './status.ts';

// What a resident does to one of his tickets: comment, withdraw, confirm, reopen, rate. Each runs in one transaction
// with the ticket's row locked, checks the rule of view.ts (`actionRefusal`: the reporter only, the status, a contract
// valid today) on what it reads there, writes, and answers the ticket as the resident now sees it.

/** The resident statuses changes: which action leads where, with which reason code. */
export const residentChanges = {
  withdraw: { to: 'rejected', reasonCode: 'withdrawn' },
  confirm: { to: 'closed', reasonCode: 'confirmed' },
  reopen: { to: 'in_progress', reasonCode: 'reopened' },
} as const satisfies Record<string, Pick<StatusChange, 'to' | 'reasonCode'>>;

/**
 * Runs `write` in one transaction for `action` on ticket `ticketId` of the session's person, after locking the ticket
 * and checking that he may take the action now (404 when it is not his, else the refusal's problem), and answers
 * the ticket as he sees it afterwards.
 */
export async function residentAction(
  ctx: Ctx,
  auth: Auth,
  ticketId: string,
  action: keyof TicketActions,
  write: (trx: Db, access: TicketAccess) => Promise<void>,
): Promise<TicketDetail> {
  return ctx.db.transaction(async (trx) => {
    await trx('tickets').where({ id: ticketId, organization_id: auth.org.id }).forUpdate().first('id');
    const access = await ticketAccess(ctx, auth, ticketId, trx);
    checkAction(access, action, ctx.clock());
    await write(trx, access);
    return residentTicket(ctx, auth, ticketId, trx);
  });
}

/** Throws the problem when the participant may not take `action` now (view.ts `actionRefusal`). */
export function checkAction(access: TicketAccess, action: keyof TicketActions, now: Date): void {
  const refusal = actionRefusal(access, action, now);
  if (refusal) throw new HttpProblem(refusal.status, refusal.code, refusal.detail);
}

/**
 * A public comment by the resident (the ticket's `resident_activity_at` and `updated_at` move to now, for the
 * managers' "unread" filter). Returns its id.
 */
export async function addResidentComment(trx: Db, ctx: Pick<Ctx, 'clock'>, access: TicketAccess, userId: string, body: string): Promise<string> {
  const now = ctx.clock();
  const at = now.toISOString();
  const id = newId(now.getTime());
  const ticketId = access.viewer.ticket.id;
  await trx('ticket_comments').insert({
    id, ticket_id: ticketId, visibility: 'public', author_kind: 'resident', author_user_id: userId, author_person_id: access.personId, body, created_at: at,
  });
  await trx('tickets').where({ id: ticketId }).update({ resident_activity_at: at, updated_at: at });
  return id;
}

/**
 * Withdraw, confirm or reopen (`residentChanges`) with an optional public comment (required for reopen; the
 * contract checks that), through tickets/status.ts `changeStatus`.
 */
export function residentStatusChange(ctx: Ctx, auth: Auth, ticketId: string, action: keyof typeof residentChanges, comment: string | undefined): Promise<TicketDetail> {
  return residentAction(ctx, auth, ticketId, action, async (trx, access) => {
    const change = residentChanges[action];
    await changeStatus(trx, ctx, {
      ticketId, organizationId: auth.org.id, to: change.to, reasonCode: change.reasonCode,
      actor: { kind: 'resident', userId: auth.user.id, personId: access.personId },
    });
    if (comment?.trim()) await addResidentComment(trx, ctx, access, auth.user.id, comment.trim());
  });
}

/** The reporter's 1–5 rating of a closed ticket with an optional comment; rating again replaces it. */
export function rateTicket(ctx: Ctx, auth: Auth, ticketId: string, stars: number, comment: string | undefined): Promise<TicketDetail> {
  return residentAction(ctx, auth, ticketId, 'rate', async (trx) => {
    await trx('tickets').where({ id: ticketId }).update({ rating: stars, rating_comment: comment?.trim() || null, updated_at: ctx.clock().toISOString() });
  });
}
