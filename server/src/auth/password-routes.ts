import { Router } from 'express';
import type { components } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { consumeCode, createCode, peekCode, resetCodeSeconds } from './codes.ts';
import { authOf, requireUser } from './middleware.ts';
import { hashPassword } from './password.ts';
import { currentPasswordOk } from './reauth.ts';
import { enforcePolicy } from './policy.ts';
import { claimAttempt, clearAttempts, loginLimits, resetLimits } from './rate-limit.ts';
import { revokeUserFamilies } from './sessions.ts';
import { HttpProblem } from '../http/problems.ts';
import { membership, userById } from './users.ts';
import { passwordChangedMail, resetMail } from './mails.ts';
import { clientIp, rateLimited } from './session-routes.ts';

type Schemas = components['schemas'];

const invalidCode = () =>
  new HttpProblem(422, 'invalid_code', 'The code is wrong, expired or already used.', { errors: [{ field: '/code', code: 'invalid_code', message: 'The code is not valid.' }] });


export function authPasswordRoutes(ctx: Ctx): Router {
  const router = Router();

  async function setPassword(userId: string, password: string, extra: Record<string, unknown> = {}): Promise<void> {
    const hash = await hashPassword(password);
    await ctx.db('users').where({ id: userId }).update({ password_hash: hash, must_change_password: false, updated_at: ctx.clock().toISOString(), ...extra });
  }

  router.post('/auth/password', requireUser(ctx, { allowPending: true, fresh: true }), async (req, res) => {
    const { user, org, claims } = authOf(res);
    const body = req.body as Schemas['PasswordChangeRequest'];
    if (!(await currentPasswordOk(ctx, req, user, body.currentPassword))) {
      throw new HttpProblem(422, 'wrong_password', 'The current password is wrong.', {
        errors: [{ field: '/currentPassword', code: 'wrong_password', message: 'The current password is wrong.' }],
      });
    }
    if (body.newPassword === body.currentPassword)
      throw new HttpProblem(422, 'password_policy', 'Choose a password different from the current one.', {
        errors: [{ field: '/newPassword', code: 'same_password', message: 'The new password equals the current one.' }],
      });
    enforcePolicy(org, body.newPassword, [user.username, user.email]);
    await setPassword(user.id, body.newPassword);
    await revokeUserFamilies(ctx, user.id, claims.sid);
    await ctx.mailer.send(passwordChangedMail(user.email, org, user.locale));
    res.status(204).end();
  });

  router.post('/auth/password-reset', async (req, res) => {
    const body = req.body as Schemas['PasswordResetRequest'];
    const limits = resetLimits(clientIp(req));
    const attempt = await claimAttempt(ctx, limits);
    if (attempt.wait > 0) throw rateLimited(attempt.wait);
    const org = await ctx.orgs.bySlug(body.organization);
    const user = org ? await ctx.read('users').where({ email: body.email.toLowerCase() }).first() : null;
    const member = user && org ? await membership(ctx.read, user.id, org.id) : null;
    if (org && user && member && user.status === 'active') {
      const code = await createCode(ctx, { userId: user.id, organizationId: org.id, purpose: 'reset', seconds: resetCodeSeconds });
      await ctx.mailer.send(resetMail(user.email, org, user.locale, code));
    }
    res.status(202).end();
  });

  router.post('/auth/password-reset/confirm', async (req, res) => {
    const body = req.body as Schemas['PasswordResetConfirm'];
    const found = await peekCode(ctx, body.code, 'reset');
    const user = found ? await userById(ctx.read, found.userId) : null;
    const org = found ? await ctx.orgs.byId(found.organizationId) : null;
    if (!found || !user || !org || user.status !== 'active') throw invalidCode();
    enforcePolicy(org, body.newPassword, [user.username, user.email]);
    if (!(await consumeCode(ctx, found.id))) throw invalidCode();
    await setPassword(user.id, body.newPassword);
    await revokeUserFamilies(ctx, user.id);
    await clearAttempts(ctx, loginLimits(user.id, '')[0]!.key);
    await ctx.mailer.send(passwordChangedMail(user.email, org, user.locale));
    res.status(204).end();
  });

  router.post('/auth/activate', async (req, res) => {
    const body = req.body as Schemas['ActivationRequest'];
    const found = await peekCode(ctx, body.code, 'activation');
    const user = found ? await userById(ctx.read, found.userId) : null;
    const org = found ? await ctx.orgs.byId(found.organizationId) : null;
    if (!found || !user || !org || user.status !== 'invited' || user.email !== body.email.toLowerCase()) throw invalidCode();
    enforcePolicy(org, body.newPassword, [user.username, user.email]);
    if (!(await consumeCode(ctx, found.id))) throw invalidCode();
    await setPassword(user.id, body.newPassword, { status: 'active' });
    res.status(204).end();
  });

  return router;
}
