import { css } from 'lit';
import { frameStyles } from '@hausportal/core';
import { groupStyles } from './group.styles.js';
import { tableStyles } from './table.styles.js';

/** Toolbar and summary on core's list frame; the table and the property headers have their own files. */
const toolbarStyles = css`
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

export const unitListStyles = [frameStyles, toolbarStyles, tableStyles, groupStyles];
