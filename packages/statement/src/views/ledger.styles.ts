import { css } from 'lit';
import { columnAreas } from '@hausportal/core';

/**
 * The account as a grid. Every column is as wide as its longest piece on one line: dates, document numbers such as
 * "ZA-2026-01-12-0048-0002", long words of the text such as "Betriebskostenabrechnung" and amounts such as
 * "128.400,00 €". Wide: seven columns (57rem + 6 gaps + padding = 61rem); medium: the document number under the date
 * (50.5rem + 5 gaps + padding = 54rem); labelled cards below.
 */
export const ledgerStyles = css`
  :host {
    container-type: inline-size;
  }
  .caption {
    font-weight: 600;
    margin: 0 0 var(--_space-s);
  }
  .ledger {
    font-size: var(--_font-size-s);
    font-variant-numeric: tabular-nums;
  }
  .row {
    display: grid;
    grid-template-columns: 6.5rem 12.5rem minmax(12rem, 1fr) 6.5rem repeat(3, 6.5rem);
    grid-template-areas: 'date doc text due debit credit balance';
    gap: var(--_space-s);
    padding: var(--_space-xs) var(--_space-s);
    inline-size: 100%;
    box-sizing: border-box;
    border-block-end: 1px solid var(--_border);
  }
  ${columnAreas(['date', 'doc', 'text', 'due', 'debit', 'credit', 'balance'])}
  .columns {
    font-weight: 600;
    border-block-end-width: 2px;
  }
  .carry {
    font-style: italic;
  }
  .sums {
    font-weight: 700;
    border-block-start: 2px solid var(--_text);
  }
  .sums .label,
  .closing-row .label {
    grid-area: 1 / 1 / 2 / due-end;
  }
  .debit-sum { grid-area: debit; }
  .credit-sum { grid-area: credit; }
  .closing-row {
    font-weight: 700;
  }
  .closing {
    grid-area: 1 / debit-start / 2 / -1;
  }
  /* A booking text breaks inside a word only when the word is longer than the whole column. */
  .text {
    overflow-wrap: break-word;
  }
  @container (max-width: 61rem) {
    .row {
      grid-template-columns: 12.5rem minmax(12rem, 1fr) repeat(4, 6.5rem);
      grid-template-areas:
        'date text due debit credit balance'
        'doc text due debit credit balance';
      row-gap: 0;
    }
  }
  @container (max-width: 54rem) {
    .columns {
      display: none;
    }
    .row {
      grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
      grid-template-areas: none;
      row-gap: var(--_space-s);
      padding-block: var(--_space-s);
    }
    .row > * {
      grid-area: auto;
    }
    .row .code {
      grid-column: span 2;
    }
    .row .text,
    .sums .label,
    .closing-row .label,
    .closing {
      grid-column: 1 / -1;
    }
    [role='cell'][data-label]:not([data-label=''])::before {
      content: attr(data-label);
      display: block;
      font-weight: 600;
      color: var(--_text-muted);
    }
    .num {
      text-align: start;
    }
    [role='cell']:empty {
      display: none;
    }
  }
  @media print {
    .row {
      break-inside: avoid;
    }
  }
`;
