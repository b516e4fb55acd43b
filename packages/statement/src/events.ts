import type { StatementViewName } from './view.js';

/** Fired by `<hp-statement>` when the user switches to another view; `detail.view` is its name. */
export class HpStatementViewEvent extends CustomEvent<{ view: StatementViewName }> {
  static readonly eventName = 'hp-statement-view' as const;
  constructor(view: StatementViewName) {
    super(HpStatementViewEvent.eventName, { detail: { view }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [HpStatementViewEvent.eventName]: HpStatementViewEvent;
  }
}
