import { checkPassword, type FieldError } from '@hausportal/api';
import type { Organization } from '../organizations.ts';
import { HttpProblem } from '../http/problems.ts';

const messages: Record<string, string> = {
  too_short: 'The password is too short.',
  too_long: 'The password is too long.',
  policy_upper: 'The password needs an upper-case letter.',
  policy_lower: 'The password needs a lower-case letter.',
  policy_digit: 'The password needs a digit.',
  policy_username: 'The password must not contain the user name.',
  policy_common: 'The password is too common.',
};

/** Throws 422 with one field error per broken rule of the organization's policy. */
export function enforcePolicy(org: Organization, password: string, names: string[], field = '/newPassword'): void {
  const broken = new Set(names.flatMap((name) => checkPassword(org.passwordPolicy, password, name)));
  if (names.length === 0) for (const rule of checkPassword(org.passwordPolicy, password)) broken.add(rule);
  if (broken.size === 0) return;
  const errors: FieldError[] = [...broken].map((code) => ({ field, code, message: messages[code] ?? code }));
  throw new HttpProblem(422, 'password_policy', 'The new password does not meet the password rules.', { errors });
}
