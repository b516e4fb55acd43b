import type { JSDOM } from 'jsdom';
import createDOMPurify, { type DOMPurify, type UponSanitizeAttributeHookEvent, type UponSanitizeElementHookEvent } from 'dompurify';

// SVG logos (issue 14, openapi.yaml PUT /admin/theme/logo): a logo is shown on pages of other sites and served from
// the API's origin, so it must run nothing and load nothing. The file is parsed as XML (well-formed SVG or refused),
// then cleaned by DOMPurify's SVG profile in place: scripts, `foreignObject`, links (`<a>`, content kept), animation
// elements and every `on*` attribute go; `href`/`xlink:href` must point inside the file (`#id`); CSS (`style`
// attributes and elements, presentation attributes) keeps `url(#id)` only, loses `@import` and anything that can name
// another file. The DOCTYPE is dropped before parsing: internal entities are expanded by hand (bounded), external
// ones (XXE) become nothing, so no entity ever reaches the parser.

const svgNamespace = 'http://www.w3.org/2000/svg';

/** Why a file is not accepted as an SVG logo; the caller turns it into its 415 problem. */
export class SvgRefused extends Error {}

type Purifier = { purify: DOMPurify; window: JSDOM['window'] };
let purifier: Promise<Purifier> | null = null;

/** The DOMPurify instance and its jsdom window, made once on first use (jsdom is loaded only then). */
const instance = (): Promise<Purifier> => (purifier ??= makePurifier());

async function makePurifier(): Promise<Purifier> {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('uponSanitizeElement', (node: Node, event: UponSanitizeElementHookEvent) => {
    if (event.tagName === 'style') node.textContent = cleanCss(node.textContent ?? '') ?? '';
  });
  purify.addHook('uponSanitizeAttribute', (_node: Element, event: UponSanitizeAttributeHookEvent) => {
    const value = cleanAttribute(event.attrName, event.attrValue);
    if (value === null) event.keepAttr = false;
    else event.attrValue = value;
  });
  return { purify, window };
}

/** A reference inside the file: `#id`, or CSS `url(#id)` (quoted or not). */
const localFragment = /^#[^\s#]+$/;
const localUrl = /url\(\s*(['"]?)#[^'")\s]+\1\s*\)/gi;
/** CSS that can load or run something: after the local `url(#id)` are taken out, none of these may be left. */
const dangerousCss = /@import|url\s*\(|image(?:-set)?\s*\(|src\s*\(|element\s*\(|cross-fade\s*\(|expression\s*\(|-moz-binding|behavior\s*:|\\/i;

/**
 * CSS text kept for a logo, or null to drop it: `@import` rules are removed, `url()` to anything but `#id` becomes
 * `none`; what is still able to name another file (image-set(), escapes that could spell `url`, …) drops it all.
 */
export function cleanCss(css: string): string | null {
  const cleaned = css.replace(/@import[^;]*;?/gi, '').replace(/url\((?!\s*['"]?#)[^)]*\)/gi, 'none');
  return dangerousCss.test(cleaned.replace(localUrl, '')) ? null : cleaned;
}

/** An attribute's value as kept, or null to drop it (DOMPurify has already judged the name). */
function cleanAttribute(name: string, value: string): string | null {
  const lower = name.toLowerCase();
  if (lower === 'href' || lower === 'xlink:href') return localFragment.test(value.trim()) ? value.trim() : null;
  if (lower.startsWith('xml:base') || lower.startsWith('on')) return null;
  if (lower === 'style') return cleanCss(value);
  return /url\s*\(|@import|\\/i.test(value.replace(localUrl, '')) ? null : value;
}

const predefinedEntities = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const doctype = /<!DOCTYPE\s+[^[>]*(?:\[([\s\S]*?)\]\s*)?>/i;
const entityDeclaration = /<!ENTITY\s+(%\s+)?([\w.:-]+)\s+(?:"([^"]*)"|'([^']*)'|(?:SYSTEM|PUBLIC)[^>]*)\s*>/gi;

/**
 * The text without its DOCTYPE, its entities replaced: an internal entity of plain text (no `&`, `<`, `%`) by its
 * value, any other (external, parameter, nested) by nothing. The result may be at most `maxChars` long (entities
 * must not turn a small file into a huge one).
 */
export function withoutDoctype(text: string, maxChars: number): string {
  const match = doctype.exec(text);
  if (!match) return text;
  const values = new Map<string, string>();
  for (const [, parameter, name, double, single] of (match[1] ?? '').matchAll(entityDeclaration)) {
    const value = double ?? single;
    if (!parameter) values.set(name!, value !== undefined && !/[&<%]/.test(value) ? value : '');
  }
  const rest = text.slice(0, match.index) + text.slice(match.index + match[0].length);
  let length = rest.length;
  const expanded = rest.replace(/&([\w.:-]+);/g, (whole, name: string) => {
    if (predefinedEntities.has(name) || !values.has(name)) return whole;
    length += values.get(name)!.length - whole.length;
    if (length > maxChars) throw new SvgRefused('The SVG file grows too large when its entities are expanded.');
    return values.get(name)!;
  });
  if (/<!DOCTYPE|<!ENTITY/i.test(expanded)) throw new SvgRefused('The SVG file has a document type declaration that cannot be read.');
  return expanded;
}

/**
 * Parses `bytes` (UTF-8) as SVG and returns the sanitized file as UTF-8 bytes (the root `<svg>` in the SVG namespace
 * serialized as XML, nothing before it). Throws {@link SvgRefused} when the bytes are not UTF-8, not well-formed XML,
 * or their root is not `<svg>` in the SVG namespace (an HTML page named .svg).
 * `maxChars` bounds the text after entity expansion.
 */
export async function sanitizeSvg(bytes: Uint8Array, maxChars: number): Promise<Buffer> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SvgRefused('The SVG file is not UTF-8 text.');
  }
  const { purify, window } = await instance();
  const document = new window.DOMParser().parseFromString(withoutDoctype(text, maxChars), 'image/svg+xml');
  const root = document.documentElement;
  if (document.getElementsByTagName('parsererror').length > 0 || root.namespaceURI !== svgNamespace || root.localName !== 'svg')
    throw new SvgRefused('The file is not a well-formed SVG image (an <svg> root in the SVG namespace).');
  purify.sanitize(root, {
    IN_PLACE: true,
    USE_PROFILES: { svg: true, svgFilters: true },
    // `<use>` is safe once its reference must be `#id` (the hook above); links, animations and HTML islands are not.
    ADD_TAGS: ['use'],
    FORBID_TAGS: ['a', 'script', 'foreignObject', 'animate', 'animateMotion', 'animateTransform', 'animateColor', 'set', 'discard'],
  });
  return Buffer.from(new window.XMLSerializer().serializeToString(root), 'utf8');
}
