/// <reference types="mocha" />
import { problem, type FakeHandler } from './fake-api.js';

/** A fake route only for a signed-in person: without a valid access token it answers 401 `unauthenticated`. */
export const signedIn =
  (handler: FakeHandler): FakeHandler =>
  (request) =>
    request.user ? handler(request) : problem(401, 'unauthenticated');

/** A gate a fake route waits at until the test opens it (for the loading states without timers). */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  return { wait: new Promise<void>((r) => (open = r)), open: () => open() };
}

/**
 * The counts (`detail.count`) of every event `eventName` heard on the document (an unread event bubbles and is
 * composed), collected anew for each test of the suite that calls this.
 */
export function unreadCounts(eventName: string): number[] {
  const counts: number[] = [];
  const hear = (event: Event) => counts.push((event as CustomEvent<{ count: number }>).detail.count);
  beforeEach(() => {
    counts.length = 0;
    document.addEventListener(eventName, hear);
  });
  afterEach(() => document.removeEventListener(eventName, hear));
  return counts;
}

/** A small picture (a blue sky over a grey floor, 8 × 6 px) as a JPEG, standing in for photos and their previews. */
export function testPicture(): Promise<Blob> {
  const canvas = new OffscreenCanvas(8, 6);
  const paint = canvas.getContext('2d')!;
  paint.fillStyle = '#8ab4f8';
  paint.fillRect(0, 0, 8, 4);
  paint.fillStyle = '#777';
  paint.fillRect(0, 4, 8, 2);
  return canvas.convertToBlob({ type: 'image/jpeg' });
}

/** Visible text of an element (of its shadow root when it has one), whitespace collapsed. */
export const visibleText = (el: Element | ShadowRoot) => ('shadowRoot' in el && el.shadowRoot ? el.shadowRoot : el).textContent!.replace(/\s+/g, ' ').trim();

/** The first element in `el`'s shadow root matching `selector` (taken to be there). */
export const shadowQuery = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

/** The values of the attribute `data-<name>` of the elements in `el`'s shadow root that carry it, in document order. */
export const dataValues = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll(`[data-${name}]`)].map((r) => r.getAttribute(`data-${name}`)!);
