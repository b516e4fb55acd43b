import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// DESIGN §6: scrypt N=2^17, r=8, p=1. Needs 128 × N × r = 128 MiB, so maxmem is raised above that.
const defaults = { N: 2 ** 17, r: 8, p: 1 };

/**
 * The scrypt parameters new hashes get: DESIGN §6's, unless `HP_SCRYPT_LOG_N` (10–16) lowers N to 2^HP_SCRYPT_LOG_N for
 * a test run, where thousands of logins would otherwise spend most of the time hashing. Ignored when NODE_ENV is
 * `production`. Hashes carry their parameters, so verifying is the same either way.
 */
export function hashParameters(env: NodeJS.ProcessEnv = process.env): typeof defaults {
  const logN = Number(env.HP_SCRYPT_LOG_N);
  if (env.NODE_ENV === 'production' || !Number.isInteger(logN) || logN < 10 || logN > 16) return defaults;
  return { ...defaults, N: 2 ** logN };
}
const keyLength = 32;
const maxmem = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions & { N: number; r: number; p: number }, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const params = hashParameters();
  const key = await derive(password, salt, params, keyLength);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (!N || !r || !p || expected.length === 0) return false;
  const key = await derive(password, salt, { N, r, p }, expected.length);
  return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | null = null;

/** Spends the same time as a real check, for unknown users, so timing does not tell who exists. */
export async function dummyVerify(password: string): Promise<false> {
  dummy ??= hashPassword('hausportal-dummy-password');
  await verifyPassword(password, await dummy);
  return false;
}
