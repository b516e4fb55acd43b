/**
 * Fired by `<hp-bulletin-board>` whenever the number of my notices not yet opened (in their current revision) becomes
 * known or changes (loaded, refreshed, opened, acknowledged; 0 after signing out), for a badge in a portal header;
 * `detail.count` is that number.
 */
export class HpPostsUnreadEvent extends CustomEvent<{ count: number }> {
  static readonly eventName = 'hp-posts-unread' as const;
  constructor(count: number) {
    super(HpPostsUnreadEvent.eventName, { detail: { count }, bubbles: true, composed: true });
  }
}

/**
 * Fired by `<hp-bulletin-board compact>` when a notice's title is activated, before it opens in place; `detail.id` is
 * the notice. Cancelable: a portal overview calls `preventDefault()` and shows the notice on its full board instead
 * (e.g. `<hp-bulletin-board post="…">`).
 */
export class HpPostOpenEvent extends CustomEvent<{ id: string }> {
  static readonly eventName = 'hp-post-open' as const;
  constructor(id: string) {
    super(HpPostOpenEvent.eventName, { detail: { id }, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [HpPostsUnreadEvent.eventName]: HpPostsUnreadEvent;
    [HpPostOpenEvent.eventName]: HpPostOpenEvent;
  }
}
