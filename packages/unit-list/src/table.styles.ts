import { css } from 'lit';
import { columnAreas } from '@hausportal/core';
import { columns } from './columns.js';

/**
 * The units as a table on wide containers, as a two-line table on medium ones and as cards on narrow ones. Each
 * column is at least as wide as its longest word or amount (German and English, measured in DejaVu Sans, one of the
 * widest system fonts), so nothing wraps inside a word; each layout starts at the width its minimums need:
 * wide 11 columns: 66.5rem of columns + 10 gaps + padding = 72rem; medium 8 columns: 49rem + 7 gaps + padding ≤ 54rem.
 */
export const tableStyles = css`
  :host {
    --_wide: minmax(5rem, 0.8fr) minmax(6.75rem, 1.1fr) minmax(5.5rem, 0.9fr) minmax(5.75rem, 0.9fr) minmax(5.5rem, 0.8fr)
      minmax(6.75rem, 1.1fr) minmax(6rem, 1fr) minmax(6.25rem, 1fr) minmax(5.5rem, 0.9fr) minmax(6.25rem, 1fr) minmax(6.75rem, 1.2fr);
    --_medium: minmax(5rem, 0.8fr) minmax(6.75rem, 1.1fr) minmax(5.75rem, 0.9fr) minmax(6.75rem, 1.1fr) minmax(6.25rem, 1fr)
      minmax(5.5rem, 0.9fr) minmax(6.25rem, 1fr) minmax(6.75rem, 1.2fr);
  }
  .table {
    font-size: var(--_font-size-s);
    font-variant-numeric: tabular-nums;
    border-block-start: 1px solid var(--_border);
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_surface);
  }
  .row {
    display: grid;
    grid-template-columns: var(--_wide);
    grid-template-areas: 'top usage role area share payment since net vat gross balance';
    gap: var(--_space-s);
    padding: var(--_space-s);
    inline-size: 100%;
    border-block-end: 1px solid var(--_border);
  }
  .columns {
    border-block-end-width: 2px;
    padding-block: var(--_space-xs);
  }
  .cell {
    min-inline-size: 0;
  }
  ${columnAreas(columns.map((column) => column.key))}
  [role='columnheader'][class*='c-'] {
    display: flex;
  }
  .c-area,
  .c-share,
  .c-net,
  .c-vat,
  .c-gross,
  .c-balance {
    text-align: end;
    justify-content: flex-end;
  }
  /* A long name wraps between its words; the arrow follows the last one, or goes below it when there is no room. */
  button.sort {
    justify-content: inherit;
    min-block-size: 2.75rem;
    padding: var(--_space-xs);
    background: transparent;
    border: 0;
    color: var(--_text);
    font-size: inherit;
    text-align: inherit;
  }
  button.sort:hover {
    background: var(--_primary-soft) !important;
    color: var(--_text);
  }
  .arrow::after {
    content: '↕';
    margin-inline-start: var(--_space-xs);
    color: var(--_text-muted);
  }
  .arrow.ascending::after {
    content: '▲';
    color: var(--_primary);
  }
  .arrow.descending::after {
    content: '▼';
    color: var(--_primary);
  }
  .unit {
    cursor: pointer;
  }
  .unit:hover {
    background: var(--_primary-soft);
  }
  .unit:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: -2px;
  }
  .inactive {
    color: var(--_text-muted);
  }
  .top {
    display: block;
    font-weight: 700;
    font-size: var(--_font-size-m);
  }
  .edv,
  .note {
    display: block;
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
    margin: 0;
  }
  .code {
    white-space: nowrap;
  }
  .ended {
    display: inline-block;
    margin-block-start: var(--_space-xs);
    padding: 0 var(--_space-xs);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
  }
  .balance.debit {
    color: var(--_danger);
    font-weight: 700;
  }
  .balance.credit {
    color: var(--_success);
    font-weight: 600;
  }
  .amount,
  .word {
    white-space: nowrap;
  }

  /* Medium containers: usage over role, area over share, payment over since. */
  @container (max-width: 72rem) {
    .row {
      grid-template-columns: var(--_medium);
      grid-template-areas:
        'top usage area payment net vat gross balance'
        'top role share since net vat gross balance';
      row-gap: var(--_space-xs);
    }
  }

  /* Narrow containers: every unit becomes a card, each value with its column name. */
  @container (max-width: 54rem) {
    .columns {
      display: none;
    }
    .head {
      position: static;
    }
    .unit {
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 7.75rem), 1fr));
      grid-template-areas: none;
      gap: var(--_space-s);
      margin-block: var(--_space-s);
      padding: var(--_space-m);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .unit .cell {
      grid-area: auto;
      text-align: start;
    }
    .unit .cell::before {
      content: attr(data-label);
      display: block;
      font-weight: 600;
      color: var(--_text-muted);
    }
    .unit .c-top,
    .unit .c-balance {
      grid-column: 1 / -1;
    }
    .unit .c-top::before {
      content: none;
    }
  }

  @media print {
    .arrow {
      display: none;
    }
    .head {
      position: static;
    }
    button.sort {
      min-block-size: 0;
      padding: 0;
      font-weight: 700;
    }
    .row {
      break-inside: avoid;
    }
    .unit:hover {
      background: none;
    }
  }
`;
