import type { ThemeAdjustment, ThemeColours, ThemeInput } from '../types.js';
import { contrastRatio, fromOklch, toOklch, type OklchColour } from './colour.js';
import { meetsPairs, statusKeys, type ColourKey, type Palette, type Scheme } from './pairs.js';

/**
 * OKLCH lightness of the neutral tokens per scheme before they are checked, and the way a colour moves to gain
 * contrast against the surfaces (`toward`: −1 darker on the light surface, +1 lighter on the dark one).
 */
interface SchemeSpec {
  surface: number;
  surfaceRaised: number;
  text: number;
  textMuted: number;
  border: number;
  status: number;
  focus: number;
  toward: -1 | 1;
}

const specs: Record<Scheme, SchemeSpec> = {
  light: { surface: 0.985, surfaceRaised: 0.955, text: 0.25, textMuted: 0.5, border: 0.62, status: 0.52, focus: 0.55, toward: -1 },
  dark: { surface: 0.2, surfaceRaised: 0.245, text: 0.93, textMuted: 0.76, border: 0.55, status: 0.78, focus: 0.78, toward: 1 },
};

/**
 * Hue (degrees) and chroma of the semantic status colours in OKLCH: info blue, warning amber, danger red, success
 * green. Only their lightness follows the theme; brand colours never replace them.
 */
export const statusColours: Readonly<Record<(typeof statusKeys)[number], { h: number; c: number }>> = {
  info: { h: 250, c: 0.14 },
  warning: { h: 80, c: 0.14 },
  danger: { h: 27, c: 0.18 },
  success: { h: 145, c: 0.13 },
};

const white = '#ffffff';
/** Lightness of the near-black text on light brand colours. */
const inkLightness = 0.18;
/** Lightness steps of the search in OKLCH L (0–1): coarse to find a side, fine to get close to the start. */
const coarseStep = 0.02;
const fineStep = 0.002;

/**
 * The colour nearest in OKLCH lightness to `start` (same hue, as much chroma as sRGB allows) that `accept`s, trying
 * `start` itself first and, at equal distance, the `toward` side first; within 0.002 of the nearest passing
 * lightness. Ends at black or white, which meet every pair of a derived scheme.
 */
export function fitLightness(start: string, toward: -1 | 1, accept: (hex: string) => boolean): string {
  if (accept(start)) return start;
  const base = toOklch(start);
  const at = (l: number) => fromOklch({ ...base, l });
  for (let k = 1; (k - 1) * coarseStep <= 1; k++) {
    for (const sign of [toward, -toward]) {
      const edge = base.l + sign * k * coarseStep;
      if (edge < -coarseStep || edge > 1 + coarseStep || !accept(at(edge))) continue;
      for (let l = edge - sign * (coarseStep - fineStep); sign * (edge - l) > 1e-9; l += sign * fineStep) {
        const hex = at(l);
        if (accept(hex)) return hex;
      }
      return at(edge);
    }
  }
  return at(toward < 0 ? 0 : 1);
}

/**
 * Hover and active shades: 8 % and 16 % of the OKLCH lightness darker in light, lighter in dark. A colour at the end
 * of that way (near black in light, near white in dark) goes the other way, near black by 0.12 and 0.24 so the
 * shades stay visible.
 */
function shadesOf(hex: string, scheme: Scheme): [string, string] {
  const base = toOklch(hex);
  const at = (factor: number, offset = 0) => fromOklch({ ...base, l: base.l * factor + offset });
  if (scheme === 'light') return base.l >= 0.3 ? [at(0.92), at(0.84)] : [at(1, 0.12), at(1, 0.24)];
  return base.l * 1.16 <= 0.97 ? [at(1.08), at(1.16)] : [at(0.92), at(0.84)];
}

/** White or a near-black tinted with the background's hue, whichever contrasts more with every background. */
function onColourFor(backgrounds: string[]): string {
  const tint = toOklch(backgrounds[0]!);
  const ink = fromOklch({ l: inkLightness, c: Math.min(tint.c * 0.3, 0.03), h: tint.h });
  const worst = (foreground: string) => Math.min(...backgrounds.map((background) => contrastRatio(foreground, background)));
  return worst(white) >= worst(ink) ? white : ink;
}

