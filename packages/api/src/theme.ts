import type { ContrastCheck, Theme, ThemeAdjustment, ThemeInput } from './types.js';
import { deriveScheme } from './theme/derive.js';
import { contrastReport } from './theme/pairs.js';

export { contrastRatio, floorRatio, fromOklch, hexColourPattern, parseHex, relativeLuminance, toOklch } from './theme/colour.js';
export type { OklchColour, SrgbColour } from './theme/colour.js';
export { contrastPairs, softShare, statusKeys } from './theme/pairs.js';
export type { ColourKey, ContrastPair, Scheme } from './theme/pairs.js';
export { fitLightness, statusColours } from './theme/derive.js';
export { themePresets, type ThemePresetInput } from './theme/presets.js';

/** A theme derived from its input: the tokens (light and `dark`), every checked pair, and what was adjusted. */
export interface DerivedTheme {
  tokens: Theme;
  contrast: ContrastCheck[];
  adjustments: ThemeAdjustment[];
}

/**
 * Derives the whole token set from two or three colours (DESIGN §8 tokens; issue "Corporate identity").
 *
 * - Light scheme: near-white surfaces tinted by the neutral (else a trace of the primary's hue), near-black text.
 *   Dark scheme: surfaces at OKLCH lightness ≈ 0.2, light text.
 * - Every pair of `contrastPairs` meets WCAG 2.2 AA in both schemes: 4.5:1 for text (SC 1.4.3), 3:1 for borders,
 *   focus and accent against the surface (SC 1.4.11). A brand colour that cannot is moved in OKLCH lightness only
 *   (hue kept, chroma as far as sRGB allows) to the nearest lightness that can; each move is in `adjustments`.
 * - `onPrimary`/`onAccent` are white or a near-black tinted with the colour, whichever contrasts more.
 * - Hover/active shades are 8 % / 16 % of the lightness darker (light) or lighter (dark).
 * - Status colours keep their hue (info blue 250°, warning amber 80°, danger red 27°, success green 145°);
 *   only their lightness follows the surface.
 *
 * The result is deterministic. `tokens` holds the light colours, `fontFamily` and `radius` when given, and `dark`;
 * `contrast` lists the light pairs, then the dark ones, ratios rounded down to two decimals.
 * @throws RangeError when `primary`, `accent` or `neutral` is not a `#rrggbb` colour.
 */
export function deriveTheme(input: ThemeInput): DerivedTheme {
  const light = deriveScheme(input, 'light');
  const dark = deriveScheme(input, 'dark');
  const tokens: Theme = {
    ...light.colours,
    ...(input.fontFamily !== undefined && { fontFamily: input.fontFamily }),
    ...(input.radius !== undefined && { radius: input.radius }),
    dark: { ...dark.colours },
  };
  return {
    tokens,
    contrast: [...contrastReport(light.colours, 'light'), ...contrastReport(dark.colours, 'dark')],
    adjustments: [...light.adjustments, ...dark.adjustments],
  };
}
