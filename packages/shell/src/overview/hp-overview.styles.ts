import { css } from 'lit';

/**
 * The overview's cards: one column on a narrow element, a grid of cards of at least `--hp-overview-card-min` from
 * 40rem of the element's own width (a container query, so it fits a portal's main area as well as a page). Notices
 * carry their type's colour as a bar and a tinted badge with the word; an amount owed is red with its word
 * ("Rückstand"), a credit green. Links and "Bezahlen" look like links and buttons. Print: one column, no shadows, no
 * placeholders, links as plain text. (No comments inside the styles: they would be shipped.)
 */
export const overviewStyles = css`
  :host {
    container-type: inline-size;
    min-inline-size: 0;
    --_card-min: var(--hp-overview-card-min, 18rem);
  }
  .base {
    display: grid;
    gap: var(--_space-m);
    color: var(--_text);
  }
  .title {
    margin: 0;
    font-size: var(--_font-size-l);
    line-height: 1.3;
  }
  .title:focus-visible {
    outline: none;
    box-shadow: var(--_focus-ring);
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-m);
  }
  @container (min-width: 40rem) {
    .grid {
      grid-template-columns: repeat(auto-fill, minmax(min(var(--_card-min), 100%), 1fr));
      align-items: start;
    }
    .card.properties {
      grid-column: span 2;
    }
  }
  .card {
    display: grid;
    gap: var(--_space-s);
    min-inline-size: 0;
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  h2 {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    font-size: var(--_font-size-l);
    line-height: 1.3;
  }
  h3 {
    font-size: var(--_font-size-m);
  }
  h4 {
    font-size: var(--_font-size-s);
    color: var(--_text-muted);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_space-s);
  }
  address {
    display: grid;
    font-style: normal;
  }
  a {
    color: var(--_primary);
    overflow-wrap: anywhere;
  }
  a:focus-visible {
    outline: none;
    box-shadow: var(--_focus-ring);
    border-radius: 2px;
  }
  .meta,
  .none,
  .hours,
  small {
    color: var(--_text-muted);
    font-size: var(--_font-size-s);
  }
  .entries li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space-s);
  }
  .entries .meta {
    flex: 1 1 100%;
  }
  .badge,
  .new,
  .type {
    display: inline-block;
    padding: 0 var(--_space-s);
    border-radius: 1rem;
    font-size: var(--_font-size-s);
    font-weight: 700;
    white-space: nowrap;
  }
  .badge,
  .new {
    color: var(--_on-primary, #fff);
    background: var(--_primary);
  }
  .notice {
    --_s: var(--_border);
    padding-inline-start: var(--_space-s);
    border-inline-start: 0.3rem solid var(--_s);
  }
  .notice .type {
    flex: 0 0 auto;
    border: 1px solid var(--_s);
    color: var(--_text);
  }
  .notice.info {
    --_s: var(--_info);
  }
  .notice.info .type {
    background: var(--_info-soft);
  }
  .notice.warning {
    --_s: var(--_warning);
  }
  .notice.warning .type {
    background: var(--_warning-soft);
  }
  .notice.danger {
    --_s: var(--_danger);
  }
  .notice.danger .type {
    background: var(--_danger-soft);
  }
  .property {
    display: grid;
    gap: var(--_space-s) var(--_space-m);
  }
  @container (min-width: 40rem) {
    .property {
      grid-template-columns: minmax(8rem, 14rem) 1fr;
    }
  }
  .property img {
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .about {
    display: grid;
    gap: var(--_space-xs);
    min-inline-size: 0;
  }
  .contacts {
    grid-template-columns: repeat(auto-fill, minmax(min(13rem, 100%), 1fr));
    gap: var(--_space-s) var(--_space-m);
  }
  .contact {
    display: grid;
    align-content: start;
  }
  .what {
    font-size: var(--_font-size-s);
    font-weight: 700;
  }
  .unit-balance {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-xs) var(--_space-s);
  }
  .unit {
    flex: 1 1 100%;
  }
  .balance.debit {
    color: var(--_danger);
    font-weight: 700;
  }
  .balance.credit {
    color: var(--_success);
  }
  .overdue {
    color: var(--_danger);
    font-size: var(--_font-size-s);
  }
  .link.pay {
    margin-inline-start: auto;
    padding: var(--_space-xs) var(--_space-m);
    border-radius: var(--_radius);
    color: var(--_on-primary, #fff);
    background: var(--_primary);
    text-decoration: none;
    font-weight: 700;
  }
  .link.pay:hover {
    background: var(--_primary-hover);
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
    margin-block-start: auto;
  }
  .no-units {
    padding: var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_primary-soft);
  }
  .ghost {
    min-block-size: 8rem;
  }
  .ghost span {
    display: block;
    block-size: 0.9rem;
    border-radius: 0.25rem;
    background: var(--_surface-raised);
  }
  .ghost span:first-child {
    inline-size: 50%;
    block-size: 1.3rem;
  }
  @media print {
    .grid {
      grid-template-columns: minmax(0, 1fr) !important;
    }
    .card {
      box-shadow: none;
      break-inside: avoid;
    }
    .skeleton,
    .link.pay {
      display: none;
    }
    a {
      color: inherit;
      text-decoration: none;
    }
  }
`;
