import type { Session } from './context.js';

/** Fired by `<hp-session>` whenever its session changes (state, user, organization or language). */
export class HpSessionChangeEvent extends Event {
  static readonly eventName = 'hp-session-change' as const;
  readonly session: Session;
  constructor(session: Session) {
    super(HpSessionChangeEvent.eventName, { bubbles: true, composed: true });
    this.session = session;
  }
}

/**
 * Fired on the document by every `<hp-session>` when it connects, so widgets outside any session (e.g. split off by a
 * CMS editor) that connected first can find it then instead of polling (page-session.ts). Does not bubble.
 */
export class HpSessionConnectedEvent extends Event {
  static readonly eventName = 'hp-session-connected' as const;
  readonly session: HTMLElement;
  constructor(session: HTMLElement) {
    super(HpSessionConnectedEvent.eventName);
    this.session = session;
  }
}

declare global {
  interface HTMLElementEventMap {
    'hp-session-change': HpSessionChangeEvent;
  }
  interface DocumentEventMap {
    'hp-session-connected': HpSessionConnectedEvent;
  }
}
