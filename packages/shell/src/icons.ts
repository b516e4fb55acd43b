import { html, type TemplateResult } from 'lit';

/** A 24 × 24 line icon in the current text colour, hidden from assistive technology (the text beside it names it). */
const icon = (d: string): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d=${d} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

/** The portal's icons: one per view, and those of the header. */
export const icons = {
  home: icon('M3 11l9-8 9 8M5 9.5V21h5v-6h4v6h5V9.5'),
  building: icon('M4 21V4h11v17M15 9h5v12M2 21h20M8 8h3M8 12h3M8 16h3'),
  euro: icon('M17.5 6.5a7 7 0 1 0 0 11M4 10h9M4 14h9'),
  receipt: icon('M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6'),
  document: icon('M6 2h8l5 5v15H6zM14 2v5h5M9 13h7M9 17h7'),
  megaphone: icon('M3 10v4h3l8 5V5l-8 5zM18 9a4 4 0 0 1 0 6'),
  chat: icon('M4 4h16v11H9l-5 4z'),
  plus: icon('M12 8v8M8 12h8M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18'),
  user: icon('M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0'),
  bell: icon('M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zM10 21h4'),
  print: icon('M7 8V3h10v5M7 17H4V9h16v8h-3M7 14h10v7H7z'),
  menu: icon('M4 6h16M4 12h16M4 18h16'),
  collapse: icon('M15 6l-6 6 6 6'),
  expand: icon('M9 6l6 6-6 6'),
  down: icon('M6 9l6 6 6-6'),
};
