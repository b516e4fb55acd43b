import { css } from 'lit';

export const openItemsStyles = css`
  .open-total {
    font-size: var(--_font-size-l);
    margin: 0 0 var(--_space-m);
  }
  .dunned th,
  .dunned td:nth-child(6) {
    color: var(--_danger);
  }
  .payment {
    container-type: inline-size;
    margin-block-start: var(--_space-l);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .payment h3 {
    margin: 0 0 var(--_space-s);
    font-size: var(--_font-size-m);
  }
  .payment-body {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m) var(--_space-l);
    align-items: start;
  }
  figure {
    margin: 0;
  }
  figcaption {
    font-size: var(--_font-size-s);
    color: var(--_text-muted);
    margin-block-start: var(--_space-xs);
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--_space-xs) var(--_space-m);
    margin: 0;
    min-inline-size: 0;
  }
  dt {
    font-weight: 600;
  }
  /* Only a value longer than the whole line may break (break-word does not narrow the column as anywhere would). */
  dd {
    margin: 0;
    min-inline-size: 0;
    overflow-wrap: break-word;
  }
  .amount {
    white-space: nowrap;
  }
  /* Narrow boxes: each value under its name. */
  @container (max-width: 26rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }
    dd + dt {
      margin-block-start: var(--_space-s);
    }
  }
  .iban {
    font-family: ui-monospace, monospace;
  }
  @media print {
    .payment {
      break-inside: avoid;
    }
  }
`;
