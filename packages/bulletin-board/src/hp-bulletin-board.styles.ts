import { css } from 'lit';

/**
 * The toolbar and the notices on core's list frame (`frameStyles`). A notice is a card with a bar at its start in its
 * type's colour (neutral: the border colour) and, for info, warnings and danger, a light tint; the type badge carries
 * the coloured icon and the text in the text colour. The title is a full-width button that looks like a heading. The
 * body keeps the server's few tags (paragraphs, lists, subheadings, links). Print: no toolbar and no buttons, every
 * notice open; titles print as headings and pictures as pictures. (No comments inside the styles: they would be
 * shipped.)
 */
export const bulletinBoardStyles = css`
  :host {
    --_new: var(--hp-bulletin-board-new-color, var(--_primary));
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list {
    display: grid;
    gap: var(--_space-m);
  }
  :host([compact]) .list {
    gap: var(--_space-s);
  }
  .post {
    --_s: var(--_border);
    display: grid;
    gap: var(--_space-xs);
    min-inline-size: 0;
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-inline-start: 0.375rem solid var(--_s);
    border-radius: var(--_radius);
  }
  .info {
    --_s: var(--_info);
    background: var(--_info-soft);
  }
  .warning {
    --_s: var(--_warning);
    background: var(--_warning-soft);
  }
  .danger {
    --_s: var(--_danger);
    background: var(--_danger-soft);
  }
  p,
  h3 {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .tags,
  .files,
  .images,
  .when,
  .ack {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
  }
  .tags,
  .meta,
  .places {
    font-size: var(--_font-size-s);
  }
  .type,
  .pin,
  .new {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    padding: 0 var(--_space-s);
    border: 1px solid var(--_s);
    border-radius: 1rem;
    background: var(--_surface);
    font-weight: 700;
    white-space: nowrap;
  }
  .neutral .type {
    border-color: var(--_text-muted);
  }
  .type svg {
    stroke: var(--_s);
    stroke-width: 2;
  }
  .neutral .type svg {
    stroke: currentColor;
  }
  .pin {
    border-color: var(--_border);
    font-weight: 400;
  }
  .new {
    border-color: var(--_new);
    color: var(--_new);
  }
  .category,
  .meta,
  .places,
  .ack p {
    color: var(--_text-muted);
  }
  svg {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .head {
    font-size: var(--_font-size-m);
  }
  button.toggle {
    justify-content: start;
    inline-size: 100%;
    padding: var(--_space-xs) 0;
    border: 0;
    background: none;
    color: var(--_text);
    font-weight: 700;
    text-align: start;
  }
  button.toggle:hover {
    background: none;
    text-decoration: underline;
  }
  .appt {
    display: flex;
    gap: var(--_space-xs);
    align-items: baseline;
  }
  .appt svg {
    align-self: center;
  }
  .panel {
    display: grid;
    gap: var(--_space-m);
    padding-block: var(--_space-s);
    border-block-start: 1px solid var(--_border);
  }
  .body > :first-child {
    margin-block-start: 0;
  }
  .body > :last-child {
    margin-block-end: 0;
  }
  .body :is(p, ul, ol, blockquote, h3, h4) {
    margin-block: 0 var(--_space-s);
  }
  .body,
  .file span {
    overflow-wrap: anywhere;
  }
  .when {
    justify-content: space-between;
  }
  .file {
    padding-inline: var(--_space-m);
    font-weight: 400;
    text-align: start;
  }
  .image {
    padding: var(--_space-xs);
    border-color: var(--_border);
    background: var(--_surface);
    color: var(--_primary);
    font-weight: 400;
  }
  .image img,
  .blank {
    display: block;
    inline-size: 9rem;
    block-size: 6.75rem;
    object-fit: cover;
  }
  .acked {
    color: var(--_success);
    font-weight: 700;
  }
  .failed {
    color: var(--_danger);
  }
  .more {
    justify-self: start;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .note {
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  #filters {
    display: contents;
  }
  .filters {
    display: none;
  }
  @container (max-width: 30rem) {
    .filters {
      display: inline-flex;
    }
    #filters:not(.open) {
      display: none;
    }
  }
  @media print {
    .toolbar,
    .more,
    .panel button:not(.image),
    .ack p {
      display: none !important;
    }
    .post {
      break-inside: avoid;
    }
    .image {
      border: 0;
      padding: 0;
    }
  }
`;
