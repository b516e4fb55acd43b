import type { ViewName } from './routes.js';

/** Where the portal went: the view and its parameter (statement view, notice id, ticket number, form key; '' for none). */
export interface PortalViewDetail {
  view: ViewName;
  param: string;
}

/**
 * Fired by `<hp-portal>` when it shows another view or another item of a view — a link, back or forward, the chat
 * bot, a deep link on load — e.g. for the host page's analytics or an iframe's parent. `detail` is the route.
 */
export class HpPortalViewEvent extends CustomEvent<PortalViewDetail> {
  static readonly eventName = 'hp-portal-view' as const;
  constructor(detail: PortalViewDetail) {
    super(HpPortalViewEvent.eventName, { detail: { view: detail.view, param: detail.param }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [HpPortalViewEvent.eventName]: HpPortalViewEvent;
  }
}
