/**
 * Host side of iframe mode (DESIGN §6): `<hp-embed>`, built to `dist/hausportal-embed.js` (vite.embed.config.ts).
 * A plain custom element without Lit, for pages that want the portal in a frame instead of the widgets in the page:
 *
 *   <script type="module" src="https://portal.example.at/dist/hausportal-embed.js"></script>
 *   <hp-embed org="immopro" src="https://portal.example.at/embed/portal" lang="de" sync-hash></hp-embed>
 *
 * The page's origin must be one of the organization's allowed origins (the frame page's `frame-ancestors`).
 */
import { heightIn, isRoute, maxHeight, navigateType, routeIn, routeType, viewportType } from './embed-protocol.js';

/**
 * What the frame may do (HTML Standard, the iframe `sandbox` attribute): run the portal with its own origin (its
 * session cookie), send forms, open pictures and "open in own tab" in new tabs that are not sandboxed, download
 * files and print (`allow-modals`). Not allowed: navigating the host page.
 */
const sandbox = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals';

let sheet: CSSStyleSheet | undefined;

/** The element's styles, one sheet for all (constructed, so a host page's CSP without 'unsafe-inline' allows it). */
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(':host{display:block}iframe{display:block;width:100%;border:0}');
  }
  return sheet;
}

/** The route in the host page's hash `#hp=/dokumente`, null when the hash is not the portal's. */
function hashRoute(): string | null {
  const route = /^#hp=(.*)$/.exec(location.hash)?.[1];
  return isRoute(route) ? route : null;
}

/**
 * @summary The whole portal in an iframe of the portal server's `/embed/portal` page, as high as its content.
 *
 * @attr src - URL of the portal server's iframe page, e.g. `https://portal.example.at/embed/portal` (http or https).
 * @attr org - Slug of the organization.
 * @attr lang - `de` or `en` (default `de`).
 * @attr view - The first view: overview, units, statement, documents, board, tickets, report or profile.
 * @attr loading - `lazy` loads the frame only when it comes near the viewport (default `eager`).
 * @attr frame-title - The frame's accessible name (default "Hausportal").
 * @attr sync-hash - Mirrors the portal's route into the page's hash (`#hp=/dokumente`) and back: deep links and
 * back/forward work. Read when the element connects.
 * @csspart frame - The iframe.
 */
export class HpEmbed extends HTMLElement {
  static observedAttributes = ['src', 'org', 'lang', 'view', 'loading', 'frame-title'];

  #frame: HTMLIFrameElement | null = null;
  /** The origin of the frame's page: messages from elsewhere are ignored, messages to it go nowhere else. */
  #origin = '';
  /** The route the frame last reported or was sent. */
  #route: string | null = null;
  /** The frame has spoken, so its page listens: messages sent before would reach the frame's first, empty document. */
  #ready = false;
  #pending: string | null = null;
  #sync = false;
  #connected = false;
  /** The visible part last sent (`top,height`), and whether a measurement waits for the next frame. */
  #visible = '';
  #measuring = false;
  /** What moves the frame without a scroll or resize of the window: the page's own height changing (late images, a banner, an accordion), or the element moving into or out of view. */
  #layout: ResizeObserver | null = null;
  #inView: IntersectionObserver | null = null;

