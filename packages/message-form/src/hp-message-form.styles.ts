import { css } from 'lit';

/**
 * The title and the form cards; texts break rather than overflow at 320 px. The form being filled brings its own
 * styles (fill.styles.ts, loaded with it). (No comments inside the styles: they would be shipped.)
 */
export const messageFormStyles = css`
  .title,
  .subtitle,
  .card-title {
    hyphens: auto;
    overflow-wrap: anywhere;
  }
  .subtitle {
    margin: 0;
    font-size: var(--_font-size-m);
  }
  .hint,
  .notice,
  p {
    margin: 0;
  }
  .notice {
    color: var(--_danger);
  }
  .forms {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-s);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--hp-message-form-card-min, 16rem)), 1fr));
  }
  .card {
    inline-size: 100%;
    block-size: 100%;
    display: grid;
    align-content: start;
    justify-items: start;
    gap: var(--_space-xs);
    text-align: start;
    background: var(--_surface-raised);
    color: var(--_text);
    border: 1px solid var(--_border);
    padding: var(--_space-m);
  }
  .card:hover:not(:disabled) {
    background: var(--_primary-soft);
    border-color: var(--_primary);
  }
  .card-text {
    font-weight: 400;
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }
`;
