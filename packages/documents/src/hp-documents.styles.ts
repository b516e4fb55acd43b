import { css } from 'lit';

/**
 * Toolbar and the list, on core's list frame (`frameStyles`): headings and documents as rows of one list (the shape a
 * virtual list needs). A document is tick box, text and download button on one line; on narrow containers the button
 * goes below the text. Category headings are indented by depth, documents are not (their titles line up). Titles and
 * headings break long German words ("Wohnungseigentumsverträge") with a hyphen by the language of the frame (its
 * `lang`), else anywhere rather than overflow. (No comments inside the styles: they would be shipped.)
 */
export const documentsStyles = css`
  :host {
    --_new: var(--hp-documents-new-color, var(--_primary));
  }
  .toolbar .search {
    flex: 2 1 14rem;
  }
  .check {
    align-items: center;
    min-block-size: 2.75rem;
    font-size: var(--_font-size-m);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-m);
  }
  .summary,
  .notice {
    margin: 0;
  }
  .notice {
    color: var(--_danger);
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .badge {
    padding: 0 var(--_space-xs);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    color: var(--_new);
    font-size: var(--_font-size-s);
    font-weight: 700;
  }
  .hint {
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }
  .list {
    border-block-start: 1px solid var(--_border);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space-s);
    inline-size: 100%;
    padding: var(--_space-s);
    border-block-end: 1px solid var(--_border);
  }
  .place {
    padding-block-start: var(--_space-m);
    background: var(--_surface-raised);
  }
  .heading {
    margin: 0;
    font-size: var(--_font-size-m);
    font-weight: 700;
  }
  .level-2 {
    padding-inline-start: var(--_space-l);
  }
  .level-3 {
    padding-inline-start: var(--_space-xl);
  }
  .count,
  .address,
  .meta {
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }
  .count strong {
    color: var(--_new);
  }
  .address,
  .meta {
    flex-basis: 100%;
  }
  .document {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--_space-xs) var(--_space-m);
  }
  .document:hover {
    background: var(--_primary-soft);
  }
  .pick {
    align-self: start;
    margin-block-start: 0.15rem;
  }
  .info {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space-s);
    font-size: var(--_font-size-m);
    font-weight: 400;
    cursor: pointer;
  }
  .name {
    min-inline-size: 0;
  }
  .title,
  .heading,
  .name {
    hyphens: auto;
    overflow-wrap: anywhere;
  }
  .unread .name {
    font-weight: 700;
  }
  @container (max-width: 30rem) {
    .document {
      grid-template-columns: auto minmax(0, 1fr);
      column-gap: var(--_space-s);
      padding-inline: var(--_space-xs);
    }
    .download {
      grid-column: 2;
      justify-self: start;
    }
  }
  @media print {
    .toolbar,
    .selection,
    #mark-all,
    .pick,
    .download,
    [part='retry'] {
      display: none;
    }
    .document {
      grid-template-columns: minmax(0, 1fr);
    }
    .row {
      break-inside: avoid;
    }
    .place {
      break-after: avoid;
    }
  }
`;
