import { Router } from 'express';
import type { Ctx } from '../context.ts';
import { settingsAdminRoutes } from './settings-routes.ts';
import { personsAdminRoutes } from './persons-routes.ts';
import { bulkAdminRoutes } from './bulk.ts';
import { documentAdminRoutes } from './document-routes.ts';
import { releaseAdminRoutes } from './release-routes.ts';
import { formAdminRoutes } from './form-routes.ts';
import { ticketCreateAdminRoutes } from './ticket-create-routes.ts';
import { ticketFileAdminRoutes } from './ticket-file-routes.ts';
import { ticketAdminRoutes } from './ticket-routes.ts';
import { postAdminRoutes } from './post-routes.ts';
import { postFileAdminRoutes } from './post-file-routes.ts';
import { faqAdminRoutes } from './faq-routes.ts';
import { chatAdminRoutes } from './chat-routes.ts';
import { invitationAdminRoutes } from './invitation-routes.ts';
import { themeAdminRoutes } from '../theme/routes.ts';
import { propertyContactAdminRoutes } from '../org-settings/routes.ts';
import { previewAdminRoutes } from '../preview/admin-routes.ts';

/**
 * The manager API under /api/admin: managers of the session's organization only (guard.ts: 403 for anyone else, 404
 * for another organization's ids), every write recorded in `audit_log` (audit.ts) in its own transaction.
 */
export function adminRoutes(ctx: Ctx): Router {
  const router = Router();
  // The bulk import before /documents/:id, so that "bulk" is never taken for an id.
  for (const routes of [settingsAdminRoutes, personsAdminRoutes, bulkAdminRoutes, documentAdminRoutes, releaseAdminRoutes, formAdminRoutes, ticketCreateAdminRoutes, ticketFileAdminRoutes, ticketAdminRoutes, postAdminRoutes, postFileAdminRoutes, faqAdminRoutes, chatAdminRoutes, invitationAdminRoutes, themeAdminRoutes, propertyContactAdminRoutes, previewAdminRoutes]) router.use(routes(ctx));
  return router;
}
