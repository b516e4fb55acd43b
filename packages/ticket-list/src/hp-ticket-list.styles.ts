import { css } from 'lit';

/**
 * Tabs, rows and the detail on core's list frame (`frameStyles`). A row is one button: subject and status on the
 * first line (the status wraps below on narrow widths), then number, category, place and the last change. Status
 * colours go to icon, border and a light tint; the status text keeps the text colour. Rows and tabs hover with a
 * light tint (beating core's primary-coloured button hover). The detail stacks header, fields, files as previews,
 * the thread (my entries set off), composer and actions. The withdraw confirmation is centred in the part of the
 * page a host's window shows when the portal is in a frame as high as its content (`--hp-frame-visible-*`, set by
 * the iframe page). (No comments inside the styles: they would be shipped.)
 */
export const ticketListStyles = css`
  .tabs { display: flex; flex-wrap: wrap; border-block-end: 1px solid var(--_border); }
  [role='tab'], .open { background: none; border: 0; border-radius: 0; color: var(--_text); font-weight: 400; }
  [role='tab'] { border-block-end: 3px solid transparent; }
  [role='tab'][aria-selected='true'] { border-block-end-color: var(--_primary); font-weight: 700; }
  button:is(.open, [role='tab']):is(:hover, :focus-visible):not(:disabled) { background: var(--_primary-soft); }
  button[role='tab']:hover:not([aria-selected='true']) { border-color: var(--_border); }
  .panel, .detail, .head, .thread, .entry, .open, form, .steps { display: grid; gap: var(--_space-s); min-inline-size: 0; }
  ul, ol, dl { margin: 0; padding: 0; list-style: none; }
  .list > li { border-block-end: 1px solid var(--_border); }
  .open { gap: var(--_space-xs); justify-content: stretch; inline-size: 100%; padding: var(--_space-s); text-align: start; }
  .line, .files, .actions { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-s); margin: 0; }
  .subject { flex: 1 1 10rem; }
  .unread .subject { font-weight: 700; }
  .dot { inline-size: 0.6rem; block-size: 0.6rem; border-radius: 50%; background: var(--hp-ticket-list-unread-color, var(--_primary)); }
  .status, .tag { display: inline-flex; white-space: nowrap; align-items: center; gap: var(--_space-xs); padding: 0 var(--_space-s); border: 1px solid; border-radius: 1rem; font-size: var(--_font-size-s); }
  .status { --_s: var(--_info); border-color: var(--_s); background: color-mix(in srgb, var(--_s) 10%, var(--_surface)); font-weight: 600; }
  .status svg { stroke: var(--_s); }
  .meta, dt, .tag { margin: 0; color: var(--_text-muted); font-size: var(--_font-size-s); }
  .waiting { --_s: var(--_warning); }
  .done, .closed { --_s: var(--_success); }
  .rejected { --_s: var(--_text-muted); }
  .notice { color: var(--_success); }
  svg { inline-size: 1em; block-size: 1em; fill: none; stroke: currentColor; stroke-width: 1.6; }
  .more, .back, form > button { justify-self: start; }
  p, h3, h4, dd, .chosen { margin: 0; overflow-wrap: anywhere; }
  .notice:empty { display: none; }
  .failed { color: var(--_danger); }
  dt { margin-block-start: var(--_space-s); }
  .body, dd { white-space: pre-wrap; }
  .file { flex-direction: column; max-inline-size: 8.5rem; padding: var(--_space-xs); background: none; color: var(--_primary); border-color: var(--_border); font-weight: 400; font-size: var(--_font-size-s); overflow-wrap: anywhere; }
  .file img, .file span:empty, .file svg { inline-size: 6rem; block-size: 4.5rem; object-fit: cover; }
  .entry { gap: var(--_space-xs); padding: var(--_space-s) var(--_space-m); border-inline-start: 3px solid var(--_border); background: var(--_surface-raised); }
  .mine { border-inline-start-color: var(--_primary); }
  form, .steps { padding-block-start: var(--_space-m); border-block-start: 1px solid var(--_border); }
  .star { padding: 0 0.2rem; font-size: 2rem; line-height: 1.4; color: var(--_border); }
  .star input { position: absolute; opacity: 0; }
  .star:has(~ .star :checked), .star:has(:checked) { color: var(--_warning); }
  .star:has(:focus-visible) { box-shadow: var(--_focus-ring); }
  .file-button { position: relative; justify-self: start; }
  .file-button input { position: absolute; inset: 0; opacity: 0; }
  .file-button:hover { background: var(--_primary-soft); }
  .file-button:focus-within { box-shadow: var(--_focus-ring); }
  .steps { margin-block-start: var(--_space-l); }
  .danger { --_primary: var(--_danger); --_primary-soft: var(--_danger-soft); }
  @media print { .tabs, .back, form, .steps { display: none; } }
  #withdraw-dialog:modal { inset-block: var(--hp-frame-visible-top, 0px) var(--hp-frame-visible-end, 0px); }
`;
