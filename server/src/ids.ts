import { createHash, randomBytes } from 'node:crypto';
import { V7Generator } from 'uuidv7';

// One generator per process: ids made in the same millisecond count up (RFC 9562 §6.2, method 1, "dedicated counter
// bits"), so rows inserted in one request keep their order when sorted by (created_at, id).
const generator = new V7Generator();

/**
 * UUID version 7 (RFC 9562 §5.7) for the time `now` (ms since the epoch): time-ordered, increasing within a
 * millisecond, unguessable (32 random bits plus a randomly started 42-bit counter).
 */
export function newId(now: number = Date.now()): string {
  return generator.generateOrResetCore(now, 10_000).toString();
}

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding: easy to type from an email, case-insensitive. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32Alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** A single-use code with 160 random bits. */
export const newCode = (): string => base32(randomBytes(20));

/** A refresh token: 32 random bytes, base64url. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
