import { Router } from 'express';
import type { AdminPostInput, AdminPostPage, AdminPostPatch, PostPublish, PostStats, PostStatsPerson, PostStatus, ReleasePreview } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { bool } from '../db.ts';
import { authOf } from '../auth/middleware.ts';
import { maxDate, today } from '../calendar.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { idParam, limitParam, notFound, sendPrivateJson } from '../http/params.ts';
import { HttpProblem, validationProblem } from '../http/problems.ts';
import { postAudience, postAudiencePersons, type PostAudience } from '../access/posts.ts';
import { checkPostFields, fieldsOfRow, insertPost, postOf, requirePostRefs, updatePost, type PostRow } from '../posts/write.ts';
import { deletePostFiles } from '../posts/files.ts';
import { cancelPendingSends, cancelSend, createSend, reminderDays, sendJson, sendTime, shownOn } from '../posts/sends.ts';
import { requireManager } from './guard.ts';
import { audit } from './audit.ts';
import { adminPost, adminPosts, categoryJson } from './post-view.ts';

// The manager API of the bulletin board (issue 12; the rules are the descriptions in openapi.yaml, tag admin).
// Managers of the session's organization only (guard.ts: 403 `manager_only` for anyone else); every id is looked up
// inside the organization (404 for another organization's). Each write is one transaction with its audit row
// (audit.ts): post.created, post.updated, post.published, post.unpublished, post.deleted, post.send_cancelled,
// post.reminded. A notice's content rules are in posts/write.ts, its sends in posts/sends.ts.

const conflict = (code: string, detail: string, headers: Record<string, string> = {}) => new HttpProblem(409, code, detail, { headers });
const fieldProblem = (field: string, message: string) => validationProblem(message, [{ field, keyword: '', message }]);

/** Whether the audience names anyone at all (properties in a role, or persons). */
const namesAnyone = (a: PostAudience): boolean => a.personIds.length > 0 || (a.role !== 'none' && a.propertyIds.length > 0);

