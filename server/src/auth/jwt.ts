import { createHmac, timingSafeEqual } from 'node:crypto';

export interface AccessClaims {
  /** user id */
  sub: string;
  /** organization slug */
  aud: string;
  /** refresh-token family (session) id; for a preview, the preview session's id */
  sid: string;
  iat: number;
  exp: number;
  /**
   * Set on a read-only preview token only: the `preview_sessions` id (preview/sessions.ts). Such a token is checked
   * against its preview session instead of a refresh family, and `sub` is the previewed person's user (or the preview
   * id when the person has no portal user).
   */
  prv?: string;
}

const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const sign = (input: string, secret: string): Buffer => createHmac('sha256', secret).update(input).digest();

export function signJwt(claims: AccessClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const input = `${header}.${payload}`;
  return `${input}.${sign(input, secret).toString('base64url')}`;
}

/**
 * Returns the claims of a valid, unexpired HS256 token (optional `prv` kept), otherwise null. `nowSeconds` = 0 checks
 * the signature and shape only (an expired preview token is still told apart, middleware.ts).
 */
export function verifyJwt(token: string, secret: string, nowSeconds: number): AccessClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts as [string, string, string];
  let head: { alg?: unknown; typ?: unknown };
  let claims: Partial<AccessClaims>;
  try {
    head = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (head.alg !== 'HS256') return null;
  const given = Buffer.from(s, 'base64url');
  const expected = sign(`${h}.${p}`, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (typeof claims.sub !== 'string' || typeof claims.aud !== 'string' || typeof claims.sid !== 'string') return null;
  if (claims.prv !== undefined && typeof claims.prv !== 'string') return null;
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return null;
  return claims as AccessClaims;
}
