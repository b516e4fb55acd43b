import { Router, type Request, type Response } from 'express';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { authOf, requireUser } from '../auth/middleware.ts';
import { sendStoredFile, type StoredDownload } from '../http/download.ts';
import { notFound } from '../http/params.ts';
import { withExtension } from './photos.ts';

// Ticket attachments as downloads: the stored bytes (photos already without metadata) or their JPEG preview, with
// the type sniffed at upload, the uploader's UTF-8 name (RFC 6266 / 5987), `nosniff` and no caching by shared caches.
// Photos a browser can show are sent `inline`, everything else (PDF, a HEIC kept as it came) as `attachment`.

/** Types shown in the browser (`inline`); all else is offered for saving. */
const inlineTypes: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** Which ticket files a request may read: the ticket's organization, and whether internal files count. */
export interface TicketFileScope {
  organizationId: string;
  ticketId: string;
  fileId: string;
  /** Residents: only public files; staff: any. */
  publicOnly: boolean;
}

/**
 * Sends the ticket file (`size=thumb`: its preview) when it belongs to the ticket, the ticket to the organization and,
 * for `publicOnly`, it is public; 404 otherwise (also for a preview that does not exist).
 */
export async function sendTicketFile(db: Db, req: Request, res: Response, scope: TicketFileScope): Promise<void> {
  const thumb = req.query.size === 'thumb';
  const q = db('ticket_files as tf')
    .join('tickets as t', 't.id', 'tf.ticket_id')
    .join('files as f', 'f.id', thumb ? 'tf.thumb_file_id' : 'tf.file_id')
    .where({ 'tf.id': scope.fileId, 'tf.ticket_id': scope.ticketId, 't.organization_id': scope.organizationId })
    .first('tf.name', 'f.mime', 'f.size', 'f.bytes');
  if (scope.publicOnly) q.where('tf.visibility', 'public');
  const row = (await q) as StoredDownload | undefined;
  if (!row) throw notFound();
  sendStoredFile(res, { ...row, name: thumb ? withExtension(row.name, '.jpg') : row.name }, inlineTypes);
}

/** GET /tickets/{id}/files/{fileId}: a public file of a ticket the session's person follows (reporter or affected). */
export function ticketFileRoutes(ctx: Ctx): Router {
  const router = Router();
  router.get('/tickets/:id/files/:fileId', requireUser(ctx), async (req, res) => {
    const auth = authOf(res);
    const ticketId = req.params.id as string;
    const personId = auth.member.person_id;
    const follows = personId ? await ctx.read('ticket_participants').where({ ticket_id: ticketId, person_id: personId }).first('kind') : undefined;
    if (!follows) throw notFound();
    await sendTicketFile(ctx.read, req, res, { organizationId: auth.org.id, ticketId, fileId: req.params.fileId as string, publicOnly: true });
  });
  return router;
}
