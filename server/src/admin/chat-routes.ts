import { Router } from 'express';
import type { ChatUnansweredList } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { ChatLang } from '../chat/types.ts';
import { authOf } from '../auth/middleware.ts';
import { idParam, sendPrivateJson } from '../http/params.ts';
import { unansweredGroups } from '../chat/unanswered.ts';
import { requireManager } from './guard.ts';

/**
 * GET /admin/chat/unanswered?lang: the questions the chat bot could not answer in the last 90 days, redacted and
 * grouped by similarity, largest group first (chat/unanswered.ts). Managers of the session's organization only.
 */
export function chatAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  router.get('/chat/unanswered', requireManager(ctx), async (req, res) => {
    const auth = authOf(res);
    const body: ChatUnansweredList = { items: await unansweredGroups(ctx.read, auth.org.id, idParam(req, 'lang') as ChatLang | undefined, ctx.clock()) };
    sendPrivateJson(res, body);
  });
  return router;
}
