import { msg, str } from '@lit/localize';
import { getLocale } from '@hausportal/core';
import { ApiError, type FieldError } from '@hausportal/api';

/** What went wrong with a form submit, in words for the person who submitted it. */
export interface FormProblem {
  /** Sentence for the form's alert. */
  message: string;
  /** Messages per form field name (`newPassword`, `email` …). */
  fields: Record<string, string>;
}

/** Where the error happened; the same server code reads differently per form. */
export type ProblemContext = 'login' | 'reset-request' | 'reset-confirm' | 'activate' | 'password' | 'profile' | 'terms';

/** Seconds the server asked us to wait (problem extension `retryAfter` or a `Retry-After` carried by the error). */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const extra = error as unknown as { retryAfter?: unknown };
  const fromProblem = (error.problem as Record<string, unknown>)['retryAfter'];
  const value = Number(extra.retryAfter ?? fromProblem);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** `/newPassword` → `newPassword`; `body.email` → `email`. */
export function fieldName(pointer: string): string {
  const parts = pointer.split(/[/.]/).filter(Boolean);
  return parts[parts.length - 1] ?? pointer;
}

/** A field error in the reader's language, by its stable code; the server's text when the code is unknown. */
export function fieldMessage(error: FieldError, context: ProblemContext): string {
  const field = fieldName(error.field);
  switch (error.code) {
    case 'required':
      return msg('Please fill in this field.', { id: 'login.field.required' });
    case 'format':
    case 'pattern':
      if (field === 'email') return msg('Please enter a valid email address.', { id: 'login.field.email' });
      if (field === 'phone') return msg('Please use digits, spaces and + ( ) / - only.', { id: 'login.field.phone' });
      if (field === 'birthDate') return msg('Please enter a valid date.', { id: 'login.field.date' });
      return msg('This value has the wrong format.', { id: 'login.field.format' });
    case 'too_short':
      return msg('The password is too short.', { id: 'login.field.tooShort' });
    case 'too_long':
      return msg('The password is too long.', { id: 'login.field.tooLong' });
    case 'policy_upper':
      return msg('The password needs an upper-case letter.', { id: 'login.field.upper' });
    case 'policy_lower':
      return msg('The password needs a lower-case letter.', { id: 'login.field.lower' });
    case 'policy_digit':
      return msg('The password needs a digit.', { id: 'login.field.digit' });
    case 'policy_username':
      return msg('The password must not contain your user name.', { id: 'login.field.username' });
    case 'policy_common':
      return msg('This password is too common. Please choose another one.', { id: 'login.field.common' });
    case 'same_password':
      return msg('The new password must differ from the current one.', { id: 'login.field.samePassword' });
    case 'taken':
    case 'email_taken':
    case 'conflict':
      return msg('This email address is already used by another account.', { id: 'login.field.taken' });
    case 'invalid_code':
    case 'expired':
      return codeMessage(context);
    case 'wrong_password':
    case 'invalid_credentials':
      return msg('The current password is wrong.', { id: 'login.field.currentWrong' });
    default:
      // The server's own text is English; a German page gets a general hint instead.
      return getLocale() === 'en' ? error.message : msg('Please check this entry.', { id: 'login.field.invalid' });
  }
}

function codeMessage(context: ProblemContext): string {
  return context === 'activate'
    ? msg('The email address or invitation code is wrong, or the code has expired.', { id: 'login.error.activationCode' })
    : msg('The code is wrong or has expired. Please request a new one.', { id: 'login.error.resetCode' });
}

function waitText(seconds: number | undefined): string {
  if (seconds === undefined) return msg('Too many attempts. Please wait a few minutes and try again.', { id: 'login.error.rateLimited' });
  if (seconds < 60) return msg(str`Too many attempts. Please wait ${seconds} seconds and try again.`, { id: 'login.error.rateLimitedSeconds' });
  const minutes = Math.ceil(seconds / 60);
  return msg(str`Too many attempts. Please wait ${minutes} minutes and try again.`, { id: 'login.error.rateLimitedMinutes' });
}

/** Turns whatever a submit threw (ApiError, network TypeError …) into a {@link FormProblem}. */
export function describeProblem(error: unknown, context: ProblemContext): FormProblem {
  if (!(error instanceof ApiError)) {
    return {
      message: msg('We cannot reach the server. Please check your internet connection and try again.', { id: 'login.error.network' }),
      fields: {},
    };
  }
  const { status, problem } = error;
  const code = problem.code ?? '';
  const fields: Record<string, string> = {};
  for (const fieldError of problem.errors ?? []) {
    const name = fieldName(fieldError.field);
    fields[name] ??= fieldMessage(fieldError, context);
  }
  if (status === 429 || code === 'rate_limited') return { message: waitText(retryAfterSeconds(error)), fields };
  if (context === 'login' && (status === 401 || code === 'invalid_credentials')) {
    return { message: msg('The email address / user name or the password is wrong.', { id: 'login.error.credentials' }), fields };
  }
  // The password form, and the profile form when a new email is confirmed with the current password (403).
  if (code === 'wrong_password' || (context === 'password' && (status === 401 || code === 'invalid_credentials'))) {
    const message = msg('The current password is wrong.', { id: 'login.field.currentWrong' });
    return { message, fields: { ...fields, currentPassword: fields['currentPassword'] ?? message } };
  }
  if (['account_invited', 'not_activated', 'account_not_activated', 'inactive', 'invited'].includes(code)) {
    return {
      message: msg('Your account is not activated yet. Please activate it with the code from your invitation.', { id: 'login.error.notActivated' }),
      fields,
    };
  }
  if (['account_locked', 'locked'].includes(code)) {
    return { message: msg('Your account is locked. Please contact your property manager.', { id: 'login.error.locked' }), fields };
  }
  if (['invalid_code', 'expired', 'code_expired', 'invalid_token'].includes(code)) {
    return { message: codeMessage(context), fields: context === 'activate' || context === 'reset-confirm' ? { code: codeMessage(context), ...fields } : fields };
  }
  if (status === 409 || code === 'conflict' || code === 'email_taken') {
    const message = msg('This email address is already used by another account.', { id: 'login.field.taken' });
    return { message, fields: { email: message, ...fields } };
  }
  if (status === 403) {
    return { message: msg('You may not do this here. Please contact your property manager.', { id: 'login.error.forbidden' }), fields };
  }
  if (Object.keys(fields).length > 0) {
    return { message: msg('Please check the marked fields.', { id: 'login.error.fields' }), fields };
  }
  if (status >= 500) {
    return { message: msg('Something went wrong on the server. Please try again later.', { id: 'login.error.server' }), fields };
  }
  return { message: problem.detail ?? problem.title, fields };
}
