import { waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';

/** Visible text of the element's shadow root and light DOM, whitespace collapsed. */
export function text(el: HTMLElement): string {
  const parts = [el.shadowRoot?.textContent ?? '', el.textContent ?? ''];
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** An input of the light-DOM form by name. */
export function input(el: HTMLElement, name: string): HTMLInputElement {
  const found = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!found) throw new Error(`no light-DOM input ${name}`);
  return found;
}

/** Types into a light-DOM input the way a user does (value + input event). */
export async function type(el: LitElement, name: string, value: string): Promise<void> {
  const field = input(el, name);
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value }));
  await el.updateComplete;
}

/** Submits the light-DOM form (like pressing Enter). */
export async function submit(el: LitElement): Promise<void> {
  const form = el.querySelector('form');
  if (!form) throw new Error('no light-DOM form');
  form.requestSubmit();
  await el.updateComplete;
}

/** A button in the shadow root by its text. */
export function button(el: HTMLElement, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

/** The alert text in the shadow root (or light DOM), '' when there is none. */
export function alertText(el: HTMLElement): string {
  const alert = el.shadowRoot!.querySelector('[role=alert]') ?? el.querySelector('[role=alert]');
  return alert?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Waits until the element shows `what` (a step name or a predicate). */
export async function until(check: () => boolean, message: string): Promise<void> {
  await waitUntil(check, message, { timeout: 5000 });
}

/** A promise whose resolution the test controls (for loading states without timers). */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
