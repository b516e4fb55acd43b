import { HpNavigateEvent } from './events.js';
import { FORM_TAG } from './handover.js';

/**
 * Fires `hp-navigate` ({@link HpNavigateEvent}) from `host` for `widget` with `params`. Unless a listener cancels it (a
 * portal shell showing that widget), scrolls to the page's first `<hp-<widget>>`; a message form found so is given
 * the form named in `params.form`. Returns whether the page shows the widget now: a listener took it, or one was found.
 */
export function navigate(host: HTMLElement, widget: string, params: Record<string, string>): boolean {
  if (!host.dispatchEvent(new HpNavigateEvent(widget, params))) return true;
  const target = host.ownerDocument.querySelector(`hp-${widget}`);
  if (!target) return false;
  if (target.localName === FORM_TAG && params.form) target.setAttribute('form', params.form);
  target.scrollIntoView({ block: 'start' });
  return true;
}
