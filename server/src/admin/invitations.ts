import type { AdminPerson, Invitation, InvitationCreate, PersonCreate } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import type { Organization } from '../organizations.ts';
import type { Mail } from '../notifications/mail.ts';
import { newId } from '../ids.ts';
import { addSeconds } from '../clock.ts';
import { activationCodeSeconds, createCode } from '../auth/codes.ts';
import { invitationMail } from '../auth/mails.ts';
import { HttpProblem, notFoundProblem } from '../http/problems.ts';
import { contractViolations } from '../http/openapi-validate.ts';
import { oneLineProblem } from '../org-settings/rules.ts';
import { throwViolations } from '../organizations-admin.ts';
import { contractFile } from '../theme/input.ts';
import { recordAudit, type Actor } from './audit.ts';

// Persons and their portal accounts, for the manager API (POST /admin/persons, POST /admin/invitations) and the
// operator command (`npm run admin -- person add | invite | manager create`). Input is checked against the contract's
// schemas (PersonCreate, InvitationCreate, Email in packages/api/openapi.yaml) here as well, so the command applies the
// API's rules. An invitation works as the demo seed's (seed/demo.ts): a user with status `invited`, a membership with
// the role and the person, and a single-use activation code (auth/codes.ts) valid 14 days, mailed through the outbox
// in the same transaction (notifications/mail.ts `queue`) and handed to the transport after the commit.

/** What the services need of the app's context: the clock for every timestamp, the mailer for the outbox. */
export type InviteCtx = Pick<Ctx, 'clock' | 'mailer'>;

/** An invitation and its activation code in clear (null when the user is active already and needs none). */
export interface InvitationResult {
  invitation: Invitation;
  code: string | null;
}

/** A manager account just set up (`npm run admin -- manager create`). */
export interface ManagerResult {
  userId: string;
  personId: string;
  email: string;
  role: 'manager';
  /** When the activation code runs out (ISO 8601); the time of the write when the user was active already. */
  expiresAt: string;
  code: string | null;
}

/** 409 `already_member` (openapi.yaml POST /admin/invitations): one membership per user and organization, one account per person. */
export const alreadyMember = (): HttpProblem => new HttpProblem(409, 'already_member', 'This person (or the user with this email) has a portal account in this organization already.');

/** Sent instead of an invitation to a user who is active already: the new organization is there at the next sign-in. */
function accessMail(to: string, org: Organization, name: string): Mail {
  const text =
    `Guten Tag ${name},\n\n${org.name} hat Ihnen Zugang zum Kundenportal gegeben. Melden Sie sich mit Ihrer E-Mail-Adresse und ` +
    `Ihrem bisherigen Passwort an.\n\n---\n\nHello ${name},\n\n${org.name} gave you access to its customer portal. Sign in with your email ` +
    'address and your current password.\n';
  return { to, organizationId: org.id, subject: `${org.name}: Zugang zum Kundenportal / portal access`, text };
}

/** 400 `validation_failed` unless `value` matches the contract's `schema` (fields as JSON pointers). */
const checkContract = (schema: string, value: unknown, at = ''): void => throwViolations(contractViolations(contractFile, schema, value, at));

/** 400 for a name that is blank or has line breaks, also U+2028/U+2029 and C1 controls (the contract only bounds its length). */
function checkName(name: string, field = '/name'): void {
  const problem = oneLineProblem(name, 'The name');
  if (problem) throwViolations([{ field, keyword: 'line', message: problem }]);
}

/**
 * Adds a person (a contact of the ERP, no contracts yet) to organization `organizationId`; audited `person.created`.
 * `input` as openapi.yaml PersonCreate (name 1–200 characters on one line, optional email and address). Errors: 400
 * `validation_failed`.
 */
export async function createPerson(db: Db, ctx: Pick<Ctx, 'clock'>, organizationId: string, input: PersonCreate, actor: Actor): Promise<AdminPerson> {
  checkContract('PersonCreate', input);
  checkName(input.name);
  const id = newId(ctx.clock().getTime());
  const email = input.email ? input.email.toLowerCase() : null;
  const address = input.address;
  await db.transaction(async (trx) => {
    await trx('persons').insert({
      id,
      organization_id: organizationId,
      name: input.name,
      email,
      street: address?.street ?? null,
      postal_code: address?.postalCode ?? null,
      city: address?.city ?? null,
      country: address?.country ?? null,
      created_at: ctx.clock().toISOString(),
    });
    await recordAudit(trx, ctx, { organizationId, actor, action: 'person.created', entityType: 'person', entityId: id, detail: { name: input.name, email } });
  });
  return { id, name: input.name, email, hasLogin: false, contracts: [] };
}

interface Grant {
  personId: string;
  name: string;
  email: string;
  role: 'tenant' | 'owner' | 'manager';
  locale: 'de' | 'en';
}

/**
 * In `trx`: the user with `grant.email` (a new one with status `invited`, or the existing one), its membership in `org`
 * with the role and person, an activation code for an invited user, and the mail queued in the outbox. 409
 * `already_member` when the user is a member of the organization already.
 */
