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
 * Every session and standalone widget of a page with the same `api` and `org` shares one client (DESIGN §6): a login
 * or logout in one shows in all of them at once, and a page load restores the session once. The organization's theme
 * sits below the page's CSS: a page rule such as `hp-session { --hp-color-primary: … }` always wins, token by token
 * (see {@link OrgThemeController}). The design tokens below are inherited by every widget inside; set them here (or on
 * a widget).
 *
 * On a page opened with `#hp-preview=<code>` (a manager's read-only preview as a tenant or owner, issue 14) the code
 * leaves the address at once, this session runs a preview client instead of the shared one, and a banner above the
 * widgets says whose preview it is, that it is read-only and until when, with a button that ends it
 * (preview-banner.ts). Once the preview is over only the banner stays.
 *
 * @summary Holds the API client and the login session for every Hausportal widget inside it, and applies the
 * organization's theme.
 *
 * @slot - The widgets that share this session.
 * @attr state - Set by the element (read-only): `unknown`, `restoring`, `anonymous` or `authenticated`, so a page can
 *   show parts only to signed-in people, e.g. `hp-session:not([state='authenticated']) .members-only { display: none }`.
 * @fires {HpSessionChangeEvent} hp-session-change - State, user, organization, language or cookie state changed; the
 *   event's `session` (no `detail`) is `{state, user, org, organization, lang, error?, cookie?}`.
 * @fires {HpSessionConnectedEvent} hp-session-connected - Fired on the document (it does not bubble) when the element
 *   connects; the event's `session` is the element. Widgets outside any session that connected first take it then (a
 *   widget split off by a CMS editor finds the page's session).
 *
 * @csspart preview-banner - The preview banner (only in a preview).
 * @csspart preview-text - Its sentence: whose preview, read-only, until when (or why it ended).
 * @csspart preview-end - Its button "Vorschau beenden".
 *
 * @cssprop --hp-color-primary - Main colour: buttons, links, selected tabs; the organization theme's unless the page
 *   sets it or `theme="none"`.
 * @cssprop --hp-color-on-primary - Text on the main colour.
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-primary-active - A filled button being pressed (default: mixed darker still).
 * @cssprop --hp-color-accent - Accent colour (default: the main colour).
 * @cssprop --hp-color-on-accent - Text on the accent colour (default: the text on the main colour).
 * @cssprop --hp-color-surface - Background of the widgets.
 * @cssprop --hp-color-surface-raised - Raised areas: head rows, cards, placeholders (default: mixed from surface and text).
 * @cssprop --hp-color-text - Text colour.
 * @cssprop --hp-color-text-muted - Secondary text (default: mixed from text and surface).
 * @cssprop --hp-color-border - Lines and borders (default: mixed from text and surface).
 * @cssprop --hp-color-info - Information (blue).
 * @cssprop --hp-color-warning - Warnings (yellow); the preview banner.
 * @cssprop --hp-color-danger - Errors and amounts due (red).
 * @cssprop --hp-color-success - Success and credit (green).
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-family - Font of all widgets (default the system's sans-serif).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-font-size-m - Body text (default 1rem).
 * @cssprop --hp-font-size-l - Headings (default 1.25rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-space-m - Medium spacing (default 1rem).
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 * @cssprop --hp-space-xl - Largest spacing (default 2rem).
 * @cssprop --hp-radius - Corner radius (default 0.375rem).
 * @cssprop --hp-shadow - Shadow of cards and menus (default a soft 1–3 px shadow).
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
      ...(this.client?.sessionCookie === undefined ? {} : { cookie: this.client.sessionCookie }),
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
    a.state === b.state &&
    a.user === b.user &&
    a.org === b.org &&
    a.organization === b.organization &&
    a.lang === b.lang &&
    a.error === b.error &&
    a.cookie === b.cookie
  );
}
