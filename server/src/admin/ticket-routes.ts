import { Router, type Request } from 'express';
import type { AdminTicketPatch, CommentVisibility, TicketDocumentFulfil, TicketStatus, TicketStatusVisibility } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { authOf } from '../auth/middleware.ts';
import { today } from '../calendar.ts';
import { newId } from '../ids.ts';
import { HttpProblem, validationProblem } from '../http/problems.ts';
import { idParam, limitParam, notFound, sendPrivateJson } from '../http/params.ts';
import { ticketStatuses, visibilityProblem } from '../access/tickets.ts';
import { changeStatus, checkStaffTransition } from '../tickets/status.ts';
import { orgVisibility, queueCommentNotices } from '../tickets/notices.ts';
import { prepareTicketFiles, storeTicketFiles, ticketFilesOf, ticketMultipart } from '../tickets/files.ts';
import { requireManager } from './guard.ts';
import { audit } from './audit.ts';
import { documentOf } from './scope.ts';
import { releaseDocument } from './release-write.ts';
import { adminTicket } from './ticket-view.ts';
import { adminTicketPage } from './ticket-queries.ts';

const fieldProblem = (field: string, message: string): HttpProblem => validationProblem(message, [{ field, keyword: '', message }]);

/** The organization's ticket `id`, locked for the write in `trx`; 404 otherwise. */
async function ticketForWrite(trx: Db, organizationId: string, id: string): Promise<{ id: string; status: TicketStatus; assignee_user_id: string | null; category: string | null }> {
  const ticket = await trx('tickets').where({ id, organization_id: organizationId }).forUpdate().first('id', 'status', 'assignee_user_id', 'category');
  if (!ticket) throw notFound();
  return ticket;
}

/** A query flag: true, false, or undefined when not given. */
const flag = (req: Request, name: string): boolean | undefined => (req.query[name] === undefined ? undefined : String(req.query[name]) === 'true');

/** 400 at /assigneeId unless `userId` has a manager membership in the organization. */
async function requireManagerUser(db: Db, organizationId: string, userId: string): Promise<void> {
  const member = await db('memberships as m').join('users as u', 'u.id', 'm.user_id').where({ 'm.user_id': userId, 'm.organization_id': organizationId, 'm.role': 'manager' }).first('m.id');
  if (!member) throw fieldProblem('/assigneeId', 'The assignee must be a manager of this organization.');
}

/** What a PATCH's status part says, checked: reason and waitingUntil only with a status, waitingUntil only for waiting. */
function checkPatch(patch: AdminTicketPatch): void {
  if (patch.status === undefined) {
    for (const field of ['reason', 'reasonVisibility', 'waitingUntil'] as const) if (patch[field] !== undefined) throw fieldProblem(`/${field}`, `${field} goes with a status.`);
  } else if (patch.waitingUntil !== undefined && patch.status !== 'waiting') {
    throw fieldProblem('/waitingUntil', 'waitingUntil goes with the status waiting only.');
  }
}

/**
 * GET /admin/tickets, GET and PATCH /admin/tickets/{id}, POST /admin/tickets/{id}/comments, /documents; GET and PUT
 * /admin/settings/ticket-status-visibility. Managers of the session's organization only; another organization's
 * ticket answers 404; every write is one transaction with its audit row.
 */
