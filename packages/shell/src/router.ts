import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { defaultRoute, parseHash, routeHash, sameRoute, type Route } from './routes.js';

/** How the route changed: the page loaded, the person navigated (links, back, forward, the chat), or a widget moved within its view. */
export type RouteChange = 'load' | 'navigate' | 'within';

/**
 * The portal's place in the location hash (`#/dokumente`, `#/tickets/2026-00042`): read when the element connects (a
 * reload or a deep link keeps the view), followed on `hashchange` and `popstate` (links, back and forward; no hash is the overview), and written
 * with `history.pushState` when the portal navigates itself. A hash that is not the portal's (`#kontakt` of the host
 * page) leaves the view as it is. `changed` hears every new route and how it came.
 */
export class RouterController implements ReactiveController {
  route: Route = defaultRoute;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly changed: (route: Route, how: RouteChange) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.route = parseHash(location.hash) ?? defaultRoute;
    window.addEventListener('hashchange', this.follow);
    window.addEventListener('popstate', this.follow);
    this.changed(this.route, 'load');
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.follow);
    window.removeEventListener('popstate', this.follow);
  }

  /**
   * Goes to `route` with a new history entry (`within`: a widget moved inside its view, so the focus stays), or
   * replaces the current entry with `replace` (a route the person may not see, corrected).
   */
  go(route: Route, how: Exclude<RouteChange, 'load'> = 'navigate', replace = false): void {
    const hash = routeHash(route);
    if (location.hash !== hash) history[replace ? 'replaceState' : 'pushState'](history.state, '', hash);
    this.set(route, how);
  }

  private readonly follow = (): void => {
    // No hash at all (back to where the page started) is the overview; a host page's own anchor is none of the portal's.
    const route = location.hash.length > 1 ? parseHash(location.hash) : defaultRoute;
    if (route) this.set(route, 'navigate');
  };

  private set(route: Route, how: RouteChange): void {
    if (sameRoute(route, this.route)) return;
    this.route = route;
    this.host.requestUpdate();
    this.changed(route, how);
  }
}
