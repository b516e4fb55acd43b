import { css } from 'lit';

/** Table, picker and print rules shared by the statement's views. */
export const viewStyles = css`
  :host {
    display: block;
  }
  .pickers {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    align-items: end;
    margin-block-end: var(--_space-m);
  }
  .scroll {
    overflow-x: auto;
    max-inline-size: 100%;
  }
  .scroll:focus-visible {
    outline: none;
    box-shadow: var(--_focus-ring);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block: var(--_space-s);
  }
  th,
  td {
    padding: var(--_space-xs) var(--_space-s);
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  th {
    font-weight: 600;
    white-space: nowrap;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  tfoot td,
  tfoot th,
  .total {
    font-weight: 700;
    border-block-start: 2px solid var(--_text);
  }
  button.link {
    background: none;
    border: 0;
    padding: 0;
    min-block-size: 0;
    color: var(--_primary);
    text-decoration: underline;
    font-weight: inherit;
    text-align: start;
  }
  button.link:hover:not(:disabled) {
    background: none;
    color: var(--_primary-hover);
  }
  button.link[aria-expanded='true'] {
    font-weight: 700;
  }
  .notice {
    color: var(--_danger);
  }
  .more {
    margin-block-start: var(--_space-m);
  }
  .debit {
    color: var(--_danger);
  }
  .credit {
    color: var(--_success);
  }
  @media print {
    .pickers,
    button {
      display: none !important;
    }
    .scroll {
      overflow: visible;
    }
    th,
    td {
      border-color: #000;
    }
  }
`;
