import { css } from 'lit';

/**
 * The frame of a list widget (units, documents): a container for container queries that may shrink below its
 * content, a grid of its parts with the medium gap on the surface colour, and the widget's title. Widgets add their
 * toolbar and list styles after it.
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
`;
