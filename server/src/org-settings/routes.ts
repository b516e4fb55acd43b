import { Router } from 'express';
import type { AdminPropertyContacts } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf } from '../auth/middleware.ts';
import { sendPrivateJson } from '../http/params.ts';
import { requireManager } from '../admin/guard.ts';
import { listProperties, readContacts, replaceContacts } from './contacts.ts';
import { requestActor } from './service.ts';

/**
 * The manager API of the properties' contact persons (openapi.yaml AdminPropertyContacts): GET /admin/properties (the
 * organization's properties by name), GET and PUT /admin/properties/{id}/contacts (read; replace all in one
 * transaction, audited as `property.contacts_updated`). Managers of the organization only; another organization's
 * property answers 404 like an unknown id.
 */
export function propertyContactAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);

  router.get('/properties', manager, async (_req, res) => {
    sendPrivateJson(res, await listProperties(ctx.read, authOf(res).org.id));
  });

  router.get('/properties/:id/contacts', manager, async (req, res) => {
    sendPrivateJson(res, await readContacts(ctx.read, authOf(res).org.id, req.params.id as string));
  });

  router.put('/properties/:id/contacts', manager, async (req, res) => {
    const auth = authOf(res);
    sendPrivateJson(res, await replaceContacts(ctx.db, ctx, auth.org.id, req.params.id as string, req.body as AdminPropertyContacts, requestActor(req, auth)));
  });

  return router;
}
