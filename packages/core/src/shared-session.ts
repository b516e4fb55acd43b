import { previewClientFor } from './preview-banner.js';
import { absoluteApiUrl, createApiClient, type ApiClient, type Me, type OrganizationPublic } from '@hausportal/api';
import { organizationArrived } from './calendar.js';

/** The organization's public information, or null and the reason it could not be loaded. */
export interface OrganizationLoad {
  organization: OrganizationPublic | null;
  /** The rejection (e.g. `OriginNotAllowedError`, a TypeError when offline) or the problem of an error answer. */
  error?: unknown;
}

/** The one client of an API and organization on this page, its organization and its restore after the page load. */
export interface SharedSession {
  client: ApiClient;
  organization: Promise<OrganizationLoad>;
  /** The first `restore()` of the page (one refresh for every session and widget). */
  restored: Promise<Me | null>;
}

// Keyed by Symbol.for, so separately bundled copies of core on one page share one registry (DESIGN §6).
const REGISTRY = Symbol.for('hausportal.clients');
const store = globalThis as unknown as Record<symbol, Map<string, SharedSession> | undefined>;

/** `GET /organizations/{slug}/public`; never rejects: a failure comes back as `{ organization: null, error }`. */
export function loadOrganization(client: ApiClient, slug: string): Promise<OrganizationLoad> {
  return client.GET('/organizations/{slug}/public', { params: { path: { slug } } }).then(
    ({ data, error }): OrganizationLoad => (data ? { organization: organizationArrived(data) } : { organization: null, error }),
    (error: unknown): OrganizationLoad => ({ organization: null, error }),
  );
}

/**
 * The session every `<hp-session>` and standalone widget with this `api` and `org` shares: one client, so one login
 * state and one refresh per page (DESIGN §6, "one login per page"). `api` is made absolute against the document's
 * base URL, so `/api` and `https://this.host/api` are the same. Created on first use, kept for the page's life.
 */
export function sharedSession(api: string, org: string): SharedSession {
  const baseUrl = absoluteApiUrl(api);
  const registry = (store[REGISTRY] ??= new Map());
  const key = `${baseUrl} ${org}`;
  let entry = registry.get(key);
  if (!entry) {
    // A manager's preview link (`#hp-preview=<code>`, preview-banner.ts) makes every widget of the page the previewed
    // person's, read-only; a widget alone on the page (or `<hp-portal>` with its own session) takes it too.
    const client = previewClientFor(api, org) ?? createApiClient({ baseUrl, organization: org });
    // Someone is signed in at another organization of this API: this restore moves the sign-in here (a switch).
    const moving = [...registry.values()].some((other) => other.client.baseUrl === baseUrl && other.client.user);
    const restored = client.restore();
    entry = { client, organization: loadOrganization(client, org), restored: moving ? afterMove(client, restored) : restored };
    registry.set(key, entry);
  }
  return entry;
}

/**
 * After a move to another organization: its refresh cookie may be of the other mode (SameSite=Strict for a same-site
 * organization, SameSite=None; Partitioned for a cross-site one, server/src/auth/cookies.ts), which this page's
 * browser may refuse where it kept the first. So the client asks whether the new cookie arrived (it tells the
 * session when it did not). Resolves as `restored` does.
 */
function afterMove(client: ApiClient, restored: Promise<Me | null>): Promise<Me | null> {
  return restored.then((user) => {
    if (user) void client.checkSessionCookie?.();
    return user;
  });
}
