import { waitUntil } from '@open-wc/testing';

/**
 * Layout checks for widget tests in a real browser: does any text stick out of its box, is any text cut off, is any
 * word broken across two lines, does any image show its broken-image box? Walks the element and every open shadow
 * root below it. Boxes that scroll sideways count as fine when they are proper scroll regions (role=region, a name,
 * tabindex=0), so keyboard users can scroll them; their contents are still checked.
 */

export type LayoutProblemKind = 'overflow' | 'clipped' | 'broken-word' | 'broken-image';

export interface LayoutProblem {
  kind: LayoutProblemKind;
  /** Where: tag names, ids, classes and parts from the widget down. */
  where: string;
  /** What: the text concerned, or the sizes. */
  what: string;
}

export interface LayoutOptions {
  /** A selector for elements whose words may break anywhere (for example long e-mail addresses). */
  breakable?: string;
}

/**
 * Where a line may break inside a run of non-spaces: after a hyphen between letters ("SEPA-|Lastschrift") and after
 * a dash ("Straße 12–|14"). A hyphen between digits is part of a number ("0048-0002") and must not break.
 */
const breakInside = /(?<=\p{L}[-‐]|[–—])(?=\S)/u;

/** A proper sideways scroll box: overflow-x auto or scroll, role=region with a name, and focusable. */
export function isScrollRegion(element: Element): boolean {
  const style = getComputedStyle(element);
  return (
    /auto|scroll/.test(style.overflowX) &&
    element.getAttribute('role') === 'region' &&
    element.getAttribute('tabindex') === '0' &&
    !!(element.getAttribute('aria-label') || element.getAttribute('aria-labelledby'))
  );
}

function describe(element: Element): string {
  const part = element.getAttribute('part');
  const classes = [...element.classList].map((c) => `.${c}`).join('');
  return `${element.localName}${element.id ? `#${element.id}` : ''}${classes}${part ? `[part=${part}]` : ''}`;
}

/** Hidden for the eye: display none, or clipped to a pixel like `.visually-hidden`. */
function invisible(element: Element, style: CSSStyleDeclaration): boolean {
  if (style.display === 'none' || style.visibility === 'hidden') return true;
  const tiny = (element as HTMLElement).offsetWidth <= 1 && (element as HTMLElement).offsetHeight <= 1;
  return tiny && style.overflow === 'hidden' && style.display !== 'contents';
}

let canvas: CanvasRenderingContext2D | null = null;

/** Width of `text` in the element's font. */
function textWidth(text: string, style: CSSStyleDeclaration): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return 0;
  canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return canvas.measureText(text).width;
}

/** Room for text inside a form control: its content box, less the arrow of a select. */
function controlRoom(element: HTMLElement, style: CSSStyleDeclaration): number {
  const padding = parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd);
  const arrow = element.localName === 'select' && style.appearance !== 'none' ? parseFloat(style.fontSize) * 1.25 : 0;
  return element.clientWidth - padding - arrow;
}

/** The text a select or text input shows: the chosen option, the value or the placeholder. */
function controlText(element: HTMLElement): string | null {
  if (element instanceof HTMLSelectElement) return element.selectedOptions[0]?.label ?? '';
  if (element instanceof HTMLInputElement && /^(text|search|email|tel|url|number|)$/.test(element.type)) {
    return element.value || element.placeholder;
  }
  return null;
}

function checkBox(element: HTMLElement, style: CSSStyleDeclaration, where: string, problems: LayoutProblem[]): void {
  const shown = controlText(element);
  if (shown !== null) {
    const room = controlRoom(element, style);
    const width = textWidth(shown, style);
    if (shown && width > room + 1) problems.push({ kind: 'clipped', where, what: `"${shown}" needs ${Math.ceil(width)} px, has ${Math.floor(room)} px` });
    return;
  }
  if (element instanceof HTMLImageElement) {
    if (element.complete && element.naturalWidth === 0) problems.push({ kind: 'broken-image', where, what: element.alt || element.src });
    return;
  }
  if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1 && !isScrollRegion(element)) {
    problems.push({ kind: 'overflow', where, what: `${element.scrollWidth} px of content in ${element.clientWidth} px: "${snippet(element)}"` });
  }
  const clipsY = /hidden|clip/.test(style.overflowY);
  if (clipsY && element.clientHeight > 0 && element.scrollHeight > element.clientHeight + 1) {
    problems.push({ kind: 'clipped', where, what: `${element.scrollHeight} px high in ${element.clientHeight} px: "${snippet(element)}"` });
  }
}

