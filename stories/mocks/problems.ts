// RFC 9457 problem answers shaped like the reference server's (server/src/http/problems.ts): title is the HTTP reason,
// detail a sentence, code the stable reason the widgets switch on.
import { HttpResponse } from 'msw';
import type { FieldError, Problem } from '@hausportal/api';

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Status and detail of every problem code the reference server uses for the endpoints mocked here. */
export const problemCodes: Record<string, { status: number; detail: string }> = {
  validation_failed: { status: 400, detail: 'The request does not match the API contract.' },
  invalid_credentials: { status: 401, detail: 'User name or password is wrong.' },
  unauthenticated: { status: 401, detail: 'Log in first.' },
  invalid_token: { status: 401, detail: 'The access token is missing, expired or not valid.' },
  invalid_refresh_token: { status: 401, detail: 'The session has ended. Please log in again.' },
  account_locked: { status: 403, detail: 'This account is locked. Please contact your property manager.' },
  action_required: { status: 403, detail: 'Complete these steps first.' },
  origin_not_allowed: { status: 403, detail: 'This website may not use the portal of this organization.' },
  not_found: { status: 404, detail: 'There is no such resource.' },
  organization_not_found: { status: 404, detail: 'There is no such organization.' },
  email_taken: { status: 409, detail: 'This email address is already in use.' },
  terms_version_mismatch: { status: 409, detail: 'The terms of use have changed in the meantime.' },
  invalid_code: { status: 422, detail: 'The code is wrong, expired or already used.' },
  wrong_password: { status: 422, detail: 'The current password is wrong.' },
  password_policy: { status: 422, detail: 'The new password does not meet the password rules.' },
  rate_limited: { status: 429, detail: 'Too many attempts. Please wait and try again.' },
  internal_error: { status: 500, detail: 'Something went wrong on the server.' },
  database_unavailable: { status: 503, detail: 'The database does not answer.' },
};

export interface ProblemOptions {
  status?: number;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Extra members, e.g. `pendingActions` on `action_required`. */
  extra?: Record<string, unknown>;
}

/** A problem body for `code`, typed as the contract's Problem. */
export function problemBody(code: string, options: ProblemOptions = {}): Problem {
  const known = problemCodes[code];
  const status = options.status ?? known?.status ?? 400;
  return {
    type: `https://hausportal.dev/problems/${code.replaceAll('_', '-')}`,
    title: reasons[status] ?? 'Error',
    status,
    detail: options.detail ?? known?.detail ?? 'The request failed.',
    code,
    errors: options.errors ?? [],
    ...options.extra,
  };
}

/** An `application/problem+json` response for `code`. */
export function problem(code: string, options: ProblemOptions = {}): HttpResponse<Problem> {
  const body = problemBody(code, options);
  return HttpResponse.json(body, {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json', ...options.headers },
  });
}

/** 400 naming every failing field. */
export function invalid(errors: FieldError[]): HttpResponse<Problem> {
  return problem('validation_failed', { errors });
}
