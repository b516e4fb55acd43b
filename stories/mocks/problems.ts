// RFC 9457 problem answers, shaped like the reference server's.
import { HttpResponse } from 'msw';
import type { FieldError, Problem } from '@hausportal/api';

const titles: Record<string, string> = {
  validation: 'The request is not valid.',
  invalid_credentials: 'User name or password is wrong.',
  rate_limited: 'Too many attempts. Please wait a moment.',
  account_locked: 'This account is locked.',
  action_required: 'Please complete the open steps first.',
  unauthenticated: 'Please log in.',
  conflict: 'The change conflicts with the current state.',
  not_found: 'Not found.',
  invalid_code: 'The code is invalid or has expired.',
  wrong_password: 'The current password is wrong.',
  password_policy: 'The new password does not meet the password rules.',
  internal: 'Something went wrong on the server.',
};

/** Default HTTP status for each problem code the mocks use. */
export const statusOf: Record<string, number> = {
  validation: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  account_locked: 403,
  action_required: 403,
  not_found: 404,
  conflict: 409,
  invalid_code: 422,
  wrong_password: 422,
  password_policy: 422,
  rate_limited: 429,
  internal: 500,
};

export interface ProblemOptions {
  status?: number;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/** A problem body for `code`, typed as the contract's Problem. */
export function problemBody(code: string, options: ProblemOptions = {}): Problem {
  const status = options.status ?? statusOf[code] ?? 400;
  const body: Problem = {
    type: `https://hausportal.dev/problems/${code.replaceAll('_', '-')}`,
    title: titles[code] ?? 'The request failed.',
    status,
    code,
  };
  if (options.detail) body.detail = options.detail;
  if (options.errors?.length) body.errors = options.errors;
  return body;
}

/** An `application/problem+json` response for `code`. */
export function problem(code: string, options: ProblemOptions = {}): HttpResponse<Problem> {
  const body = problemBody(code, options);
  return HttpResponse.json(body, {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json', ...options.headers },
  });
}

/** 400 with one entry per failing field. */
export function invalid(errors: FieldError[]): HttpResponse<Problem> {
  return problem('validation', { errors });
}
