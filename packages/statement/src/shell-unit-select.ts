import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HpSession } from '@hausportal/core';

/** The nearest `<hp-session>` around a node, also across shadow roots. */
function sessionAround(node: Node | null): HpSession | null {
  for (let n = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n instanceof HpSession) return n;
  }
  return null;
}

/**
 * Listens for `hp-unit-select` (detail `{ unitId }`, e.g. from `<hp-unit-list>`) anywhere in the document while the
 * host is connected. Units chosen inside another `<hp-session>` (another organization on the same page) are ignored.
 */
export class UnitSelectController implements ReactiveController {
  private readonly onSelect = (event: Event) => {
    const unitId = (event as CustomEvent<{ unitId?: unknown } | null>).detail?.unitId;
    if (typeof unitId !== 'string' || !unitId) return;
    const from = event.composedPath().find((n): n is HpSession => n instanceof HpSession);
    const mine = sessionAround(this.host);
    if (from && mine && from !== mine) return;
    this.select(unitId);
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly select: (unitId: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('hp-unit-select', this.onSelect);
  }

  hostDisconnected(): void {
    document.removeEventListener('hp-unit-select', this.onSelect);
  }
}
