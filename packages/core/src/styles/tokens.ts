import { css, unsafeCSS } from 'lit';

/**
 * The design tokens of DESIGN §8. Host pages and the organization theme set the public `--hp-*` properties;
 * every widget resolves them on its own root into private `--_*` values with fallbacks, so it looks right with no
 * global stylesheet. Widget styles use the private names: `color: var(--_primary)`, `padding: var(--_space-m)`.
 * Shades are mixed from the base colours, so a theme of two or three colours stays coherent.
 *
 * Base colours are `light-dark(light, dark)`: the scheme is the `color-scheme` the widget inherits from the host page
 * (the CSS property or `<meta name="color-scheme">`), not the system's. A page that declares nothing is light, even on
 * a system set to dark; a page with `color-scheme: light dark` follows the system. A page value for a public token
 * applies in both schemes; an organization theme gives each token its light and its dark value (org-theme.ts).
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

/**
 * Shades mixed from the base colours when neither page nor organization sets them: `[name, a, share of a, b]` is
 * `color-mix(in srgb, a share%, b)`. An organization theme sets them (`--hp-color-surface-raised` …) per scheme.
 */
const mixes: Array<[name: string, a: string, share: number, b: string]> = [
  ['surface-raised', 'surface', 94, 'text'],
  ['text-muted', 'text', 70, 'surface'],
  ['border', 'text', 28, 'surface'],
];

/**
 * The built-in dark value of each public colour token, e.g. `darkColours['--hp-color-surface']`; the mixed shades
 * (`--hp-color-border` …) as they come out of the built-in dark colours.
 */
export const darkColours: Readonly<Record<string, string>> = Object.fromEntries([
  ...colours.map(([, token, , dark]) => [token, dark]),
  ...mixes.map(([name, a, share, b]) => {
    const dark = (key: string) => colours.find(([n]) => n === key)![3];
    return [`--hp-color-${name}`, `color-mix(in srgb, ${dark(a)} ${share}%, ${dark(b)})`];
  }),
]);

const palette = colours.map(([name, token, light, dark]) => `--_${name}: var(${token}, light-dark(${light}, ${dark}));`).join('\n  ');

/**
 * Private values built from the public ones. The organization theme (org-theme.ts) sets hover, active, on-accent and
 * focus colours derived for WCAG 2.2 AA; without them they are mixed here. Soft tints are 12 % of the colour in the
 * surface, the share the theme's contrast checks assume (`softShare` in @hausportal/api/theme.js). A page that sets
 * `--hp-color-primary` over an organization theme should set `--hp-color-primary-hover` and `-active` too, or use
 * `theme="none"`: the organization's shades stay otherwise.
 */
const derived = `
  ${mixes.map(([name, a, share, b]) => `--_${name}: var(--hp-color-${name}, color-mix(in srgb, var(--_${a}) ${share}%, var(--_${b})));`).join('\n  ')}
  --_accent: var(--hp-color-accent, var(--_primary));
  --_on-accent: var(--hp-color-on-accent, var(--_on-primary));
  --_primary-hover: var(--hp-color-primary-hover, color-mix(in srgb, var(--_primary) 85%, var(--_text)));
  --_primary-active: var(--hp-color-primary-active, color-mix(in srgb, var(--_primary) 72%, var(--_text)));
  --_primary-soft: color-mix(in srgb, var(--_primary) 12%, var(--_surface));
  --_info-soft: color-mix(in srgb, var(--_info) 12%, var(--_surface));
  --_warning-soft: color-mix(in srgb, var(--_warning) 12%, var(--_surface));
  --_danger-soft: color-mix(in srgb, var(--_danger) 12%, var(--_surface));
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
  --_focus-ring: var(--hp-focus-ring, 0 0 0 3px var(--hp-color-focus, color-mix(in srgb, var(--_primary) 45%, transparent)));
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

/**
 * Public theme properties an organization theme maps to (`Theme` of @hausportal/api; see org-theme.ts): colour key
 * `k` → `--hp-color-<kebab-case k>`, plus font family and radius.
 */
export const themeTokenNames = {
  primary: '--hp-color-primary',
  primaryHover: '--hp-color-primary-hover',
  primaryActive: '--hp-color-primary-active',
  onPrimary: '--hp-color-on-primary',
  accent: '--hp-color-accent',
  onAccent: '--hp-color-on-accent',
  surface: '--hp-color-surface',
  surfaceRaised: '--hp-color-surface-raised',
  text: '--hp-color-text',
  textMuted: '--hp-color-text-muted',
  border: '--hp-color-border',
  focus: '--hp-color-focus',
  info: '--hp-color-info',
  warning: '--hp-color-warning',
  danger: '--hp-color-danger',
  success: '--hp-color-success',
  fontFamily: '--hp-font-family',
  radius: '--hp-radius',
} as const;
