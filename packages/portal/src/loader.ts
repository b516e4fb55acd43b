/**
 * hausportal-loader.js: a classic script (built as an IIFE by vite.loader.config.ts) that adds the module script
 * hausportal.js to the page itself, for pages where a consent manager or optimizer rewrites script tags:
 *
 *   <script src="https://portal.example.at/dist/hausportal-loader.js"></script>
 *
 * Cookiebot-style blockers turn `<script type="module">` into `type="text/plain"` and back into
 * `type="text/javascript"` after consent, and delayed-JavaScript optimizers (WP Rocket) re-create scripts as classic
 * ones; a module run as a classic script fails with "Cannot use import statement outside a module" (or an unexpected
 * `export`). This file has neither, so it runs whatever type it is given, early or late (after DOMContentLoaded: the
 * elements already on the page upgrade once hausportal.js defines them).
 *
 * Where hausportal.js is: `data-src` on the loader's tag when that is not the loader itself, else `hausportal.js`
 * next to the loader (its `src`, or `data-src` where a blocker moved the address there). The tag is
 * `document.currentScript`, or — when that is null or another file (an optimizer injected or combined the code) —
 * the first `script[data-hausportal-loader]` or `script[src*="hausportal-loader"]` (when the running code has a CSP
 * nonce, the first such tag with the same nonce: give the marker the page's nonce).
 *
 * Adds the module once per page: not when a module script of the same URL is there (the loader ran before, or the
 * page has the plain snippet) or `<hp-session>` is defined already (another copy registered the elements).
 */

/** Matches the URL of this file (also renamed with a hash or version, e.g. hausportal-loader.min.js?v=2). */
const loaderFile = /hausportal-loader[^/?#]*\.js(?:[?#]|$)/;

/** The loader's own tag, or null when the page has none that this code can recognise. */
function loaderTag(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && (current.hasAttribute('data-hausportal-loader') || loaderFile.test(current.src || current.getAttribute('data-src') || ''))) {
    return current;
  }
  // Run from a script with a CSP nonce (the loader combined into the page's own script), only a tag with that nonce
  // counts: a marker planted higher up by injected markup must not get the page's trust (CSP 3 'strict-dynamic').
  const nonce = current instanceof HTMLScriptElement ? current.nonce : '';
  const candidates = document.querySelectorAll<HTMLScriptElement>('script[data-hausportal-loader], script[src*="hausportal-loader"], script[data-src*="hausportal-loader"]');
  return Array.from(candidates).find((candidate) => !nonce || candidate.nonce === nonce) ?? null;
}

/**
 * The absolute URL of hausportal.js for `tag` (rules in the file comment), or null when the tag names no address.
 */
function moduleUrl(tag: HTMLScriptElement): string | null {
  const given = tag.getAttribute('data-src');
  if (given && !loaderFile.test(given)) return new URL(given, document.baseURI).href;
  const own = tag.src || (given ? new URL(given, document.baseURI).href : '');
  return own ? new URL('hausportal.js', own).href : null;
}

/** Whether the page loads or has loaded hausportal.js already (rules in the file comment). */
function loaded(url: string): boolean {
  if (customElements.get('hp-session')) return true;
  return Array.from(document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')).some((s) => s.src === url);
}

/**
 * Adds `<script type="module" src=url>` to the head, with the loader's CSP nonce and `data-cookieconsent="ignore"`
 * (a blocker watching inserted scripts leaves it alone: the portal sets only the sign-in cookie the login needs).
 */
function addModule(url: string, tag: HTMLScriptElement): void {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = url;
  if (tag.nonce) script.nonce = tag.nonce;
  script.setAttribute('data-cookieconsent', 'ignore');
  (document.head ?? document.documentElement).appendChild(script);
}

const tag = loaderTag();
const url = tag ? moduleUrl(tag) : null;
if (!tag || !url) {
  console.error(
    'Hausportal: hausportal-loader.js cannot find its own script tag, so it does not know where hausportal.js is. ' +
      'Give the tag data-src="https://<portal>/dist/hausportal.js", or exclude hausportal-loader.js from combining and minifying.',
  );
} else if (!loaded(url)) {
  addModule(url, tag);
}

export {};
