import { Router, type Request } from 'express';
import type { TicketStatus } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf, requireUser, type Auth } from '../auth/middleware.ts';
import { today } from '../calendar.ts';
import { activeOn, allMyContracts } from '../access/contracts.ts';
import { openStatuses } from '../access/tickets.ts';
import { notFound, sendPrivateJson } from '../http/params.ts';
import { createTicket, roleIn, type SubmissionFields } from './create.ts';
import { ticketFilesOf, ticketMultipart } from './files.ts';
import { uniqueViolation } from './numbers.ts';
import { summaryStates, ticketsWithPlace, type TicketRow, type ViewerTicket } from './queries.ts';
import { residentTicket } from './view.ts';

// Reporting (DESIGN §6a): POST /tickets sends a form (create.ts); before that, GET /tickets/duplicates offers the
// open building-wide tickets of the same property, location and category ("Bereits gemeldet"), and
// POST /tickets/{id}/affected follows one of them instead of reporting it again ("Ich bin auch betroffen").

/** The real statuses in which a building-wide ticket may be joined (the role's visible status must be open too). */
const joinable: TicketStatus[] = ['new', 'in_progress', 'waiting'];

/**
 * Building-wide tickets of `propertyId` (a property where the session's person has a contract valid today, else 404)
 * that he may join: shared, really open, and open in the status his role there sees (access/tickets.ts, through the
 * summaries of queries.ts), newest first. `narrow` adds conditions on `t`.
 */
async function joinableTickets(ctx: Ctx, auth: Auth, propertyId: string, narrow: (q: ReturnType<typeof ticketsWithPlace>) => void) {
  const day = today(ctx.clock, auth.org.timeZone);
  const contracts = (await allMyContracts(ctx, auth, day)).filter((c) => activeOn(c, day) && c.property_id === propertyId);
  const personId = auth.member.person_id;
  if (contracts.length === 0 || !personId) throw notFound();
  const role = roleIn({ contracts }, { unitId: null, propertyId });
  const q = ticketsWithPlace(ctx.read, auth.org.id)
    .where('t.property_id', propertyId)
    .where('t.shared', true)
    .whereIn('t.status', joinable)
    .leftJoin('ticket_participants as pt', (j) => j.on('pt.ticket_id', 't.id').andOnVal('pt.person_id', personId))
    .select('pt.kind as pt_kind', 'pt.role as pt_role', 'pt.joined_at as pt_joined_at', 'pt.last_read_at as pt_last_read_at')
    .orderBy([{ column: 't.created_at', order: 'desc' }, { column: 't.id', order: 'desc' }]);
  narrow(q);
  type Row = TicketRow & { pt_kind: 'reporter' | 'affected' | null; pt_role: 'tenant' | 'owner' | null; pt_joined_at: string | null; pt_last_read_at: string | null };
  const viewers: ViewerTicket[] = ((await q) as Row[]).map(({ pt_kind, pt_role, pt_joined_at, pt_last_read_at, ...ticket }) => ({
    ticket,
    participant: pt_kind ? { ticket_id: ticket.id, person_id: personId, kind: pt_kind, role: pt_role!, joined_at: pt_joined_at!, last_read_at: pt_last_read_at } : null,
    role: pt_role ?? role,
  }));
  const states = await summaryStates(ctx.read, auth.org, personId, viewers);
  return { role, personId, tickets: states.filter((s) => openStatuses.has(s.summary.status)).map((s) => s.summary) };
}

const queryText = (req: Request, name: string): string => String(req.query[name] ?? '');

/** POST /tickets, GET /tickets/duplicates, POST /tickets/{id}/affected. */
export function ticketCreateRoutes(ctx: Ctx): Router {
  const router = Router();
  const user = requireUser(ctx);

  router.post('/tickets', user, ...ticketMultipart(ctx, 'TicketSubmission'), async (req, res) => {
    const auth = authOf(res);
    const created = await createTicket(ctx, auth, {
      fields: req.body as SubmissionFields, files: ticketFilesOf(req), staff: false, source: 'portal', createdBy: auth.user.id,
      idempotencyKey: req.get('Idempotency-Key') ?? null,
    });
    const body = await residentTicket(ctx, auth, created.id);
    res.status(created.created ? 201 : 200);
    sendPrivateJson(res, body);
  });

  router.get('/tickets/duplicates', user, async (req, res) => {
    const auth = authOf(res);
    const { tickets } = await joinableTickets(ctx, auth, queryText(req, 'property'), (q) =>
      q.where('t.location', queryText(req, 'location')).where('t.category', queryText(req, 'category')));
    sendPrivateJson(res, { items: tickets });
  });

  router.post('/tickets/:id/affected', user, async (req, res) => {
    const auth = authOf(res);
    const ticketId = req.params.id as string;
    const personId = auth.member.person_id;
    // Joined (or reported) before: nothing changes.
    const known = personId ? await ctx.db('ticket_participants').where({ ticket_id: ticketId, person_id: personId }).first('kind') : undefined;
    if (!known) {
      const ticket = (await ctx.read('tickets').where({ id: ticketId, organization_id: auth.org.id }).first('property_id')) as { property_id: string | null } | undefined;
      if (!ticket?.property_id) throw notFound();
      const { role, personId: me, tickets } = await joinableTickets(ctx, auth, ticket.property_id, (q) => q.where('t.id', ticketId));
      if (tickets.length === 0) throw notFound();
      try {
        await ctx.db('ticket_participants').insert({ ticket_id: ticketId, person_id: me, kind: 'affected', role, joined_at: ctx.clock().toISOString(), last_read_at: null });
      } catch (err) {
        // Joined twice at once: the other request's row stands.
        if (uniqueViolation(err) === null) throw err;
      }
    }
    sendPrivateJson(res, await residentTicket(ctx, auth, ticketId));
  });

  return router;
}
