import { operator } from '../admin/audit.ts';
import { createManager, createPerson, invitePerson } from '../admin/invitations.ts';
import type { Db } from '../db.ts';
import { HttpProblem } from '../http/problems.ts';
import type { Organization } from '../organizations.ts';
import { oneOf, optional, orgOption, required, UsageError, type Command, type Values } from './command.ts';

// `npm run admin -- manager create | person add | invite`: accounts for an organization (admin/invitations.ts, the
// services of POST /admin/persons and POST /admin/invitations).

const locales = ['de', 'en'] as const;

/** Where the activation mail can be read, and the code only when asked for with --show-code. */
function activationLines(email: string, expiresAt: string, code: string | null, showCode: boolean): string[] {
  if (code === null) return [`${email} has an active account already: the new access is there at the next sign-in (a notice is in the outbox).`];
  return [
    `The activation mail to ${email} is in the outbox (sent by SMTP in production; outside production read it at GET /api/dev/outbox?to=${email}).`,
    `The code is valid until ${expiresAt}.${showCode ? ` Activation code: ${code}` : ' (--show-code prints it.)'}`,
  ];
}

/** `manager create`: admin/invitations.ts `createManager`; the code is printed only with --show-code. */
export const managerCreate: Command = {
  name: 'manager create',
  summary: 'Sets up a manager account of an organization; the activation mail (code valid 14 days) goes to the outbox.',
  help: [
    '--org SLUG        the organization (required)',
    '--email ADDRESS   the manager\'s email, the login name (required)',
    '--name NAME       the manager\'s name (required)',
    '--locale de|en    language of the account (default de)',
    '--show-code       also print the activation code',
  ],
  options: { org: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' }, 'show-code': { type: 'boolean' } },
  fields: { '/email': '--email', '/name': '--name' },
  async run(values, cli) {
    const org = await orgOption(cli.db, values);
    const input = { email: required(values, 'email'), name: required(values, 'name'), locale: oneOf(optional(values, 'locale') ?? 'de', '--locale', locales) };
    const manager = await createManager(cli.db, cli, org, input, operator);
    const showCode = values['show-code'] === true;
    const text = [`Created manager ${manager.email} of ${org.slug} (user ${manager.userId}).`, ...activationLines(manager.email, manager.expiresAt, manager.code, showCode)].join('\n');
    return { text, json: { ...manager, code: showCode ? manager.code : undefined } };
  },
};

/** `person add`: admin/invitations.ts `createPerson` (POST /admin/persons). */
export const personAdd: Command = {
  name: 'person add',
  summary: 'Adds a person (a contact of the ERP) to an organization, to invite or to release documents to.',
  help: ['--org SLUG        the organization (required)', '--name NAME       the person\'s name (required)', '--email ADDRESS   the person\'s email'],
  options: { org: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } },
  fields: { '/name': '--name', '/email': '--email' },
  async run(values, cli) {
    const org = await orgOption(cli.db, values);
    const email = optional(values, 'email');
    const person = await createPerson(cli.db, cli, org.id, { name: required(values, 'name'), ...(email === undefined ? {} : { email }) }, operator);
    const text = `Added person ${person.name}${person.email ? ` <${person.email}>` : ''} to ${org.slug}: id ${person.id}.\nNext: npm run admin -- invite --org ${org.slug} --person ${person.email ?? person.id} --role tenant`;
    return { text, json: person };
  },
};

/** The person's id: `--person` itself, or the one person of the organization with that email. */
async function personIdOf(db: Db, org: Organization, person: string): Promise<string> {
  if (!person.includes('@')) return person;
  const rows = (await db('persons').where({ organization_id: org.id }).whereRaw('lower(email) = ?', [person.toLowerCase()]).select('id')) as { id: string }[];
  if (rows.length === 0) throw new UsageError('--person', `${org.slug} has no person with the email ${person} (add one with: person add).`);
  if (rows.length > 1) throw new UsageError('--person', `${org.slug} has ${rows.length} persons with the email ${person}; give the id instead.`);
  return rows[0]!.id;
}

/** `invite`: admin/invitations.ts `invitePerson` (POST /admin/invitations); `--person` by id or email. */
export const invite: Command = {
  name: 'invite',
  summary: 'Invites a person of an organization to the portal as tenant or owner; the activation mail goes to the outbox.',
  help: [
    '--org SLUG          the organization (required)',
    '--person ID|EMAIL   the person, by id or by email (required)',
    '--role tenant|owner the role in the portal (required)',
    '--email ADDRESS     the account\'s email instead of the person\'s',
    '--locale de|en      language of a new account (default de)',
    '--show-code         also print the activation code',
  ],
  options: { org: { type: 'string' }, person: { type: 'string' }, role: { type: 'string' }, email: { type: 'string' }, locale: { type: 'string' }, 'show-code': { type: 'boolean' } },
  fields: { '/personId': '--person', '/role': '--role', '/email': '--email', '/locale': '--locale' },
  async run(values: Values, cli) {
    const org = await orgOption(cli.db, values);
    const role = oneOf(required(values, 'role'), '--role', ['tenant', 'owner'] as const);
    const personId = await personIdOf(cli.db, org, required(values, 'person'));
    const email = optional(values, 'email');
    const locale = oneOf(optional(values, 'locale') ?? 'de', '--locale', locales);
    const { invitation, code } = await invitePerson(cli.db, cli, org, { personId, role, locale, ...(email === undefined ? {} : { email }) }, operator).catch((err: unknown) => {
      throw err instanceof HttpProblem && err.status === 404 ? new UsageError('--person', `${org.slug} has no person ${personId}.`) : err;
    });
    const showCode = values['show-code'] === true;
    const text = [`Invited ${invitation.email} (person ${invitation.personId}) to ${org.slug} as ${role}.`, ...activationLines(invitation.email, invitation.expiresAt, code, showCode)].join('\n');
    return { text, json: { ...invitation, code: showCode ? code : undefined } };
  },
};
