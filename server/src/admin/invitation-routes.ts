import { Router, type Request, type Response } from 'express';
import type { InvitationCreate, PersonCreate } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf } from '../auth/middleware.ts';
import { sendPrivateJson } from '../http/params.ts';
import { requireManager } from './guard.ts';
import type { Actor } from './audit.ts';
import { createPerson, invitePerson } from './invitations.ts';
import { requestActor } from '../org-settings/service.ts';

/** The signed-in manager as the audit's actor: their user and client address (`req.ip`, HP_TRUST_PROXY). */
const actorOf = (req: Request, res: Response): Actor => requestActor(req, authOf(res));

/**
 * POST /admin/persons (PersonCreate → 201 AdminPerson) and POST /admin/invitations (InvitationCreate → 201 Invitation):
 * managers of the session's organization only (guard.ts; 401, 403 `manager_only`); a person of another organization
 * answers 404 like an unknown id; 409 `already_member`. Both audited with the manager as actor (admin/invitations.ts).
 */
export function invitationAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const manager = requireManager(ctx);

  router.post('/persons', manager, async (req, res) => {
    const person = await createPerson(ctx.db, ctx, authOf(res).org.id, req.body as PersonCreate, actorOf(req, res));
    res.status(201);
    sendPrivateJson(res, person);
  });

  router.post('/invitations', manager, async (req, res) => {
    const { invitation } = await invitePerson(ctx.db, ctx, authOf(res).org, req.body as InvitationCreate, actorOf(req, res));
    res.status(201);
    sendPrivateJson(res, invitation);
  });

  return router;
}