/** GET /admin/post-categories; GET, POST /admin/posts; GET, PATCH, DELETE /admin/posts/{id}; audience-preview, publish, unpublish, sends/{sendId}/cancel, stats, remind. */
export function postAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);
  const dayOf = (timeZone: string) => today(ctx.clock, timeZone);

  router.get('/post-categories', manager, async (_req, res) => {
    const auth = authOf(res);
    const rows = await ctx.read('post_categories').where({ organization_id: auth.org.id }).orderBy('sort').orderBy('name_de').orderBy('id').select('id', 'key', 'name_de', 'name_en');
    sendPrivateJson(res, rows.map(categoryJson));
  });

  // Newest change first (updated_at, then id), optionally one status; keyset cursor over (updated_at, id).
  router.get('/posts', manager, async (req, res) => {
    const auth = authOf(res);
    const limit = limitParam(req);
    const cursor = decodeCursor(req.query.cursor, ['string', 'string']);
    const status = idParam(req, 'status') as PostStatus | undefined;
    const q = ctx.read('posts as p').where('p.organization_id', auth.org.id).orderBy('p.updated_at', 'desc').orderBy('p.id', 'desc').limit(limit + 1).select('p.*');
    if (status) q.where('p.status', status);
    if (cursor) q.where((w) => w.where('p.updated_at', '<', cursor[0]!).orWhere((same) => same.where('p.updated_at', cursor[0]!).where('p.id', '<', cursor[1]!)));
    const rows = ((await q) as PostRow[]).map((r) => ({ ...r, revision: Number(r.revision) }));
    const page = rows.slice(0, limit);
    const body: AdminPostPage = {
      items: await adminPosts(ctx.read, page),
      nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.updated_at, page.at(-1)!.id]) : null,
    };
    sendPrivateJson(res, body);
  });

  router.post('/posts', manager, async (req, res) => {
    const auth = authOf(res);
    const fields = checkPostFields(req.body as AdminPostInput, null, dayOf(auth.org.timeZone));
    const id = await ctx.db.transaction(async (trx) => {
      await requirePostRefs(trx, auth.org.id, fields);
      const postId = await insertPost(trx, ctx, auth.org.id, auth.user.id, fields);
      await audit(trx, ctx, {
        req, auth, action: 'post.created', entityType: 'post', entityId: postId,
        detail: { title: fields.title, type: fields.type, categoryId: fields.categoryId, audience: { role: fields.audience.role, properties: fields.audience.propertyIds.length, persons: fields.audience.personIds.length } },
      });
      return postId;
    });
    res.status(201);
    sendPrivateJson(res, await adminPost(ctx.db, auth.org.id, id));
  });

  router.get('/posts/:id', manager, async (req, res) => {
    const auth = authOf(res);
    sendPrivateJson(res, await adminPost(ctx.read, auth.org.id, req.params.id as string));
  });

  // A draft takes any change; on a notice once published `substantial` makes a new revision, and `notify` (published
  // notices only) tells the audience again. A new send replaces the sends not yet run (they would tell the same).
  router.patch('/posts/:id', manager, async (req, res) => {
    const auth = authOf(res);
    const patch = req.body as AdminPostPatch;
    if (patch.notify !== undefined && patch.substantial !== true) throw fieldProblem('/notify', 'notify goes with substantial: true (a "wesentliche Änderung").');
    if (patch.notifyAt !== undefined && patch.notify !== 'at') throw fieldProblem('/notifyAt', 'notifyAt goes with notify "at" only.');
    const day = dayOf(auth.org.timeZone);
    await ctx.db.transaction(async (trx) => {
      const row = await postOf(trx, auth.org.id, req.params.id as string, true);
      const notify = patch.notify !== undefined && patch.notify !== 'none' ? patch.notify : null;
      if (notify && row.status !== 'published') throw conflict('post_not_published', 'Only the audience of a published notice can be notified; publish it first.');
      const fields = checkPostFields(patch, fieldsOfRow(row, await postAudience(trx, row.id)), day);
      await requirePostRefs(trx, auth.org.id, fields);
      const sendAt = notify ? sendTime(notify, patch.notifyAt, { visible_from: fields.visibleFrom, visible_until: fields.visibleUntil }, ctx.clock(), auth.org.timeZone, '/notifyAt') : null;
      const revision = await updatePost(trx, ctx, row, fields, patch.substantial === true);
      let sendId: string | null = null;
      let cancelled: string[] = [];
      if (notify && sendAt) {
        cancelled = await cancelPendingSends(trx, ctx, row.id);
        sendId = (await createSend(trx, ctx, { organizationId: auth.org.id, postId: row.id, revision, reason: 'update', mode: notify, sendAt, createdBy: auth.user.id })).id;
      }
      await audit(trx, ctx, {
        req, auth, action: 'post.updated', entityType: 'post', entityId: row.id,
        detail: { changed: Object.keys(patch).filter((k) => !['substantial', 'notify', 'notifyAt'].includes(k)), substantial: patch.substantial === true, revision, notify: patch.notify ?? 'none', sendId, sendAt, cancelledSends: cancelled },
      });
    });
    sendPrivateJson(res, await adminPost(ctx.db, auth.org.id, req.params.id as string));
  });

  // Only a draft that was never published is deleted (with its attachments); anything published is unpublished instead.
  router.delete('/posts/:id', manager, async (req, res) => {
    const auth = authOf(res);
    await ctx.db.transaction(async (trx) => {
      const row = await postOf(trx, auth.org.id, req.params.id as string, true);
      if (row.status !== 'draft' || row.published_at !== null) throw conflict('post_published', 'A notice that was published is not deleted; unpublish it instead.');
      await deletePostFiles(trx, await trx('post_files').where({ post_id: row.id }).select('id', 'file_id', 'thumb_file_id'));
      await trx('posts').where({ id: row.id }).delete();
      await audit(trx, ctx, { req, auth, action: 'post.deleted', entityType: 'post', entityId: row.id, detail: { title: row.title } });
    });
    res.status(204).end();
  });

  // Who the stored audience reaches today (access/posts.ts); stores nothing.
  router.post('/posts/:id/audience-preview', manager, async (req, res) => {
    const auth = authOf(res);
    const row = await postOf(ctx.read, auth.org.id, req.params.id as string);
    const persons = await postAudiencePersons(ctx.read, auth.org.id, await postAudience(ctx.read, row.id), dayOf(auth.org.timeZone));
    const body: ReleasePreview = {
      count: persons.length,
      units: new Set(persons.flatMap((p) => p.unitIds)).size,
      persons: persons.map(({ id, name, hasLogin, units }) => ({ id, name, hasLogin, units })),
    };
    sendPrivateJson(res, body);
  });

  // Publishing shows the notice from `visibleFrom` on; a notice is never shown as from a day before it was published,
  // so an earlier `visibleFrom` (a draft's default: the day it was written) becomes today.
  router.post('/posts/:id/publish', manager, async (req, res) => {
    const auth = authOf(res);
    const body = req.body as PostPublish;
    if (body.notify !== 'at' && body.at !== undefined) throw fieldProblem('/at', 'at goes with notify "at" only.');
    const day = dayOf(auth.org.timeZone);
    await ctx.db.transaction(async (trx) => {
      const row = await postOf(trx, auth.org.id, req.params.id as string, true);
      if (row.status === 'published') throw conflict('post_published', 'The notice is published already.');
      if (!namesAnyone(await postAudience(trx, row.id))) throw conflict('post_no_audience', 'The notice names no properties and no persons; choose its audience first.');
      if (row.visible_until !== null && row.visible_until < day) throw conflict('post_expired', 'The display window of the notice has ended (visibleUntil); change it first.');
      const visibleFrom = maxDate(row.visible_from, day);
      const now = ctx.clock();
      const sendAt = body.notify === 'none' ? null : sendTime(body.notify, body.at, { visible_from: visibleFrom, visible_until: row.visible_until }, now, auth.org.timeZone, '/at');
      const updated = await trx('posts').where({ id: row.id }).whereNot('status', 'published').update({ status: 'published', published_at: now.toISOString(), unpublished_at: null, visible_from: visibleFrom, updated_at: now.toISOString() });
      if (updated !== 1) throw conflict('post_published', 'The notice is published already.');
      const send = body.notify === 'none' || sendAt === null ? null : await createSend(trx, ctx, { organizationId: auth.org.id, postId: row.id, revision: row.revision, reason: 'publish', mode: body.notify, sendAt, createdBy: auth.user.id });
      await audit(trx, ctx, { req, auth, action: 'post.published', entityType: 'post', entityId: row.id, detail: { notify: body.notify, sendId: send?.id ?? null, sendAt, visibleFrom } });
    });
    sendPrivateJson(res, await adminPost(ctx.db, auth.org.id, req.params.id as string));
  });

  // Off the board at once (residents' lists read the status); sends not yet run are cancelled.
  router.post('/posts/:id/unpublish', manager, async (req, res) => {
    const auth = authOf(res);
    await ctx.db.transaction(async (trx) => {
      const row = await postOf(trx, auth.org.id, req.params.id as string, true);
      const now = ctx.clock().toISOString();
      const updated = await trx('posts').where({ id: row.id, status: 'published' }).update({ status: 'unpublished', unpublished_at: now, updated_at: now });
      if (updated !== 1) throw conflict('post_not_published', 'The notice is not published.');
      const cancelled = await cancelPendingSends(trx, ctx, row.id);
      await audit(trx, ctx, { req, auth, action: 'post.unpublished', entityType: 'post', entityId: row.id, detail: { cancelledSends: cancelled } });
    });
    sendPrivateJson(res, await adminPost(ctx.db, auth.org.id, req.params.id as string));
  });

  router.post('/posts/:id/sends/:sendId/cancel', manager, async (req, res) => {
    const auth = authOf(res);
    await ctx.db.transaction(async (trx) => {
      const row = await postOf(trx, auth.org.id, req.params.id as string);
      const send = await trx('post_sends').where({ id: req.params.sendId as string, post_id: row.id }).first('id');
      if (!send) throw notFound();
      if (!(await cancelSend(trx, ctx, row.id, send.id))) throw conflict('send_done', 'The send has run or was cancelled already.');
      await audit(trx, ctx, { req, auth, action: 'post.send_cancelled', entityType: 'post_send', entityId: send.id, detail: { postId: row.id } });
    });
    sendPrivateJson(res, await adminPost(ctx.db, auth.org.id, req.params.id as string));
  });

  router.get('/posts/:id/stats', manager, async (req, res) => {
    const auth = authOf(res);
    const row = await postOf(ctx.read, auth.org.id, req.params.id as string);
    sendPrivateJson(res, await postStats(ctx.read, ctx.clock(), auth.org.id, row, dayOf(auth.org.timeZone)));
  });

  // At most once in 7 days, only while shown; goes out at once (its job is due now) to those not done with it.
  router.post('/posts/:id/remind', manager, async (req, res) => {
    const auth = authOf(res);
    const day = dayOf(auth.org.timeZone);
    const send = await ctx.db.transaction(async (trx) => {
      const row = await postOf(trx, auth.org.id, req.params.id as string, true);
      if (!shownOn(row, day)) throw conflict('post_not_shown', 'Only a published notice inside its display window can be reminded of.');
      const now = ctx.clock();
      const earliest = now.getTime() - reminderDays * 86_400_000;
      const tooSoon = () => {
        const wait = Math.max(1, Math.ceil((Date.parse(row.reminded_at!) - earliest) / 1000));
        return conflict('reminder_too_soon', `A reminder went out on ${row.reminded_at}; the next one may go ${reminderDays} days after it.`, { 'Retry-After': String(wait) });
      };
      if (row.reminded_at !== null && Date.parse(row.reminded_at) > earliest) throw tooSoon();
      const updated = await trx('posts')
        .where({ id: row.id })
        .where((w) => w.whereNull('reminded_at').orWhere('reminded_at', '<=', new Date(earliest).toISOString()))
        .update({ reminded_at: now.toISOString() });
      if (updated !== 1) throw tooSoon();
      const created = await createSend(trx, ctx, { organizationId: auth.org.id, postId: row.id, revision: row.revision, reason: 'reminder', mode: 'now', sendAt: now.toISOString(), createdBy: auth.user.id });
      await audit(trx, ctx, { req, auth, action: 'post.reminded', entityType: 'post', entityId: row.id, detail: { sendId: created.id, revision: row.revision } });
      return created;
    });
    res.status(201);
    sendPrivateJson(res, sendJson(send));
  });

  return router;
}