async function grantMembership(trx: Db, ctx: InviteCtx, org: Organization, grant: Grant): Promise<{ userId: string; newUser: boolean; code: string | null; expiresAt: string; mailId: string }> {
  const now = ctx.clock();
  const existing = (await trx('users').where({ email: grant.email }).first('id', 'status')) as { id: string; status: string } | undefined;
  if (existing && (await trx('memberships').where({ user_id: existing.id, organization_id: org.id }).first('id'))) throw alreadyMember();
  const userId = existing?.id ?? newId(now.getTime());
  if (!existing)
    await trx('users').insert({
      id: userId, email: grant.email, username: grant.email, password_hash: null, status: 'invited', must_change_password: false,
      locale: grant.locale, notify_email: true, created_at: now.toISOString(), updated_at: now.toISOString(),
    });
  await trx('memberships').insert({ id: newId(now.getTime()), user_id: userId, organization_id: org.id, role: grant.role, person_id: grant.personId, created_at: now.toISOString() });
  const invited = !existing || existing.status === 'invited';
  const code = invited ? await createCode({ db: trx, clock: ctx.clock }, { userId, organizationId: org.id, purpose: 'activation', seconds: activationCodeSeconds }) : null;
  const mail = code ? invitationMail(grant.email, org, grant.name, code) : accessMail(grant.email, org, grant.name);
  const mailId = await ctx.mailer.queue(mail, trx);
  const expiresAt = (code ? addSeconds(now, activationCodeSeconds) : now).toISOString();
  return { userId, newUser: !existing, code, expiresAt, mailId };
}

/**
 * Invites person `input.personId` of `org` to the portal with `input.role` (openapi.yaml InvitationCreate, POST
 * /admin/invitations): a new user with status `invited`, or the membership only for a user that already exists with
 * the email (`input.email`, else the person's; a person without one gets it). The activation mail (code valid 14 days)
 * is written to the outbox in the same transaction and sent after the commit; an active user gets a short notice
 * instead and `code` is null. Audited `invitation.created`.
 *
 * Errors: 400 `validation_failed` (no email at all, or input against the contract), 404 `not_found` (no such person in
 * `org`, also one of another organization), 409 `already_member`.
 */
export async function invitePerson(db: Db, ctx: InviteCtx, org: Organization, input: InvitationCreate, actor: Actor): Promise<InvitationResult> {
  checkContract('InvitationCreate', input);
  const result = await db.transaction(async (trx) => {
    const person = (await trx('persons').where({ id: input.personId, organization_id: org.id }).first('id', 'name', 'email')) as { id: string; name: string; email: string | null } | undefined;
    if (!person) throw notFoundProblem();
    const email = (input.email ?? person.email ?? '').toLowerCase();
    if (!email) throwViolations([{ field: '/email', keyword: 'required', message: 'The person has no email address; give one.' }]);
    if (await trx('memberships').where({ person_id: person.id, organization_id: org.id }).first('id')) throw alreadyMember();
    if (!person.email) await trx('persons').where({ id: person.id }).update({ email });
    const granted = await grantMembership(trx, ctx, org, { personId: person.id, name: person.name, email, role: input.role, locale: input.locale ?? 'de' });
    const detail = { userId: granted.userId, role: input.role, email, newUser: granted.newUser, activation: granted.code !== null };
    await recordAudit(trx, ctx, { organizationId: org.id, actor, action: 'invitation.created', entityType: 'person', entityId: person.id, detail });
    return { ...granted, personId: person.id, email };
  });
  await ctx.mailer.deliver([result.mailId]);
  return { invitation: { userId: result.userId, personId: result.personId, email: result.email, role: input.role, expiresAt: result.expiresAt }, code: result.code };
}

/**
 * Sets up a manager account of `org` (the operator command `manager create`): a person with the name and email (as
 * the demo's managers have one, so that `/me` shows the name), the user (status `invited`, or the existing one) and
 * the membership with the role `manager`; the activation mail (code valid 14 days) goes through the outbox. Audited
 * `manager.created`. Errors: 400 `validation_failed` (email against openapi.yaml Email, name 1–200 characters on one
 * line), 409 `already_member`.
 */
export async function createManager(db: Db, ctx: InviteCtx, org: Organization, input: { email: string; name: string; locale?: 'de' | 'en' }, actor: Actor): Promise<ManagerResult> {
  checkContract('Email', input.email, '/email');
  checkContract('PersonCreate', { name: input.name });
  checkName(input.name);
  const email = input.email.toLowerCase();
  const now = ctx.clock();
  const result = await db.transaction(async (trx) => {
    const personId = newId(now.getTime());
    await trx('persons').insert({ id: personId, organization_id: org.id, name: input.name, email, created_at: now.toISOString() });
    const granted = await grantMembership(trx, ctx, org, { personId, name: input.name, email, role: 'manager', locale: input.locale ?? 'de' });
    const detail = { personId, email, newUser: granted.newUser, activation: granted.code !== null };
    await recordAudit(trx, ctx, { organizationId: org.id, actor, action: 'manager.created', entityType: 'user', entityId: granted.userId, detail });
    return { ...granted, personId };
  });
  await ctx.mailer.deliver([result.mailId]);
  return { userId: result.userId, personId: result.personId, email, role: 'manager', expiresAt: result.expiresAt, code: result.code };
}
