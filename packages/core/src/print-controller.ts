import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Knows whether the page is being printed (between the window's `beforeprint` and `afterprint`), so an element can
 * render everything for paper (every row of a virtualized list, every notice open). An element may also set
 * `printing` itself around its own `window.print()`. A change renders the element again.
 */
export class PrintController implements ReactiveController {
  private on = false;
  private readonly listen = (event: Event) => (this.printing = event.type === 'beforeprint');

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get printing(): boolean {
    return this.on;
  }

  set printing(value: boolean) {
    if (value === this.on) return;
    this.on = value;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    for (const type of ['beforeprint', 'afterprint']) window.addEventListener(type, this.listen);
  }

  hostDisconnected(): void {
    for (const type of ['beforeprint', 'afterprint']) window.removeEventListener(type, this.listen);
  }
}