  connectedCallback(): void {
    this.#connected = true;
    this.#sync = this.hasAttribute('sync-hash');
    window.addEventListener('message', this.#receive);
    window.addEventListener('scroll', this.#measure, { capture: true, passive: true });
    window.addEventListener('resize', this.#measure);
    this.#layout = new ResizeObserver(this.#measure);
    this.#layout.observe(document.documentElement);
    this.#inView = new IntersectionObserver(this.#measure, { threshold: Array.from({ length: 21 }, (_, i) => i / 20) });
    this.#inView.observe(this);
    if (this.#sync) window.addEventListener('hashchange', this.#followHash);
    this.#render();
  }

  disconnectedCallback(): void {
    // A frame that leaves the document and comes back loads its page again, and listens only once that page speaks.
    this.#connected = false;
    this.#ready = false;
    window.removeEventListener('message', this.#receive);
    window.removeEventListener('scroll', this.#measure, { capture: true });
    window.removeEventListener('resize', this.#measure);
    this.#layout?.disconnect();
    this.#inView?.disconnect();
    window.removeEventListener('hashchange', this.#followHash);
  }

  /** A changed attribute loads the frame's new page (attributes set while parsing come before connectedCallback). */
  attributeChangedCallback(): void {
    if (this.#connected) this.#render();
  }

  /** The frame's URL from the attributes (`?org&lang&view`, and `#<route>` from the page's hash), or null when `src` or `org` is unusable. */
  #url(): URL | null {
    let url: URL;
    try {
      url = new URL(this.getAttribute('src') ?? '', document.baseURI);
    } catch {
      return null;
    }
    const org = this.getAttribute('org') ?? '';
    if (!/^https?:$/.test(url.protocol) || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(org)) return null;
    url.searchParams.set('org', org);
    const lang = this.getAttribute('lang');
    if (lang === 'de' || lang === 'en') url.searchParams.set('lang', lang);
    const view = this.getAttribute('view');
    if (view && /^[a-z]{1,32}$/.test(view)) url.searchParams.set('view', view);
    const route = this.#sync ? hashRoute() : null;
    url.hash = route && route !== '/' ? route : '';
    return url;
  }

  #render(): void {
    const url = this.#url();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!url) {
      console.warn('Hausportal: <hp-embed> needs src (an http or https URL of /embed/portal) and org (the organization).');
      root.replaceChildren();
      this.#frame = null;
      return;
    }
    const frame = this.#frame ?? document.createElement('iframe');
    frame.title = this.getAttribute('frame-title') || 'Hausportal';
    frame.loading = this.getAttribute('loading') === 'lazy' ? 'lazy' : 'eager';
    if (!this.#frame) {
      frame.part.add('frame');
      frame.setAttribute('sandbox', sandbox);
      frame.referrerPolicy = 'origin';
      root.adoptedStyleSheets = [styles()];
      root.replaceChildren(frame);
      this.#frame = frame;
    }
    // A new page only when the page itself changes, not for the hash the frame already follows.
    const current = frame.src ? new URL(frame.src) : null;
    if (current && current.origin + current.pathname + current.search === url.origin + url.pathname + url.search) return;
    this.#origin = url.origin;
    this.#route = null;
    this.#ready = false;
    this.#visible = '';
    frame.src = url.href;
  }

  /** A message of the frame (embed-protocol.ts): only from its window and its origin; anything else is ignored. */
  readonly #receive = (event: MessageEvent): void => {
    const frame = this.#frame;
    if (!frame || event.source !== frame.contentWindow || event.origin !== this.#origin) return;
    const height = heightIn(event.data);
    const route = routeIn(event.data, routeType);
    if (height !== null) frame.style.height = `${height}px`;
    else if (route !== null) this.#arrived(route);
    else return;
    this.#ready = true;
    if (this.#pending !== null) this.#navigate(this.#pending);
    this.#measure();
  };

  /** Measures the frame's visible part at the next animation frame (after a scroll, a resize, a new height, a layout change of the page). */
  readonly #measure = (): void => {
    if (this.#measuring) return;
    this.#measuring = true;
    requestAnimationFrame(() => {
      this.#measuring = false;
      this.#sendVisible();
    });
  };

  /**
   * Tells the frame which part of it this window shows (`hausportal:viewport`, embed-protocol.ts), when that changed:
   * from `top` down `height` CSS pixels, both measured from the frame's top edge.
   */
  #sendVisible(): void {
    const frame = this.#frame;
    if (!frame || !this.#ready) return;
    const box = frame.getBoundingClientRect();
    const high = Math.min(maxHeight, Math.round(box.height));
    const top = Math.min(high, Math.max(0, Math.round(-box.top)));
    const bottom = Math.min(high, Math.max(0, Math.round(innerHeight - box.top)));
    const visible = [top, Math.max(0, bottom - top)];
    if (visible.join() === this.#visible) return;
    this.#visible = visible.join();
    frame.contentWindow?.postMessage({ type: viewportType, visible }, this.#origin);
  }

  /** The frame shows `route`: with `sync-hash`, the page's hash says so (replacing the entry the frame already added). */
  #arrived(route: string): void {
    this.#route = route;
    if (!this.#sync || (hashRoute() ?? '/') === route) return;
    history.replaceState(history.state, '', route === '/' ? location.pathname + location.search : `#hp=${route}`);
  }

  /** The page's hash changed (a link, back or forward): the frame follows; the page's own anchors leave it alone. */
  readonly #followHash = (): void => {
    const route = hashRoute() ?? (location.hash.length > 1 ? null : '/');
    if (route !== null && route !== this.#route) this.#navigate(route);
  };

  #navigate(route: string): void {
    if (!this.#ready) {
      this.#pending = route;
      return;
    }
    this.#pending = null;
    this.#route = route;
    this.#frame?.contentWindow?.postMessage({ type: navigateType, route }, this.#origin);
  }
}

if (customElements.get('hp-embed')) console.warn('Hausportal: <hp-embed> is already defined by another script; keeping the first definition.');
else customElements.define('hp-embed', HpEmbed);

declare global {
  interface HTMLElementTagNameMap {
    'hp-embed': HpEmbed;
  }
}
