import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Imports the module that defines an element; resolves once it ran. */
export type ElementImport = () => Promise<unknown>;

/**
 * The module that defines each element the portal renders in its own shadow root, imported when the element is first
 * needed (a view opened, the chat bot shown, the login while nobody is signed in). A page's loader (hausportal.js)
 * only sees the page's light DOM, so the portal loads what it shows itself; in an app bundle each becomes a chunk of
 * its own. `hp-login`, `hp-profile` and `hp-overview` are defined one by one (elements/*.ts), so a page with only the
 * login does not load the profile, and the portal's own chunk does not hold the overview.
 */
export const elementImports: Readonly<Record<string, ElementImport>> = {
  'hp-login': () => import('./elements/hp-login.js').then((m) => m.register()),
  'hp-profile': () => import('./elements/hp-profile.js').then((m) => m.register()),
  'hp-overview': () => import('./elements/hp-overview.js').then((m) => m.register()),
  'hp-unit-list': () => import('@hausportal/unit-list/define.js'),
  'hp-statement': () => import('@hausportal/statement/define.js'),
  'hp-documents': () => import('@hausportal/documents/define.js'),
  'hp-bulletin-board': () => import('@hausportal/bulletin-board/define.js'),
  'hp-ticket-list': () => import('@hausportal/ticket-list/define.js'),
  'hp-message-form': () => import('@hausportal/message-form/define.js'),
  'hp-chat-bot': () => import('@hausportal/chat-bot/define.js'),
};

const loading = new Map<string, Promise<void>>();

/**
 * Makes sure `tag` is defined: at once when some script defined it already (hausportal.js, a page's own bundle),
 * else by importing its module from {@link elementImports} once per page. Resolves when the element is defined;
 * rejects when the module could not be loaded (offline, a missing file), and a later call tries again. A tag the table
 * does not know resolves when some other script defines it.
 */
export function loadElement(tag: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    const load = elementImports[tag];
    pending = (load ? load() : Promise.resolve()).then(
      () => customElements.whenDefined(tag).then(() => undefined),
      (error: unknown) => {
        loading.delete(tag);
        throw error;
      },
    );
    loading.set(tag, pending);
  }
  return pending;
}

/**
 * Loads the elements a host is about to render (`wanted()`, asked before every update) and updates the host once
 * each is defined, so it can show a loading state instead of an empty element until then. A failed load is logged
 * and kept as {@link failure} (for an error state) until {@link retry}; so an offline page does not try again on
 * every update.
 */
export class ElementsController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly wanted: () => readonly string[],
  ) {
    host.addController(this);
  }

  /** The tags whose last load failed, with the error; not loaded again until {@link retry}. */
  private readonly failed = new Map<string, unknown>();

  /** Whether `tag` can be rendered now (its element is defined). */
  ready(tag: string): boolean {
    return customElements.get(tag) !== undefined;
  }

  /** The error of `tag`'s last load, while it is not loaded again; undefined otherwise. */
  failure(tag: string): unknown {
    return this.failed.get(tag);
  }

  /** Loads the elements that failed again ("Erneut versuchen"). */
  retry(): void {
    this.failed.clear();
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    for (const tag of this.wanted()) {
      if (this.ready(tag) || this.failed.has(tag)) continue;
      loadElement(tag).then(
        () => this.host.requestUpdate(),
        (error: unknown) => {
          console.error(`Hausportal: <${tag}> could not be loaded.`, error);
          this.failed.set(tag, error);
          this.host.requestUpdate();
        },
      );
    }
  }
}
