import { LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { ApiClient } from '@hausportal/api';
import { apiContext, sessionContext, type Locale, type Session } from './context.js';
import { ensureLocalization, getLocale } from './localization.js';
import { hostStyles } from './styles/tokens.js';
import { StandaloneSessionController } from './standalone.js';

/**
 * Base class of every Hausportal widget: finds the nearest `<hp-session>` (its API client and session), renders
 * again when the locale changes and brings the token fallbacks. A widget placed outside any session but given
 * `api` and `org` attributes gets its own client and session.
 */
export class HpElement extends LitElement {
  static override styles: CSSResultGroup = [hostStyles];

  /** The session's API client; undefined until a session (or the element's own `api`/`org`) provides one. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: ApiClient;

  /** The current session: state, user, organization, language. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: Session;

  private standalone?: StandaloneSessionController;

  constructor() {
    super();
    ensureLocalization();
    updateWhenLocaleChanges(this);
  }

  /** The active language for texts and formatters. */
  get locale(): Locale {
    return getLocale();
  }

  /** True once the session has settled on a logged-in user. */
  get authenticated(): boolean {
    return this.session?.state === 'authenticated' && !!this.session.user;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Context requests are answered synchronously during connect; if none came and the element names its own
    // API, it runs its own session.
    if (!this.api && this.hasAttribute('org') && !this.standalone) {
      this.standalone = new StandaloneSessionController(this, (api, session) => {
        this.api = api;
        this.session = session;
      });
    }
  }
}
