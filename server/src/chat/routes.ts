import { Router, type NextFunction, type Request, type Response } from 'express';
import type { ChatConversationList, ChatRequest } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf, requireUser, type Auth } from '../auth/middleware.ts';
import { claimAttempt, type Limit } from '../auth/rate-limit.ts';
import { clientIp, rateLimited } from '../auth/session-routes.ts';
import { sendPrivateJson } from '../http/params.ts';
import { HttpProblem } from '../http/problems.ts';
import { chatReply, checkFeature } from './service.ts';
import { myConversations } from './store.ts';
import type { ChatLang } from './types.ts';

/** Messages per minute: 30 per signed-in user (a preview counts apart from its person), 20 per client address signed out. */
const chatLimits = (auth: Auth | null, req: Request): Limit[] =>
  auth ? [{ key: `chat-user:${auth.preview?.id ?? auth.user.id}`, max: 30, windowSeconds: 60 }] : [{ key: `chat-ip:${clientIp(req)}`, max: 20, windowSeconds: 60 }];

/** Authenticates when a bearer token is sent (401 if it is not valid), else lets the visitor through signed out. */
const optionalUser = (ctx: Ctx) => {
  const guard = requireUser(ctx);
  return (req: Request, res: Response, next: NextFunction) => (req.get('authorization') ? guard(req, res, next) : next());
};

const unknownOrg = () => new HttpProblem(404, 'unknown_organization', 'There is no such organization.', { errors: [{ field: '/org', code: 'unknown', message: 'unknown organization' }] });
const orgMissing = () => new HttpProblem(400, 'validation_failed', 'Name the organization when not signed in.', { errors: [{ field: '/org', code: 'required', message: 'required when not signed in' }] });

/**
 * Routes of the chat bot, mounted at /api (openapi.yaml tag `chat`):
 * - POST /chat/messages: ChatRequest → ChatReply (chat/service.ts); signed in or, with `org`, signed out; 429
 *   `rate_limited` with Retry-After beyond 30 messages a minute per user (20 per address signed out).
 * - GET /chat/conversations: my conversations of the retention period (DSGVO Art. 15).
 */
export function chatRoutes(ctx: Ctx): Router {
  const router = Router();

  router.post('/chat/messages', optionalUser(ctx), async (req, res) => {
    const body = req.body as ChatRequest;
    const auth = (res.locals.auth as Auth | undefined) ?? null;
    if (auth && body.org !== undefined && body.org !== auth.org.slug) throw unknownOrg();
    if (!auth && body.org === undefined) throw orgMissing();
    const org = auth?.org ?? (await ctx.orgs.bySlug(body.org!));
    if (!org) throw unknownOrg();
    checkFeature(org, auth);
    const attempt = await claimAttempt(ctx, chatLimits(auth, req));
    if (attempt.wait > 0) throw rateLimited(attempt.wait);
    const lang: ChatLang = body.lang ?? auth?.user.locale ?? 'de';
    sendPrivateJson(res, await chatReply(ctx, req, { org, auth, lang }, body));
  });

  router.get('/chat/conversations', requireUser(ctx), async (_req, res) => {
    const auth = authOf(res);
    const body: ChatConversationList = { items: await myConversations(ctx.read, auth, ctx.clock(), ctx.config.chatRetentionDays) };
    sendPrivateJson(res, body);
  });

  return router;
}
