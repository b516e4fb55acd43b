// The virtualizer is loaded only for long lists, so short ones do not pay for it.
type Virtualize = (typeof import('@lit-labs/virtualizer/virtualize.js'))['virtualize'];

let loaded: Virtualize | undefined;
let loading: Promise<Virtualize> | undefined;

/** Lists with more rows than this are virtualized; shorter ones render plainly (and print as they are). */
export const VIRTUAL_THRESHOLD = 150;

/** Loads `@lit-labs/virtualizer` once (a separate chunk in bundles). */
export function loadVirtualizer(): Promise<Virtualize> {
  return (loading ??= import('@lit-labs/virtualizer/virtualize.js').then((module) => (loaded = module.virtualize)));
}

/** The `virtualize` directive once it has been loaded. */
export function loadedVirtualizer(): Virtualize | undefined {
  return loaded;
}
