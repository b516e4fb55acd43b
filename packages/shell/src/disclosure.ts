import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a disclosure needs of its element: a render root to find its button and panel in. */
export interface DisclosureHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

const focusables = 'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled])';

/**
 * A button that shows and hides a panel (the WAI-ARIA disclosure pattern, as for the notifications, the user menu and
 * the narrow navigation): the button carries `aria-expanded` and `aria-controls`; Esc in the panel or on the button
 * closes it and puts the focus back on the button; ↓/↑, Home and End move between the panel's links and buttons; a
 * click outside, or the focus leaving button and panel, closes it. Render the button with `attrs()` and the panel with
 * `hidden` = `!open` and the `@keydown`/`@focusout` handlers of {@link keydown} and {@link focusout}, both inside an
 * element with the id `<id>-wrap`.
 */
export class Disclosure implements ReactiveController {
  open = false;

  constructor(
    private readonly host: DisclosureHost,
    /** Prefix of the ids: `<id>-button`, `<id>-panel`, `<id>-wrap`. */
    readonly id: string,
    /**
     * Opening moves the focus into the panel (its current link, `aria-current`, else its first): for a panel that does
     * not follow the button in the page's order, as the narrow navigation below the header.
     */
    private readonly focusOnOpen = false,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('click', this.outside);
  }

  hostDisconnected(): void {
    document.removeEventListener('click', this.outside);
  }

  readonly toggle = (): void => {
    this.open = !this.open;
    this.host.requestUpdate();
    if (this.open && this.focusOnOpen) {
      void this.host.updateComplete.then(() => {
        const panel = this.part('panel');
        (panel?.querySelector<HTMLElement>('[aria-current]') ?? panel?.querySelector<HTMLElement>(focusables))?.focus();
      });
    }
  };

  /** Closes the panel; with `refocus` the focus returns to the button. */
  close(refocus = false): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
    if (refocus) this.part('button')?.focus();
  }

  /** Esc closes; arrow keys, Home and End move the focus within the panel. */
  readonly keydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
      return;
    }
    const panel = this.part('panel');
    if (!this.open || !panel || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const items = [...panel.querySelectorAll<HTMLElement>(focusables)];
    if (!items.length) return;
    const at = items.indexOf(event.composedPath()[0] as HTMLElement);
    const next = { ArrowDown: at + 1, ArrowUp: at < 0 ? items.length - 1 : at - 1, Home: 0, End: items.length - 1 }[event.key]!;
    event.preventDefault();
    items[(next + items.length) % items.length]!.focus();
  };

  /** The focus went somewhere outside the button and the panel: close, leaving the focus where it went. */
  readonly focusout = (event: FocusEvent): void => {
    const wrap = this.part('wrap');
    const to = event.relatedTarget as Node | null;
    if (to && wrap && !wrap.contains(to)) this.close();
  };

  private readonly outside = (event: MouseEvent): void => {
    const wrap = this.part('wrap');
    if (this.open && wrap && !event.composedPath().includes(wrap)) this.close();
  };

  private part(name: 'button' | 'panel' | 'wrap'): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`#${this.id}-${name}`);
  }
}
