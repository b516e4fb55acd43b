/**
 * Fired by `<hp-documents>` whenever the number of my unread documents becomes known or changes (loaded, marked read,
 * downloaded; 0 after signing out), for a badge in a portal header; `detail.count` is that number.
 */
export class HpDocumentsUnreadEvent extends CustomEvent<{ count: number }> {
  static readonly eventName = 'hp-documents-unread' as const;
  constructor(count: number) {
    super(HpDocumentsUnreadEvent.eventName, { detail: { count }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [HpDocumentsUnreadEvent.eventName]: HpDocumentsUnreadEvent;
  }
}
