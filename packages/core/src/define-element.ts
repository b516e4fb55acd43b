import { ContextRoot } from '@lit/context';

export interface DefineOptions {
  /** Replaces the `hp` of the tag for host pages where `hp-…` is taken: prefix 'acme' turns `hp-login` into `acme-login`. */
  prefix?: string;
}

const ROOT_KEY = Symbol.for('hausportal.context-root');

/**
 * Lets elements that connect before their `<hp-session>` is defined still find it: unanswered context requests
 * are kept and answered once a provider appears. Attached once per page, shared by every copy of core.
 */
export function ensureContextRoot(): void {
  const store = globalThis as unknown as Record<symbol, ContextRoot | undefined>;
  if (store[ROOT_KEY] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  store[ROOT_KEY] = root;
}

/** The tag name `define()` uses for `tag` with the given options. */
export function tagName(tag: string, options: DefineOptions = {}): string {
  if (!options.prefix) return tag;
  const prefix = options.prefix.toLowerCase().replace(/-+$/, '');
  return `${prefix}-${tag.replace(/^hp-/, '')}`;
}

/**
 * Registers a custom element. When the name is already taken (a second copy of a widget on the page) it warns
 * instead of throwing; returns the name in use.
 */
export function define(tag: string, ctor: CustomElementConstructor, options: DefineOptions = {}): string {
  ensureContextRoot();
  const name = tagName(tag, options);
  const existing = customElements.get(name);
  if (existing) {
    if (existing !== ctor) console.warn(`Hausportal: <${name}> is already defined by another script; keeping the first definition.`);
    return name;
  }
  // One constructor can only be registered once; a prefixed second name gets a subclass.
  const taken = (customElements as CustomElementRegistry & { getName?(c: CustomElementConstructor): string | null }).getName?.(ctor);
  const toRegister = taken ? class extends (ctor as unknown as typeof HTMLElement) {} : ctor;
  customElements.define(name, toRegister);
  return name;
}
