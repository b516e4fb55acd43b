// In-memory sessions of the mock API: which access token belongs to which user.
import type { AuthResult, Me } from '@hausportal/api';

const byToken = new Map<string, Me>();
let counter = 0;

/** Issues an access token for `user` and remembers the user behind it. */
export function issue(user: Me): AuthResult {
  counter += 1;
  const accessToken = `demo.${user.username}.${Date.now().toString(36)}${counter}`;
  byToken.set(accessToken, structuredClone(user));
  return { accessToken, tokenType: 'Bearer', expiresIn: 300, user: structuredClone(user) };
}

function tokenOf(request: Request): string | null {
  const header = request.headers.get('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** The user whose access token the request carries, or null. */
export function userOf(request: Request): Me | null {
  const token = tokenOf(request);
  return token ? (byToken.get(token) ?? null) : null;
}

/** Replaces the stored user of the request's token. */
export function update(request: Request, user: Me): Me {
  const token = tokenOf(request);
  if (token && byToken.has(token)) byToken.set(token, user);
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
