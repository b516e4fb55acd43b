import { createContext } from '@lit/context';
import type { ApiClient, Me, OrganizationPublic } from '@hausportal/api';

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
}

// Symbol.for keys: separately bundled widgets on one page still find the same session.
export const apiContext = createContext<ApiClient | undefined>(Symbol.for('hausportal.api'));
export const sessionContext = createContext<Session | undefined>(Symbol.for('hausportal.session'));
