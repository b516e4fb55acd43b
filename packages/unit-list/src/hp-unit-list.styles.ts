import { css } from 'lit';

export const unitListStyles = css`
  :host {
    container-type: inline-size;
    min-inline-size: 0;
    --_photo: var(--hp-unit-list-photo-size, 4.5rem);
    --_columns: minmax(4.5rem, 1fr) minmax(5.5rem, 1.1fr) minmax(5rem, 1fr) minmax(5rem, 0.9fr) minmax(4rem, 0.7fr)
      minmax(6rem, 1.2fr) minmax(6rem, 1.1fr) repeat(3, minmax(5.5rem, 1fr)) minmax(7rem, 1.3fr);
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
    flex: 1 1 12rem;
    font-weight: 600;
    font-size: var(--_font-size-s);
  }
  .toolbar .search {
    flex-basis: 16rem;
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
  .table {
    font-size: var(--_font-size-s);
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
    grid-template-columns: var(--_columns);
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
    overflow-wrap: anywhere;
  }
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
  button.sort {
    min-block-size: 2.75rem;
    padding: var(--_space-xs);
    background: transparent;
    border: 0;
    color: var(--_text);
    font-size: inherit;
    text-align: start;
    gap: var(--_space-xs);
  }
  button.sort:hover {
    background: var(--_primary-soft) !important;
    color: var(--_text);
  }
  .arrow::after {
    content: '↕';
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
  .word {
    white-space: nowrap;
  }
  .group {
    inline-size: 100%;
    padding: var(--_space-l) var(--_space-s) var(--_space-s);
    border-block-end: 1px solid var(--_border);
  }
  .group-cell {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-l);
    align-items: flex-start;
  }
  .photo {
    inline-size: var(--_photo);
    block-size: var(--_photo);
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .place {
    flex: 1 1 12rem;
  }
  .place .name {
    margin: 0;
    font-size: var(--_font-size-m);
  }
  .address {
    margin: 0;
  }
  .contacts {
    flex: 2 1 16rem;
    display: grid;
    gap: var(--_space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .contact {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-s);
  }
  .category {
    font-weight: 600;
  }
  .category::after {
    content: ':';
  }
  .contact a {
    overflow-wrap: anywhere;
  }

  /* Narrow containers: every unit becomes a card, each value with its column name. */
  @container (max-width: 60rem) {
    .columns {
      display: none;
    }
    .head {
      position: static;
    }
    .unit {
      grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
      gap: var(--_space-s) var(--_space-m);
      margin-block: var(--_space-s);
      padding: var(--_space-m);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .unit .cell {
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
    .toolbar,
    .arrow,
    [part='retry'] {
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
    .row,
    .group {
      break-inside: avoid;
    }
    .unit:hover {
      background: none;
    }
    .group {
      break-after: avoid;
    }
  }
`;
