import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the refresh asks its element for. */
export interface RefreshHost extends ReactiveControllerHost {
  /** Seconds between refreshes; 0 or less: none. */
  refreshInterval: number;
  reload(): Promise<void>;
}

/**
 * Refreshes the element every `refreshInterval` seconds while the page is visible. A refresh that falls due while the
 * page is hidden (another tab, a locked screen) waits until the page is shown again, and then happens at once.
 */
export class RefreshController implements ReactiveController {
  /** A refresh fell due while the page was hidden. */
  due = false;
  private timer?: ReturnType<typeof setTimeout>;
  private every = 0;
  private readonly shown = () => {
    if (document.visibilityState !== 'visible' || !this.due) return;
    this.due = false;
    void this.host.reload();
    this.schedule();
  };

  constructor(private readonly host: RefreshHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.shown);
    this.schedule();
  }

  hostUpdated(): void {
    if (this.host.refreshInterval !== this.every) this.schedule();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.shown);
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.every = this.host.refreshInterval;
    if (this.every > 0) this.timer = setTimeout(() => this.tick(), this.every * 1000);
  }

  private tick(): void {
    if (document.visibilityState === 'visible') void this.host.reload();
    else this.due = true;
    this.schedule();
  }
}
