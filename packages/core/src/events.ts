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

declare global {
  interface HTMLElementEventMap {
    'hp-session-change': HpSessionChangeEvent;
  }
}
