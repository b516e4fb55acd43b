import { Router, type Request } from 'express';
import type { TicketPage, TicketRating, TicketReopen, TicketResidentNote, TicketUnread } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf, requireUser, type Auth } from '../auth/middleware.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { limitParam, sendPrivateJson } from '../http/params.ts';
import { viewerOf } from '../documents/queries.ts';
import { prepareTicketFiles, storeTicketFiles, ticketFilesOf, ticketMultipart } from './files.ts';
import { queueCommentNotices } from './notices.ts';
import { myTicketStates, ticketsInTab, type TicketTab } from './queries.ts';
import { residentTicket, ticketAccess } from './view.ts';
import { addResidentComment, checkAction, rateTicket, residentAction, residentStatusChange } from './actions.ts';

/** How many of the person's tickets are unread (every tab). */
async function unreadCount(ctx: Ctx, auth: Auth): Promise<number> {
  const personId = viewerOf(auth);
  if (!personId) return 0;
  return (await myTicketStates(ctx.read, auth.org, personId)).filter((s) => s.summary.unread).length;
}

const idOf = (req: Request): string => req.params.id as string;

/** GET /tickets, GET /tickets/{id}, POST /tickets/{id}/read, /comments, /withdraw, /confirm, /reopen, /rating. */
export function ticketRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/tickets', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const personId = viewerOf(auth);
    const tab = (req.query.tab ?? 'open') as TicketTab;
    const limit = limitParam(req);
    const cursor = decodeCursor(req.query.cursor, ['string', 'string']);
    const states = personId ? await myTicketStates(ctx.read, auth.org, personId) : [];
    const items = ticketsInTab(states, tab, ctx.clock())
      .filter((t) => cursor === null || t.changedAt < (cursor[0] as string) || (t.changedAt === cursor[0] && t.id < (cursor[1] as string)));
    const page = items.slice(0, limit);
    const last = page.at(-1);
    const body: TicketPage = {
      items: page,
      nextCursor: items.length > limit && last ? encodeCursor([last.changedAt, last.id]) : null,
      unreadCount: states.filter((s) => s.summary.unread).length,
    };
    sendPrivateJson(res, body);
  });

  router.get('/tickets/:id', requireUser(ctx), async (req, res) => {
    sendPrivateJson(res, await residentTicket(ctx, authOf(res), idOf(req)));
  });

  router.post('/tickets/:id/read', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const access = await ticketAccess(ctx, auth, idOf(req));
    // A preview (auth.preview) reads as the person but records nothing.
    if (!auth.preview) await ctx.db('ticket_participants').where({ ticket_id: access.viewer.ticket.id, person_id: access.personId }).update({ last_read_at: ctx.clock().toISOString() });
    const body: TicketUnread = { unreadCount: await unreadCount(ctx, auth) };
    sendPrivateJson(res, body);
  });

  router.post('/tickets/:id/comments', requireUser(ctx), ...ticketMultipart(ctx, 'TicketCommentUpload'), async (req, res) => {
    const auth = authOf(res);
    const id = idOf(req);
    // Checked before the files are processed (that takes time), and again in the transaction.
    checkAction(await ticketAccess(ctx, auth, id), 'comment', ctx.clock());
    const files = await prepareTicketFiles(ticketFilesOf(req));
    const body = (req.body as { body: string }).body;
    const detail = await residentAction(ctx, auth, id, 'comment', async (trx, access) => {
      const commentId = await addResidentComment(trx, ctx, access, auth.user.id, body);
      if (files.length > 0) {
        await storeTicketFiles(trx, ctx, { organizationId: auth.org.id, ticketId: id, commentId, visibility: 'public', uploadedBy: auth.user.id }, files);
      }
      await queueCommentNotices(trx, ctx, { organizationId: auth.org.id, ticketId: id, commentId, authorPersonId: access.personId });
    });
    res.status(201);
    sendPrivateJson(res, detail);
  });

  router.post('/tickets/:id/withdraw', requireUser(ctx), async (req, res) => {
    const note = (req.body ?? {}) as TicketResidentNote;
    sendPrivateJson(res, await residentStatusChange(ctx, authOf(res), idOf(req), 'withdraw', note.comment));
  });

  router.post('/tickets/:id/confirm', requireUser(ctx), async (req, res) => {
    sendPrivateJson(res, await residentStatusChange(ctx, authOf(res), idOf(req), 'confirm', undefined));
  });

  router.post('/tickets/:id/reopen', requireUser(ctx), async (req, res) => {
    sendPrivateJson(res, await residentStatusChange(ctx, authOf(res), idOf(req), 'reopen', (req.body as TicketReopen).comment));
  });

  router.post('/tickets/:id/rating', requireUser(ctx), async (req, res) => {
    const rating = req.body as TicketRating;
    sendPrivateJson(res, await rateTicket(ctx, authOf(res), idOf(req), rating.stars, rating.comment));
  });

  return router;
}
