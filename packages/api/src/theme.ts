import type { ContrastCheck, LocalizedName, Theme, ThemeAdjustment, ThemeInput } from './types.js';

/** A theme derived from its input: the tokens (light and `dark`), every checked pair, and what was adjusted. */
export interface DerivedTheme {
  tokens: Theme;
  contrast: ContrastCheck[];
  adjustments: ThemeAdjustment[];
}

/** A ready colour set to start from. */
export interface ThemePresetInput {
  key: string;
  name: LocalizedName;
  input: ThemeInput;
}

/** Derives the whole token set from two or three colours (being built). */
export function deriveTheme(input: ThemeInput): DerivedTheme {
  return { tokens: { primary: input.primary, accent: input.accent }, contrast: [], adjustments: [] };
}

/** WCAG 2.2 contrast ratio of two `#rrggbb` colours (being built). */
export function contrastRatio(_a: string, _b: string): number {
  return 21;
}

/** The ready colour sets (being built). */
export const themePresets: ThemePresetInput[] = [];
