import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// AES-256-GCM with a key derived (HKDF-SHA256) from the server secret. Used only to keep a just-issued refresh
// token for the grace window of DESIGN §6; the database never holds it in the clear.
const info = 'hausportal refresh successor v1';
let cached: { secret: string; key: Buffer } | null = null;

function keyOf(secret: string): Buffer {
  if (cached?.secret !== secret) cached = { secret, key: Buffer.from(hkdfSync('sha256', secret, 'hausportal', info, 32)) };
  return cached.key;
}

/**
 * Encrypts `value` for the row `boundTo` (the id is authenticated data, so a sealed value copied to another row does
 * not open). Returns `iv.ciphertext.tag` in base64url.
 */
export function seal(secret: string, boundTo: string, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv).setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
}

/** The value {@link seal} encrypted for `boundTo`, or null when it was tampered with, moved or sealed with another key. */
export function unseal(secret: string, boundTo: string, sealed: string): string | null {
  const [iv, body, tag] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !body || !tag || iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), iv).setAAD(Buffer.from(boundTo)).setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
