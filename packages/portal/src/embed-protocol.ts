/**
 * The messages of iframe mode (DESIGN §6 "Iframe mode") between `<hp-embed>` on the host page (embed.ts) and the
 * `/embed/portal` page in its frame (embed-frame.ts). Both sides follow the HTML Standard's rules for cross-document
 * messaging (web-messaging.html, "Security" for authors and "Posting messages"): they send with
 * `postMessage(message, targetOrigin)` and an exact origin, never `'*'`, so the browser drops a message whose
 * receiver has navigated to another origin; and they take a message only when `event.origin` is exactly the expected
 * origin and `event.source` the expected window, and read its data as untrusted: anything not shaped as below is
 * ignored. What crosses is a height in CSS pixels and the portal's route (`/dokumente`); never a token or anything
 * about the person.
 *
 * - frame → host `{type: 'hausportal:resize', height}`: the portal page's height, an integer 0…{@link maxHeight};
 * - frame → host `{type: 'hausportal:route', route}`: the portal shows `route`;
 * - host → frame `{type: 'hausportal:navigate', route}`: show `route` (a deep link or back/forward of the host page);
 * - host → frame `{type: 'hausportal:viewport', visible: [top, height]}`: the part of the frame the host's window
 *   shows, in CSS pixels from the frame's top (integers 0…{@link maxHeight}), so that what is fixed to the window in
 *   the portal (the chat bot's button and dialog) stays in sight in a frame as high as its content.
 */

export const resizeType = 'hausportal:resize';
export const routeType = 'hausportal:route';
export const navigateType = 'hausportal:navigate';
export const viewportType = 'hausportal:viewport';

/** The tallest frame a host follows, in CSS pixels; a taller portal scrolls inside the frame. */
export const maxHeight = 100_000;

/** An integer number of CSS pixels, 0…{@link maxHeight}. */
const pixels = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxHeight;

/**
 * A route as it crosses: the path of the portal's hash without `#` — `/` (the overview), `/<view slug>` or
 * `/<view slug>/<item>` (`/tickets/2026-00042`, `/konto/ledger`), at most 114 characters. Lower-case view slugs, and
 * an item of unreserved URL characters only (RFC 3986 §2.3), so a route never needs decoding.
 */
const routePattern = /^\/(?:[a-z]{1,32}(?:\/[A-Za-z0-9._~-]{1,80})?)?$/;

export const isRoute = (value: unknown): value is string => typeof value === 'string' && routePattern.test(value);

/** `data` when it is a plain object of exactly `type` and one more key `key`; null for anything else. */
function shaped(data: unknown, type: string, key: string): Record<string, unknown> | null {
  if (typeof data !== 'object' || data === null || Object.getPrototypeOf(data) !== Object.prototype) return null;
  const keys = Object.keys(data);
  const record = data as Record<string, unknown>;
  return keys.length === 2 && record.type === type && keys.includes(key) ? record : null;
}

/** The route of a `type` message (`hausportal:route` or `hausportal:navigate`), or null when `data` is not one. */
export function routeIn(data: unknown, type: typeof routeType | typeof navigateType): string | null {
  const route = shaped(data, type, 'route')?.route;
  return isRoute(route) ? route : null;
}

/** The height of a `hausportal:resize` message (an integer 0…{@link maxHeight}), or null when `data` is not one. */
export function heightIn(data: unknown): number | null {
  const height = shaped(data, resizeType, 'height')?.height;
  return pixels(height) ? height : null;
}


/** The visible part `[top, height]` of a `hausportal:viewport` message (integers 0…{@link maxHeight}), or null when `data` is not one. */
export function visibleIn(data: unknown): [number, number] | null {
  const visible = shaped(data, viewportType, 'visible')?.visible;
  return Array.isArray(visible) && visible.length === 2 && pixels(visible[0]) && pixels(visible[1]) ? [visible[0], visible[1]] : null;
}
