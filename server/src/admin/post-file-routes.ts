import { Router } from 'express';
import type { Ctx } from '../context.ts';
import { authOf } from '../auth/middleware.ts';
import { notFound, sendPrivateJson } from '../http/params.ts';
import { acceptedFile, multipart, multipartFields } from '../http/upload.ts';
import { postOf } from '../posts/write.ts';
import { deletePostFiles, maxPostFiles, preparePostFile, storePostFile, tooManyPostFiles, type PostFileRow } from '../posts/files.ts';
import { requireManager } from './guard.ts';
import { audit } from './audit.ts';
import { adminPost } from './post-view.ts';

/**
 * Manager API: POST /admin/posts/{id}/files (multipart, one file in the part `file`: sniffed, images re-encoded
 * without metadata, at most 5 per notice: 413 `too_many_files`, over HP_UPLOAD_MAX_BYTES 413, other types 415) and
 * DELETE /admin/posts/{id}/files/{fileId} (the attachment's id as AdminPost lists it). Attachments may change in any
 * status; each change is one transaction with its audit row (post.file_added, post.file_removed) and counts as an
 * edit of the notice (`updated_at`), never as a new revision.
 */
export function postFileAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);
  const uploadFields = multipartFields('PostFileUpload');

  router.post('/posts/:id/files', manager, multipart({ files: ['file'], maxFileBytes: ctx.config.uploadMaxBytes }), async (req, res) => {
    const auth = authOf(res);
    uploadFields(req);
    const id = req.params.id as string;
    // Cheap checks first, the image work outside the transaction, the count again inside it (uploads at once).
    const count = async (db: typeof ctx.db) => Number(((await db('post_files').where({ post_id: id }).count({ n: '*' }).first()) as { n: number | string }).n);
    await postOf(ctx.read, auth.org.id, id);
    if ((await count(ctx.read)) >= maxPostFiles) throw tooManyPostFiles();
    const { file, mime } = await acceptedFile(req, 'file');
    const prepared = await preparePostFile(file, mime);
    await ctx.db.transaction(async (trx) => {
      const post = await postOf(trx, auth.org.id, id, true);
      if ((await count(trx)) >= maxPostFiles) throw tooManyPostFiles();
      const fileId = await storePostFile(trx, ctx, auth.org.id, post.id, prepared);
      await trx('posts').where({ id: post.id }).update({ updated_at: ctx.clock().toISOString() });
      await audit(trx, ctx, { req, auth, action: 'post.file_added', entityType: 'post', entityId: post.id, detail: { fileId, name: prepared.name, mime: prepared.mime, size: prepared.bytes.length } });
    });
    res.status(201);
    sendPrivateJson(res, await adminPost(ctx.db, auth.org.id, id));
  });

  router.delete('/posts/:id/files/:fileId', manager, async (req, res) => {
    const auth = authOf(res);
    await ctx.db.transaction(async (trx) => {
      const post = await postOf(trx, auth.org.id, req.params.id as string, true);
      const row = (await trx('post_files').where({ id: req.params.fileId as string, post_id: post.id }).first('id', 'file_id', 'thumb_file_id', 'name')) as (PostFileRow & { name: string }) | undefined;
      if (!row) throw notFound();
      await deletePostFiles(trx, [row]);
      await trx('posts').where({ id: post.id }).update({ updated_at: ctx.clock().toISOString() });
      await audit(trx, ctx, { req, auth, action: 'post.file_removed', entityType: 'post', entityId: post.id, detail: { fileId: row.id, name: row.name } });
    });
    res.status(204).end();
  });

  return router;
}
