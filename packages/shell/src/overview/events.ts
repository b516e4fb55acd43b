import type { UnreadCounts } from '@hausportal/api';

/**
 * Fired by `<hp-overview>` when the overview has loaded (and again after every reload): `detail` holds the unread
 * counts over all of the person's documents, notices, tickets and coming appointments (openapi.yaml UnreadCounts), not
 * only the few the overview shows — for the notification count in a portal header. All zero after signing out.
 */
export class HpOverviewUnreadEvent extends CustomEvent<UnreadCounts> {
  static readonly eventName = 'hp-overview-unread' as const;
  constructor(counts: UnreadCounts) {
    super(HpOverviewUnreadEvent.eventName, { detail: counts, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [HpOverviewUnreadEvent.eventName]: HpOverviewUnreadEvent;
  }
}
