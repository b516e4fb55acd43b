// State variants for stories. Each factory returns only the handlers that differ from the defaults; the defaults
// (./handlers.ts) are installed once in .storybook/preview.ts and stay active underneath, so variants combine:
//   parameters: { msw: { handlers: [...slow(800), ...loggedIn(ownerThomas)] } }
// The first matching handler wins, so put pass-through variants (slow) first.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { Me, PendingAction } from '@hausportal/api';
import { inOrganization, tenantMaria } from './data.js';
import { API, findUser } from './handlers.js';
import { problem, statusOf } from './problems.js';
import { issue, withPendingActions } from './sessions.js';

const everything = `${API}/*`;

async function organizationOf(request: Request): Promise<string | undefined> {
  try {
    const body = (await request.clone().json()) as { organization?: unknown };
    return typeof body.organization === 'string' ? body.organization : undefined;
  } catch {
    return undefined;
  }
}

/** The page opens with a valid refresh cookie: restore() logs `me` in (in the organization the client asks for). */
export function loggedIn(me: Me = tenantMaria): HttpHandler[] {
  return [
    http.post(`${API}/auth/refresh`, async ({ request }) => {
      const org = (await organizationOf(request)) ?? me.organization;
      return HttpResponse.json(issue(inOrganization(me, org)));
    }),
  ];
}

/**
 * Logging in (and, with `restored`, an existing session) yields a user who still has to do `actions`
 * (accept the terms, change the initial password) before using the portal.
 */
export function pendingActions(actions: PendingAction[], options: { me?: Me; restored?: boolean } = {}): HttpHandler[] {
  const me = withPendingActions(options.me ?? tenantMaria, actions);
  const login = http.post(`${API}/auth/login`, async ({ request }) => {
    const org = (await organizationOf(request)) ?? me.organization;
    return HttpResponse.json(issue(inOrganization(me, org)));
  });
  return options.restored ? [login, ...loggedIn(me)] : [login];
}

/**
 * Login answers with the problem `code`: `invalid_credentials` (401), `account_locked` (403),
 * `action_required` (403), `validation` (400), `rate_limited` (429), `internal` (500) or any other code (400).
 */
export function loginFails(code = 'invalid_credentials'): HttpHandler[] {
  return [
    http.post(`${API}/auth/login`, () => {
      if (code === 'rate_limited') return problem(code, { headers: { 'Retry-After': '60' } });
      if (code === 'validation') {
        return problem(code, { errors: [{ field: '/username', code: 'required', message: 'is required' }] });
      }
      return problem(code, { status: statusOf[code] ?? 400 });
    }),
  ];
}

/** Login, refresh and password reset answer 429 with Retry-After, as after too many failed attempts. */
export function rateLimited(retryAfterSeconds = 300): HttpHandler[] {
  const answer = () => problem('rate_limited', { headers: { 'Retry-After': String(retryAfterSeconds) } });
  return [
    http.post(`${API}/auth/login`, answer),
    http.post(`${API}/auth/password-reset`, answer),
  ];
}

/** Every API request fails at the network level (offline, DNS, CORS). */
export function networkDown(): HttpHandler[] {
  return [http.all(everything, () => HttpResponse.error())];
}

/** Every API request answers 500 with a problem body. */
export function serverError(): HttpHandler[] {
  return [http.all(everything, () => problem('internal', { status: 500 }))];
}

/** Every API request waits `ms` before the next handler answers; put it first. Use `Infinity` to never answer. */
export function slow(ms = 1500): HttpHandler[] {
  return [
    http.all(everything, async () => {
      await delay(ms);
      // No response: the next matching handler answers.
    }),
  ];
}

/** The organization slug is unknown: GET /organizations/{slug}/public answers 404. */
export function unknownOrganization(): HttpHandler[] {
  return [http.get(`${API}/organizations/:slug/public`, ({ params }) => problem('not_found', { detail: `No organization "${String(params.slug)}".` }))];
}

/** PATCH /me answers 409 because the new email address belongs to another account. */
export function emailTaken(): HttpHandler[] {
  return [
    http.patch(`${API}/me`, () =>
      problem('conflict', { detail: 'This email address is used by another account.', errors: [{ field: '/email', code: 'taken', message: 'is already in use' }] }),
    ),
  ];
}

/** POST /auth/password answers 422 because the current password is wrong. */
export function wrongCurrentPassword(): HttpHandler[] {
  return [
    http.post(`${API}/auth/password`, () =>
      problem('wrong_password', { errors: [{ field: '/currentPassword', code: 'wrong_password', message: 'is wrong' }] }),
    ),
  ];
}

/** The emailed reset code or the invitation code is invalid or expired (422). */
export function codeInvalid(): HttpHandler[] {
  const answer = () => problem('invalid_code', { errors: [{ field: '/code', code: 'invalid_code', message: 'is invalid or expired' }] });
  return [http.post(`${API}/auth/password-reset/confirm`, answer), http.post(`${API}/auth/activate`, answer)];
}

/** Looks up a demo user by user name or email, e.g. `user('tberger')`; throws for unknown names. */
export function user(login: string): Me {
  const found = findUser(login);
  if (!found) throw new Error(`No demo user "${login}".`);
  return found;
}
