import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The attribute that marks the element being printed by its own print button (`print()`). */
const PRINTING_ATTRIBUTE = 'data-hp-printing';

/**
 * The document's print sheet while an element prints itself: everything but the marked element is hidden, and where
 * the browser knows `:has()` the rest of the page takes no room (no blank pages after it) and the element's ancestors
 * lose their layout (columns, spacing), so it prints across the page's full width.
 */
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  [${PRINTING_ATTRIBUTE}], [${PRINTING_ATTRIBUTE}] * { visibility: visible !important; }
  @supports not selector(:has(a)) {
    [${PRINTING_ATTRIBUTE}] { position: absolute !important; inset: 0 auto auto 0 !important; width: 100% !important; margin: 0 !important; }
  }
  @supports selector(:has(a)) {
    body :not(:has([${PRINTING_ATTRIBUTE}]), [${PRINTING_ATTRIBUTE}], [${PRINTING_ATTRIBUTE}] *) { display: none !important; }
    body :has([${PRINTING_ATTRIBUTE}]) {
      display: block !important; position: static !important; float: none !important; transform: none !important;
      margin: 0 !important; padding: 0 !important; border: 0 !important; box-shadow: none !important; background: none !important;
      width: auto !important; max-width: none !important; min-height: 0 !important; height: auto !important; overflow: visible !important;
    }
    [${PRINTING_ATTRIBUTE}] { display: block !important; width: auto !important; max-width: none !important; margin: 0 !important; }
  }
}`;

let sheet: CSSStyleSheet | undefined;

/**
 * Knows whether the page is being printed (between the window's `beforeprint` and `afterprint`), so an element can
 * render everything for paper (every row of a virtualized list, every notice open). An element prints only itself
 * with `print()`; the browser's own printing (Ctrl+P) prints the whole page as it is. A change renders the element
 * again.
 */
export class PrintController implements ReactiveController {
  private on = false;
  /** The element marked for its own print, until that print has ended. */
  private marked?: Element;
  /** A `beforeprint` came during the last `window.print()`. */
  private started = false;
  private readonly listen = (event: Event) => {
    this.printing = event.type === 'beforeprint';
    this.started ||= this.printing;
    if (!this.printing) this.release();
  };

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

  /**
   * Prints only the element: renders it for paper, marks it with `data-hp-printing` (an element inside another's
   * shadow root marks the outermost host in the document) and adopts the document's print sheet once, which hides
   * everything else, then calls `window.print()`. Mark and sheet go with `afterprint`; when the browser printed nothing
   * (no `beforeprint` came during the call), as soon as `window.print()` returns.
   */
  async print(): Promise<void> {
    let target = this.host as unknown as Element;
    for (let root = target.getRootNode(); root instanceof ShadowRoot; root = target.getRootNode()) target = root.host;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(PRINT_CSS);
    }
    if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    target.setAttribute(PRINTING_ATTRIBUTE, '');
    this.marked = target;
    this.printing = true;
    await this.host.updateComplete;
    this.started = false;
    try {
      window.print();
    } finally {
      if (!this.started) this.release();
    }
  }

  hostConnected(): void {
    for (const type of ['beforeprint', 'afterprint']) window.addEventListener(type, this.listen);
  }

  hostDisconnected(): void {
    for (const type of ['beforeprint', 'afterprint']) window.removeEventListener(type, this.listen);
    this.release();
  }

  /** Ends the element's own print: the mark and the sheet go, the element renders for the screen again. */
  private release(): void {
    if (!this.marked) return;
    this.marked.removeAttribute(PRINTING_ATTRIBUTE);
    this.marked = undefined;
    if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    this.printing = false;
  }
}
