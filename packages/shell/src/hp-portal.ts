import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { msg, str } from '@lit/localize';
import { HpElement, PrintController, formStyles, hasSessionAbove, hostStyles, importOnce, registerTranslations, renderError, renderLoading, stateStyles, type Locale } from '@hausportal/core';
import { Disclosure } from './disclosure.js';
import { ElementsController, loadElement } from './elements.js';
import { HpPortalViewEvent } from './events.js';
import { offeredViews, offersExpenses } from './features.js';
import { focusHeading } from './focus.js';
import { renderFooter } from './footer.js';
import { logoOf, renderHeader, type SignedInPart } from './header.js';
import { LinksController } from './links.js';
import { RouterController, type RouteChange } from './router.js';
import { chooseLanguage, chooseOrganization } from './session-control.js';
import { defaultRoute, routeHash, viewDef, type Route, type ViewDef, type ViewName } from './routes.js';
import { UnitStore, UnreadStore } from './stores.js';
import { TicketRoute } from './tickets.js';
import { templates } from './locales/de.js';
import { portalStyles } from './hp-portal.styles.js';

registerTranslations('de', templates);

const loadSignedIn = importOnce(() => import('./signed-in.js'));

/**
 * Each view has a hash (`#/uebersicht`, `#/konto/ledger`, `#/brett/<id>`, `#/tickets/2026-00042`, `#/meldung`, …):
 * back and forward work, a reload keeps the view, the chat bot's links open views. Signed out, the login fills the main
 * area: `<hp-login slot="login">` is added as the portal's own child, so its form stays in the page's light DOM for
 * password managers. Inside `<hp-session>` it uses that session; alone, with `api` and `org` (and `lang`), it holds its
 * own. Choosing another organization sets that session's `org` (the refresh moves the sign-in there, where the person
 * is a member) or, alone, replaces the portal with one for that organization (session-control.ts). A view's widget
 * shows in the portal's shadow root: its parts are not reachable from outside, but the tokens set on `<hp-portal>`
 * reach it.
 *
 * @summary The whole portal in one element: the organization's logo and name, a notification button counting what is
 * new, the user menu (Profil, Deutsch/English, organization, Abmelden), a navigation that follows the person's role
 * and the organization's feature toggles (collapsible to icons; a menu button below 768 px), one view at a time with
 * its widget, the print view of that view, and the legal links.
 *
 * @attr api - Base URL of the API (default `/api`), with `org` for a portal alone on its page.
 * @attr org - Slug of the organization: alone on a page, the portal holds its own `<hp-session>` of `api` and `org`.
 * @attr lang - `de` or `en` for that session (default: the page's `<html lang>`).
 * @attr theme - `none` leaves the organization theme out of that session.
 * @fires {HpPortalViewEvent} hp-portal-view - Another view or item shows (a link, back or forward, the chat bot, a deep
 *   link on load); `detail` is `{view, param}`: the view's name and its parameter (statement view, notice id, ticket
 *   number, form key; '' for none).
 * @slot login - Filled by the element with `<hp-login>` while nobody is signed in; do not use.
 *
 * @csspart base - Everything.
 * @csspart skip-link - "Zum Inhalt springen".
 * @csspart header - Logo, name and the buttons.
 * @csspart brand - Logo and name.
 * @csspart logo - The logo.
 * @csspart menu-button - The menu button (below 768 px).
 * @csspart print - "Druckansicht".
 * @csspart notifications - The notification button.
 * @csspart notifications-panel - Its list.
 * @csspart user-menu - The user menu's button.
 * @csspart user-panel - The user menu.
 * @csspart logout - "Abmelden".
 * @csspart nav - The navigation.
 * @csspart collapse - The button that collapses the navigation to icons.
 * @csspart main - The current view.
 * @csspart loading - The loading state in the main area (the session, or a view's code, on its way).
 * @csspart error - In the main area: a view's code (or the portal's signed-in part) that could not be loaded, with
 *   "Erneut versuchen".
 * @csspart retry - Its "Erneut versuchen" button.
 * @csspart empty - In the main area: the error's calm form, for a part the organization has switched off.
 * @csspart toolbar - The unit switcher above the statement.
 * @csspart unit-select - Its select.
 * @csspart footer - The organization's name and legal links.
 *
 * @cssprop --hp-portal-nav-width - Width of the open navigation (default 15rem).
 * @cssprop --hp-portal-max-width - Width the portal grows to at most (default none).
 * @cssprop --hp-portal-logo-height - Height of the logo (default 2.5rem).
 * @cssprop --hp-color-primary - Links, the current view, buttons, the focus ring.
 * @cssprop --hp-color-on-primary - Text on the main colour (filled buttons).
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-font-size-l - Headings (default 1.25rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-color-text-muted - Quiet notes in the menus, captions and the footer.
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 * @cssprop --hp-shadow - Shadow of the menus (default a soft 1–3 px shadow).
 * @cssprop --hp-color-danger - The notification badge.
 */
