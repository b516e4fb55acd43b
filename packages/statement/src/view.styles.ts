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
  /*
   * A table wider than the screen scrolls sideways; a shadow at an edge shows that more of it lies beyond (the covers
   * scroll with the content and hide the shadows once an end is reached).
   */
  .scroll {
    --_shade: color-mix(in srgb, var(--_text) 35%, transparent);
    overflow-x: auto;
    max-inline-size: 100%;
    background:
      linear-gradient(to right, var(--_surface) 40%, transparent) left / 2rem 100% no-repeat local,
      linear-gradient(to left, var(--_surface) 40%, transparent) right / 2rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, var(--_shade), transparent) left / 1rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, var(--_shade), transparent) right / 1rem 100% no-repeat scroll;
  }
  .scroll:focus-visible {
    outline: none;
    box-shadow: var(--_focus-ring);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: var(--_font-size-s);
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
  th:first-child,
  td:first-child {
    padding-inline-start: 0;
  }
  th:last-child,
  td:last-child {
    padding-inline-end: 0;
  }
  th {
    font-weight: 600;
  }
  /* A line's name reads as text; sums and group headings stay bold. */
  tbody tr:not(.subtotal) th[scope='row'] {
    font-weight: 400;
  }
  td button:not(.link) {
    padding-inline: var(--_space-m);
  }
  /* Headers wrap between words; amounts, dates and document numbers stay on one line. */
  .num {
    text-align: end;
  }
  td.num,
  .code,
  .balance > * {
    white-space: nowrap;
  }
  /* Between amount and word, around the slash of a key value, in "2. Mahnstufe" a line may break. */
  td.num.wraps,
  td.num .balance {
    white-space: normal;
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
      background: none;
    }
    th,
    td {
      border-color: #000;
    }
  }
`;
