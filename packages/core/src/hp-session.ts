import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { ApiClient, OrganizationPublic } from '@hausportal/api';
import { apiContext, sessionContext, type Session, type SessionState } from './context.js';
import { HpSessionChangeEvent } from './events.js';
import { loadOrganization, sharedSession, type OrganizationLoad, type SharedSession } from './shared-session.js';
import { announceSession, retireSession } from './page-session.js';
import { documentLocale, ensureLocalization, normalizeLocale, setLocale } from './localization.js';
import { hostStyles } from './styles/tokens.js';
import { OrgThemeController } from './org-theme.js';
import { sessionStyles } from './hp-session.styles.js';
import { PreviewBannerController, previewBannerStyles, previewClientFor } from './preview-banner.js';

/**
 * @summary Holds the API client and the login session for every Hausportal widget inside it, and applies the
 * organization's theme below the page's CSS: a page rule such as `hp-session { --hp-color-primary: … }` always wins,
 * token by token (see {@link OrgThemeController}). Every session and standalone widget of a page with the same `api`
 * and `org` shares one client (DESIGN §6): a login or logout in one shows in all of them at once, and a page load
 * restores the session once.
 *
 * On a page opened with `#hp-preview=<code>` (a manager's read-only preview as a tenant or owner, issue 14) the code
 * leaves the address at once, this session runs a preview client instead of the shared one, and a banner above the
 * widgets says whose preview it is, that it is read-only and until when, with a button that ends it
 * (preview-banner.ts). Once the preview is over only the banner stays.
 *
 * @slot - The widgets that share this session.
 * @attr state - Set by the element (read-only): `unknown`, `restoring`, `anonymous` or `authenticated`, so a page can
 *   show parts only to signed-in people, e.g. `hp-session:not([state='authenticated']) .members-only { display: none }`.
 * @fires hp-session-change - {@link HpSessionChangeEvent} whenever state, user, organization or language change.
 * @fires hp-session-connected - {@link HpSessionConnectedEvent} on the document when it connects, so widgets outside any
 *   session that connected first can take it (a widget split off by a CMS editor finds the page's session).
 * @csspart preview-banner - The preview banner (only in a preview); `preview-text` its sentence, `preview-end` its button.
 * @cssprop --hp-color-primary - Main colour; the organization theme's unless the page sets it or `theme="none"`.
 * @cssprop --hp-color-on-primary - Text on the main colour.
 * @cssprop --hp-color-surface - Background of the widgets.
 * @cssprop --hp-color-text - Text colour.
 * @cssprop --hp-font-family - Font of all widgets.
 * @cssprop --hp-radius - Corner radius.
 */
export class HpSession extends LitElement {
  static override styles = [hostStyles, sessionStyles, previewBannerStyles];

  /** Base URL of the API. */
  @property() api = '/api';
  /** Slug of the organization. */
  @property() org = '';
  /** Language `de` or `en`; defaults to the document's `<html lang>`, else German. */
  @property({ attribute: 'lang' }) language?: string;
  /** `none` leaves out the organization theme (colours, font, radius); the page's CSS and the built-in values stay. */
  @property() theme?: string;
  /** A ready client (tests, Storybook); otherwise the page's shared client of `api` and `org`. */
  @property({ attribute: false }) client?: ApiClient;

  @state() private state: SessionState = 'unknown';
  @state() private organization: OrganizationPublic | null = null;
  /** Why the organization could not be loaded (see {@link Session.error}). */
  @state() private failure: unknown;

  private readonly apiProvider = new ContextProvider(this, { context: apiContext });
  private readonly sessionProvider = new ContextProvider(this, { context: sessionContext });
  private shared?: SharedSession;
  private started?: ApiClient;
  private unsubscribe?: () => void;
  private readonly orgTheme = new OrgThemeController(this);
  private readonly preview = new PreviewBannerController(this, () => this.client);
  private settledPromise: Promise<void> = Promise.resolve();

  /** Resolves when the organization is loaded (or failed) and the session restore has finished. */
  get settled(): Promise<void> {
    return this.updateComplete
      .then(() => this.settledPromise)
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  constructor() {
    super();
    ensureLocalization();
  }

  /** The session the widgets see. */
  get session(): Session {
    return this.sessionProvider.value ?? this.currentSession();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.started && !this.unsubscribe) this.listen(this.started);
    // Widgets outside any session (e.g. split off by a CMS editor) may take this one (page-session.ts).
    announceSession(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    retireSession(this);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The shared client follows the api/org attributes; one handed in stays until it is replaced.
    if ((changed.has('api') || changed.has('org')) && this.client && this.client === this.shared?.client) this.client = undefined;
    if (!this.client && this.org) {
      this.client = previewClientFor(this.api, this.org);
      if (!this.client) {
        this.shared = sharedSession(this.api, this.org);
        this.client = this.shared.client;
      }
    }
    if (this.client && this.client !== this.started) this.start(this.client);
    if (changed.has('language') || !this.hasUpdated) void setLocale(normalizeLocale(this.lang));
    if (changed.has('theme') || changed.has('organization')) this.orgTheme.set(this.theme === 'none' ? null : this.organization?.theme);
    const session = this.currentSession();
    this.setAttribute('state', session.state);
    this.apiProvider.setValue(this.client);
    const previous = this.sessionProvider.value;
    if (!previous || !sameSession(previous, session)) {
      this.sessionProvider.setValue(session);
      this.dispatchEvent(new HpSessionChangeEvent(session));
    }
  }

  /** Normalized language of this session. */
  override get lang(): string {
    return normalizeLocale(this.language ?? documentLocale());
  }
  override set lang(value: string) {
    this.language = value;
  }

  protected override render() {
    return html`${this.preview.render()}${this.preview.hidesContent ? nothing : html`<slot></slot>`}`;
  }

  private currentSession(): Session {
    const user = this.client?.user ?? null;
    return {
      state: this.state,
      user: this.state === 'authenticated' ? user : null,
      org: this.client?.organization ?? this.org,
      organization: this.organization,
      lang: normalizeLocale(this.lang),
      ...(this.failure === undefined ? {} : { error: this.failure }),
    };
  }

  private start(client: ApiClient): void {
    this.unsubscribe?.();
    this.started = client;
    this.organization = null;
    this.failure = undefined;
    this.state = client.user ? 'authenticated' : 'restoring';
    this.listen(client);
    const shared = client === this.shared?.client ? this.shared : undefined;
    const slug = client.organization || this.org;
    const organization = shared?.organization ?? (slug ? loadOrganization(client, slug) : Promise.resolve<OrganizationLoad>({ organization: null }));
    const restored = shared?.restored ?? client.restore();
    const current = () => this.started === client;
    this.settledPromise = Promise.all([
      organization.then((load) => {
        if (!current()) return;
        this.organization = load.organization;
        this.failure = load.error;
      }),
      // The shared restore may have ended long ago: the client's user now is what counts.
      restored
        .catch(() => null)
        .then(() => {
          if (current()) this.state = client.user ? 'authenticated' : 'anonymous';
        }),
    ]).then(() => undefined);
  }

  private listen(client: ApiClient): void {
    this.unsubscribe = client.onSessionChange(({ user }) => {
      this.state = user ? 'authenticated' : 'anonymous';
      // A changed user object keeps the same state; force the new session through.
      this.requestUpdate();
    });
  }
}

function sameSession(a: Session, b: Session): boolean {
  return (
    a.state === b.state && a.user === b.user && a.org === b.org && a.organization === b.organization && a.lang === b.lang && a.error === b.error
  );
}
