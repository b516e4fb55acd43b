import {
  clampChroma,
  converter,
  formatHex,
  modeLrgb,
  modeOklab,
  modeOklch,
  modeRgb,
  useMode,
  wcagContrast,
  wcagLuminance,
  type Rgb,
} from 'culori/fn';

// Only the colour spaces the theme needs: sRGB (hex in and out), linear sRGB (WCAG luminance), OKLab/OKLCH (lightness).
useMode(modeRgb);
useMode(modeLrgb);
useMode(modeOklab);
useMode(modeOklch);

const toOklchSpace = converter('oklch');

/** A colour as `#rrggbb` (either case), the form of the contract's `HexColour`. */
export const hexColourPattern = /^#[0-9a-f]{6}$/i;

/** A colour in sRGB, channels 0–1 (gamma-encoded, as CSS `rgb()` / 255). */
export type SrgbColour = Rgb;

/** A colour in OKLCH: lightness 0–1, chroma ≥ 0, hue in degrees (0 for greys). */
export interface OklchColour {
  l: number;
  c: number;
  h: number;
}

/**
 * Reads a `#rrggbb` colour (either case) into sRGB channels 0–1.
 * @throws RangeError when `hex` is not six hex digits after `#` (short forms, names and alpha are refused).
 */
export function parseHex(hex: string): SrgbColour {
  if (typeof hex !== 'string' || !hexColourPattern.test(hex)) throw new RangeError(`Not a #rrggbb colour: ${String(hex)}`);
  const channel = (at: number) => parseInt(hex.slice(at, at + 2), 16) / 255;
  return { mode: 'rgb', r: channel(1), g: channel(3), b: channel(5) };
}

const asSrgb = (colour: string | SrgbColour): SrgbColour => (typeof colour === 'string' ? parseHex(colour) : colour);

/**
 * Relative luminance 0 (black) – 1 (white) of an sRGB colour, as WCAG 2.2 defines it ("relative luminance":
 * linearised channels weighted 0.2126 R + 0.7152 G + 0.0722 B).
 * @throws RangeError for a string that is not `#rrggbb`.
 */
export function relativeLuminance(colour: string | SrgbColour): number {
  return wcagLuminance(asSrgb(colour));
}

/**
 * WCAG 2.2 contrast ratio (L1 + 0.05) / (L2 + 0.05) of two colours, 1–21, unrounded. Black on white is 21,
 * `#777777` on white about 4.48 (SC 1.4.3 asks 4.5 for text, SC 1.4.11 3 for UI edges).
 * @throws RangeError for a string that is not `#rrggbb`.
 */
export function contrastRatio(a: string | SrgbColour, b: string | SrgbColour): number {
  return wcagContrast(asSrgb(a), asSrgb(b));
}

/** A contrast ratio rounded down to two decimals, so a reported 4.50 never stands for 4.499. */
export function floorRatio(ratio: number): number {
  return Math.floor(ratio * 100 + 1e-9) / 100;
}

/** The OKLCH coordinates of a `#rrggbb` colour; greys get hue 0. */
export function toOklch(hex: string): OklchColour {
  const { l, c, h } = toOklchSpace(parseHex(hex));
  return { l, c, h: h ?? 0 };
}

/**
 * The `#rrggbb` (lower case) nearest to an OKLCH colour inside sRGB: lightness (clamped to 0–1) and hue are kept,
 * chroma is reduced as far as the gamut needs (culori `clampChroma` in OKLCH).
 */
export function fromOklch({ l, c, h }: OklchColour): string {
  const inGamut = clampChroma({ mode: 'oklch', l: Math.min(1, Math.max(0, l)), c: Math.max(0, c), h }, 'oklch');
  return formatHex(inGamut);
}

/**
 * `share` (0–1) of colour `a` mixed into `b` channel by channel in gamma-encoded sRGB, as CSS
 * `color-mix(in srgb, a 12%, b)` does; not rounded to 8 bits.
 */
export function mixSrgb(a: string, b: string, share: number): SrgbColour {
  const [x, y] = [parseHex(a), parseHex(b)];
  const at = (p: number, q: number) => p * share + q * (1 - share);
  return { mode: 'rgb', r: at(x.r, y.r), g: at(x.g, y.g), b: at(x.b, y.b) };
}
