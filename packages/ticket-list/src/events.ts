/**
 * Fired by `<hp-ticket-list>` whenever the number of my tickets with something unread becomes known or changes
 * (a page loaded, a ticket opened; 0 after signing out), for a badge in a portal header; `detail.count` is that number.
 */
export class HpTicketsUnreadEvent extends CustomEvent<{ count: number }> {
  static readonly eventName = 'hp-tickets-unread' as const;
  constructor(count: number) {
    super(HpTicketsUnreadEvent.eventName, { detail: { count }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [HpTicketsUnreadEvent.eventName]: HpTicketsUnreadEvent;
  }
}
