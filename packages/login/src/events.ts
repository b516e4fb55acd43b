import type { Me } from '@hausportal/api';

/**
 * Fired by `<hp-login>` once the user is logged in and has nothing left to do first
 * (terms of use, password change). `detail` is the user.
 */
export class HpLoginEvent extends CustomEvent<Me> {
  static readonly eventName = 'hp-login' as const;
  constructor(user: Me) {
    super(HpLoginEvent.eventName, { detail: user, bubbles: true, composed: true });
  }
}

/** Fired by `<hp-login>` after the user logged out. */
export class HpLogoutEvent extends Event {
  static readonly eventName = 'hp-logout' as const;
  constructor() {
    super(HpLogoutEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [HpLoginEvent.eventName]: HpLoginEvent;
    [HpLogoutEvent.eventName]: HpLogoutEvent;
  }
}
