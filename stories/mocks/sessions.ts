// In-memory sessions of the mock API: which access token belongs to which user, and the password they used.
import type { AuthResult, Me } from '@hausportal/api';
import { demoPasswords } from './data.js';

interface MockSession {
  user: Me;
  password: string | undefined;
}

const byToken = new Map<string, MockSession>();
let counter = 0;

/** Issues an access token for `user`; `password` is what a later password change must name as the current one. */
export function issue(user: Me, password = demoPasswords[user.username]): AuthResult {
  counter += 1;
  const accessToken = `demo.${user.username}.${Date.now().toString(36)}${counter}`;
  byToken.set(accessToken, { user: structuredClone(user), password });
  return { accessToken, tokenType: 'Bearer', expiresIn: 300, user: structuredClone(user) };
}

/** The Bearer token of the request, or null without an Authorization header. */
export function tokenOf(request: Request): string | null {
  const header = request.headers.get('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** The session whose access token the request carries, or null. */
export function sessionOf(request: Request): MockSession | null {
  const token = tokenOf(request);
  const session = token ? byToken.get(token) : undefined;
  return session ? { user: structuredClone(session.user), password: session.password } : null;
}

/** Replaces the stored user (and password) of the request's token; returns a copy of the user. */
export function update(request: Request, user: Me, password?: string): Me {
  const token = tokenOf(request);
  const session = token ? byToken.get(token) : undefined;
  if (token && session) byToken.set(token, { user: structuredClone(user), password: password ?? session.password });
  return structuredClone(user);
}

/** Forgets the request's token (logout). */
export function revoke(request: Request): void {
  const token = tokenOf(request);
  if (token) byToken.delete(token);
}

/** `me` with the given pending actions and matching flags. */
export function withPendingActions(me: Me, actions: Me['pendingActions']): Me {
  return {
    ...me,
    pendingActions: [...actions],
    mustChangePassword: actions.includes('change-password'),
    termsAcceptedAt: actions.includes('accept-terms') ? null : me.termsAcceptedAt,
    termsVersion: actions.includes('accept-terms') ? null : me.termsVersion,
  };
}
