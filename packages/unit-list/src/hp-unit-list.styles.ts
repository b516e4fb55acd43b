import { css } from 'lit';
import { groupStyles } from './group.styles.js';
import { tableStyles } from './table.styles.js';

/** Frame, toolbar and summary; the table and the property headers have their own files. */
const frameStyles = css`
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
  /* Each select is as wide as the option it shows (where the browser can size it so), never cut off. */
  .toolbar .field {
    flex: 1 1 auto;
    font-weight: 600;
    font-size: var(--_font-size-s);
  }
  .toolbar select {
    field-sizing: content;
    font-weight: 400;
  }
  .toolbar .search {
    flex: 2 1 16rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-l);
    margin: 0;
  }
  @media print {
    .toolbar,
    [part='retry'] {
      display: none;
    }
  }
`;

export const unitListStyles = [frameStyles, tableStyles, groupStyles];
