import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Theme } from '@hausportal/api';
import { darkColours, themeTokenNames } from './styles/tokens.js';

/**
 * The cascade layer that holds organization themes. Page CSS outside layers always beats it; a page that puts its own
 * CSS in layers declares this one first (`@layer hausportal-theme, base, components;`) to keep it below them.
 */
export const themeLayer = 'hausportal-theme';

/** Attribute that ties a session element to its rule in the layer. */
export const themeAttribute = 'data-hp-theme';

type Root = Document | ShadowRoot;

const sheets = new WeakMap<Root, CSSStyleSheet>();
let lastId = 0;

type ThemeKey = keyof typeof themeTokenNames;

/** The property each theme value must be valid for: every colour key is a `color`. */
function checkedAs(key: ThemeKey): string {
  if (key === 'fontFamily') return 'font-family';
  if (key === 'radius') return 'border-radius';
  return 'color';
}

/** The value trimmed when it is valid for `property` and cannot end the declaration or rule; else undefined. */
function valid(value: unknown, property: string): string | undefined {
  if (typeof value !== 'string' || /[;{}]/.test(value)) return undefined;
  const trimmed = value.trim();
  return CSS.supports(property, trimmed) ? trimmed : undefined;
}

/**
 * The dark value of a colour a theme gives for the light scheme only (themes stored before the dark variant, or a
 * `dark` value that is not a colour): brand colours and their shades lightened (35 % of the colour in white,
 * readable on the dark surface); on-colours, surfaces, text, borders and status colours take the built-in dark values.
 */
function darkFallback(token: string, value: string): string {
  switch (token) {
    case themeTokenNames.primary:
    case themeTokenNames.primaryHover:
    case themeTokenNames.primaryActive:
    case themeTokenNames.accent:
    case themeTokenNames.focus:
      return `color-mix(in oklab, ${value} 35%, white)`;
    case themeTokenNames.onAccent:
      return darkColours[themeTokenNames.onPrimary]!;
    default:
      return darkColours[token] ?? value;
  }
}

/**
 * The `--hp-*` declarations of a theme (`Theme` of @hausportal/api): each colour key `k` as
 * `--hp-color-<kebab k>: light-dark(<k>, <dark.k>)`, with the fallback of {@link darkFallback} where `dark` lacks the
 * key; font family and radius as they are. A value that is not valid for its kind (a colour, a font family, a radius)
 * is left out, so nothing can end the declaration or the rule; keys the theme does not have keep the widgets' own
 * values (tokens.ts).
 */
export function themeDeclarations(theme: Theme | null | undefined): Array<[string, string]> {
  const declarations: Array<[string, string]> = [];
  if (!theme) return declarations;
  for (const [key, token] of Object.entries(themeTokenNames) as Array<[ThemeKey, string]>) {
    const property = checkedAs(key);
    const value = valid(theme[key], property);
    if (value === undefined) continue;
    if (property !== 'color') {
      declarations.push([token, value]);
      continue;
    }
    const dark = valid(theme.dark?.[key], 'color') ?? darkFallback(token, value);
    declarations.push([token, `light-dark(${value}, ${dark})`]);
  }
  return declarations;
}

/** The layer block of the theme sheet of a document or shadow root, adopted there first of its sheets. */
function themeLayerOf(root: Root): CSSLayerBlockRule {
  let sheet = sheets.get(root);
  if (!sheet) {
    // A sheet may only be adopted by the document it was made for (a session moved into an iframe's document).
    const view = ((root as Document).defaultView ?? root.ownerDocument?.defaultView ?? window) as typeof window;
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(`@layer ${themeLayer} {}`);
    sheets.set(root, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
  return sheet.cssRules[0] as CSSLayerBlockRule;
}

/**
 * Applies an organization theme to its host element with less weight than any page rule: one rule
 * `:where([data-hp-theme="t1"]) { --hp-color-primary: … }` in the cascade layer `hausportal-theme` of a stylesheet
 * adopted by the host's document or shadow root. So `hp-session { --hp-color-primary: … }` on the page wins from the
 * first paint, token by token, however late the theme arrives. Each host has its own rule; the values are set through
 * the CSS object model, never pasted into CSS text.
 */
export class OrgThemeController implements ReactiveController {
  private readonly id = `t${++lastId}`;
  private theme: Theme | null | undefined;
  private applied?: { layer: CSSLayerBlockRule; rule: CSSStyleRule };

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Sets the theme to apply; `undefined` or `null` removes it. */
  set(theme: Theme | null | undefined): void {
    this.theme = theme;
    this.apply();
  }

  hostConnected(): void {
    this.apply();
  }

  hostDisconnected(): void {
    this.remove();
  }

  private apply(): void {
    this.remove();
    const declarations = themeDeclarations(this.theme);
    const root = this.host.getRootNode() as Partial<Root>;
    if (!declarations.length || !this.host.isConnected || !root.adoptedStyleSheets) {
      this.host.removeAttribute(themeAttribute);
      return;
    }
    const layer = themeLayerOf(root as Root);
    const index = layer.insertRule(`:where([${themeAttribute}="${this.id}"]) {}`, layer.cssRules.length);
    const rule = layer.cssRules[index] as CSSStyleRule;
    for (const [token, value] of declarations) rule.style.setProperty(token, value);
    this.applied = { layer, rule };
    this.host.setAttribute(themeAttribute, this.id);
  }

  private remove(): void {
    const applied = this.applied;
    this.applied = undefined;
    if (!applied) return;
    const index = Array.prototype.indexOf.call(applied.layer.cssRules, applied.rule);
    if (index >= 0) applied.layer.deleteRule(index);
  }
}
