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
function attributes(crossSite: boolean): string {
  return `Path=/; HttpOnly; Secure; ${crossSite ? 'SameSite=None; Partitioned' : 'SameSite=Strict'}`;
}

/**
 * Sets the refresh cookie in the organization's mode and removes one left in the other mode: a partitioned cookie
 * (cross-site) and an unpartitioned one (same-site) of the same name are two cookies to the browser, which would send
 * both, the stale one first, after a person moved between organizations of the two modes.
 */
export function setRefreshCookie(res: Response, token: string, crossSite: boolean): void {
  res.append('Set-Cookie', `${refreshCookie}=${token}; Max-Age=${refreshLifetimeSeconds}; ${attributes(crossSite)}`);
  res.append('Set-Cookie', `${refreshCookie}=; Max-Age=0; ${attributes(!crossSite)}`);
}

export function clearRefreshCookie(res: Response, crossSite: boolean): void {
  res.append('Set-Cookie', `${refreshCookie}=; Max-Age=0; ${attributes(crossSite)}`);
}