/**
 * PostStats of the notice `post`: the persons its audience reaches `today` (by name), and of them who was mailed
 * about its current revision (the latest mail of a send of that revision), saw, opened and acknowledged it
 * (post_reads of that revision). The counts are over those persons. `nextReminderAt`: 7 days after the last reminder,
 * while that lies ahead of `now`.
 */
export async function postStats(db: Db, now: Date, organizationId: string, post: PostRow, today: string): Promise<PostStats> {
  const revision = Number(post.revision);
  const persons = await postAudiencePersons(db, organizationId, await postAudience(db, post.id), today);
  const reads = new Map(
    ((await db('post_reads').where({ post_id: post.id, revision }).select('person_id', 'first_seen_at', 'opened_at', 'acknowledged_at')) as {
      person_id: string;
      first_seen_at: string | null;
      opened_at: string | null;
      acknowledged_at: string | null;
    }[]).map((r) => [r.person_id, r]),
  );
  const mailed = new Map(
    ((await db('notifications as n')
      .join('post_sends as s', 's.id', 'n.entity_id')
      .where({ 's.post_id': post.id, 's.revision': revision, 'n.organization_id': organizationId })
      .whereIn('n.kind', ['post', 'post_reminder'])
      .whereNotNull('n.mailed_at')
      .groupBy('n.person_id')
      .select('n.person_id')
      .max({ at: 'n.mailed_at' })) as { person_id: string; at: string }[]).map((r) => [r.person_id, r.at]),
  );
  const list: PostStatsPerson[] = persons.map((p) => {
    const read = reads.get(p.id);
    return { id: p.id, name: p.name, hasLogin: p.hasLogin, units: p.units, notifiedAt: mailed.get(p.id) ?? null, seenAt: read?.first_seen_at ?? null, openedAt: read?.opened_at ?? null, acknowledgedAt: read?.acknowledged_at ?? null };
  });
  const next = post.reminded_at === null ? null : new Date(Date.parse(post.reminded_at) + reminderDays * 86_400_000);
  return {
    revision,
    requiresAck: bool(post.requires_ack),
    recipients: list.length,
    notified: list.filter((p) => p.notifiedAt !== null).length,
    seen: list.filter((p) => p.seenAt !== null).length,
    opened: list.filter((p) => p.openedAt !== null).length,
    acknowledged: list.filter((p) => p.acknowledgedAt !== null).length,
    remindedAt: post.reminded_at,
    nextReminderAt: next !== null && next > now ? next.toISOString() : null,
    persons: list,
  };
}
