import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient, OrganizationPublic } from '@hausportal/api';
import type { Session } from './context.js';
import { documentLocale, normalizeLocale } from './localization.js';
import { sharedSession } from './shared-session.js';

/**
 * Gives a widget outside `<hp-session>` the page's shared client and session of its `api` and `org` attributes — the
 * same client every `<hp-session>` with those values uses (DESIGN §6, one login per page).
 */
export class StandaloneSessionController implements ReactiveController {
  private unsubscribe?: () => void;
  private organization: OrganizationPublic | null = null;
  private error: unknown;

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
    const entry = sharedSession(this.host.getAttribute('api') ?? '/api', org);
    const lang = normalizeLocale(this.host.getAttribute('lang') ?? documentLocale());
    const session = (state: Session['state']): Session => ({
      state,
      user: entry.client.user,
      org,
      organization: this.organization,
      lang,
      ...(this.error === undefined ? {} : { error: this.error }),
      ...(entry.client.sessionCookie === undefined ? {} : { cookie: entry.client.sessionCookie }),
    });
    this.publish(entry.client, session(entry.client.user ? 'authenticated' : 'restoring'));
    this.unsubscribe = entry.client.onSessionChange(({ user }) =>
      this.publish(entry.client, session(user ? 'authenticated' : 'anonymous')),
    );
    void Promise.all([entry.organization, entry.restored]).then(([{ organization, error }]) => {
      this.organization = organization;
      this.error = error;
      this.publish(entry.client, session(entry.client.user ? 'authenticated' : 'anonymous'));
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
