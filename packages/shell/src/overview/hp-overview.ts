import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { Overview } from '@hausportal/api';
import { HpNavigateEvent, type NavigateDetail } from '@hausportal/chat-bot';
import { HpElement, hostStyles, registerTranslations, renderEmpty, renderError, stateStyles } from '@hausportal/core';
import { balancesCard, personCard, propertiesCard, type View } from './cards.js';
import { appointmentCard, documentsCard, noticesCard, ticketsCard } from './lists.js';
import { overviewStyles } from './hp-overview.styles.js';
import { OverviewStore } from './store.js';
import { templates } from './locales/de.js';
import { routeHash, views } from '../routes.js';

registerTranslations('de', templates);

/**
 * The portal's hash of a widget's view (routes.ts: `#/dokumente`, `#/brett/<post>`, `#/konto/open-items`), with the
 * parameter that view takes; `#/<widget>` for a widget the portal has no view for.
 */
export const defaultHref = ({ widget, params }: NavigateDetail): string => {
  const def = views.find((v) => v.tag === `hp-${widget}`);
  return def ? routeHash({ view: def.name, param: (def.param && params[def.param]) || '' }) : `#/${widget}`;
};

/** A click that should open the link elsewhere (new tab or window, download): left to the browser. */
const elsewhere = (e: MouseEvent) => e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey;

/**
 * One request (GET /overview); a part the organization switched off for my role is left out. Links fire `hp-navigate`
 * (the chat bot's event); a portal cancels it and shows that widget, otherwise the link's own address (`hrefFor`) is
 * followed. Ctrl/⌘-click or a middle click opens that address in a new tab. One column up to 40rem of the element's
 * width, a grid of cards beyond.
 *
 * @summary The portal's overview (Übersicht): personal details, my properties with photo, address and contacts, the
 * balance per unit with a link to pay, the latest documents, current notices (danger first), open requests and the
 * next appointment — each card links to its widget.
 *
 * @fires {HpNavigateEvent} hp-navigate - A card's link was activated; `detail` is
 *   `{widget: string, params: Record<string, string>}`: `widget` is `profile`, `unit-list`, `statement`, `documents`,
 *   `bulletin-board`, `ticket-list` or `message-form`, `params` has `unit` and `view` for the statement, `document`,
 *   `post` or `ticket`. Cancelable: cancel it to route the link yourself.
 * @fires {HpOverviewUnreadEvent} hp-overview-unread - The overview loaded (again); `detail` is
 *   `{documents, notices, tickets, appointments}`, the unread counts over all of them (openapi.yaml `UnreadCounts`),
 *   zeros after signing out.
 *
 * @csspart base - The frame around everything.
 * @csspart title - The heading "Übersicht" (focused by the portal on navigation).
 * @csspart card - One card (a section with its heading).
 * @csspart badge - The unread count beside a card's title.
 * @csspart new - "Neu" on an unread entry.
 * @csspart link - A link to another widget.
 * @csspart loading - The loading state (placeholder cards).
 * @csspart empty - The note that I have no current unit, or that nobody is signed in.
 * @csspart error - The error with its retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --hp-overview-card-min - The narrowest a card gets before the grid takes fewer columns (default 18rem).
 * @cssprop --hp-color-primary - Links, buttons, the focus ring.
 * @cssprop --hp-color-on-primary - Text on the main colour (filled buttons).
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-font-size-l - Headings (default 1.25rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-color-surface-raised - Behind property photos and the placeholder cards.
 * @cssprop --hp-color-text-muted - Dates, sub-headings and quiet notes.
 * @cssprop --hp-shadow - Shadow of the cards (default a soft 1–3 px shadow).
 * @cssprop --hp-color-info - Info notices (blue).
 * @cssprop --hp-color-warning - Warnings (yellow).
 * @cssprop --hp-color-danger - Danger notices and amounts owed (red).
 * @cssprop --hp-color-success - Credit (green).
 */
export class HpOverview extends HpElement {
  static override styles = [hostStyles, stateStyles, overviewStyles];

  /** The address each link carries (for a new tab, or when nobody routes `hp-navigate`); a portal sets its routes. */
  @property({ attribute: false }) hrefFor: (detail: NavigateDetail) => string = defaultHref;

  /** The data (GET /overview) of the signed-in person. */
  readonly store = new OverviewStore(this);

  /** Loads the overview again (e.g. after the person read documents in another view). */
  refresh(): Promise<void> {
    return this.store.reload();
  }

  protected override render(): TemplateResult {
    return html`<div part="base" class="base">
      <h2 id="title" class="title" part="title" tabindex="-1">${msg('Overview', { id: 'ov.title' })}</h2>
      ${this.renderState()}
    </div>`;
  }

  private renderState(): unknown {
    const { overview, error } = this.store;
    if (error) return renderError(error, () => void this.store.reload());
    if (overview) return this.renderOverview(overview);
    const settling = !this.session || this.session.state === 'unknown' || this.session.state === 'restoring';
    if (overview === null && !settling) return renderEmpty(msg('Please sign in to see your overview.', { id: 'ov.signedOut' }));
    return this.renderSkeleton();
  }

  private renderSkeleton(): TemplateResult {
    const ghost = html`<div class="card ghost" aria-hidden="true"><span></span><span></span><span></span></div>`;
    return html`<div part="loading" class="grid skeleton" role="status">
      <span class="visually-hidden">${msg('Loading the overview…', { id: 'ov.loading' })}</span>
      ${ghost}${ghost}${ghost}${ghost}
    </div>`;
  }

  private renderOverview(o: Overview): TemplateResult {
    const v = this.view();
    const parts = [o.properties, o.balances];
    const noUnits = parts.some((p) => p !== null) && parts.every((p) => p === null || p.length === 0);
    // Without a current unit only the person and the lists that still have something show, under a friendly note.
    const shown = <T>(list: T[] | null): list is T[] => list !== null && (!noUnits || list.length > 0);
    return html`${noUnits
        ? html`<p part="empty" class="no-units" role="status">
            ${msg('You have no current flat or unit with us at the moment. As soon as a contract starts, you will find it here.', { id: 'ov.noUnits' })}
          </p>`
        : nothing}
      <div class="grid">
        ${personCard(o, v)}
        ${shown(o.properties) ? propertiesCard(o.properties, v) : nothing}
        ${shown(o.balances) ? balancesCard(o, o.balances, v) : nothing}
        ${shown(o.documents) ? documentsCard(o, o.documents, v) : nothing}
        ${shown(o.notices) ? noticesCard(o, o.notices, v) : nothing}
        ${shown(o.tickets) ? ticketsCard(o, o.tickets, v) : nothing}
        ${o.notices !== null && (!noUnits || o.nextAppointment) ? appointmentCard(o.nextAppointment, v) : nothing}
      </div>`;
  }

  /** The language, the organization's zone and the links, for the cards. */
  private view(): View {
    return {
      locale: this.locale,
      timeZone: this.session?.organization?.timeZone,
      link: (label, widget, params = {}, kind = '') =>
        html`<a part="link" class="link ${kind}" href=${this.hrefFor({ widget, params })} data-widget=${widget} @click=${(e: MouseEvent) => this.navigate(e, widget, params)}
          >${label}</a
        >`,
    };
  }

  /** Fires `hp-navigate`; when a portal cancels it, the link is not followed. */
  private navigate(e: MouseEvent, widget: string, params: Record<string, string>): void {
    if (elsewhere(e)) return;
    if (!this.dispatchEvent(new HpNavigateEvent(widget, params))) e.preventDefault();
  }
}
