import { css } from 'lit';

export const statementStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--_space-m);
    min-inline-size: 0;
    color: var(--_text);
    background: var(--_surface);
  }
  .title {
    margin: 0;
    font-size: var(--_font-size-l);
  }
  .unit {
    margin: 0;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    justify-content: space-between;
    align-items: end;
    border-block-end: 1px solid var(--_border);
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
  }
  [role='tab'] {
    font: inherit;
    background: none;
    border: 0;
    border-block-end: 3px solid transparent;
    padding: var(--_space-s) var(--_space-m);
    min-block-size: 44px;
    color: var(--_text);
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_primary);
    font-weight: 700;
  }
  [role='tab']:hover:not(:disabled) {
    background: var(--_primary-soft);
    border-color: transparent;
    border-block-end-color: var(--_primary);
    color: var(--_text);
  }
  [role='tab']:focus-visible {
    outline: none;
    box-shadow: var(--_focus-ring);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    padding-block-end: var(--_space-s);
  }
  .panel {
    min-inline-size: 0;
  }
  @media print {
    .bar {
      display: none;
    }
  }
`;