const snippet = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);

/** The number of lines a piece of a text node is laid out on. */
function lineCount(node: Text, start: number, end: number): number {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  if (rects.length < 2) return rects.length;
  const first = rects[0]!;
  return 1 + rects.filter((r) => r.top >= first.top + first.height / 2).length;
}

function checkWords(node: Text, where: string, problems: LayoutProblem[]): void {
  const text = node.data;
  for (const match of text.matchAll(/\S+/g)) {
    let start = match.index;
    for (const piece of match[0].split(breakInside)) {
      if (lineCount(node, start, start + piece.length) > 1) problems.push({ kind: 'broken-word', where, what: `"${piece}" in "${text.trim().slice(0, 60)}"` });
      start += piece.length;
    }
  }
}

/** Calls `visit` for each shown element below `node` (open shadow roots included) and `text` for each text node. */
function walk(node: Element | ShadowRoot, path: string, visit: (element: Element, style: CSSStyleDeclaration, where: string) => void, text?: (node: Text, where: string) => void): void {
  for (const child of node.childNodes) {
    if (child instanceof Text) {
      if (text && child.data.trim()) text(child, path);
      continue;
    }
    if (!(child instanceof Element)) continue;
    const style = getComputedStyle(child);
    if (invisible(child, style)) continue;
    const where = `${path} > ${describe(child)}`;
    visit(child, style, where);
    if (child instanceof SVGElement || controlText(child as HTMLElement) !== null || child.localName === 'textarea') continue;
    if (child.shadowRoot) walk(child.shadowRoot, `${where} ::shadow`, visit, text);
    walk(child, where, visit, text);
  }
}

function walkFrom(root: Element, visit: (element: Element, style: CSSStyleDeclaration, where: string) => void, text?: (node: Text, where: string) => void): void {
  visit(root, getComputedStyle(root), describe(root));
  if (root.shadowRoot) walk(root.shadowRoot, `${describe(root)} ::shadow`, visit, text);
  walk(root, describe(root), visit, text);
}

/**
 * Every layout fault in `root` and below (open shadow roots included): boxes whose content is wider than they are
 * (outside scroll regions), form controls too narrow for their text, text cut off by hidden overflow, words laid out
 * on two lines, and images that failed to load. An empty list means the widget fits as laid out right now.
 */
export function layoutProblems(root: Element, options: LayoutOptions = {}): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  walkFrom(
    root,
    (element, style, where) => {
      if (element instanceof HTMLElement && style.display !== 'contents') checkBox(element, style, where, problems);
    },
    (node, where) => {
      if (!options.breakable || !node.parentElement?.closest(options.breakable)) checkWords(node, where, problems);
    },
  );
  return problems;
}

/** The names of the scroll regions below `root` whose content is wider than they are, so people must scroll them. */
export function scrolledRegions(root: Element): string[] {
  const names: string[] = [];
  walkFrom(root, (element) => {
    if (isScrollRegion(element) && element.scrollWidth > element.clientWidth + 1) names.push(element.getAttribute('aria-label') ?? describe(element));
  });
  return names;
}

/** Sets the window's width for layout tests and waits until the page has it. */
export async function atWidth(width: number, setViewport: (size: { width: number; height: number }) => Promise<void>, height = 900): Promise<void> {
  await setViewport({ width, height });
  await waitUntil(() => window.innerWidth === width, `the window did not become ${width} px wide`);
}
