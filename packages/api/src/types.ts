import type { components, paths } from './schema.js';

export type { components, paths };
type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type MePatch = Schemas['MePatch'];
export type OrganizationPublic = Schemas['OrganizationPublic'];
export type PasswordPolicy = Schemas['PasswordPolicy'];
export type Theme = Schemas['Theme'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
export type AuthResult = Schemas['AuthResult'];
export type LoginRequest = Schemas['LoginRequest'];
export type Role = Schemas['Role'];
export type PendingAction = Schemas['PendingAction'];

/** Why the session changed: a login, a restored session after reload, a logout, or a refresh that failed. */
export type SessionChangeReason = 'login' | 'restore' | 'update' | 'logout' | 'expired';

export interface SessionChange {
  user: Me | null;
  reason: SessionChangeReason;
}
