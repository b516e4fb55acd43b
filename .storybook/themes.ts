// The theme choices of the Storybook toolbar: the two demo organizations and the plain token fallbacks.
import type { Theme } from '@hausportal/api';
import { immopro, krueger } from '../stories/mocks/data.js';

export interface ThemeChoice {
  /** Organization slug the session uses (its mock data and theme). */
  org: string;
  /** Apply the organization's theme, or show the widgets' built-in fallbacks. */
  applyTheme: boolean;
  title: string;
  theme: Theme | null;
}

export const themeChoices: Record<string, ThemeChoice> = {
  immopro: { org: 'immopro', applyTheme: true, title: 'ImmoPro (Wien)', theme: immopro.theme },
  krueger: { org: 'krueger', applyTheme: true, title: 'Krüger (Hamburg)', theme: krueger.theme },
  plain: { org: 'immopro', applyTheme: false, title: 'No organization theme', theme: null },
};
