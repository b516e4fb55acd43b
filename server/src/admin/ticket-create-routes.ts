import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Ctx } from '../context.ts';
import { authOf } from '../auth/middleware.ts';
import { sendPrivateJson } from '../http/params.ts';
import { validationProblem, type ContractViolation } from '../http/problems.ts';
import { createTicket, onBehalfOf, type SubmissionFields } from '../tickets/create.ts';
import { ticketFilesOf, ticketMultipart } from '../tickets/files.ts';
import { requireManager } from './guard.ts';
import { audit } from './audit.ts';
import { requireOwned } from './scope.ts';
import { adminTicket } from './ticket-view.ts';

const sources = ['phone', 'email', 'visit'] as const;

/** Who and how (AdminTicketSubmission's own fields), taken out of the body before the rest is checked as a TicketSubmission. */
interface OnBehalf {
  personId: string;
  source: (typeof sources)[number];
}

function takeOnBehalf(req: Request, res: Response, next: NextFunction): void {
  const body = { ...(req.body as Record<string, unknown>) };
  const { personId, source } = body;
  delete body.personId;
  delete body.source;
  const violations: ContractViolation[] = [];
  if (typeof personId !== 'string' || personId === '') violations.push({ field: 'personId', keyword: 'required', message: 'The person the ticket is for.' });
  if (!sources.includes(source as OnBehalf['source'])) violations.push({ field: 'source', keyword: 'enum', message: `One of ${sources.join(', ')}.` });
  if (violations.length > 0) throw validationProblem(violations.map((v) => `${v.field}: ${v.message}`).join(' '), violations);
  res.locals.onBehalf = { personId, source } as OnBehalf;
  req.body = body;
  next();
}

/**
 * POST /admin/tickets: a ticket on behalf of the organization's person `personId` (404 naming it otherwise), taken
 * by phone, email or at a visit. Checked like the person's own submission (tickets/create.ts: his units and credits
 * today, the form's audience and values), with staff-only fields allowed and no daily limits; audited.
 */
export function ticketCreateAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const [parse, check] = ticketMultipart(ctx, 'TicketSubmission') as [ReturnType<typeof ticketMultipart>[0], ReturnType<typeof ticketMultipart>[0]];
  router.post('/tickets', requireManager(ctx), parse, takeOnBehalf, check, async (req, res) => {
    const auth = authOf(res);
    const { personId, source } = res.locals.onBehalf as OnBehalf;
    const fields = req.body as SubmissionFields;
    await requireOwned(ctx.read, auth.org.id, 'person', [personId], 'personId');
    const created = await createTicket(ctx, onBehalfOf(auth, personId), {
      fields, files: ticketFilesOf(req), staff: true, source, createdBy: auth.user.id, idempotencyKey: null,
      alsoWrite: (trx, id) => audit(trx, ctx, { req, auth, action: 'ticket.created', entityType: 'ticket', entityId: id, detail: { personId, source, form: fields.form, version: fields.version } }),
    });
    res.status(201);
    sendPrivateJson(res, await adminTicket(ctx, auth.org.id, created.id));
  });
  return router;
}
