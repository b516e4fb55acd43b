import { css } from 'lit';

/**
 * The frame of a list widget (units, documents): a container for container queries that may shrink below its
 * content, a grid of its parts with the medium gap on the surface colour, the widget's title, and a toolbar of
 * fields that wraps, each select as wide as the option it shows (where the browser can size it so), never cut off.
 * Widgets add their own toolbar and list styles after it.
 */
export const frameStyles = css`
  :host {
    container-type: inline-size;
    min-inline-size: 0;
  }
  .base {
    display: grid;
    gap: var(--_space-m);
    color: var(--_text);
    background: var(--_surface);
  }
  .title {
    margin: 0;
    font-size: var(--_font-size-l);
    line-height: 1.3;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-s) var(--_space-m);
  }
  .toolbar .field {
    flex: 1 1 auto;
  }
  .toolbar select {
    field-sizing: content;
    font-weight: 400;
  }
`;
