import type { AdminTicketDetail } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';

/**
 * The ticket with everything staff see (AdminTicketDetail): 404 (`notFound()`) when it is not the organization's.
 * `db` defaults to `ctx.read` (pass the transaction right after a write).
 */
export async function adminTicket(_ctx: Ctx, _organizationId: string, _ticketId: string, _db?: Db): Promise<AdminTicketDetail> {
  throw new Error('adminTicket: not built yet');
}
