import type { TokenState } from './token-state.js';

/**
 * Whether the browser keeps this session's refresh cookie: `unknown` (not asked yet), `kept` (a refresh worked, or the
 * cookie came back right after the login), `refused` (it did not: the session lasts only as long as this page, with
 * its refresh token in the client's memory (page-token.ts), since nothing can restore it after a reload — Safari's
 * cross-site tracking prevention, or the API's cookies blocked on the page's site; DESIGN §6).
 */
export type SessionCookie = 'unknown' | 'kept' | 'refused';

/** The part of the Web Storage API the marker needs (HTML Standard, "Web storage": `sessionStorage`). */
export type MarkerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * sessionStorage key of the marker for one API and organization: `hausportal:cookie-blocked:<api origin>:<org>`, e.g.
 * `hausportal:cookie-blocked:https://portal.hv.example:krueger`. The value is `1`; no token, nothing personal.
 */
export function cookieMarkerKey(baseUrl: string, organization: string): string {
  return `hausportal:cookie-blocked:${absolute(baseUrl)?.origin ?? baseUrl}:${organization}`;
}

/** `baseUrl` against the document's base URL (a client may be given `/api`); null where it cannot be resolved. */
function absolute(baseUrl: string): URL | null {
  try {
    return new URL(baseUrl, globalThis.document?.baseURI ?? globalThis.location?.href);
  } catch {
    return null;
  }
}

/** The page's sessionStorage, or null where it cannot be used (blocked storage, no DOM). */
export function pageSessionStorage(): MarkerStorage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The portal's own page on the API's server for an organization: `/embed/portal?org=<slug>` next to the API's path
 * (`https://portal.hv.example/api` → `https://portal.hv.example/embed/portal?org=krueger`), the server's page with
 * nothing but `<hp-portal>` (server/src/embed/, also the iframe page). Opened in a tab of its own, the portal is a
 * first-party page, where the browser keeps the cookie. Null unless the API's address is http(s).
 */
export function ownTabPortalUrl(baseUrl: string, organization: string): string | null {
  const base = absolute(baseUrl);
  // Only a web address: an `api` attribute of another scheme (javascript:, data:) gives no link at all.
  if (!base || (base.protocol !== 'https:' && base.protocol !== 'http:')) return null;
  const url = new URL('../embed/portal', `${base.href.replace(/\/+$/, '')}/`);
  url.searchParams.set('org', organization);
  return url.href;
}

/**
 * What a client knows of its refresh cookie, with the marker that carries a refusal over a reload of the host page:
 * the access token rule of DESIGN §6 keeps tokens out of storage, and this flag is none. Created `refused` when the
 * marker is set (an earlier page of this tab signed in, the cookie was refused, so a reload found no session);
 * {@link kept} clears the marker, {@link refused} sets it; the session's listeners hear (`update`) when `refused` comes or
 * goes. Storage that throws (full, blocked) only loses the marker.
 */
export class SessionCookieWatch {
  value: SessionCookie;
  private readonly key: string;

  constructor(
    baseUrl: string,
    organization: string,
    private readonly state: TokenState,
    private readonly storage: MarkerStorage | null = pageSessionStorage(),
  ) {
    this.key = cookieMarkerKey(baseUrl, organization);
    this.value = this.read() ? 'refused' : 'unknown';
  }

  /** A refresh worked, or the probe found the cookie. */
  kept(): void {
    this.write(false);
    this.set('kept');
  }

  /** The probe after a login found no cookie. */
  refused(): void {
    this.write(true);
    this.set('refused');
  }

  /** Tells the listeners only of a change to or from `refused`: `unknown` → `kept` changes nothing they show. */
  private set(value: SessionCookie): void {
    if (value === this.value) return;
    const told = value === 'refused' || this.value === 'refused';
    this.value = value;
    if (told) this.state.emit('update');
  }

  private read(): boolean {
    try {
      return this.storage?.getItem(this.key) === '1';
    } catch {
      return false;
    }
  }

  private write(marked: boolean): void {
    try {
      if (marked) this.storage?.setItem(this.key, '1');
      else this.storage?.removeItem(this.key);
    } catch {
      // Without storage a reload cannot tell; the visit itself still knows (`value`).
    }
  }
}

/**
 * Asks `GET /auth/session-cookie` (with credentials, openapi.yaml) whether the refresh cookie of the login that just
 * happened came back, and records the answer in `watch`. No answer (network, a refused origin, an old server without
 * the endpoint) records nothing. Never rejects.
 */
export async function probeSessionCookie(
  ask: () => Promise<{ data?: { present: boolean } }>,
  watch: SessionCookieWatch,
): Promise<SessionCookie> {
  try {
    const { data } = await ask();
    if (typeof data?.present === 'boolean') {
      if (data.present) watch.kept();
      else watch.refused();
    }
  } catch {
    // nothing learned
  }
  return watch.value;
}
