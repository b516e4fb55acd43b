import { Router } from 'express';
import type { Ctx } from '../context.ts';
import { authOf, requireUser } from '../auth/middleware.ts';
import { today } from '../calendar.ts';
import { viewerOf } from '../documents/queries.ts';
import { sendStoredFile, type StoredDownload } from '../http/download.ts';
import { notFound } from '../http/params.ts';
import { withExtension } from '../tickets/photos.ts';
import { visiblePostIds } from '../access/posts.ts';
import { shownImageTypes } from './files.ts';

// Attachments of my notices as downloads: the stored bytes (images already re-encoded without metadata on upload),
// or with `size=thumb` their JPEG preview, with the type sniffed at upload, the uploader's UTF-8 name (RFC 6266 /
// RFC 5987), `nosniff` and no caching by shared caches. Images a browser shows are sent `inline` (the notice shows
// them), everything else as `attachment`. Whether the notice is mine is checked in the query that reads the bytes
// (access/posts.ts `visiblePostIds`), so an unpublished or expired notice's files are gone at once; anything not mine
// answers 404 like an unknown id.

/** GET /posts/{id}/files/{fileId}[?size=thumb]: an attachment of one of my notices today (see above). */
export function postFileRoutes(ctx: Ctx): Router {
  const router = Router();
  router.get('/posts/:id/files/:fileId', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const personId = viewerOf(auth);
    if (personId === null) throw notFound();
    const thumb = req.query.size === 'thumb';
    const db = ctx.read;
    const file = (await db('post_files as pf')
      .join('files as f', 'f.id', thumb ? 'pf.thumb_file_id' : 'pf.file_id')
      .where({ 'pf.id': req.params.fileId as string, 'pf.post_id': req.params.id as string })
      .whereIn('pf.post_id', visiblePostIds(db, auth.org.id, personId, today(ctx.clock, auth.org.timeZone)))
      .first('pf.name', 'f.mime', 'f.size', 'f.bytes')) as StoredDownload | undefined;
    if (!file) throw notFound();
    sendStoredFile(res, { ...file, name: thumb ? withExtension(file.name, '.jpg') : file.name }, shownImageTypes);
  });
  return router;
}
