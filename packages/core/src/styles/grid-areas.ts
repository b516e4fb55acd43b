import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Places the cells of a grid table by column: `.c-top { grid-area: top }` for each name. A row then only has to
 * name its areas (`grid-template-areas`), and a narrower layout can stack columns by naming them differently.
 */
export function columnAreas(names: readonly string[]): CSSResult {
  return unsafeCSS(names.map((name) => `.c-${name} { grid-area: ${name}; }`).join('\n'));
}
