/** Where `hp-navigate` asks the page to go: a widget (`unit-list`, `statement`, `login` …) and its parameters. */
export interface NavigateDetail {
  widget: string;
  params: Record<string, string>;
}

/**
 * Fired by `<hp-chat-bot>` when an answer's link asks to open another widget: `detail.widget` is the widget without
 * its `hp-` prefix (`unit-list`, `statement`, `documents`, `bulletin-board`, `ticket-list`, `message-form`, `profile`,
 * and `login` for signing in), `detail.params` its parameters (e.g. `{form: 'schadensmeldung'}`). Cancelable: a portal
 * shell calls `preventDefault()` and shows that widget; when nobody does, the bot scrolls to the page's first element
 * of that tag, if there is one.
 */
export class HpNavigateEvent extends CustomEvent<NavigateDetail> {
  static readonly eventName = 'hp-navigate' as const;
  constructor(widget: string, params: Record<string, string> = {}) {
    super(HpNavigateEvent.eventName, { detail: { widget, params }, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [HpNavigateEvent.eventName]: HpNavigateEvent;
  }
}
