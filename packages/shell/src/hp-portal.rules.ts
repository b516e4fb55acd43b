import { unsafeCSS, type CSSResult } from 'lit';
import { tokenRules } from '@hausportal/core';

/**
 * The rules of `<hp-portal>`'s styles that are built from strings, kept apart from hp-portal.styles.ts so that the
 * build can minify that file's `css` template (it leaves files with `unsafeCSS` as written).
 */

/** Left out of the print view and of printing the page: `scope` is `.printing` (the print view) or `` (print media). */
export const printHidden = (scope: string): CSSResult =>
  unsafeCSS(`
  ${['.skip-link', '.chrome', '.footer', '.toolbar', 'hp-chat-bot'].map((s) => `${scope} ${s}`).join(', ')} { display: none !important; }
  .base${scope} { grid-template-columns: minmax(0, 1fr); grid-template-areas: 'main'; }
`);

/** The design tokens resolved once more on `.base`, for the theme of the portal's own `<hp-session>`. */
export const baseTokens: CSSResult = unsafeCSS(tokenRules('.base'));
