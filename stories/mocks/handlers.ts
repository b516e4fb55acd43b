// The default mock API: every endpoint of openapi.yaml, answering like the reference server with demo data.
// Anonymous until someone logs in (refresh answers 401), so widgets start in their logged-out state.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { checkPassword, type FieldError, type Me, type MePatch, type OrganizationPublic } from '@hausportal/api';
import { calendarAt, demoPasswords, inOrganization, organizations, users } from './data.js';
import { invalid, problem } from './problems.js';
import { issue, revoke, sessionOf, tokenOf, update } from './sessions.js';

/** Base URL of the mocked API for the Storybook client. */
export const API_BASE = '/api';
/** Handler prefix: the API under `/api` on any origin (the Storybook page, or `http://localhost` in Node). */
export const API = `*${API_BASE}`;

const slugPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^[+0-9 ()/-]*$/;

type Json = Record<string, unknown>;

async function readJson(request: Request): Promise<Json | null> {
  try {
    const body: unknown = await request.json();
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Json) : null;
  } catch {
    return null;
  }
}

function text(body: Json, field: string, min: number, max: number, errors: FieldError[]): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length === 0) {
    if (min > 0) errors.push({ field: `/${field}`, message: 'is required', code: 'required' });
    return '';
  }
  if (value.length < min) errors.push({ field: `/${field}`, message: `needs at least ${min} characters`, code: 'too_short' });
  if (value.length > max) errors.push({ field: `/${field}`, message: `allows at most ${max} characters`, code: 'too_long' });
  return value;
}

/** Finds a demo user by user name or email (case-insensitive). */
export function findUser(login: string): Me | undefined {
  const key = login.trim().toLowerCase();
  return users.find((u) => u.username === key || u.email === key);
}

/** 422 naming every password rule `password` breaks for `org`, or null when it is fine. */
export function policyProblem(org: OrganizationPublic | undefined, password: string, names: string[], field: string) {
  const policy = (org ?? organizations.immopro!).passwordPolicy;
  const broken = new Set(names.length ? names.flatMap((name) => checkPassword(policy, password, name)) : checkPassword(policy, password));
  if (broken.size === 0) return null;
  return problem('password_policy', {
    errors: [...broken].map((code) => ({ field, code, message: `The password breaks the rule ${code}.` })),
  });
}

/** PATCH /me with a new email: 400 without the current password, 403 with a wrong one (null when it is right). */
export function currentPasswordProblem(given: string | undefined, expected: string | undefined) {
  if (!given) return invalid([{ field: '/currentPassword', code: 'required', message: 'Changing the email address needs the current password.' }]);
  if (expected !== undefined && given !== expected) {
    return problem('wrong_password', { status: 403, errors: [{ field: '/currentPassword', code: 'wrong_password', message: 'The current password is wrong.' }] });
  }
  return null;
}

