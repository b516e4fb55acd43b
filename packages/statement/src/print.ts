import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Knows whether the page is being printed, so virtualized lists can print every row. */
export class PrintController implements ReactiveController {
  printing = false;
  private readonly before = () => this.set(true);
  private readonly after = () => this.set(false);

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.before);
    window.addEventListener('afterprint', this.after);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.before);
    window.removeEventListener('afterprint', this.after);
  }

  private set(printing: boolean): void {
    this.printing = printing;
    this.host.requestUpdate();
  }
}
