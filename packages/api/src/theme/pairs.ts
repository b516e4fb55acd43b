import type { ContrastCheck, ThemeColours } from '../types.js';
import { contrastRatio, floorRatio, mixSrgb, parseHex, type SrgbColour } from './colour.js';

/** A colour token key of one scheme (`primary`, `onPrimary`, …). */
export type ColourKey = keyof ThemeColours;

/** The colour scheme a set of colours is for. */
export type Scheme = ContrastCheck['scheme'];

/** Some colours of one scheme while they are being derived. */
export type Palette = Partial<Record<ColourKey, string>>;

/** The semantic status colours; each is used as text on the surfaces and on its own soft tint. */
export const statusKeys = ['info', 'warning', 'danger', 'success'] as const;

/**
 * Share of a colour in its soft tint, e.g. `infoSoft` = 12 % info in the surface. The widgets mix the same:
 * `--_info-soft: color-mix(in srgb, var(--_info) 12%, var(--_surface))` (packages/core/src/styles/tokens.ts).
 */
export const softShare = 0.12;

/** Contrast for text (WCAG 2.2 SC 1.4.3) and for UI edges and focus indicators (SC 1.4.11). */
const forText = 4.5;
const forEdges = 3;

/** A pair the theme must meet: `foreground` on `background` (a token key or `<key>Soft`). */
export interface ContrastPair {
  foreground: ColourKey;
  background: string;
  required: number;
}

const on = (foreground: ColourKey, backgrounds: string[], required = forText): ContrastPair[] =>
  backgrounds.map((background) => ({ foreground, background, required }));

const softs = ['primarySoft', ...statusKeys.map((key) => `${key}Soft`)];

/**
 * Every pair a derived theme is checked against, in both schemes. Links use `primary` as text; notices put status
 * text and body text on the status's soft tint; hover rows and secondary buttons put text and primary on
 * `primarySoft`.
 */
export const contrastPairs: readonly ContrastPair[] = [
  ...on('text', ['surface', 'surfaceRaised', ...softs]),
  ...on('textMuted', ['surface', 'surfaceRaised']),
  ...on('primary', ['surface', 'surfaceRaised', 'primarySoft']),
  ...on('onPrimary', ['primary', 'primaryHover', 'primaryActive']),
  ...on('accent', ['surface'], forEdges),
  ...on('onAccent', ['accent']),
  ...on('border', ['surface', 'surfaceRaised'], forEdges),
  ...on('focus', ['surface', 'surfaceRaised'], forEdges),
  ...statusKeys.flatMap((key) => on(key, ['surface', 'surfaceRaised', `${key}Soft`])),
];

/** The colour of a key, or of `<key>Soft` mixed into the surface; undefined while a part is not derived yet. */
function resolve(palette: Palette, key: string): SrgbColour | undefined {
  if (!key.endsWith('Soft')) {
    const hex = palette[key as ColourKey];
    return hex === undefined ? undefined : parseHex(hex);
  }
  const base = palette[key.slice(0, -'Soft'.length) as ColourKey];
  return base === undefined || palette.surface === undefined ? undefined : mixSrgb(base, palette.surface, softShare);
}

/** The ratio of a pair rounded down to two decimals, or undefined while one side is not derived yet. */
function ratioOf(palette: Palette, pair: ContrastPair): number | undefined {
  const foreground = resolve(palette, pair.foreground);
  const background = resolve(palette, pair.background);
  return foreground && background ? floorRatio(contrastRatio(foreground, background)) : undefined;
}

/** Whether a pair involves one of `keys`, directly or through a soft tint of it or of the surface. */
function involves(pair: ContrastPair, keys: readonly ColourKey[]): boolean {
  const background = pair.background.endsWith('Soft') ? [pair.background.slice(0, -4), 'surface'] : [pair.background];
  return keys.some((key) => key === pair.foreground || background.includes(key));
}

/** True when every pair involving one of `keys` whose colours are known meets its ratio. */
export function meetsPairs(palette: Palette, keys: readonly ColourKey[]): boolean {
  return contrastPairs.every((pair) => !involves(pair, keys) || (ratioOf(palette, pair) ?? Infinity) >= pair.required);
}

/** The contrast report of one scheme's colours: one entry per pair of {@link contrastPairs}. */
export function contrastReport(colours: ThemeColours, scheme: Scheme): ContrastCheck[] {
  return contrastPairs.map((pair) => {
    const ratio = ratioOf(colours, pair)!;
    return { scheme, foreground: pair.foreground, background: pair.background, ratio, required: pair.required, pass: ratio >= pair.required };
  });
}
