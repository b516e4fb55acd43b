import { Router, type Request, type Response } from 'express';
import type { PostDetail, PostPage, PostReadResult, PostSeen, PostType } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf, requireUser, type Auth } from '../auth/middleware.ts';
import { today } from '../calendar.ts';
import { viewerOf } from '../documents/queries.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { attachment, downloadName } from '../http/download.ts';
import { idParam, limitParam, notFound, sendPrivateJson } from '../http/params.ts';
import { HttpProblem } from '../http/problems.ts';
import { postFileRoutes } from './file-routes.ts';
import { appointmentIcs } from './ics.ts';
import { categoriesOf, matches, myBoard, myPost, myPosts, postFiles, unreadCount, type BoardFilter, type Viewer } from './queries.ts';
import { recordPostReads, type ReadStep } from './reads.ts';
import { compareBoard, detailOf, linkOf, readOf, type BoardKey } from './view.ts';

// The resident side of the bulletin board (issue 12, openapi.yaml tag `posts`). Every answer starts from the
// notices the session's person may see today (posts/queries.ts, access/posts.ts): whatever is not among them answers
// 404 like an unknown id. A manager's session, or one without a person, sees an empty board (the manager side is
// /admin/posts). "Today" is the organization's day (calendar.ts). Reads are written through `ctx.db`, lists and
// details read through `ctx.read`.

/** The session's organization, person and day. */
export const viewerFor = (ctx: Ctx, auth: Auth): Viewer => ({ orgId: auth.org.id, personId: viewerOf(auth), day: today(ctx.clock, auth.org.timeZone) });

/** A boolean query parameter (the contract's validator has coerced it). */
const flag = (req: Request, name: string): boolean => String(req.query[name]) === 'true';

const notRequired = () =>
  new HttpProblem(409, 'acknowledgement_not_required', 'This notice does not ask to be acknowledged; opening it is enough.');

/**
 * Routes of the resident API, mounted at /api:
 * - GET /posts: one page of my notices (PostPage) in the board's order (posts/view.ts `compareBoard`: pinned and
 *   danger first, then danger, warning, the rest; newest change first), filtered by `property` (notices for that
 *   property where I hold a contract today; a property not mine gives an empty list), `category`, `type`, `unread`;
 *   `limit` 1–200 (default 100); `cursor` the last item's board position as [group, change, id] (base64url JSON,
 *   http/cursor.ts), so reading or a new notice does not shift later pages. `unreadCount` and `categories` count all
 *   my notices of today, whatever the filter.
 * - GET /posts/{id}: PostDetail (sanitized body, link, attachments).
 * - POST /posts/seen {ids}: 204; records "first seen" for those of the ids that are my notices (others are ignored).
 * - POST /posts/{id}/read: PostReadResult; records "opened" (and "seen") for the current revision.
 * - POST /posts/{id}/acknowledge: PostReadResult; records "acknowledged" (and "opened", "seen"); 409
 *   `acknowledgement_not_required` when the notice does not ask for it. Repeated calls keep the first times.
 * - GET /posts/{id}/appointment.ics: text/calendar attachment (posts/ics.ts); 404 without an appointment.
 * - GET /posts/{id}/files/{fileId}: posts/file-routes.ts.
 */
export function postRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/posts', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const viewer = viewerFor(ctx, auth);
    const limit = limitParam(req);
    const cursor = decodeCursor(req.query.cursor, ['number', 'string', 'string']) as BoardKey | null;
    const filter: BoardFilter = {
      property: idParam(req, 'property'),
      category: idParam(req, 'category'),
      type: req.query.type as PostType | undefined,
      unread: flag(req, 'unread'),
    };
    const board = await myBoard(ctx, auth, viewer);
    const chosen = board.filter((item) => matches(item.summary, filter) && (cursor === null || compareBoard(item.key, cursor) > 0));
    const page = chosen.slice(0, limit);
    const body: PostPage = {
      items: page.map((item) => item.summary),
      nextCursor: chosen.length > limit ? encodeCursor(page.at(-1)!.key) : null,
      unreadCount: board.filter((item) => item.summary.read.openedAt === null).length,
      categories: categoriesOf(board),
    };
    sendPrivateJson(res, body);
  });

  router.post('/posts/seen', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const viewer = viewerFor(ctx, auth);
    const { ids } = req.body as PostSeen;
    // A preview (auth.preview) reads as the person but records nothing.
    if (viewer.personId !== null && !auth.preview) {
      const mine = (await myPosts(ctx.read, viewer).whereIn('p.id', [...new Set(ids)]).select('p.id', 'p.revision')) as { id: string; revision: number | string }[];
      await recordPostReads(ctx.db, viewer.personId, mine.map((p) => ({ id: p.id, revision: Number(p.revision) })), 'seen', ctx.clock().toISOString());
    }
    res.setHeader('Cache-Control', 'private, no-store');
    res.status(204).end();
  });

  router.get('/posts/:id', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const { summary, row } = await myPost(ctx, auth, viewerFor(ctx, auth), req.params.id as string);
    const body: PostDetail = detailOf(summary, row, await postFiles(ctx.read, summary.id));
    sendPrivateJson(res, body);
  });

  /** Records `step` on my notice `id` and answers with my read state and the unread count. */
  const mark = (step: ReadStep) =>
    async (req: Request, res: Response): Promise<void> => {
      const auth = authOf(res);
      const viewer = viewerFor(ctx, auth);
      const { summary } = await myPost(ctx, auth, viewer, req.params.id as string);
      if (step === 'acknowledged' && !summary.requiresAck) throw notRequired();
      if (!auth.preview) await recordPostReads(ctx.db, viewer.personId!, [{ id: summary.id, revision: summary.revision }], step, ctx.clock().toISOString());
      const [state = {}, count] = await Promise.all([
        ctx.db('post_reads').where({ post_id: summary.id, person_id: viewer.personId!, revision: summary.revision }).first('first_seen_at', 'opened_at', 'acknowledged_at'),
        unreadCount(ctx.db, viewer),
      ]);
      const body: PostReadResult = { id: summary.id, read: readOf(state), unreadCount: count };
      sendPrivateJson(res, body);
    };
  router.post('/posts/:id/read', requireUser(ctx), mark('opened'));
  router.post('/posts/:id/acknowledge', requireUser(ctx), mark('acknowledged'));

  router.get('/posts/:id/appointment.ics', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const { summary, row } = await myPost(ctx, auth, viewerFor(ctx, auth), req.params.id as string);
    if (!summary.appointment) throw notFound();
    const text = appointmentIcs({
      postId: summary.id,
      revision: summary.revision,
      title: summary.title,
      bodyText: row.body_text,
      link: linkOf(row),
      appointment: summary.appointment,
      timeZone: auth.org.timeZone,
      now: ctx.clock(),
    });
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', attachment(downloadName(`${summary.title.trim() || 'Termin'}.ics`, 'text/calendar')));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(text);
  });

  router.use(postFileRoutes(ctx));
  return router;
}
