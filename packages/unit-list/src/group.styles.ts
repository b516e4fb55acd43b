import { css } from 'lit';

/** A property's header row: photo (or a house when there is none), name, address and contacts. */
export const groupStyles = css`
  :host {
    --_photo: var(--hp-unit-list-photo-size, 4.5rem);
  }
  .group {
    inline-size: 100%;
    padding: var(--_space-l) var(--_space-s) var(--_space-s);
    border-block-end: 1px solid var(--_border);
  }
  .group-cell {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-l);
    align-items: flex-start;
  }
  .photo {
    position: relative;
    flex: none;
    display: grid;
    place-items: center;
    inline-size: var(--_photo);
    block-size: var(--_photo);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text-muted);
  }
  .photo svg {
    inline-size: 55%;
    block-size: 55%;
  }
  .photo img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  /* A photo that did not load leaves the house visible instead of its alt text. */
  .photo img[data-failed] {
    visibility: hidden;
  }
  .place {
    flex: 1 1 12rem;
    min-inline-size: 0;
  }
  .place .name {
    margin: 0;
    font-size: var(--_font-size-m);
  }
  .address {
    margin: 0;
  }
  .contacts {
    flex: 2 1 16rem;
    min-inline-size: 0;
    display: grid;
    gap: var(--_space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .contact {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-s);
  }
  .category {
    font-weight: 600;
  }
  .category::after {
    content: ':';
  }
  .contact .phone {
    white-space: nowrap;
  }
  /* An e-mail address longer than the line breaks after its @ or before a dot (<wbr>), anywhere only as a last resort. */
  .contact .email {
    overflow-wrap: anywhere;
  }
  @media print {
    .group {
      break-inside: avoid;
      break-after: avoid;
    }
  }
`;
