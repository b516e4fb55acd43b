import type { Me, NotifyMode, PendingAction, Role } from '@hausportal/api';
import { bool, type Db } from '../db.ts';
import type { Organization } from '../organizations.ts';

export interface UserRow {
  id: string;
  email: string;
  username: string;
  password_hash: string | null;
  status: 'invited' | 'active' | 'locked';
  must_change_password: unknown;
  locale: 'de' | 'en';
  /** How the person wants to hear of new documents and notices: immediate | digest | none (migration 008). */
  notify_mode: NotifyMode;
  phone: string | null;
  birth_date: string | null;
}

export interface MembershipRow {
  id: string;
  user_id: string;
  organization_id: string;
  role: Role;
  person_id: string | null;
  terms_version: string | null;
  terms_accepted_at: string | null;
}

/** Finds a user by email or user name (both stored in lower case). */
export async function userByLogin(db: Db, login: string): Promise<UserRow | null> {
  const name = login.trim().toLowerCase();
  const row = await db('users').where({ email: name }).orWhere({ username: name }).first();
  return (row as UserRow) ?? null;
}

export async function userById(db: Db, id: string): Promise<UserRow | null> {
  return ((await db('users').where({ id }).first()) as UserRow) ?? null;
}

export async function membership(db: Db, userId: string, organizationId: string): Promise<MembershipRow | null> {
  return ((await db('memberships').where({ user_id: userId, organization_id: organizationId }).first()) as MembershipRow) ?? null;
}

export function pendingActions(user: UserRow, member: MembershipRow, org: Organization): PendingAction[] {
  const actions: PendingAction[] = [];
  if (member.terms_version !== org.terms.version) actions.push('accept-terms');
  if (bool(user.must_change_password)) actions.push('change-password');
  return actions;
}

/** The user as seen inside one organization (the access token's audience). */
export async function buildMe(db: Db, user: UserRow, member: MembershipRow, org: Organization): Promise<Me> {
  const person = member.person_id ? await db('persons').where({ id: member.person_id }).first() : null;
  const memberships = await db('memberships as m')
    .join('organizations as o', 'o.id', 'm.organization_id')
    .where('m.user_id', user.id)
    .orderBy('o.name')
    .select('o.id', 'o.slug', 'o.name', 'o.digest_hour', 'm.role');
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    name: (person?.name as string | undefined) ?? user.username,
    address:
      person?.street && person.postal_code && person.city
        ? { street: person.street, postalCode: person.postal_code, city: person.city, country: person.country ?? 'AT' }
        : null,
    status: user.status,
    locale: user.locale,
    notifications: user.notify_mode,
    digestHour: Number(memberships.find((m: { id: string }) => m.id === org.id)?.digest_hour ?? 7),
    phone: user.phone ?? null,
    birthDate: user.birth_date ?? null,
    organization: org.slug,
    role: member.role,
    memberships: memberships.map((m: { slug: string; name: string; role: Role }) => ({ organization: m.slug, organizationName: m.name, role: m.role })),
    mustChangePassword: bool(user.must_change_password),
    termsAcceptedAt: member.terms_accepted_at ?? null,
    termsVersion: member.terms_version ?? null,
    pendingActions: pendingActions(user, member, org),
  };
}
