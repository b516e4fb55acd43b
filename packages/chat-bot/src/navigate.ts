import { HpNavigateEvent } from './events.js';

/** The parameters an answer may set on a widget; nothing else of an answer reaches the page's elements. */
const widgetParams: ReadonlySet<string> = new Set(['view', 'unit', 'ticket', 'post', 'form']);

/**
 * Fires `hp-navigate` ({@link HpNavigateEvent}) from `host` for `widget` with `params`. Unless a listener cancels it (a
 * portal shell showing that widget), scrolls to the page's first `<hp-<widget>>` and sets those of `params` that are
 * its properties (`view` and `unit` of a statement, `ticket` of a ticket list, `post` of a board, `form` of a message
 * form). Returns what shows the widget now: `true` when a listener took it, the element
 * found on the page, or null when there is none.
 */
export function navigate(host: HTMLElement, widget: string, params: Record<string, string>): HTMLElement | true | null {
  if (!host.dispatchEvent(new HpNavigateEvent(widget, params))) return true;
  const target = host.ownerDocument.querySelector<HTMLElement>(`hp-${widget}`);
  if (!target) return null;
  // The widget's own properties take the parameters: a statement's `view` and `unit`, a ticket list's `ticket`, a
  // board's `post`, a message form's `form`.
  for (const [key, value] of Object.entries(params)) if (widgetParams.has(key) && key in target) (target as unknown as Record<string, unknown>)[key] = value;
  // The page's box around it (up to two levels), when it has an id: that is where a page keeps its anchors' scroll margin.
  const parent = target.parentElement;
  const anchor = [parent, parent?.parentElement].find((e) => e && e.id && e !== e.ownerDocument.body) ?? target;
  anchor.scrollIntoView({ block: 'start' });
  return target;
}

const focusable = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Moves the focus into a widget the chat led to: its first field or button (in the page's light DOM, as the login's
 * form is, else in its shadow root), so a keyboard user continues there. Returns whether something took the focus.
 */
export function focusInto(target: HTMLElement): boolean {
  const inside = target.querySelector<HTMLElement>(focusable) ?? target.shadowRoot?.querySelector<HTMLElement>(focusable) ?? null;
  if (!inside) return false;
  inside.focus();
  return target.ownerDocument.activeElement === inside || target.contains(target.ownerDocument.activeElement) || target.shadowRoot?.activeElement === inside;
}
