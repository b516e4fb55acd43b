import type { PasswordPolicy } from './types.js';

/** The rules an organization starts with (DESIGN §6): length only, a common-password list, not the user name. */
export const defaultPasswordPolicy: PasswordPolicy = {
  minLength: 10,
  maxLength: 128,
  requireUpper: false,
  requireLower: false,
  requireDigit: false,
  notUsername: true,
  rejectCommon: true,
};

export type PasswordRule = 'too_short' | 'too_long' | 'policy_upper' | 'policy_lower' | 'policy_digit' | 'policy_username' | 'policy_common';

// Frequent passwords from public breach statistics, plus the obvious local ones.
const common = new Set(
  (
    '123456 123456789 12345678 1234567890 password passwort password1 passwort1 qwerty qwertz qwertyuiop ' +
    'qwertzuiop 111111 123123 abc123 1q2w3e4r 1q2w3e4r5t iloveyou admin welcome willkommen letmein ' +
    'monkey dragon sunshine princess football fussball baseball master hallo hallo123 hallo1234 ' +
    'schatz ficken arschloch 000000 1111111111 0123456789 9876543210 asdfghjkl yxcvbnm ' +
    'sommer2024 sommer2025 sommer2026 winter2024 winter2025 winter2026 frühling2026 herbst2026 ' +
    'passwort123 password123 passwort1234 password1234 geheim geheim123 hausverwaltung mieter ' +
    'eigentümer wohnung wien2026 berlin2026 österreich deutschland bayern muenchen münchen ' +
    'changeme changeme123 trustno1 superman batman starwars pokemon'
  ).split(' '),
);

/** Every rule of `policy` that `password` breaks; empty when it is acceptable. */
export function checkPassword(policy: PasswordPolicy, password: string, username?: string): PasswordRule[] {
  const broken: PasswordRule[] = [];
  const length = [...password].length;
  if (length < policy.minLength) broken.push('too_short');
  if (length > policy.maxLength) broken.push('too_long');
  if (policy.requireUpper && !/\p{Lu}/u.test(password)) broken.push('policy_upper');
  if (policy.requireLower && !/\p{Ll}/u.test(password)) broken.push('policy_lower');
  if (policy.requireDigit && !/\p{Nd}/u.test(password)) broken.push('policy_digit');
  if (policy.notUsername && username && containsName(password, username)) broken.push('policy_username');
  if (policy.rejectCommon && common.has(password.toLowerCase())) broken.push('policy_common');
  return broken;
}

function containsName(password: string, username: string): boolean {
  const pw = password.toLowerCase();
  const local = username.toLowerCase().split('@')[0] ?? '';
  return [username.toLowerCase(), local].some((name) => name.length >= 3 && pw.includes(name));
}
