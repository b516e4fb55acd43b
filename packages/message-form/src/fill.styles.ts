import { css } from 'lit';

/**
 * The form being filled, added to the element's shadow root when its part has loaded: the fields stacked in one
 * column (time windows and the cascade's levels side by side where the widget is wide enough), the emergency box,
 * "already reported", the files with their progress bars and the confirmation. Texts break rather than overflow at
 * 320 px. (No comments inside the styles: they would be shipped.)
 */
export const fillStyles = css`
  .file-name,
  label,
  legend {
    hyphens: auto;
    overflow-wrap: anywhere;
  }
  .form-head,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-m);
  }
  .actions {
    justify-content: start;
  }
  .fields {
    gap: var(--_space-l);
  }
  .req {
    color: var(--_danger);
    margin-inline-start: 0.2em;
  }
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .group {
    gap: var(--_space-s);
  }
  .choices {
    display: grid;
    gap: var(--_space-s);
  }
  .choices.row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-l);
  }
  .check {
    align-items: center;
    font-size: var(--_font-size-m);
    min-block-size: 2.75rem;
  }
  .levels,
  .slot {
    display: grid;
    gap: var(--_space-s) var(--_space-m);
  }
  .slot legend {
    font-weight: 400;
    font-size: var(--_font-size-s);
    margin: 0;
  }
  .slot-part {
    display: grid;
    gap: var(--_space-xs);
    font-weight: 400;
  }
  @container (min-width: 36rem) {
    .levels {
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    }
    .slot {
      grid-template-columns: 2fr 1fr 1fr;
    }
    .slot legend {
      grid-column: 1 / -1;
    }
  }
  .euro {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
  }
  .counter {
    text-align: end;
  }
  .info,
  .unit-fixed,
  .duplicates,
  .privacy,
  .transcript,
  .done {
    padding: var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_info-soft);
  }
  .readonly {
    font-weight: 600;
    font-size: var(--_font-size-l);
  }
  .unit-fixed .label {
    font-weight: 600;
    margin-inline-end: var(--_space-s);
  }
  .emergency {
    padding: var(--_space-m);
    border-radius: var(--_radius);
    border: 2px solid var(--_danger);
    background: var(--_danger-soft);
  }
  .emergency ul,
  .duplicates ul,
  .files {
    margin: var(--_space-s) 0 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_space-s);
  }
  .emergency a {
    font-weight: 600;
    font-size: var(--_font-size-l);
  }
  .phone {
    white-space: nowrap;
  }
  .duplicates {
    display: grid;
    gap: var(--_space-s);
    background: var(--_warning-soft);
  }
  .duplicates li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
  }
  .file-button {
    position: relative;
    justify-self: start;
  }
  .file-button:focus-within {
    box-shadow: var(--_focus-ring);
  }
  .file-input {
    position: absolute;
    inset: 0;
    opacity: 0;
    inline-size: 100%;
    cursor: pointer;
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-m);
    padding-block-end: var(--_space-s);
    border-block-end: 1px solid var(--_border);
  }
  .progress {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    flex: 1 1 10rem;
  }
  progress {
    flex: 1;
    accent-color: var(--_primary);
    block-size: 0.75rem;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  .privacy p {
    margin-block-start: var(--_space-s);
  }
  .done {
    display: grid;
    gap: var(--_space-s);
    justify-items: start;
    background: var(--_success-soft);
  }
  .transcript {
    display: grid;
    gap: var(--_space-s);
    justify-items: start;
    background: var(--_surface-raised);
  }
  .transcript-text {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .ticket-number {
    font-size: var(--_font-size-l);
  }
`;
