import type { Db } from '../db.ts';
import type { Job, JobDeps } from '../notifications/jobs.ts';
import { changeStatus } from './status.ts';

/**
 * Job kind `ticket_autoclose` (status.ts `autoCloseJobKind`, payload `{ ticketId, eventId }`), due 14 days after a
 * ticket became `done`: closes it (reason code `auto_closed`, actor system) when it is still `done` from that same
 * event; a ticket confirmed, reopened or done again since is left alone (a later `done` has its own job). Its notices
 * go out through their own job.
 */
export async function autoCloseJob(trx: Db, job: Job, deps: JobDeps): Promise<string[]> {
  const { ticketId, eventId } = job.payload as { ticketId: string; eventId: string };
  const ticket: { organization_id: string; status: string } | undefined = await trx('tickets').where({ id: ticketId }).first('organization_id', 'status');
  if (ticket?.status !== 'done') return [];
  const last: { id: string } | undefined = await trx('ticket_events').where({ ticket_id: ticketId, kind: 'status' }).orderBy('at', 'desc').orderBy('id', 'desc').first('id');
  if (last?.id !== eventId) return [];
  await changeStatus(trx, deps, { ticketId, organizationId: ticket.organization_id, to: 'closed', reasonCode: 'auto_closed', actor: { kind: 'system' } });
  return [];
}
