import { Router } from 'express';
import type { DocumentReceipt, DocumentReceipts, DocumentReleaseRule, ReleasePreview } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf } from '../auth/middleware.ts';
import { today } from '../calendar.ts';
import { notFound, sendPrivateJson } from '../http/params.ts';
import { personsReached, type ReachedPerson } from '../access/releases.ts';
import { requireManager } from './guard.ts';
import { audit } from './audit.ts';
import { categoryOf, documentOf } from './scope.ts';
import { releaseJson, releasesOf, specOf } from './document-view.ts';
import { releaseDocument } from './release-write.ts';
import { parseRule, requireTargetsOwned, withdrawnProblem } from './release-rule.ts';

/**
 * POST /admin/documents/{id}/releases (release by a rule, notify the persons reached), …/releases/preview (stores
 * nothing), DELETE …/releases/{releaseId} (revoke) and GET …/receipts (who may read it today, who saw and opened it).
 */
export function releaseAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);

  router.post('/documents/:id/releases', manager, async (req, res) => {
    const auth = authOf(res);
    const day = today(ctx.clock, auth.org.timeZone);
    const body = await ctx.db.transaction(async (trx) => {
      const document = await documentOf(trx, auth.org.id, req.params.id as string);
      if (document.withdrawn_at !== null) throw withdrawnProblem();
      const { spec, notify } = parseRule(req.body as DocumentReleaseRule, await categoryOf(trx, auth.org.id, document.category_id, 'categoryId'));
      await requireTargetsOwned(trx, auth.org.id, spec);
      const { release, reached } = await releaseDocument(trx, ctx, { req, auth, documentId: document.id, spec, notify, today: day });
      return releaseJson(release, reached);
    });
    res.status(201);
    sendPrivateJson(res, body);
  });

  router.post('/documents/:id/releases/preview', manager, async (req, res) => {
    const auth = authOf(res);
    const document = await documentOf(ctx.read, auth.org.id, req.params.id as string);
    // A preview shows what releasing would do; a withdrawn document cannot be released.
    if (document.withdrawn_at !== null) throw withdrawnProblem();
    const { spec } = parseRule(req.body as DocumentReleaseRule, await categoryOf(ctx.read, auth.org.id, document.category_id, 'categoryId'));
    await requireTargetsOwned(ctx.read, auth.org.id, spec);
    const persons = await personsReached(ctx.read, auth.org.id, spec, today(ctx.clock, auth.org.timeZone));
    const body: ReleasePreview = {
      count: persons.length,
      units: new Set(persons.flatMap((p) => p.unitIds)).size,
      persons: persons.map(({ id, name, hasLogin, units }) => ({ id, name, hasLogin, units })),
    };
    sendPrivateJson(res, body);
  });

  // Revoked: the next list or download by a person it reached no longer shows the document, unless another release
  // reaches them. Revoking a revoked release changes nothing.
  router.delete('/documents/:id/releases/:releaseId', manager, async (req, res) => {
    const auth = authOf(res);
    await ctx.db.transaction(async (trx) => {
      const document = await documentOf(trx, auth.org.id, req.params.id as string);
      const release = (await trx('document_releases').where({ id: req.params.releaseId as string, document_id: document.id }).first('id')) as { id: string } | undefined;
      if (!release) throw notFound();
      // Only the request that revokes it records it: of two at once, the second finds it revoked (on PostgreSQL it
      // waits for the first one's row lock, then updates nothing).
      const revoked = await trx('document_releases').where({ id: release.id }).whereNull('revoked_at').update({ revoked_at: ctx.clock().toISOString(), revoked_by: auth.user.id });
      if (revoked === 0) return;
      await audit(trx, ctx, { req, auth, action: 'document.release_revoked', entityType: 'document_release', entityId: release.id, detail: { documentId: document.id } });
    });
    res.status(204).end();
  });

  router.get('/documents/:id/receipts', manager, async (req, res) => {
    const auth = authOf(res);
    const document = await documentOf(ctx.read, auth.org.id, req.params.id as string);
    const day = today(ctx.clock, auth.org.timeZone);
    const live = document.withdrawn_at !== null ? [] : (await releasesOf(ctx.read, [document.id])).get(document.id)!.filter((r) => r.revoked_at === null);
    const mayRead = new Map<string, ReachedPerson>();
    for (const release of live) for (const person of await personsReached(ctx.read, auth.org.id, specOf(release), day)) mayRead.set(person.id, person);
    const reads = (await ctx.read('document_reads as r')
      .join('persons as p', 'p.id', 'r.person_id')
      .where('r.document_id', document.id)
      .select('r.person_id', 'p.name', 'r.first_seen_at', 'r.first_opened_at')) as { person_id: string; name: string; first_seen_at: string | null; first_opened_at: string | null }[];
    const items = new Map<string, DocumentReceipt>();
    for (const p of mayRead.values()) items.set(p.id, { personId: p.id, name: p.name, mayRead: true, seenAt: null, openedAt: null });
    for (const r of reads) {
      const item = items.get(r.person_id) ?? { personId: r.person_id, name: r.name, mayRead: false, seenAt: null, openedAt: null };
      items.set(r.person_id, { ...item, seenAt: r.first_seen_at, openedAt: r.first_opened_at });
    }
    const list = [...items.values()].sort((a, b) => a.name.localeCompare(b.name, 'de') || a.personId.localeCompare(b.personId));
    const body: DocumentReceipts = {
      recipients: mayRead.size,
      seen: list.filter((i) => i.seenAt !== null).length,
      opened: list.filter((i) => i.openedAt !== null).length,
      items: list,
    };
    sendPrivateJson(res, body);
  });

  return router;
}
