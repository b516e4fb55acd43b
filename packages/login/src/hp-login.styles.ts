import { css } from 'lit';

export const loginStyles = css`
  :host {
    max-inline-size: var(--hp-login-max-width, 28rem);
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
  h2 {
    margin: 0;
    font-size: var(--_font-size-l);
    line-height: 1.3;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    box-shadow: var(--_focus-ring);
  }
  .intro {
    margin: 0;
    color: var(--_text-muted);
  }
  .notice:empty {
    /* No box while empty, but the live region stays in the tree so the next note is announced. */
    display: contents;
  }
  .notice {
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_success-soft);
    color: var(--_text);
    border-inline-start: 4px solid var(--_success);
  }
  .cookie-note {
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_warning-soft);
    border-inline-start: 4px solid var(--_warning);
    overflow-wrap: anywhere;
  }
  .cookie-note.quiet {
    padding: 0;
    background: none;
    border: 0;
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }
  .cookie-note a {
    display: inline-block;
    margin-block-start: var(--_space-xs);
    color: var(--_primary);
    font-weight: 600;
  }
  .error {
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_danger-soft);
    color: var(--_danger);
    border-inline-start: 4px solid var(--_danger);
    font-weight: 600;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .terms {
    max-block-size: 16rem;
    overflow: auto;
    white-space: pre-line;
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    overflow-wrap: anywhere;
  }
  .terms:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus-ring);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  @media (max-width: 400px) {
    .base {
      padding: var(--_space-m);
    }
  }
`;
