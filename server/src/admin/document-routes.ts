import { Router } from 'express';
import type { AdminDocumentPage } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf } from '../auth/middleware.ts';
import { today } from '../calendar.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { limitParam, sendPrivateJson } from '../http/params.ts';
import { newId } from '../ids.ts';
import { acceptedFile, lineProblem, multipart, multipartFields, storeFile } from '../http/upload.ts';
import { validationProblem, type ContractViolation } from '../http/problems.ts';
import { requireManager } from './guard.ts';
import { audit } from './audit.ts';
import { categoryOf, documentOf, documentsOf, type DocumentRow } from './scope.ts';
import { adminDocuments } from './document-view.ts';

interface UploadFields extends Record<string, unknown> {
  title: string;
  categoryId: string;
  documentDate: string;
  periodLabel?: string;
}

/** 400 naming `title` and `periodLabel` when they are not one line of text (upload.ts `lineProblem`). */
function checkLines(fields: UploadFields): void {
  const violations: ContractViolation[] = [];
  for (const [field, what] of [['title', 'The title'], ['periodLabel', 'The period label']] as const) {
    const problem = fields[field] === undefined ? null : lineProblem(fields[field], what);
    if (problem) violations.push({ field, keyword: '', message: problem });
  }
  if (violations.length > 0) throw validationProblem(violations.map((v) => v.message).join(' '), violations);
}

/**
 * POST /admin/documents (multipart upload), GET /admin/documents (newest first), GET and DELETE /admin/documents/{id}.
 * An unknown category, or one of another organization, answers 404 naming `categoryId`.
 */
export function documentAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);
  const uploadFields = multipartFields<UploadFields>('DocumentUpload');

  router.post('/documents', manager, multipart({ files: ['file'], maxFileBytes: ctx.config.uploadMaxBytes }), async (req, res) => {
    const auth = authOf(res);
    const fields = uploadFields(req);
    checkLines(fields);
    const { file, mime } = await acceptedFile(req, 'file');
    await categoryOf(ctx.read, auth.org.id, fields.categoryId, 'categoryId');
    const id = newId();
    await ctx.db.transaction(async (trx) => {
      const fileId = await storeFile(trx, ctx, { organizationId: auth.org.id, name: file.originalname, mime, bytes: file.buffer });
      await trx('documents').insert({
        id,
        organization_id: auth.org.id,
        category_id: fields.categoryId,
        file_id: fileId,
        title: fields.title,
        document_date: fields.documentDate,
        period_label: fields.periodLabel ?? null,
        source: 'upload',
        created_by: auth.user.id,
        created_at: ctx.clock().toISOString(),
      });
      await audit(trx, ctx, {
        req, auth, action: 'document.uploaded', entityType: 'document', entityId: id,
        detail: { title: fields.title, categoryId: fields.categoryId, fileId, fileName: file.originalname, mime, size: file.size },
      });
    });
    const row = await documentOf(ctx.read, auth.org.id, id);
    const [body] = await adminDocuments(ctx.read, auth.org.id, [row], today(ctx.clock, auth.org.timeZone));
    res.status(201);
    sendPrivateJson(res, body);
  });

  router.get('/documents', manager, async (req, res) => {
    const auth = authOf(res);
    const limit = limitParam(req);
    const cursor = decodeCursor(req.query.cursor, ['string', 'string']);
    const q = documentsOf(ctx.read, auth.org.id).orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(limit + 1);
    // Newest first: the rows before the cursor's (created_at, id).
    if (cursor) q.where((w) => w.where('d.created_at', '<', cursor[0]!).orWhere((same) => same.where('d.created_at', cursor[0]!).where('d.id', '<', cursor[1]!)));
    const rows = (await q) as DocumentRow[];
    const page = rows.slice(0, limit);
    const body: AdminDocumentPage = {
      items: await adminDocuments(ctx.read, auth.org.id, page, today(ctx.clock, auth.org.timeZone)),
      nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.created_at, page.at(-1)!.id]) : null,
    };
    sendPrivateJson(res, body);
  });

  router.get('/documents/:id', manager, async (req, res) => {
    const auth = authOf(res);
    const row = await documentOf(ctx.read, auth.org.id, req.params.id as string);
    const [body] = await adminDocuments(ctx.read, auth.org.id, [row], today(ctx.clock, auth.org.timeZone));
    sendPrivateJson(res, body);
  });

  // Withdrawn: nobody sees or downloads it any more; the row stays. A second withdrawal changes nothing.
  router.delete('/documents/:id', manager, async (req, res) => {
    const auth = authOf(res);
    await ctx.db.transaction(async (trx) => {
      const row = await documentOf(trx, auth.org.id, req.params.id as string);
      // Of two withdrawals at once, only the one that sets the time records it.
      const withdrawn = await trx('documents').where({ id: row.id }).whereNull('withdrawn_at').update({ withdrawn_at: ctx.clock().toISOString() });
      if (withdrawn === 0) return;
      await audit(trx, ctx, { req, auth, action: 'document.withdrawn', entityType: 'document', entityId: row.id, detail: { title: row.title } });
    });
    res.status(204).end();
  });

  return router;
}
