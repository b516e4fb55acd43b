import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { define, renderError, renderLoading } from '@hausportal/core';
import type { StatementViewName } from '../view-names.js';

/** Imports the module of one element and defines it with core's `define()`. */
type TagImport = () => Promise<unknown>;

const tagImports: Readonly<Record<string, TagImport>> = {
  'hp-statement-charges': () => import('./charges.js').then((m) => define('hp-statement-charges', m.HpStatementCharges)),
  'hp-statement-ledger': () => import('./ledger.js').then((m) => define('hp-statement-ledger', m.HpStatementLedger)),
  // The payment QR code belongs to the open items: both are fetched at once.
  'hp-statement-open-items': () =>
    Promise.all([import('./open-items.js'), loadStatementElement('hp-statement-qr')]).then(([m]) => define('hp-statement-open-items', m.HpStatementOpenItems)),
  'hp-statement-expenses': () => import('./expenses.js').then((m) => define('hp-statement-expenses', m.HpStatementExpenses)),
  'hp-statement-qr': () => import('../qr.js').then((m) => define('hp-statement-qr', m.HpStatementQr)),
};

/** The tags of the statement's parts that load on demand: the four views and the payment QR code. */
export const statementElementTags: readonly string[] = Object.keys(tagImports);

const started = new Map<string, Promise<void>>();

/** The tag of a view's element, e.g. `hp-statement-ledger`. */
export const viewTag = (view: StatementViewName): string => `hp-statement-${view}`;

/**
 * Loads the code of one of {@link statementElementTags} once and defines the element (nothing to do when it is
 * defined already). Rejects when the module could not be loaded (offline, a missing chunk); a later call tries again.
 */
export function loadStatementElement(tag: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let loading = started.get(tag);
  if (!loading) {
    loading = tagImports[tag]!().then(
      () => undefined,
      (error: unknown) => {
        started.delete(tag);
        throw error;
      },
    );
    started.set(tag, loading);
  }
  return loading;
}

/**
 * Defines the parts a page uses on their own (`<hp-statement-ledger>` without `<hp-statement>`, as the portal's
 * loader offers them): those in the document now and those added later (a MutationObserver on childList and subtree,
 * given up once every part is defined).
 */
export function defineStandaloneParts(root: Document = document): void {
  const scan = (node: ParentNode) => {
    const waiting = statementElementTags.filter((tag) => !customElements.get(tag) && !started.has(tag));
    for (const tag of waiting) if ((node instanceof Element && node.localName === tag) || node.querySelector(tag)) void loadStatementElement(tag).catch(() => undefined);
    return waiting.length;
  };
  if (!scan(root)) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element && !scan(node)) return observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true });
}

/**
 * Loads the shown view of `<hp-statement>` when it is about to show (the default view first, the others when their
 * tab is chosen) and renders the state beside the view's element until it is defined: core's loading state, or the
 * error with a retry button when its code could not be loaded.
 */
export class ViewLoadController implements ReactiveController {
  private failed?: { view: StatementViewName; error: unknown };

  /** `wanted` names the view about to show (undefined while none will): its code is fetched before it is rendered. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly wanted: () => StatementViewName | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts loading the wanted view alongside the unit's data, not after it (a failure shows once it renders). */
  hostUpdate(): void {
    const view = this.wanted();
    if (view) loadStatementElement(viewTag(view)).catch(() => undefined);
  }

  /** Nothing once the element of `view` is defined; else starts loading it and renders its loading or error state. */
  render(view: StatementViewName): unknown {
    const tag = viewTag(view);
    if (customElements.get(tag)) return nothing;
    if (this.failed?.view === view) return renderError(this.failed.error, () => this.retry());
    loadStatementElement(tag).then(
      () => this.host.requestUpdate(),
      (error: unknown) => {
        this.failed = { view, error };
        this.host.requestUpdate();
      },
    );
    return renderLoading();
  }

  private retry(): void {
    this.failed = undefined;
    this.host.requestUpdate();
  }
}
