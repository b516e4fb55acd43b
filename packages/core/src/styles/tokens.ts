import { css, unsafeCSS } from 'lit';

/**
 * The design tokens of DESIGN §8. Host pages and the organization theme set the public `--hp-*` properties;
 * every widget resolves them on its own root into private `--_*` values with fallbacks, so it looks right with no
 * global stylesheet. Widget styles use the private names: `color: var(--_primary)`, `padding: var(--_space-m)`.
 * Shades are mixed from the base colours, so a theme of two or three colours stays coherent.
 */
const light = `
  --_primary: var(--hp-color-primary, #1f5fa8);
  --_on-primary: var(--hp-color-on-primary, #ffffff);
  --_surface: var(--hp-color-surface, #ffffff);
  --_text: var(--hp-color-text, #1c2430);
  --_info: var(--hp-color-info, #1d63c4);
  --_warning: var(--hp-color-warning, #8a6100);
  --_danger: var(--hp-color-danger, #b3261e);
  --_success: var(--hp-color-success, #1e7a3c);
`;

const dark = `
  --_primary: var(--hp-color-primary, #8ab4f8);
  --_on-primary: var(--hp-color-on-primary, #0b1a2e);
  --_surface: var(--hp-color-surface, #161b22);
  --_text: var(--hp-color-text, #e6e9ee);
  --_info: var(--hp-color-info, #8ab4f8);
  --_warning: var(--hp-color-warning, #f0c35a);
  --_danger: var(--hp-color-danger, #f28b82);
  --_success: var(--hp-color-success, #81c995);
  color-scheme: dark;
`;

const derived = `
  --_surface-raised: var(--hp-color-surface-raised, color-mix(in srgb, var(--_surface) 94%, var(--_text)));
  --_text-muted: var(--hp-color-text-muted, color-mix(in srgb, var(--_text) 70%, var(--_surface)));
  --_border: var(--hp-color-border, color-mix(in srgb, var(--_text) 28%, var(--_surface)));
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
 * Dark values apply with `prefers-color-scheme: dark` (unless an ancestor has `.hp-theme-light`) and under an
 * ancestor or host with `.hp-theme-dark`.
 */
export function tokenRules(root = ':host'): string {
  const shadow = root === ':host';
  const darkAncestor = shadow ? ':host-context(.hp-theme-dark), :host(.hp-theme-dark)' : `.hp-theme-dark ${root}, .hp-theme-dark:is(${root})`;
  const lightAncestor = shadow ? ':host-context(.hp-theme-light)' : `.hp-theme-light ${root}`;
  return `
${root} {
  ${light}
  ${derived}
  color-scheme: light;
  font-family: var(--_font);
  font-size: var(--_font-size-m);
  line-height: 1.5;
  color: var(--_text);
}
@media (prefers-color-scheme: dark) {
  ${root} { ${dark} ${derived} }
  ${lightAncestor} { ${light} ${derived} color-scheme: light; }
}
${darkAncestor} { ${dark} ${derived} }
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
  accent: '--hp-color-info',
  fontFamily: '--hp-font-family',
  radius: '--hp-radius',
} as const;
