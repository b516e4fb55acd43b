import { css, unsafeCSS } from 'lit';

/**
 * The design tokens of DESIGN §8. Host pages and the organization theme set the public `--hp-*` properties;
 * every widget resolves them on its own root into private `--_*` values with fallbacks, so it looks right with no
 * global stylesheet. Widget styles use the private names: `color: var(--_primary)`, `padding: var(--_space-m)`.
 * Shades are mixed from the base colours, so a theme of two or three colours stays coherent.
 *
 * Base colours are `light-dark(light, dark)`: the scheme is the `color-scheme` the widget inherits from the host page
 * (the CSS property or `<meta name="color-scheme">`), not the system's. A page that declares nothing is light, even on
 * a system set to dark; a page with `color-scheme: light dark` follows the system. An organization or page value for a
 * public token applies in both schemes.
 */
const colours: Array<[name: string, token: string, light: string, dark: string]> = [
  ['primary', '--hp-color-primary', '#1f5fa8', '#8ab4f8'],
  ['on-primary', '--hp-color-on-primary', '#ffffff', '#0b1a2e'],
  ['surface', '--hp-color-surface', '#ffffff', '#161b22'],
  ['text', '--hp-color-text', '#1c2430', '#e6e9ee'],
  ['info', '--hp-color-info', '#1d63c4', '#8ab4f8'],
  ['warning', '--hp-color-warning', '#8a6100', '#f0c35a'],
  ['danger', '--hp-color-danger', '#b3261e', '#f28b82'],
  ['success', '--hp-color-success', '#1e7a3c', '#81c995'],
];

/** The built-in dark value of each public colour token, e.g. `darkColours['--hp-color-surface']`. */
export const darkColours: Readonly<Record<string, string>> = Object.fromEntries(colours.map(([, token, , dark]) => [token, dark]));

const palette = colours.map(([name, token, light, dark]) => `--_${name}: var(${token}, light-dark(${light}, ${dark}));`).join('\n  ');

const derived = `
  --_surface-raised: var(--hp-color-surface-raised, color-mix(in srgb, var(--_surface) 94%, var(--_text)));
  --_text-muted: var(--hp-color-text-muted, color-mix(in srgb, var(--_text) 70%, var(--_surface)));
  --_border: var(--hp-color-border, color-mix(in srgb, var(--_text) 28%, var(--_surface)));
  --_accent: var(--hp-color-accent, var(--_primary));
  --_primary-hover: color-mix(in srgb, var(--_primary) 85%, var(--_text));
  --_primary-soft: color-mix(in srgb, var(--_primary) 12%, var(--_surface));
  --_info-soft: color-mix(in srgb, var(--_info) 12%, var(--_surface));
  --_warning-soft: color-mix(in srgb, var(--_warning) 14%, var(--_surface));
  --_danger-soft: color-mix(in srgb, var(--_danger) 10%, var(--_surface));
  --_success-soft: color-mix(in srgb, var(--_success) 12%, var(--_surface));
  --_font: var(--hp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
  --_font-size-s: var(--hp-font-size-s, 0.875rem);
  --_font-size-m: var(--hp-font-size-m, 1rem);
  --_font-size-l: var(--hp-font-size-l, 1.25rem);
  --_space-xs: var(--hp-space-xs, 0.25rem);
  --_space-s: var(--hp-space-s, 0.5rem);
  --_space-m: var(--hp-space-m, 1rem);
  --_space-l: var(--hp-space-l, 1.5rem);
  --_space-xl: var(--hp-space-xl, 2rem);
  --_radius: var(--hp-radius, 0.375rem);
  --_shadow: var(--hp-shadow, 0 1px 3px color-mix(in srgb, var(--_text) 18%, transparent));
  --_focus-ring: var(--hp-focus-ring, 0 0 0 3px color-mix(in srgb, var(--_primary) 45%, transparent));
`;

/**
 * The token rules for a root selector: `:host` inside a shadow root, `:scope` inside `@scope (hp-login)`.
 * The root sets no `color-scheme`, so it inherits the page's. A `.hp-theme-dark` or `.hp-theme-light` class on an
 * ancestor sets the scheme for the widgets below it; on the widget itself it beats the ancestors' (with both classes
 * on ancestors, dark wins).
 */
export function tokenRules(root = ':host'): string {
  const shadow = root === ':host';
  const scheme = (name: string) =>
    shadow ? [`:host-context(.${name})`, `:host(.${name})`] : [`.${name} ${root}`, `${root}.${name}`];
  const [lightAncestor, lightSelf] = scheme('hp-theme-light');
  const [darkAncestor, darkSelf] = scheme('hp-theme-dark');
  return `
${root} {
  ${palette}
  ${derived}
  font-family: var(--_font);
  font-size: var(--_font-size-m);
  line-height: 1.5;
  color: var(--_text);
}
${lightAncestor} { color-scheme: light; }
${darkAncestor} { color-scheme: dark; }
${lightSelf} { color-scheme: light; }
${darkSelf} { color-scheme: dark; }
`;
}

/** Token fallbacks and base typography on `:host`; the first entry of every widget's `static styles`. */
export const hostStyles = css`
  ${unsafeCSS(tokenRules(':host'))}
  :host {
    display: block;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Public theme properties an organization theme maps to (see `themeProperties()` in hp-session). */
export const themeTokenNames = {
  primary: '--hp-color-primary',
  onPrimary: '--hp-color-on-primary',
  surface: '--hp-color-surface',
  text: '--hp-color-text',
  accent: '--hp-color-accent',
  fontFamily: '--hp-font-family',
  radius: '--hp-radius',
} as const;
