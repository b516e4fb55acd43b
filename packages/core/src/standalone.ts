import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createApiClient, type ApiClient, type OrganizationPublic } from '@hausportal/api';
import type { Session } from './context.js';
import { organizationArrived } from './calendar.js';
import { documentLocale, normalizeLocale } from './localization.js';

interface Shared {
  client: ApiClient;
  organization: Promise<OrganizationPublic | null>;
  restored: Promise<unknown>;
}

// Standalone widgets on one page with the same API and organization share one client (one refresh, one user).
const SHARED_KEY = Symbol.for('hausportal.standalone-clients');
const store = globalThis as unknown as Record<symbol, Map<string, Shared> | undefined>;

function shared(api: string, org: string): Shared {
  const map = (store[SHARED_KEY] ??= new Map());
  const key = `${api}|${org}`;
  let entry = map.get(key);
  if (!entry) {
    const client = createApiClient({ baseUrl: api, organization: org });
    const organization = client
      .GET('/organizations/{slug}/public', { params: { path: { slug: org } } })
      .then(({ data }) => organizationArrived(data ?? null))
      .catch(() => null);
    entry = { client, organization, restored: client.restore() };
    map.set(key, entry);
  }
  return entry;
}

/** Gives a widget outside `<hp-session>` its own client and session from its `api` and `org` attributes. */
export class StandaloneSessionController implements ReactiveController {
  private unsubscribe?: () => void;
  private organization: OrganizationPublic | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly publish: (api: ApiClient, session: Session) => void,
  ) {
    // The host is connected already, so this calls hostConnected() right away.
    host.addController(this);
  }

  hostConnected(): void {
    if (this.unsubscribe) return;
    const org = this.host.getAttribute('org') ?? '';
    const entry = shared(this.host.getAttribute('api') ?? '/api', org);
    const lang = normalizeLocale(this.host.getAttribute('lang') ?? documentLocale());
    const session = (state: Session['state']): Session => ({
      state,
      user: entry.client.user,
      org,
      organization: this.organization,
      lang,
    });
    this.publish(entry.client, session('restoring'));
    this.unsubscribe = entry.client.onSessionChange(({ user }) =>
      this.publish(entry.client, session(user ? 'authenticated' : 'anonymous')),
    );
    void Promise.all([entry.organization, entry.restored]).then(([organization]) => {
      this.organization = organization;
      this.publish(entry.client, session(entry.client.user ? 'authenticated' : 'anonymous'));
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
