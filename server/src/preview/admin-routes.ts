import { Router } from 'express';
import type { PreviewSession, PreviewSessionCreate } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf } from '../auth/middleware.ts';
import { requireManager } from '../admin/guard.ts';
import { audit } from '../admin/audit.ts';
import { unknownIds } from '../admin/scope.ts';
import { notFound } from '../http/params.ts';
import { publicBase } from '../units/properties.ts';
import { endExpiredPreviews, endPreview, insertPreview, previewOf } from './sessions.ts';

/**
 * The portal page a preview opens (examples/portal.html, which takes the organization from `?org=`), below
 * HP_PUBLIC_URL or the request's origin.
 */
const portalPage = '/portal.html';

/**
 * The manager API of previews, mounted at /api/admin (managers of the session's organization only, admin/guard.ts):
 * - POST /preview-sessions {personId}: starts a 15-minute read-only preview as the person (preview/sessions.ts) and
 *   answers 201 PreviewSession with the single-use `code` and the `url` to open (`…/portal.html?org=<slug>#hp-preview=<code>`;
 *   the fragment never reaches a server log); audit `preview.started` with the person. 404 for a person of another
 *   organization or none. Previews of the organization found over by then are ended first (audit `preview.ended`).
 * - DELETE /preview-sessions/{id}: ends it at once, 204 also when it had ended; audit `preview.ended` with the person
 *   and this manager as the actor. 404 for an unknown id or another organization's.
 */
export function previewAdminRoutes(ctx: Ctx): Router {
  const router = Router();

  router.post('/preview-sessions', requireManager(ctx), async (req, res) => {
    const auth = authOf(res);
    const { personId } = req.body as PreviewSessionCreate;
    const person = (await ctx.read('persons').where({ id: personId, organization_id: auth.org.id }).first('id', 'name')) as { id: string; name: string } | undefined;
    if (!person) throw unknownIds('/personId', 'person');
    await endExpiredPreviews(ctx, auth.org.id, req.ip ?? null);
    const started = await ctx.db.transaction(async (trx) => {
      const preview = await insertPreview(trx, ctx, { organizationId: auth.org.id, managerUserId: auth.user.id, personId: person.id });
      await audit(trx, ctx, {
        req,
        auth,
        action: 'preview.started',
        entityType: 'preview_session',
        entityId: preview.id,
        detail: { personId: person.id, personName: person.name, expiresAt: preview.expiresAt },
      });
      return preview;
    });
    const body: PreviewSession = {
      id: started.id,
      code: started.code,
      url: `${publicBase(ctx, req)}${portalPage}?org=${encodeURIComponent(auth.org.slug)}#hp-preview=${started.code}`,
      expiresAt: started.expiresAt,
      person: { id: person.id, name: person.name },
    };
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(body);
  });

  router.delete('/preview-sessions/:id', requireManager(ctx), async (req, res) => {
    const auth = authOf(res);
    const row = await previewOf(ctx.db, auth.org.id, req.params.id as string);
    if (!row) throw notFound();
    await endPreview(ctx, row, { userId: auth.user.id, clientIp: req.ip ?? null });
    res.status(204).end();
  });

  return router;
}
