/** Fired by `<hp-unit-list>` when a unit's row is activated (click, Enter or Space); `detail.unitId` is its id. */
export class HpUnitSelectEvent extends CustomEvent<{ unitId: string }> {
  static readonly eventName = 'hp-unit-select' as const;
  constructor(unitId: string) {
    super(HpUnitSelectEvent.eventName, { detail: { unitId }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [HpUnitSelectEvent.eventName]: HpUnitSelectEvent;
  }
}