export function ticketAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);

  router.get('/tickets', manager, async (req, res) => {
    const auth = authOf(res);
    const filter = {
      status: idParam(req, 'status') as TicketStatus | undefined,
      category: idParam(req, 'category'),
      propertyId: idParam(req, 'property'),
      unread: flag(req, 'unread'),
    };
    sendPrivateJson(res, await adminTicketPage(ctx.read, auth.org.id, filter, limitParam(req), req.query.cursor));
  });

  // Opening a ticket marks it read for staff (the `unread` filter): resident activity up to now is seen.
  router.get('/tickets/:id', manager, async (req, res) => {
    const auth = authOf(res);
    const id = req.params.id as string;
    const body = await adminTicket(ctx, auth.org.id, id);
    await ctx.db('tickets').where({ id, organization_id: auth.org.id }).update({ staff_read_at: ctx.clock().toISOString() });
    sendPrivateJson(res, { ...body, unread: false });
  });

  router.patch('/tickets/:id', manager, async (req, res) => {
    const auth = authOf(res);
    const patch = req.body as AdminTicketPatch;
    checkPatch(patch);
    const body = await ctx.db.transaction(async (trx) => {
      const ticket = await ticketForWrite(trx, auth.org.id, req.params.id as string);
      const detail: Record<string, unknown> = {};
      if (patch.status !== undefined) {
        checkStaffTransition(ticket.status, patch.status, patch.reason);
        const eventId = await changeStatus(trx, ctx, {
          ticketId: ticket.id, organizationId: auth.org.id, to: patch.status, reason: patch.reason ?? null, reasonVisibility: patch.reasonVisibility ?? 'public',
          waitingUntil: patch.waitingUntil ?? null, actor: { kind: 'staff', userId: auth.user.id },
        });
        detail.status = { from: ticket.status, to: patch.status, eventId, reasonVisibility: patch.reasonVisibility ?? 'public' };
      }
      const update: Record<string, unknown> = {};
      if (patch.assigneeId !== undefined && patch.assigneeId !== ticket.assignee_user_id) {
        if (patch.assigneeId !== null) await requireManagerUser(trx, auth.org.id, patch.assigneeId);
        update.assignee_user_id = patch.assigneeId;
        detail.assignee = { from: ticket.assignee_user_id, to: patch.assigneeId };
      }
      if (patch.category !== undefined && patch.category !== ticket.category) {
        update.category = patch.category;
        detail.category = { from: ticket.category, to: patch.category };
      }
      if (Object.keys(update).length > 0) await trx('tickets').where({ id: ticket.id }).update({ ...update, updated_at: ctx.clock().toISOString() });
      if (Object.keys(detail).length > 0) await audit(trx, ctx, { req, auth, action: 'ticket.updated', entityType: 'ticket', entityId: ticket.id, detail });
      return adminTicket(ctx, auth.org.id, ticket.id, trx);
    });
    sendPrivateJson(res, body);
  });

  // A public answer notifies the participants; an internal note (and its files) never reaches a resident.
  router.post('/tickets/:id/comments', manager, ...ticketMultipart(ctx, 'AdminTicketCommentUpload'), async (req, res) => {
    const auth = authOf(res);
    const { body: text, visibility } = req.body as { body: string; visibility: CommentVisibility };
    const id = req.params.id as string;
    // 404 before the files are worked on.
    if (!(await ctx.read('tickets').where({ id, organization_id: auth.org.id }).first('id'))) throw notFound();
    const files = await prepareTicketFiles(ticketFilesOf(req));
    const body = await ctx.db.transaction(async (trx) => {
      const ticket = await ticketForWrite(trx, auth.org.id, id);
      const now = ctx.clock();
      const commentId = newId(now.getTime());
      await trx('ticket_comments').insert({ id: commentId, ticket_id: ticket.id, visibility, author_kind: 'staff', author_user_id: auth.user.id, author_person_id: null, body: text, created_at: now.toISOString() });
      const fileIds = await storeTicketFiles(trx, ctx, { organizationId: auth.org.id, ticketId: ticket.id, commentId, visibility, uploadedBy: auth.user.id }, files);
      await trx('tickets').where({ id: ticket.id }).update({ updated_at: now.toISOString(), staff_read_at: now.toISOString() });
      const notified = visibility === 'public' ? await queueCommentNotices(trx, ctx, { organizationId: auth.org.id, ticketId: ticket.id, commentId, authorPersonId: null }) : 0;
      await audit(trx, ctx, { req, auth, action: 'ticket.commented', entityType: 'ticket', entityId: ticket.id, detail: { commentId, visibility, files: fileIds.length, notified } });
      return adminTicket(ctx, auth.org.id, ticket.id, trx);
    });
    res.status(201);
    sendPrivateJson(res, body);
  });

  // Dokumentenanforderung: a `persons` release of the document for the ticket's participants, linked to the ticket,
  // its thread entry, and optionally `done`, all in one transaction.
  router.post('/tickets/:id/documents', manager, async (req, res) => {
    const auth = authOf(res);
    const fulfil = req.body as TicketDocumentFulfil;
    const day = today(ctx.clock, auth.org.timeZone);
    const body = await ctx.db.transaction(async (trx) => {
      const ticket = await ticketForWrite(trx, auth.org.id, req.params.id as string);
      const document = await documentOf(trx, auth.org.id, fulfil.documentId);
      if (document.withdrawn_at !== null) throw notFound();
      if (fulfil.done) checkStaffTransition(ticket.status, 'done', null);
      const personIds = ((await trx('ticket_participants').where({ ticket_id: ticket.id }).orderBy('joined_at').select('person_id')) as { person_id: string }[]).map((p) => p.person_id);
      if (personIds.length === 0) throw new HttpProblem(409, 'no_participants', 'The ticket has nobody to release the document to.');
      const { release } = await releaseDocument(trx, ctx, {
        req, auth, documentId: document.id, today: day, notify: 'default', ticketId: ticket.id,
        spec: { rule: 'persons', role: null, periodFrom: null, periodTo: null, personIds, unitIds: [], propertyIds: [] },
      });
      const now = ctx.clock();
      const eventId = newId(now.getTime());
      await trx('ticket_events').insert({ id: eventId, ticket_id: ticket.id, kind: 'document', document_id: document.id, reason_visibility: 'public', actor_kind: 'staff', actor_user_id: auth.user.id, at: now.toISOString() });
      await trx('tickets').where({ id: ticket.id }).update({ updated_at: now.toISOString() });
      if (fulfil.done) await changeStatus(trx, ctx, { ticketId: ticket.id, organizationId: auth.org.id, to: 'done', actor: { kind: 'staff', userId: auth.user.id } });
      await audit(trx, ctx, { req, auth, action: 'ticket.document_released', entityType: 'ticket', entityId: ticket.id, detail: { documentId: document.id, releaseId: release.id, eventId, personIds, done: Boolean(fulfil.done) } });
      return adminTicket(ctx, auth.org.id, ticket.id, trx);
    });
    res.status(201);
    sendPrivateJson(res, body);
  });

  router.get('/settings/ticket-status-visibility', manager, async (_req, res) => {
    sendPrivateJson(res, await orgVisibility(ctx.read, authOf(res).org.id));
  });

  router.put('/settings/ticket-status-visibility', manager, async (req, res) => {
    const auth = authOf(res);
    const setting = req.body as TicketStatusVisibility;
    const problem = visibilityProblem(setting);
    if (problem) throw fieldProblem(problem.field, problem.message);
    await ctx.db.transaction(async (trx) => {
      await trx('organizations').where({ id: auth.org.id }).forUpdate().first('id');
      const before = await orgVisibility(trx, auth.org.id);
      if ((['tenant', 'owner'] as const).every((role) => ticketStatuses.every((s) => before[role][s] === setting[role][s]))) return;
      await trx('organizations').where({ id: auth.org.id }).update({ ticket_status_visibility: JSON.stringify(setting) });
      await audit(trx, ctx, { req, auth, action: 'settings.ticket_status_visibility_updated', entityType: 'organization', entityId: auth.org.id, detail: { from: before, to: setting } });
    });
    sendPrivateJson(res, setting);
  });

  return router;
}
