import { css } from 'lit';
import { frameStyles } from '@hausportal/core';
import { groupStyles } from './group.styles.js';
import { tableStyles } from './table.styles.js';

/** Toolbar and summary on core's list frame; the table and the property headers have their own files. */
const toolbarStyles = css`
  .toolbar .field {
    font-weight: 600;
    font-size: var(--_font-size-s);
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
