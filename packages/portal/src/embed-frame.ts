/**
 * Frame side of iframe mode (DESIGN §6), loaded by the `/embed/portal` page before hausportal.js (server/src/embed/).
 * The page's `<html>` carries `data-hp-origins` (the organization's allowed origins, the same list as the page's CSP
 * `frame-ancestors`) and `data-hp-route` (the first view, e.g. `/dokumente`).
 *
 * - Without a portal hash yet, the first view's hash is set before `<hp-portal>` reads it.
 * - Links to other sites (the legal links) open in a new tab, so the frame never leaves the portal.
 * - When the frame's parent is one of the allowed origins, it sends that origin, and only it, the messages of
 *   embed-protocol.ts: the page's height (a ResizeObserver on `<html>`), the portal's route on every `hp-portal-view`;
 *   it follows `hausportal:navigate` messages from that parent window, and its `hausportal:viewport` messages set
 *   the part of the page the parent's window shows as custom properties on `<html>`, which the chat bot's floating
 *   button and dialog use ({@link showVisible}).
 */
import { heightIn, isRoute, maxHeight, navigateType, resizeType, routeIn, routeType, visibleIn } from './embed-protocol.js';

/** The origin of `url` (`https://www.example.com`), or null when it is none (empty, `about:blank`, not a URL). */
function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The origin of the window that frames this page when it is one of `allowed`, else null (not framed, or a parent that
 * is not listed). The parent's origin comes from `location.ancestorOrigins[0]` where the browser has it (Chromium,
 * Safari), else from `document.referrer`, which `<hp-embed>` asks to be the parent's origin (`referrerpolicy="origin"`).
 * A parent that sends no referrer (`Referrer-Policy: no-referrer` and a plain iframe) in a browser without
 * `ancestorOrigins` gets no messages: the portal works, with the frame's own height.
 */
export function parentOrigin(allowed: readonly string[]): string | null {
  if (window.parent === window) return null;
  const ancestors = location.ancestorOrigins;
  const origin = ancestors && ancestors.length > 0 ? ancestors[0]! : originOf(document.referrer);
  return origin !== null && allowed.includes(origin) ? origin : null;
}

/** The portal's route from the location hash: `/dokumente`, `/tickets/2026-00042`; its view alone, or `/`, when the item cannot cross. */
export function currentRoute(hash = location.hash): string {
  const path = hash.slice(1);
  const view = '/' + (path.split('/')[1] ?? '');
  return isRoute(path) ? path : isRoute(view) ? view : '/';
}

/** Opens a click on a link to another origin in a new tab (without an opener) instead of inside the frame. */
function openForeignLinksInNewTab(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement && n.hasAttribute('href'));
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin === location.origin || !/^https?:$/.test(url.protocol)) return;
    event.preventDefault();
    window.open(url.href, '_blank', 'noopener');
  });
}

/** Sends the page's height to `post` whenever it changes (the height of `<html>`, whose margins the page sets to 0). */
function followHeight(post: (message: object) => void): void {
  const root = document.documentElement;
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.min(maxHeight, Math.ceil(root.getBoundingClientRect().height));
    if (height === last || heightIn({ type: resizeType, height }) === null) return;
    last = height;
    post({ type: resizeType, height });
  }).observe(root);
}

let visible: [number, number] | null = null;

/**
 * The part of this page the parent's window shows, as custom properties on `<html>` (CSS pixels):
 * `--hp-frame-visible-top` (from the page's top), `--hp-frame-visible-height`, and `--hp-frame-visible-end` (from the
 * visible part's bottom to the bottom of the frame). The frame is as high as the page, so without them whatever is
 * fixed to the frame's window sits at the page's end, out of sight. Set again when the frame's own height changes.
 */
function showVisible(): void {
  if (!visible) return;
  const [top, height] = visible;
  const style = document.documentElement.style;
  style.setProperty('--hp-frame-visible-top', `${top}px`);
  style.setProperty('--hp-frame-visible-height', `${height}px`);
  style.setProperty('--hp-frame-visible-end', `${Math.max(0, innerHeight - top - height)}px`);
}

/**
 * Talks to the parent at `target` (an exact origin): height and route out, `hausportal:navigate` in — from that
 * origin and the parent window only. A navigation replaces the frame's history entry (`location.replace`), because
 * the parent's own hash change already made one; the portal follows the `hashchange`.
 */
function talkTo(target: string): void {
  const post = (message: object) => window.parent.postMessage(message, target);
  followHeight(post);
  window.addEventListener('resize', showVisible);
  document.addEventListener('hp-portal-view', () => post({ type: routeType, route: currentRoute() }));
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== target) return;
    const shown = visibleIn(event.data);
    if (shown) {
      visible = shown;
      return showVisible();
    }
    const route = routeIn(event.data, navigateType);
    if (route === null || route === currentRoute()) return;
    location.replace(route === '/' ? '#' : `#${route}`);
  });
}

function start(): void {
  const root = document.documentElement;
  const first = root.dataset.hpRoute;
  if (location.hash.length <= 1 && isRoute(first)) history.replaceState(history.state, '', `#${first}`);
  openForeignLinksInNewTab();
  const target = parentOrigin((root.dataset.hpOrigins ?? '').split(' ').filter(Boolean));
  if (target) talkTo(target);
}

start();