/** 401 like the server's bearer check: no header → unauthenticated, unknown or expired token → invalid_token. */
function notAuthenticated(request: Request) {
  return problem(tokenOf(request) ? 'invalid_token' : 'unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
}

const invalidCode = () => problem('invalid_code', { errors: [{ field: '/code', code: 'invalid_code', message: 'The code is not valid.' }] });
/** Codes made of zeros stand for wrong or expired codes; every other well-formed code is accepted. */
const isBadCode = (code: string) => /^0+$/.test(code);

export const handlers: HttpHandler[] = [
  http.get(`${API}/health`, () => HttpResponse.json({ status: 'ok' as const, database: 'sqlite' as const, version: '0.1.0' })),

  http.get(`${API}/organizations/:slug/public`, ({ params }) => {
    const slug = String(params.slug);
    if (!slugPattern.test(slug)) return invalid([{ field: 'slug', message: 'is not a valid slug', code: 'format' }]);
    const org = organizations[slug];
    return org ? HttpResponse.json({ ...org, ...calendarAt(new Date(), org.timeZone) }) : problem('organization_not_found');
  }),

  http.post(`${API}/auth/login`, async ({ request }) => {
    const body = await readJson(request);
    if (!body) return invalid([{ field: '/', message: 'must be a JSON object', code: 'type' }]);
    const errors: FieldError[] = [];
    const organization = text(body, 'organization', 1, 63, errors);
    const username = text(body, 'username', 1, 254, errors);
    const password = text(body, 'password', 1, 128, errors);
    if (organization && !slugPattern.test(organization)) errors.push({ field: '/organization', message: 'is not a valid slug', code: 'format' });
    if (errors.length) return invalid(errors);
    const user = findUser(username);
    const member = user?.memberships.some((m) => m.organization === organization);
    if (!user || !member || user.status === 'invited' || demoPasswords[user.username] !== password) return problem('invalid_credentials');
    if (user.status === 'locked') return problem('account_locked');
    return HttpResponse.json(issue(inOrganization(user, organization), password));
  }),

  // Stories start signed out: no refresh cookie, answered as the server does (204, openapi.yaml /auth/refresh).
  http.post(`${API}/auth/refresh`, () => new HttpResponse(null, { status: 204 })),

  http.post(`${API}/auth/logout`, ({ request }) => {
    revoke(request);
    return new HttpResponse(null, { status: 204 });
  }),

  http.post(`${API}/auth/password`, async ({ request }) => {
    const session = sessionOf(request);
    if (!session) return notAuthenticated(request);
    const me = session.user;
    const body = await readJson(request);
    if (!body) return invalid([{ field: '/', message: 'must be a JSON object', code: 'type' }]);
    const errors: FieldError[] = [];
    const current = text(body, 'currentPassword', 1, 128, errors);
    const next = text(body, 'newPassword', 1, 128, errors);
    if (errors.length) return invalid(errors);
    if (session.password !== undefined && current !== session.password) {
      return problem('wrong_password', { errors: [{ field: '/currentPassword', code: 'wrong_password', message: 'The current password is wrong.' }] });
    }
    if (current === next) {
      return problem('password_policy', {
        detail: 'Choose a password different from the current one.',
        errors: [{ field: '/newPassword', code: 'same_password', message: 'The new password equals the current one.' }],
      });
    }
    const rejected = policyProblem(organizations[me.organization], next, [me.username, me.email], '/newPassword');
    if (rejected) return rejected;
    const pendingActions = me.pendingActions.filter((a) => a !== 'change-password');
    update(request, { ...me, mustChangePassword: false, pendingActions }, next);
    return new HttpResponse(null, { status: 204 });
  }),

  http.post(`${API}/auth/password-reset`, async ({ request }) => {
    const body = await readJson(request);
    if (!body) return invalid([{ field: '/', message: 'must be a JSON object', code: 'type' }]);
    const errors: FieldError[] = [];
    text(body, 'organization', 1, 63, errors);
    const email = text(body, 'email', 1, 254, errors);
    if (email && !emailPattern.test(email)) errors.push({ field: '/email', message: 'is not an email address', code: 'format' });
    if (errors.length) return invalid(errors);
    // Same answer whether or not the address belongs to an account.
    return new HttpResponse(null, { status: 202 });
  }),

  http.post(`${API}/auth/password-reset/confirm`, async ({ request }) => {
    const body = await readJson(request);
    if (!body) return invalid([{ field: '/', message: 'must be a JSON object', code: 'type' }]);
    const errors: FieldError[] = [];
    const code = text(body, 'code', 16, 128, errors);
    const next = text(body, 'newPassword', 1, 128, errors);
    if (errors.length) return invalid(errors);
    if (isBadCode(code)) return invalidCode();
    return policyProblem(organizations.krueger, next, [], '/newPassword') ?? new HttpResponse(null, { status: 204 });
  }),

  http.post(`${API}/auth/activate`, async ({ request }) => {
    const body = await readJson(request);
    if (!body) return invalid([{ field: '/', message: 'must be a JSON object', code: 'type' }]);
    const errors: FieldError[] = [];
    const email = text(body, 'email', 1, 254, errors);
    const code = text(body, 'code', 8, 128, errors);
    const next = text(body, 'newPassword', 1, 128, errors);
    if (email && !emailPattern.test(email)) errors.push({ field: '/email', message: 'is not an email address', code: 'format' });
    if (errors.length) return invalid(errors);
    const user = findUser(email);
    if (!user || user.status !== 'invited' || isBadCode(code)) return invalidCode();
    return policyProblem(organizations[user.organization], next, [user.username, user.email], '/newPassword') ?? new HttpResponse(null, { status: 204 });
  }),

  http.get(`${API}/me`, ({ request }) => {
    const session = sessionOf(request);
    return session ? HttpResponse.json(session.user) : notAuthenticated(request);
  }),

  http.patch(`${API}/me`, async ({ request }) => {
    const session = sessionOf(request);
    const me = session?.user;
    if (!session || !me) return notAuthenticated(request);
    const body = await readJson(request);
    if (!body || Object.keys(body).length === 0) return invalid([{ field: '/', message: 'needs at least one field', code: 'min_properties' }]);
    const errors: FieldError[] = [];
    const patch = body as MePatch;
    const known = ['email', 'phone', 'birthDate', 'notifications', 'locale', 'currentPassword'];
    for (const key of Object.keys(body)) {
      if (!known.includes(key)) errors.push({ field: `/${key}`, message: 'is not allowed', code: 'additional_property' });
    }
    if (patch.email !== undefined && !(typeof patch.email === 'string' && emailPattern.test(patch.email))) {
      errors.push({ field: '/email', message: 'is not an email address', code: 'format' });
    }
    if (patch.phone != null && !(typeof patch.phone === 'string' && patch.phone.length <= 40 && phonePattern.test(patch.phone))) {
      errors.push({ field: '/phone', message: 'may contain digits, spaces, + ( ) / - only', code: 'pattern' });
    }
    if (patch.birthDate != null && !/^\d{4}-\d{2}-\d{2}$/.test(String(patch.birthDate))) {
      errors.push({ field: '/birthDate', message: 'is not a date', code: 'format' });
    } else if (patch.birthDate != null && patch.birthDate > new Date().toISOString().slice(0, 10)) {
      errors.push({ field: '/birthDate', message: 'The birth date lies in the future.', code: 'future' });
    }
    if (patch.notifications !== undefined && !['immediate', 'digest', 'none'].includes(patch.notifications)) {
      errors.push({ field: '/notifications', message: 'must be immediate, digest or none', code: 'enum' });
    }
    if (patch.locale !== undefined && patch.locale !== 'de' && patch.locale !== 'en') {
      errors.push({ field: '/locale', message: 'must be de or en', code: 'enum' });
    }
    if (errors.length) return invalid(errors);
    const { currentPassword, ...changes } = patch;
    // Like the server: a new email (the login name) needs the current password, checked before "taken" is told.
    const email = changes.email?.toLowerCase();
    if (email !== undefined && email !== me.email) {
      const wrong = currentPasswordProblem(currentPassword, session.password);
      if (wrong) return wrong;
    }
    const taken = email && users.some((u) => u.email === email && u.id !== me.id);
    if (taken) return problem('email_taken', { errors: [{ field: '/email', code: 'email_taken', message: 'This email address is already in use.' }] });
    return HttpResponse.json(update(request, { ...me, ...changes, email: email ?? me.email }));
  }),

  http.post(`${API}/me/terms`, async ({ request }) => {
    const me = sessionOf(request)?.user;
    if (!me) return notAuthenticated(request);
    const body = await readJson(request);
    const version = body && typeof body.version === 'string' ? body.version : '';
    if (!version) return invalid([{ field: '/version', message: 'is required', code: 'required' }]);
    const current = organizations[me.organization]?.terms.version;
    if (version !== current) {
      return problem('terms_version_mismatch', {
        detail: `The current terms have version ${current}.`,
        errors: [{ field: '/version', code: 'terms_version_mismatch', message: `The current version is ${current}.` }],
      });
    }
    const pendingActions = me.pendingActions.filter((a) => a !== 'accept-terms');
    return HttpResponse.json(update(request, { ...me, termsAcceptedAt: new Date().toISOString(), termsVersion: version, pendingActions }));
  }),

  http.get(`${API}/dev/outbox`, () =>
    HttpResponse.json({
      items: [
        {
          id: '01963f2b-0000-7000-8000-000000000001',
          to: 'katharina.huber@example.com',
          subject: 'Ihr Code zum Zurücksetzen des Passworts',
          text: 'Guten Tag Frau Huber,\n\nIhr Code lautet: 8F3K-2QWX-77PL-M4ZR-T9AB-CD12\nEr ist 30 Minuten gültig.',
          createdAt: '2026-03-01T09:12:00Z',
        },
      ],
    }),
  ),
];
