// State variants for stories. Each factory returns only the handlers that differ from the defaults; the defaults
// (./handlers.ts) are installed once in .storybook/preview.ts and stay active underneath, so variants combine:
//   parameters: { msw: { handlers: [...slow(800), ...loggedIn(ownerElisabeth)] } }
// The first matching handler wins, so put pass-through variants (slow) first.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { Me, PendingAction } from '@hausportal/api';
import { inOrganization, tenantKatharina, tenantThomas } from './data.js';
import { API, currentPasswordProblem, findUser } from './handlers.js';
import { problem } from './problems.js';
import { issue, sessionOf, withPendingActions } from './sessions.js';

const everything = `${API}/*`;

async function organizationOf(request: Request): Promise<string | undefined> {
  try {
    const body = (await request.clone().json()) as { organization?: unknown };
    return typeof body.organization === 'string' ? body.organization : undefined;
  } catch {
    return undefined;
  }
}

/** The demo user a variant uses when the story names none: a tenant of the organization the client asks for. */
function defaultUser(org: string | undefined): Me {
  return org === 'krueger' ? tenantThomas : tenantKatharina;
}

/** `me` (or the organization's demo tenant) as seen from `org`. */
function userFor(me: Me | undefined, org: string | undefined): Me {
  const user = me ?? defaultUser(org);
  return inOrganization(user, org ?? user.organization);
}

/**
 * The page opens with a valid refresh cookie: restore() logs `me` in, in the organization the client asks for
 * (without `me`: Katharina Huber at ImmoPro, Thomas Becker at Krüger).
 */
export function loggedIn(me?: Me): HttpHandler[] {
  return [
    http.post(`${API}/auth/refresh`, async ({ request }) => HttpResponse.json(issue(userFor(me, await organizationOf(request))))),
  ];
}

/**
 * Logging in with any user name and password (and, with `restored`, an existing session) yields a user who still
 * has to do `actions` (accept the terms, change the initial password) before using the portal. The password typed
 * at login is the current password for the following password change.
 */
export function pendingActions(actions: PendingAction[], options: { me?: Me; restored?: boolean } = {}): HttpHandler[] {
  const pending = (org: string | undefined) => withPendingActions(userFor(options.me, org), actions);
  const login = http.post(`${API}/auth/login`, async ({ request }) => {
    const body = (await request.clone().json().catch(() => ({}))) as { organization?: unknown; password?: unknown };
    const org = typeof body.organization === 'string' ? body.organization : undefined;
    return HttpResponse.json(issue(pending(org), typeof body.password === 'string' ? body.password : undefined));
  });
  const restore = http.post(`${API}/auth/refresh`, async ({ request }) => HttpResponse.json(issue(pending(await organizationOf(request)))));
  return options.restored ? [login, restore] : [login];
}

/**
 * Login answers with the problem `code` as the reference server would: `invalid_credentials` (401),
 * `account_locked` (403), `origin_not_allowed` (403), `validation_failed` (400), `rate_limited` (429 with
 * Retry-After), `internal_error` (500), or any other code (400).
 */
export function loginFails(code = 'invalid_credentials'): HttpHandler[] {
  return [
    http.post(`${API}/auth/login`, () => {
      if (code === 'rate_limited') return problem(code, { headers: { 'Retry-After': '60' }, extra: { retryAfter: 60 } });
      if (code === 'validation_failed') {
        return problem(code, { errors: [{ field: '/username', code: 'too_short', message: 'must NOT have fewer than 1 characters' }] });
      }
      return problem(code);
    }),
  ];
}

/** Login, refresh and password reset answer 429 with Retry-After, as after too many failed attempts. */
export function rateLimited(retryAfterSeconds = 300): HttpHandler[] {
  const answer = () =>
    problem('rate_limited', { headers: { 'Retry-After': String(retryAfterSeconds) }, extra: { retryAfter: retryAfterSeconds } });
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
  return [http.all(everything, () => problem('internal_error'))];
}

/** Every API request waits `ms` before the next handler answers; put it first. Use `Infinity` to never answer. */
export function slow(ms = 1500): HttpHandler[] {
  return [
    http.all(everything, async () => {
      await (Number.isFinite(ms) ? delay(ms) : delay('infinite'));
      // No response: the next matching handler answers.
    }),
  ];
}

/** The organization slug is unknown: GET /organizations/{slug}/public answers 404. */
export function unknownOrganization(): HttpHandler[] {
  return [http.get(`${API}/organizations/:slug/public`, () => problem('organization_not_found'))];
}

/** PATCH /me answers 409 because the new email address belongs to another account (given the current password). */
export function emailTaken(): HttpHandler[] {
  return [
    http.patch(`${API}/me`, async ({ request }) => {
      const body = (await request.clone().json().catch(() => ({}))) as { currentPassword?: string };
      return (
        currentPasswordProblem(body.currentPassword, sessionOf(request)?.password) ??
        problem('email_taken', { errors: [{ field: '/email', code: 'email_taken', message: 'This email address is already in use.' }] })
      );
    }),
  ];
}

/** POST /auth/password answers 422 because the current password is wrong. */
export function wrongCurrentPassword(): HttpHandler[] {
  return [
    http.post(`${API}/auth/password`, () =>
      problem('wrong_password', { errors: [{ field: '/currentPassword', code: 'wrong_password', message: 'The current password is wrong.' }] }),
    ),
  ];
}

/** The emailed reset code or the invitation code is invalid or expired (422). */
export function codeInvalid(): HttpHandler[] {
  const answer = () => problem('invalid_code', { errors: [{ field: '/code', code: 'invalid_code', message: 'The code is not valid.' }] });
  return [http.post(`${API}/auth/password-reset/confirm`, answer), http.post(`${API}/auth/activate`, answer)];
}

/**
 * The page opens logged in as `me`, but the session has ended on the server by the time the user saves something
 * (password changed on another device): PATCH /me, POST /me/terms and POST /auth/password answer 401
 * `invalid_token`, the refresh that follows fails, and the client ends the session with reason `expired`.
 */
export function sessionEnds(me?: Me): HttpHandler[] {
  let ended = false;
  const end = () => {
    ended = true;
    return problem('invalid_token', { headers: { 'WWW-Authenticate': 'Bearer' } });
  };
  return [
    http.post(`${API}/auth/refresh`, async ({ request }) => {
      if (ended) {
        ended = false; // the next visit of the story starts logged in again
        return problem('invalid_refresh_token');
      }
      return HttpResponse.json(issue(userFor(me, await organizationOf(request))));
    }),
    http.patch(`${API}/me`, end),
    http.post(`${API}/me/terms`, end),
    http.post(`${API}/auth/password`, end),
  ];
}

/** Looks up a demo user by user name or email, e.g. `user('tberger')`; throws for unknown names. */
export function user(login: string): Me {
  const found = findUser(login);
  if (!found) throw new Error(`No demo user "${login}".`);
  return found;
}
