import { createContext } from '@lit/context';
import type { ApiClient, Me, OrganizationPublic, SessionCookie } from '@hausportal/api';

export type Locale = 'de' | 'en';

/** `unknown` before the first check, `restoring` while the refresh cookie is tried, then one of the other two. */
export type SessionState = 'unknown' | 'restoring' | 'anonymous' | 'authenticated';

export interface Session {
  state: SessionState;
  user: Me | null;
  /** Slug of the organization. */
  org: string;
  /** Public information of the organization (policy, terms, legal links) once loaded. */
  organization: OrganizationPublic | null;
  lang: Locale;
  /**
   * Why the organization could not be loaded, when it could not: e.g. the API client's `OriginNotAllowedError` when
   * the API does not admit this page's origin (widgets then show that instead of their content), or fetch's
   * TypeError when the server cannot be reached. Undefined when it loaded.
   */
  error?: unknown;
  /**
   * Whether the browser keeps the session's refresh cookie on this page (the client's `sessionCookie`): `refused`
   * means a sign-in lasts only as long as the page, so `<hp-login>` says so and offers the portal in its own tab
   * (DESIGN §6, cross-site sessions). Absent for a client without a cookie (a preview).
   */
  cookie?: SessionCookie;
}

// Symbol.for keys: separately bundled widgets on one page still find the same session.
export const apiContext = createContext<ApiClient | undefined>(Symbol.for('hausportal.api'));
export const sessionContext = createContext<Session | undefined>(Symbol.for('hausportal.session'));