export class HpPortal extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, portalStyles];

  @state() private collapsed = false;
  @state() private narrow = false;
  @state() private unit = '';
  @state() private announcement = '';
  /** The language chosen in the user menu, for the portal's own session. */
  @state() private language?: Locale;

  /** The route (view and parameter) and the address hash it follows. */
  readonly router = new RouterController(this, (route, how) => this.arrived(route, how));
  /** The unread counts of the notification button and the navigation. */
  readonly unread = new UnreadStore(this, () => this.route.view === 'overview');
  /** The person's units, for the statement's unit switcher. */
  readonly units = new UnitStore(this);
  /** The ticket a `#/tickets/…` address opens (by id, or by number once found). */
  readonly tickets = new TicketRoute(this);
  private readonly printer = new PrintController(this);
  private readonly menu = new Disclosure(this, 'menu', true);
  private readonly notifications = new Disclosure(this, 'notifications');
  private readonly userMenu = new Disclosure(this, 'user');
  /** The code of what shows next, loaded on first use: the view's widget and the chat bot, or the login once needed. */
  private readonly elements = new ElementsController(this, () => {
    if (this.authenticated) return [viewDef(this.route.view).tag, 'hp-chat-bot'];
    const state = this.session?.state;
    return state === 'anonymous' || state === 'authenticated' ? ['hp-login'] : [];
  });
  private readonly resize = new ResizeObserver(([entry]) => (this.narrow = entry!.contentRect.width < 768));
  /** Alone on the page with `org`: the portal renders its own `<hp-session>`. */
  private ownSession = false;
  private wasReady?: boolean;
  /** What only a signed-in person sees (signed-in.ts), once it has arrived. */
  private signedIn?: SignedInPart;
  private partLoad?: Promise<void>;
  /** Why the signed-in part could not be loaded, until the next try. */
  private partError?: unknown;

  constructor() {
    super();
    new LinksController(this);
  }

  /** Signed in with nothing left to do first (terms, a new password): the portal shows its views. */
  override get authenticated(): boolean {
    return super.authenticated && this.session!.user!.pendingActions.length === 0;
  }

  /** The view shown and its parameter. */
  get route(): Route {
    return this.router.route;
  }

  /** The element showing the current view. */
  get viewElement(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[data-view]');
  }

  /** The views the signed-in person may open. */
  get offered(): ViewDef[] {
    return this.authenticated ? offeredViews({ user: this.session!.user, organization: this.session!.organization, units: this.units.units }) : [];
  }

  /** Whether the signed-in person may open `view`. */
  offers(view: ViewName): boolean {
    return this.offered.some((v) => v.name === view);
  }

  /** Shows `route` with a new history entry; `within`: a widget moved inside its view, so the focus stays. */
  go(route: Route, how: Exclude<RouteChange, 'load'> = 'navigate'): void {
    this.router.go(route, how);
  }

  /** The unit the statement shows. */
  chooseUnit(unitId: string): void {
    this.unit = unitId;
  }

  /** Moves the focus to the login's heading once the login is shown. */
  focusLogin(): void {
    void this.focusOnceLoaded('hp-login', () => this.querySelector('hp-login'));
  }

  override connectedCallback(): void {
    this.ownSession = this.hasAttribute('org') && !hasSessionAbove(this);
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const ready = this.authenticated;
    const offered = this.offered;
    if (ready && this.session!.organization && !offered.some((v) => v.name === this.route.view)) this.router.go(defaultRoute, 'within', true);
    this.tickets.follow(this.route.view === 'tickets' ? this.route.param : '', ready ? this.api : undefined);
    this.unit = this.units.pick(this.unit, this.route.param === 'expenses');
    if (ready && !this.signedIn && this.partError === undefined) void this.loadPart();
  }

  /**
   * Imports the signed-in part once somebody is signed in, together with the view's widget (elements.ts), so both
   * arrive in the same round trip. A failed import is logged and shown as an error with "Erneut versuchen"
   * ({@link retryLoading}); opening another view tries again too.
   */
  private loadPart(): Promise<void> {
    return (this.partLoad ??= loadSignedIn().then(
      (part) => {
        this.signedIn = part;
        this.requestUpdate();
      },
      (error: unknown) => {
        this.partLoad = undefined;
        this.partError = error;
        this.requestUpdate();
        console.error('Hausportal: the portal could not be loaded.', error);
      },
    ));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const state = this.session?.state;
    if (state === 'anonymous' || state === 'authenticated') {
      const ready = this.authenticated;
      // The login's form must live in the page's light DOM (DESIGN §6): a child of the portal, shown through the slot;
      // added once it is needed, so a returning visitor's page does not load the login's code.
      if (!ready && !this.querySelector(':scope > [slot=login]')) this.append(Object.assign(document.createElement('hp-login'), { slot: 'login' }));
      // Signed in or out just now: the focus goes to the new main content (unless the person is busy elsewhere).
      if (this.wasReady !== undefined && ready !== this.wasReady && this.focusIsHere()) void this.focusMain();
      if (!ready) for (const d of [this.menu, this.notifications, this.userMenu]) d.close();
      this.wasReady = ready;
    }
  }

  protected override render(): TemplateResult {
    const content = this.renderBase();
    if (!this.ownSession) return content;
    return html`<hp-session api=${this.getAttribute('api') ?? '/api'} org=${this.getAttribute('org') ?? ''} lang=${this.language ?? this.getAttribute('lang') ?? nothing} theme=${this.getAttribute('theme') ?? nothing}
      >${content}</hp-session
    >`;
  }

  private renderBase(): TemplateResult {
    const session = this.session;
    const ready = this.authenticated;
    const offered = this.offered;
    const names = new Set(offered.map((v) => v.name));
    const classes = { base: true, narrow: this.narrow, collapsed: this.collapsed && !this.narrow, printing: this.printer.printing };
    const menus = { menu: this.menu, notifications: this.notifications, userMenu: this.userMenu };
    return html`<div part="base" class=${classMap(classes)} lang=${this.locale}>
      <a part="skip-link" class="skip-link visually-hidden" href=${routeHash(this.route)} @click=${this.skip}>${msg('Skip to content', { id: 'portal.skip' })}</a>
      <div id="menu-wrap" class="chrome" @focusout=${this.menu.focusout}>
        ${renderHeader({ ...menus, signedInPart: this.signedIn, organization: session?.organization ?? null, org: session?.org ?? '', logo: logoOf(this.session?.organization, this.api), user: ready ? session!.user : null, counts: this.unread.counts, offered: names, locale: this.locale, narrow: this.narrow, print: this.print, language: this.setLanguage, switchOrganization: this.switchOrganization, logout: this.logout, loaded: this.rerender })}
        ${ready && this.signedIn ? this.signedIn.renderNav({ views: offered, route: this.route, expenses: offersExpenses({ user: session!.user, organization: session!.organization, units: this.units.units }), counts: this.unread.counts, collapsed: this.collapsed, narrow: this.narrow, menu: this.menu, toggleCollapsed: () => (this.collapsed = !this.collapsed) }) : nothing}
      </div>
      <div id="main" part="main" class="main" role="region" tabindex="-1" aria-label=${msg(str`Content: ${ready ? viewDef(this.route.view).label() : msg('Sign in', { id: 'portal.signIn' })}`, { id: 'portal.content' })}>
        ${!session || session.state === 'unknown' || session.state === 'restoring' ? renderLoading() : ready ? this.renderActive() : html`<slot name="login"></slot>`}
      </div>
      ${renderFooter(session?.organization ?? null, session?.org ?? '')}
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <hp-chat-bot></hp-chat-bot>
    </div>`;
  }

  private renderActive(): TemplateResult {
    // Until the view's code (and the signed-in part) has arrived, the portal's own loading state rather than an empty element.
    const part = this.signedIn;
    const tag = viewDef(this.route.view).tag;
    const failed = this.partError ?? this.elements.failure(tag);
    if (failed !== undefined) return renderError(failed, this.retryLoading);
    if (!part || !this.elements.ready(tag)) return renderLoading();
    const unitSwitch = this.route.view === 'statement' ? part.renderUnitSwitch(this.units, this.unit, (id) => (this.unit = id)) : nothing;
    return html`${unitSwitch}${part.renderView({ route: this.route, unit: this.unit, ticket: this.tickets.id })}`;
  }

  private arrived(route: Route, how: RouteChange): void {
    this.dispatchEvent(new HpPortalViewEvent(route));
    if (this.partError !== undefined || this.elements.failure(viewDef(route.view).tag) !== undefined) this.retryLoading();
    if (route.view !== 'overview') void this.unread.ensure();
    if (how !== 'navigate') return;
    for (const d of [this.menu, this.notifications, this.userMenu]) d.close();
    // Cleared first, so the same view announced again is heard again.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = viewDef(route.view).label();
      return this.focusMain();
    });
  }

  /** The focus is in the portal, or nowhere (the control that had it went away). */
  private focusIsHere(): boolean {
    const active = document.activeElement;
    return !active || active === document.body || this.matches(':focus-within');
  }

  private focusMain(): Promise<void> {
    if (!this.authenticated) return this.focusOnceLoaded('hp-login', () => this.querySelector('hp-login'));
    return this.loadPart().then(() => this.focusOnceLoaded(viewDef(this.route.view).tag, () => this.viewElement));
  }

  /** Focuses the heading of the element `widget()` returns once `tag` is defined and rendered (else `#main`). */
  private async focusOnceLoaded(tag: string, widget: () => HTMLElement | null): Promise<void> {
    await loadElement(tag).catch(() => undefined);
    await this.updateComplete;
    return focusHeading(widget(), this.renderRoot.querySelector('#main'));
  }

  private readonly skip = (event: Event) => {
    event.preventDefault();
    void this.focusMain();
  };

  /** Loads what could not be loaded (the signed-in part, a view's or the chat bot's code) again. */
  private readonly retryLoading = () => {
    this.partError = undefined;
    this.elements.retry();
  };

  private readonly print = () => void this.printer.print();

  private readonly rerender = () => this.requestUpdate();

  private readonly setLanguage = (locale: Locale) => {
    this.language = locale;
    chooseLanguage(this, locale);
  };

  /** Another organization of the person's: see {@link chooseOrganization}; the new one opens on its overview. */
  private readonly switchOrganization = (slug: string) => {
    this.userMenu.close();
    if (slug === this.session?.org) return;
    this.router.go(defaultRoute, 'within');
    chooseOrganization(this, slug, this.ownSession, this.language);
  };

  private readonly logout = () => {
    this.userMenu.close();
    void this.api?.logout();
  };
}
