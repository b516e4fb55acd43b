import { css } from 'lit';

export const profileStyles = css`
  :host {
    max-inline-size: var(--hp-profile-max-width, 40rem);
    min-inline-size: 0;
  }
  .base {
    display: grid;
    gap: var(--_space-m);
    padding: var(--_space-l);
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }
  h2 {
    font-size: var(--_font-size-l);
  }
  h3 {
    font-size: var(--_font-size-m);
  }
  .details {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(8rem, 12rem) 1fr;
    gap: var(--_space-xs) var(--_space-m);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .note {
    display: block;
    font-size: var(--_font-size-s);
    color: var(--_text-muted);
    margin: 0;
  }
  .muted {
    color: var(--_text-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .notice:empty {
    display: contents;
  }
  .notice {
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_success-soft);
    border-inline-start: 4px solid var(--_success);
  }
  .error {
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_danger-soft);
    color: var(--_danger);
    border-inline-start: 4px solid var(--_danger);
    font-weight: 600;
  }
  .terms summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--_primary);
    padding: var(--_space-xs) 0;
  }
  .terms summary:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus-ring);
  }
  .terms-body {
    display: grid;
    gap: var(--_space-s);
    padding-block-start: var(--_space-s);
  }
  .terms-text {
    white-space: pre-line;
    max-block-size: 20rem;
    overflow: auto;
    overflow-wrap: anywhere;
  }
  .password {
    display: grid;
    gap: var(--_space-s);
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space-m);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  @media (max-width: 480px) {
    .base {
      padding: var(--_space-m);
    }
    .row {
      grid-template-columns: 1fr;
    }
  }
`;
