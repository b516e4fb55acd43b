import { Router, type Request } from 'express';
import type { DocumentPage, DocumentReadState, MarkDocumentsReadResult } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf, requireUser, type Auth } from '../auth/middleware.ts';
import { today } from '../calendar.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { idParam, limitParam, notFound, sendPrivateJson } from '../http/params.ts';
import { downloadHeaders } from '../http/download.ts';
import { categoryTree, documentPage, myDocuments, subtreeOf, unread, unreadCount, viewerOf, type ListFilter } from './queries.ts';
import { recordReads } from './reads.ts';
import { allMyContracts } from '../access/contracts.ts';
import { myFile, servedType } from './download.ts';
import { archiveEntries, sendArchive } from './archive.ts';

/** The session's organization, person (null: sees nothing) and day. */
function scope(ctx: Ctx, auth: Auth): { orgId: string; personId: string | null; day: string } {
  return { orgId: auth.org.id, personId: viewerOf(auth), day: today(ctx.clock, auth.org.timeZone) };
}

/** The `category` (query or body) as the ids of its subtree; an id the organization does not have is null. */
async function categoryFilter(ctx: Ctx, auth: Auth, category: string | undefined): Promise<string[] | null | undefined> {
  if (category === undefined) return undefined;
  return subtreeOf(await categoryTree(ctx.read, auth.org.id), category);
}

/** A boolean query parameter (the contract's validator has coerced it). */
const flag = (req: Request, name: string): boolean => String(req.query[name]) === 'true';

/** GET /document-categories, GET /documents, /documents/archive, /documents/{id}/file, POST /documents/read, /documents/{id}/read. */
export function documentRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/document-categories', requireUser(ctx), async (_req, res) => {
    sendPrivateJson(res, { items: await categoryTree(ctx.read, authOf(res).org.id) });
  });

  router.get('/documents', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const { orgId, personId, day } = scope(ctx, auth);
    const limit = limitParam(req);
    const cursor = decodeCursor(req.query.cursor, ['string', 'string']);
    const categories = await categoryFilter(ctx, auth, idParam(req, 'category'));
    const year = req.query.year === undefined ? undefined : Number(req.query.year);
    const filter: ListFilter = { categories: categories ?? undefined, year, unread: flag(req, 'unread') };
    const whole = cursor === null && !filter.categories && filter.year === undefined && !filter.unread;
    let page: Awaited<ReturnType<typeof documentPage>>;
    let count: number;
    if (personId === null || categories === null) {
      page = { items: [], next: null };
      count = await unreadCount(ctx, orgId, personId, day);
    } else if (whole) {
      // Most people's documents fit on the first page: then it holds all of them and counts the unread itself.
      page = await documentPage(ctx, auth, personId, day, filter, limit, cursor);
      count = page.next === null ? page.items.filter((d) => d.seenAt === null).length : await unreadCount(ctx, orgId, personId, day);
    } else {
      [page, count] = await Promise.all([documentPage(ctx, auth, personId, day, filter, limit, cursor), unreadCount(ctx, orgId, personId, day)]);
    }
    const body: DocumentPage = { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null, unreadCount: count };
    sendPrivateJson(res, body);
  });

  router.post('/documents/read', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const { orgId, personId, day } = scope(ctx, auth);
    const categories = await categoryFilter(ctx, auth, (req.body as { category?: string }).category);
    if (categories === null) throw notFound();
    let marked = 0;
    if (personId !== null) {
      const q = unread(myDocuments(ctx.read, orgId, personId, day));
      if (categories) q.whereIn('d.category_id', categories);
      const ids = ((await q.select('d.id')) as { id: string }[]).map((r) => r.id);
      // A preview (auth.preview) reads as the person but records nothing.
      if (!auth.preview) await recordReads(ctx.db, personId, ids, ctx.clock().toISOString(), false);
      marked = ids.length;
    }
    const body: MarkDocumentsReadResult = { marked, unreadCount: await unreadCount(ctx, orgId, personId, day) };
    sendPrivateJson(res, body);
  });

  router.post('/documents/:id/read', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const { orgId, personId, day } = scope(ctx, auth);
    const id = req.params.id as string;
    if (personId === null || !(await myDocuments(ctx.read, orgId, personId, day).where('d.id', id).first('d.id'))) throw notFound();
    if (!auth.preview) await recordReads(ctx.db, personId, [id], ctx.clock().toISOString(), false);
    const [state, count] = await Promise.all([
      ctx.read('document_reads').where({ document_id: id, person_id: personId }).first('first_seen_at', 'first_opened_at') as Promise<{ first_seen_at: string | null; first_opened_at: string | null } | undefined>,
      unreadCount(ctx, orgId, personId, day),
    ]);
    const body: DocumentReadState = { id, seenAt: state?.first_seen_at ?? state?.first_opened_at ?? null, openedAt: state?.first_opened_at ?? null, unreadCount: count };
    sendPrivateJson(res, body);
  });

  router.get('/documents/archive', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const { orgId, personId, day } = scope(ctx, auth);
    const entries = await archiveEntries(ctx.read, orgId, personId, day, req.query.ids as string[], await allMyContracts(ctx, auth, day));
    if (!auth.preview) await recordReads(ctx.db, personId!, entries.map((e) => e.id), ctx.clock().toISOString(), true);
    sendArchive(res, ctx.read, entries);
  });

  router.get('/documents/:id/file', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const { orgId, personId, day } = scope(ctx, auth);
    const file = await myFile(ctx.read, orgId, personId, day, req.params.id as string);
    if (!auth.preview) await recordReads(ctx.db, personId!, [file.id], ctx.clock().toISOString(), true);
    downloadHeaders(res, { type: servedType(file.mime), name: file.name, length: file.bytes.length });
    res.end(file.bytes);
  });

  return router;
}
