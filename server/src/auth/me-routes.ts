import { Router } from 'express';
import type { MePatch } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { authOf, requireUser } from './middleware.ts';
import { HttpProblem } from '../http/problems.ts';
import { today } from '../calendar.ts';
import { buildMe, membership, userById } from './users.ts';
import { afterEmailChange, confirmWithPassword } from './email-change.ts';
import { previewMe } from '../preview/sessions.ts';

const emailTaken = () =>
  new HttpProblem(409, 'email_taken', 'This email address is already in use.', {
    errors: [{ field: '/email', code: 'email_taken', message: 'This email address is already in use.' }],
  });

export function meRoutes(ctx: Ctx): Router {
  const router = Router();

  router.get('/me', requireUser(ctx, { allowPending: true, fresh: true }), async (_req, res) => {
    const auth = authOf(res);
    const { user, member, org, preview } = auth;
    res.json(preview ? await previewMe(ctx, { ...auth, preview }) : await buildMe(ctx.read, user, member, org));
  });

  router.patch('/me', requireUser(ctx, { fresh: true }), async (req, res) => {
    const { user, org, claims } = authOf(res);
    const body = req.body as MePatch;
    const update: Record<string, unknown> = {};
    const email = body.email?.toLowerCase();
    const emailChanges = email !== undefined && email !== user.email;
    if (emailChanges) {
      // Checked first, so that without the password not even "address taken" is told.
      await confirmWithPassword(ctx, req, user, body.currentPassword);
      const other = await ctx.read('users').whereNot({ id: user.id }).andWhere((q) => q.where({ email }).orWhere({ username: email })).first('id');
      if (other) throw emailTaken();
      update.email = email;
    }
    if (body.phone !== undefined) update.phone = body.phone === null || body.phone.trim() === '' ? null : body.phone.trim();
    if (body.birthDate !== undefined) {
      if (body.birthDate !== null && body.birthDate > today(ctx.clock, org.timeZone))
        throw new HttpProblem(400, 'validation_failed', 'The birth date lies in the future.', { errors: [{ field: '/birthDate', code: 'future', message: 'The birth date lies in the future.' }] });
      update.birth_date = body.birthDate;
    }
    if (body.notifications !== undefined) {
      update.notify_mode = body.notifications;
      // Kept in step for readers of the older yes/no column.
      update.notify_email = body.notifications !== 'none';
    }
    if (body.locale !== undefined) update.locale = body.locale;
    update.updated_at = ctx.clock().toISOString();
    try {
      await ctx.db('users').where({ id: user.id }).update(update);
    } catch (err) {
      // A concurrent change took the address between the check and the update.
      if (/unique|duplicate/i.test((err as Error).message)) throw emailTaken();
      throw err;
    }
    const fresh = (await userById(ctx.read, user.id))!;
    if (emailChanges) await afterEmailChange(ctx, user, fresh, org, claims.sid);
    res.json(await buildMe(ctx.read, fresh, (await membership(ctx.read, user.id, org.id))!, org));
  });

  router.post('/me/terms', requireUser(ctx, { allowPending: true, fresh: true }), async (req, res) => {
    const { user, member, org } = authOf(res);
    const { version } = req.body as { version: string };
    if (version !== org.terms.version)
      throw new HttpProblem(409, 'terms_version_mismatch', `The current terms have version ${org.terms.version}.`, {
        errors: [{ field: '/version', code: 'terms_version_mismatch', message: 'Not the current version.' }],
      });
    await ctx.db('memberships').where({ id: member.id }).update({ terms_version: version, terms_accepted_at: ctx.clock().toISOString() });
    res.json(await buildMe(ctx.read, user, (await membership(ctx.read, user.id, org.id))!, org));
  });

  return router;
}
