import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NavigateDetail } from '@hausportal/chat-bot';
import type { HpTicketList } from '@hausportal/ticket-list';
import type { RouteChange } from './router.js';
import { views, type Route, type ViewName } from './routes.js';
import { ticketParam, type TicketRoute } from './tickets.js';

/** What the links controller needs of the portal. */
export interface LinksHost extends ReactiveControllerHost, HTMLElement {
  readonly route: Route;
  /** Goes to a route (see RouterController.go). */
  go(route: Route, how?: Exclude<RouteChange, 'load'>): void;
  /** Chooses the unit of the unit-scoped views (the statement). */
  chooseUnit(unitId: string): void;
  /** The ticket the list shows. */
  readonly tickets: TicketRoute;
  /** Moves the focus to the login (signed out). */
  focusLogin(): void;
  /** Whether the person may see the view (signed in, feature on). */
  offers(view: ViewName): boolean;
  /** The element showing the current view. */
  readonly viewElement: HTMLElement | null;
}

/** The widget names of `hp-navigate` (the tag without `hp-`) and the view each opens. */
const widgetViews: Record<string, ViewName> = Object.fromEntries(views.map((v) => [v.tag.replace(/^hp-/, ''), v.name]));

/**
 * Turns what the widgets inside ask for into the portal's routes:
 * - `hp-navigate` (the chat bot's links; {@link NavigateDetail}): cancelled, and the view of `detail.widget` opens with
 *   the whitelisted parameter of that view (`view` of the statement, `post`, `ticket`, `form`; `unit` chooses the
 *   unit) — `login` focuses the login while nobody is signed in. A widget the person may not see is left to the bot;
 * - `hp-unit-select` (a row of the unit list): that unit's statement;
 * - `hp-post-open` (a compact board, e.g. in the overview), unless handled already: the notice on the full board;
 * - `hp-statement-view` and the opening or closing of a ticket in the list: the hash follows the widget (a history
 *   entry, the focus stays where it is).
 */
export class LinksController implements ReactiveController {
  constructor(private readonly host: LinksHost) {
    host.addController(this);
    host.addEventListener('hp-navigate', this.onNavigate);
    host.addEventListener('hp-unit-select', this.onUnitSelect);
    host.addEventListener('hp-post-open', this.onPostOpen);
    host.addEventListener('hp-statement-view', this.onStatementView);
    host.addEventListener('click', this.onClick);
  }

  hostConnected(): void {}

  private readonly onNavigate = (event: Event) => {
    const { widget, params = {} } = (event as CustomEvent<NavigateDetail>).detail ?? {};
    if (widget === 'login') {
      event.preventDefault();
      return this.host.focusLogin();
    }
    const view = widget ? widgetViews[widget] : undefined;
    if (!view || !this.host.offers(view)) return;
    event.preventDefault();
    if (params.unit) this.host.chooseUnit(params.unit);
    const param = { statement: params.view, board: params.post, tickets: params.ticket, report: params.form }[view as string] ?? '';
    this.host.go({ view, param });
  };

  private readonly onUnitSelect = (event: Event) => {
    const unitId = (event as CustomEvent<{ unitId?: unknown }>).detail?.unitId;
    if (typeof unitId !== 'string' || !unitId || !this.host.offers('statement')) return;
    this.host.chooseUnit(unitId);
    this.host.go({ view: 'statement', param: '' });
  };

  private readonly onPostOpen = (event: Event) => {
    const id = (event as CustomEvent<{ id?: unknown }>).detail?.id;
    if (event.defaultPrevented || typeof id !== 'string' || this.host.route.view === 'board') return;
    event.preventDefault();
    this.host.go({ view: 'board', param: id });
  };

  private readonly onStatementView = (event: Event) => {
    const view = (event as CustomEvent<{ view?: unknown }>).detail?.view;
    if (typeof view !== 'string' || this.host.route.view !== 'statement') return;
    this.host.go({ view: 'statement', param: view === 'charges' ? '' : view }, 'within');
  };

  /** After a click in the ticket list: a ticket opened or closed there shows in the hash. */
  private readonly onClick = async (event: Event) => {
    const list = this.host.viewElement;
    if (this.host.route.view !== 'tickets' || !list || !event.composedPath().includes(list)) return;
    await (list as HpTicketList).updateComplete;
    const id = (list as HpTicketList).ticket ?? '';
    const shown = this.host.route.param;
    if (id === this.host.tickets.id) return;
    const param = id ? ticketParam(list as HpTicketList, id) : '';
    this.host.tickets.shown(id, param);
    if (param !== shown) this.host.go({ view: 'tickets', param }, 'within');
  };
}
