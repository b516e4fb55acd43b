/**
 * Loading Hausportal's elements on demand: a table of every `hp-*` tag and the module that defines it, a scan of the
 * document when the loader starts, a MutationObserver for elements added later (childList, subtree), and `load(tag)`
 * for scripts that want an element before it is on the page. One loader serves a page; a second copy of
 * hausportal.js (another URL, a second build) finds it through a global marker and stays idle.
 */

/** Imports the module that defines one or more tags; resolves once it ran. */
export type TagImport = () => Promise<unknown>;

/** What the first loader of a page offers to every script (also to a second copy of hausportal.js). */
export interface HausportalLoader {
  /** URL of the hausportal.js whose loader serves the page. */
  readonly url: string;
  /** Every tag it can load. */
  readonly tags: readonly string[];
  /**
   * Loads the code of `tag` once and resolves with its class once it is defined (by this code, or by another script
   * that defined it first: core's define() keeps that one and warns). Rejects with a TypeError for a tag that is not
   * Hausportal's, and when the module could not be loaded (offline, a missing file); a later call tries again.
   */
  load(tag: string): Promise<CustomElementConstructor>;
}

// Symbol.for: a second copy of the loader (another URL of hausportal.js, another build) finds the first one.
const KEY = Symbol.for('hausportal.loader');
const store = globalThis as unknown as Record<symbol, HausportalLoader | undefined>;

/**
 * Hides elements whose code has not arrived yet, so nothing shows unstyled meanwhile (their light-DOM content, such as
 * a fallback text a page puts inside). Zero specificity (`:where`) in a cascade layer of its own: every rule of the
 * page wins over it, so a page that sets `visibility` or `display` on the elements keeps its choice. Empty for no tags.
 */
export function pendingRule(tags: readonly string[]): string {
  return tags.length ? `@layer hausportal-loading{:where(${tags.join(',')}):not(:defined){visibility:hidden}}` : '';
}

/**
 * The {@link pendingRule} of the page as a constructed style sheet (allowed by a strict `style-src`, unlike a
 * `<style>` element). `<hp-session>` is left out: it only holds the widgets, and the page's own content a CMS may have
 * put inside it stays visible. A browser without constructable style sheets shows elements as they arrive.
 */
class PendingStyle {
  private readonly hidden: Set<string>;
  private readonly sheet: CSSStyleSheet | null;

  constructor(tags: readonly string[]) {
    this.hidden = new Set(tags.filter((tag) => tag !== 'hp-session'));
    try {
      this.sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    } catch {
      this.sheet = null;
    }
    this.update();
  }

  /** Stops hiding `tags` (their code could not be loaded): what the page put inside them shows instead. */
  reveal(tags: readonly string[]): void {
    for (const tag of tags) this.hidden.delete(tag);
    this.update();
  }

  private update(): void {
    this.sheet?.replaceSync(pendingRule([...this.hidden]));
  }
}

class Loader implements HausportalLoader {
  readonly tags: readonly string[];
  private readonly started = new Map<TagImport, Promise<unknown>>();
  private readonly seen = new Set<string>();
  private readonly observer = new MutationObserver((records) => this.added(records));
  private style?: PendingStyle;

  constructor(
    readonly url: string,
    private readonly table: Readonly<Record<string, TagImport>>,
    private readonly shared: TagImport,
  ) {
    this.tags = Object.keys(table);
  }

  /** Adds the style rule, loads what the document holds and watches it for more. */
  start(): void {
    this.style = new PendingStyle(this.tags);
    this.scan(document);
    this.observer.observe(document, { childList: true, subtree: true });
  }

  load(tag: string): Promise<CustomElementConstructor> {
    const name = tag.toLowerCase();
    const load = this.table[name];
    if (!load) return Promise.reject(new TypeError(`Hausportal: <${name}> is not an element of Hausportal (${this.tags.join(', ')}).`));
    this.seen.add(name);
    // The chunk every element imports, fetched beside the first element's own one instead of after it.
    // (A failure there shows as the element's own failure, as its chunk imports it.)
    if (this.started.size === 0) this.shared().catch(() => undefined);
    // Also when another script defined the tag already: the module's define() then keeps that definition and warns.
    if (!this.started.has(load)) this.started.set(load, this.importing(load));
    return this.started.get(load)!.then(() => customElements.whenDefined(name));
  }

  /**
   * Imports a module. A failed attempt is forgotten, so the next `load()` tries again, and its tags are no longer
   * hidden meanwhile.
   */
  private importing(load: TagImport): Promise<unknown> {
    return load().catch((error: unknown) => {
      this.started.delete(load);
      this.style?.reveal(this.tags.filter((tag) => this.table[tag] === load));
      throw error;
    });
  }

  /** Loads every tag of the table found in `root` that was not asked for yet. */
  private scan(root: ParentNode): void {
    const waiting = this.tags.filter((tag) => !this.seen.has(tag));
    if (waiting.length === 0) return this.observer.disconnect();
    const found = new Set<string>();
    if (root instanceof Element && waiting.includes(root.localName)) found.add(root.localName);
    for (const element of root.querySelectorAll(waiting.join(','))) found.add(element.localName);
    for (const tag of found) this.load(tag).catch((error: unknown) => console.error(`Hausportal: <${tag}> could not be loaded.`, error));
  }

  private added(records: MutationRecord[]): void {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) this.scan(node);
  }
}

/**
 * Starts the page's loader for `table` (tag → import of its module), served from `url` (this hausportal.js);
 * `shared` imports what every element's module needs, started with the first element. When a loader runs already
 * (hausportal.js under a second URL, or a copy built separately), warns once and returns that one: the first copy
 * serves the page, and no element is defined twice.
 */
export function startLoader(url: string, table: Readonly<Record<string, TagImport>>, shared: TagImport): HausportalLoader {
  const running = store[KEY];
  if (running) {
    if (running.url !== url) console.warn(`Hausportal: ${url} is loaded as well as ${running.url}; the elements come from ${running.url} only.`);
    return running;
  }
  const loader = new Loader(url, table, shared);
  store[KEY] = loader;
  loader.start();
  return loader;
}
