import { HpNavigateEvent } from './events.js';
import { FORM_TAG } from './handover.js';

/**
 * Fires `hp-navigate` ({@link HpNavigateEvent}) from `host` for `widget` with `params`. Unless a listener cancels it (a
 * portal shell showing that widget), scrolls to the page's first `<hp-<widget>>`; a message form found so is given
 * the form named in `params.form`. Returns what shows the widget now: `true` when a listener took it, the element
 * found on the page, or null when there is none.
 */
export function navigate(host: HTMLElement, widget: string, params: Record<string, string>): HTMLElement | true | null {
  if (!host.dispatchEvent(new HpNavigateEvent(widget, params))) return true;
  const target = host.ownerDocument.querySelector<HTMLElement>(`hp-${widget}`);
  if (!target) return null;
  if (target.localName === FORM_TAG && params.form) target.setAttribute('form', params.form);
  target.scrollIntoView({ block: 'start' });
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
