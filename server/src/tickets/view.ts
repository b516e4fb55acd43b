import type { TicketDetail } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import type { Auth } from '../auth/middleware.ts';

/**
 * The ticket as the session's person sees it (TicketDetail): 404 (`notFound()`) unless the person is a participant
 * in the session's organization. Status and thread mapped through access/tickets.ts; no internal comment, file or
 * reason is ever selected. `db` defaults to `ctx.read` (pass the transaction right after a write).
 */
export async function residentTicket(_ctx: Ctx, _auth: Auth, _ticketId: string, _db?: Db): Promise<TicketDetail> {
  throw new Error('residentTicket: not built yet');
}