/** The palette with a brand colour set and the tokens that follow from it (shades, on-colour). */
function withBrand(palette: Palette, key: 'primary' | 'accent', hex: string, scheme: Scheme): Palette {
  if (key === 'accent') return { ...palette, accent: hex, onAccent: onColourFor([hex]) };
  const [primaryHover, primaryActive] = shadesOf(hex, scheme);
  return { ...palette, primary: hex, primaryHover, primaryActive, onPrimary: onColourFor([hex, primaryHover, primaryActive]) };
}

const brandKeys: Record<'primary' | 'accent', ColourKey[]> = {
  primary: ['primary', 'primaryHover', 'primaryActive', 'onPrimary'],
  accent: ['accent', 'onAccent'],
};

/** Tint of the neutral tokens: the neutral input's hue and some of its chroma, else a trace of the primary's hue. */
function tints(input: ThemeInput): { surface: OklchColour; ink: OklchColour } {
  const source = toOklch(input.neutral ?? input.primary);
  const [scale, surfaceCap, inkCap] = input.neutral ? [0.5, 0.025, 0.03] : [0.04, 0.005, 0.015];
  const chroma = (cap: number, factor: number) => Math.min(source.c * factor, cap);
  return {
    surface: { l: 0, c: chroma(surfaceCap, scale), h: source.h },
    ink: { l: 0, c: chroma(inkCap, scale * 2), h: source.h },
  };
}

/** The focus colour's start: the primary's hue made vivid, or info blue for a grey primary. */
function focusStart(input: ThemeInput, lightness: number): string {
  const primary = toOklch(input.primary);
  const hue = primary.c >= 0.04 ? { h: primary.h, c: Math.max(primary.c, 0.1) } : statusColours.info;
  return fromOklch({ l: lightness, ...hue });
}

/** Every colour of one scheme, in the contract's key order. */
function ordered(palette: Palette): ThemeColours {
  const keys: ColourKey[] = ['primary', 'primaryHover', 'primaryActive', 'onPrimary', 'accent', 'onAccent', 'surface', 'surfaceRaised',
    'text', 'textMuted', 'border', 'focus', 'info', 'warning', 'danger', 'success'];
  return Object.fromEntries(keys.map((key) => [key, palette[key]!])) as ThemeColours;
}

/**
 * Derives one scheme: fixed-lightness surfaces, then each colour moved in lightness until all its pairs
 * (pairs.ts) pass. Brand colours start from the input; what they became is in `adjustments`.
 */
export function deriveScheme(input: ThemeInput, scheme: Scheme): { colours: ThemeColours; adjustments: ThemeAdjustment[] } {
  const spec = specs[scheme];
  const tint = tints(input);
  let palette: Palette = {
    surface: fromOklch({ ...tint.surface, l: spec.surface }),
    surfaceRaised: fromOklch({ ...tint.surface, l: spec.surfaceRaised }),
  };
  const fit = (key: ColourKey, start: string) => {
    const hex = fitLightness(start, spec.toward, (candidate) => meetsPairs({ ...palette, [key]: candidate }, [key]));
    palette = { ...palette, [key]: hex };
  };
  const adjustments: ThemeAdjustment[] = [];
  for (const key of ['primary', 'accent'] as const) {
    const from = input[key].toLowerCase();
    const to = fitLightness(from, spec.toward, (hex) => meetsPairs(withBrand(palette, key, hex, scheme), brandKeys[key]));
    palette = withBrand(palette, key, to, scheme);
    if (to !== from) adjustments.push({ token: key, scheme, from, to });
  }
  for (const key of statusKeys) fit(key, fromOklch({ l: spec.status, ...statusColours[key] }));
  for (const key of ['text', 'textMuted', 'border'] as const) fit(key, fromOklch({ ...tint.ink, l: spec[key] }));
  fit('focus', focusStart(input, spec.focus));
  return { colours: ordered(palette), adjustments };
}
