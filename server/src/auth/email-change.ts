import type { Request } from 'express';
import type { Ctx } from '../context.ts';
import type { Organization } from '../organizations.ts';
import { HttpProblem } from '../http/problems.ts';
import { emailChangedMail } from './mails.ts';
import { currentPasswordOk } from './reauth.ts';
import { revokeUserFamilies } from './sessions.ts';
import type { UserRow } from './users.ts';

const passwordMissing = () =>
  new HttpProblem(400, 'validation_failed', 'Changing the email address needs the current password.', {
    errors: [{ field: '/currentPassword', code: 'required', message: 'Enter the current password to change the email address.' }],
  });

const passwordWrong = () =>
  new HttpProblem(403, 'wrong_password', 'The current password is wrong.', {
    errors: [{ field: '/currentPassword', code: 'wrong_password', message: 'The current password is wrong.' }],
  });

/**
 * The login name and the address password resets go to may only change with the current password: an access token
 * alone (a session left open, a stolen token) must not be enough to take the account over.
 */
export async function confirmWithPassword(ctx: Ctx, req: Request, user: UserRow, password: string | undefined): Promise<void> {
  if (!password) throw passwordMissing();
  if (!(await currentPasswordOk(ctx, req, user, password))) throw passwordWrong();
}

/** After the change: every other session ends, and the old address learns where its account went. */
export async function afterEmailChange(ctx: Ctx, before: UserRow, after: UserRow, org: Organization, keepFamilyId: string): Promise<void> {
  await revokeUserFamilies(ctx, before.id, keepFamilyId);
  await ctx.mailer.send(emailChangedMail(before.email, org, after.locale, after.email));
}
