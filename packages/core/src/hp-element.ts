import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import { isOriginNotAllowed, type ApiClient } from '@hausportal/api';
import { apiContext, sessionContext, type Locale, type Session } from './context.js';
import { ensureLocalization, getLocale } from './localization.js';
import { syncPageNotice, type PageNotice } from './page-notice.js';
import { PageSessionController, hasSessionAbove } from './page-session.js';
import { problemMessage } from './states.js';
import { hostStyles } from './styles/tokens.js';
import { StandaloneSessionController } from './standalone.js';

/**
 * Finds its session (client and session), renders again when the locale changes and brings the token fallbacks.
 * Where the session comes from, in this order (DESIGN §3):
 * 1. the nearest `<hp-session>` above it (context; one defined later still answers);
 * 2. with both `api` and `org` attributes: its own client of those, shared page-wide;
 * 3. otherwise the page's `<hp-session>` — the only one, the one of its `org`, or one that connects later
 *    ({@link PageSessionController}); a widget with `org` and no such session runs its own client of `/api`.
 * Instead of its content it shows a hint (part `hint`) when the page has no session for it, and an alert when the
 * API does not admit this page's origin (`session.error` is an `OriginNotAllowedError`).
 *
 * @summary Base class of every Hausportal widget: its session, its language and the design tokens' fallbacks.
 *
 * @attr api - Base URL of the API for a widget outside any `<hp-session>` (with `org`), e.g. `https://portal.example.com/api`.
 * @attr org - Slug of the organization for a widget outside any `<hp-session>`: with `api` it runs its own client of
 *   those; alone it takes the page's `<hp-session>` of that organization, else its own client of `/api`.
 * @attr lang - Language (`de` or `en`) of a widget that runs its own client (see `api`, `org`); defaults to the
 *   document's `<html lang>`. Inside a session the session's language counts.
 *
 * @csspart hint - The note for the page's author instead of the content: no `<hp-session>` for this widget on the
 *   page (`data-kind="missing"`), or the API does not admit this page's origin (`data-kind="blocked"`, an alert).
 *
 * @cssprop --hp-font-family - Font of the widget.
 * @cssprop --hp-font-size-m - Body text size (default 1rem).
 * @cssprop --hp-color-text - Text colour.
 * @cssprop --hp-color-surface - Background; the tints of notes and alerts are mixed into it.
 * @cssprop --hp-color-border - Lines and borders (mixed from text and surface when not set).
 * @cssprop --hp-color-warning - The `hint` note's tint.
 * @cssprop --hp-color-danger - Errors and the blocked-origin alert.
 * @cssprop --hp-space-m - Padding of notes (default 1rem).
 * @cssprop --hp-radius - Corner radius (default 0.375rem).
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
  private readonly pageSession = new PageSessionController(this, {
    setApi: (api) => (this.api = api),
    setSession: (session) => (this.session = session),
    standalone: () => this.runStandalone(),
  });

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
    // Context requests are answered synchronously during connect (or later by the page's ContextRoot, when the
    // session above is not defined yet). Only a widget with no session above looks further.
    if (this.standalone || hasSessionAbove(this)) return;
    if (this.hasAttribute('api') && this.hasAttribute('org')) this.runStandalone();
    else this.pageSession.find();
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    syncPageNotice(this.renderRoot, this.pageNotice(), this.locale);
  }

  private pageNotice(): PageNotice | null {
    if (this.pageSession.status === 'missing') return { kind: 'missing' };
    const error = this.session?.error;
    return isOriginNotAllowed(error) ? { kind: 'blocked', text: problemMessage(error, this.locale) } : null;
  }

  private runStandalone(): void {
    this.standalone ??= new StandaloneSessionController(this, (api, session) => {
      this.api = api;
      this.session = session;
    });
  }
}
