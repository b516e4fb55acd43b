import { css } from 'lit';

/** The account as a grid: seven columns on wide screens, labelled cards below 40rem. */
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
    grid-template-columns: 6.5rem 8rem minmax(8rem, 1fr) 6.5rem repeat(3, 7.5rem);
    gap: var(--_space-s);
    padding: var(--_space-xs) var(--_space-s);
    inline-size: 100%;
    box-sizing: border-box;
    border-block-end: 1px solid var(--_border);
  }
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
    grid-column: 1 / 5;
  }
  .closing-row {
    font-weight: 700;
  }
  .closing {
    grid-column: 5 / -1;
  }
  .text {
    overflow-wrap: anywhere;
  }
  @container (max-width: 48rem) {
    .columns {
      display: none;
    }
    .row {
      grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
      padding-block: var(--_space-s);
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
