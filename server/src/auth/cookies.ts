import type { Request, Response } from 'express';
import { refreshLifetimeSeconds } from './sessions.ts';

export const refreshCookie = '__Host-hp_rt';

/** Reads one cookie from the Cookie header (no parser dependency: we need exactly one name). */
export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** Whether the request carries a cookie of this name at all, well-formed or not. */
export function hasCookie(req: Request, name: string): boolean {
  return (req.headers.cookie ?? '').split(';').some((part) => part.split('=', 1)[0]!.trim() === name);
}

// `Secure` also in development: Chromium and Firefox accept Secure cookies from http://localhost.
//
// Cross-site (a host page on another site than the API), measured in Chromium 156 (e2e/cross-site.test.ts): with
// third-party cookies blocked the unpartitioned SameSite=None cookie is refused but the Partitioned one (CHIPS) is
// kept, in the host site's partition, so a reload restores the session; with the API's cookies blocked on that site
// every cookie is refused, the partitioned one too, as Safari's tracking prevention may do. Then the sign-in lasts
// only as long as the page, and GET /auth/session-cookie lets the widgets find out and say so (session-routes.ts);
// the page then keeps its refresh token in memory (POST /auth/session-token, page-token.ts).
function attributes(crossSite: boolean): string {
  return `Path=/; HttpOnly; Secure; ${crossSite ? 'SameSite=None; Partitioned' : 'SameSite=Strict'}`;
}

/**
 * Sets the refresh cookie in the organization's mode and removes one left in the other mode: a partitioned cookie
 * (cross-site) and an unpartitioned one (same-site) of the same name are two cookies to the browser, which would send
 * both, the stale one first, after a person moved between organizations of the two modes. The removal comes first:
 * a cookie store that does not know `Partitioned` (CHIPS) takes both headers for one cookie and applies them in order
 * (RFC 6265 §5.3), so the new token must be the last word.
 */
export function setRefreshCookie(res: Response, token: string, crossSite: boolean): void {
  res.append('Set-Cookie', `${refreshCookie}=; Max-Age=0; ${attributes(!crossSite)}`);
  res.append('Set-Cookie', `${refreshCookie}=${token}; Max-Age=${refreshLifetimeSeconds}; ${attributes(crossSite)}`);
}

export function clearRefreshCookie(res: Response, crossSite: boolean): void {
  res.append('Set-Cookie', `${refreshCookie}=; Max-Age=0; ${attributes(crossSite)}`);
}
