import { css } from 'lit';
import { baseTokens, printHidden } from './hp-portal.rules.js';

/**
 * Styles of `<hp-portal>`. The tokens are resolved once more on `.base`, so the theme of the portal's own
 * `<hp-session>` (alone on a page) reaches its header and navigation too.
 */
export const portalStyles = css`
  :host {
    container-type: inline-size;
    min-inline-size: 0;
  }
  ${baseTokens}
  .base {
    position: relative;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    grid-template-areas: 'header header' 'nav main' 'footer footer';
    max-inline-size: var(--hp-portal-max-width, none);
    margin-inline: auto;
    background: var(--_surface);
    color: var(--_text);
  }
  .chrome {
    display: contents;
  }
  /* Hidden as .visually-hidden (core) until it has the focus. */
  .skip-link:focus {
    inset-block-start: var(--_space-s);
    inset-inline-start: var(--_space-s);
    z-index: 30;
    width: auto;
    height: auto;
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    clip: auto;
    overflow: visible;
    background: var(--_surface);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .icon {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
  }
  .header {
    grid-area: header;
    position: relative;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    border-block-end: 1px solid var(--_border);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    margin-inline-end: auto;
    min-inline-size: 0;
    font-weight: 700;
    font-size: var(--_font-size-l);
    line-height: 1.2;
    color: var(--_primary);
  }
  .logo {
    display: block;
    block-size: var(--hp-portal-logo-height, 2.5rem);
    inline-size: auto;
    max-inline-size: 12rem;
    object-fit: contain;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs);
  }
  .header button.secondary,
  .nav button.secondary {
    border-color: transparent;
    padding: var(--_space-s);
    gap: var(--_space-xs);
    min-inline-size: 2.75rem;
  }
  .disclosure {
    position: static;
  }
  #notifications-button {
    position: relative;
  }
  .badge {
    position: absolute;
    inset-block-start: 0.1rem;
    inset-inline-end: 0.1rem;
    min-inline-size: 1.25rem;
    padding-inline: 0.25rem;
    border-radius: 999px;
    background: var(--_danger);
    color: var(--_surface);
    font-size: 0.75rem;
    line-height: 1.25rem;
    text-align: center;
  }
  .panel {
    position: absolute;
    inset-block-start: 100%;
    inset-inline-end: var(--_space-m);
    z-index: 20;
    display: grid;
    gap: var(--_space-s);
    inline-size: min(20rem, calc(100% - 2 * var(--_space-m)));
    padding: var(--_space-m);
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  .panel[hidden],
  .nav[hidden] {
    display: none;
  }
  .panel ul,
  .nav ul,
  .footer ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .panel a {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-block-size: 2.75rem;
    color: var(--_text);
  }
  .panel a span:first-of-type {
    flex: 1;
  }
  .panel-title {
    margin: 0;
    font-weight: 600;
  }
  .quiet {
    margin: 0;
    color: var(--_text-muted);
  }
  .count {
    min-inline-size: 1.5rem;
    padding-inline: var(--_space-xs);
    border-radius: 999px;
    background: var(--_primary-soft);
    color: var(--_primary);
    font-size: var(--_font-size-s);
    font-weight: 600;
    text-align: center;
  }
  .choice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs);
  }
  .choice .panel-title,
  .choice .caption {
    flex-basis: 100%;
  }
  .caption {
    margin: 0;
    font-size: var(--_font-size-s);
    color: var(--_text-muted);
  }
  .who {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  button.link-button {
    min-block-size: 2.75rem;
    padding: var(--_space-xs) var(--_space-s);
    background: transparent;
    color: var(--_text);
    border: 1px solid var(--_border);
    font-weight: 400;
  }
  button.link-button[aria-pressed='true'] {
    background: var(--_primary-soft);
    color: var(--_text);
    border-color: var(--_primary);
    font-weight: 600;
  }
  .nav {
    grid-area: nav;
    display: grid;
    align-content: start;
    gap: var(--_space-s);
    inline-size: var(--hp-portal-nav-width, 15rem);
    padding: var(--_space-m) var(--_space-s);
    border-inline-end: 1px solid var(--_border);
  }
  .nav .collapse {
    justify-self: end;
  }
  .nav a {
    position: relative;
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-block-size: 2.75rem;
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    color: var(--_text);
    text-decoration: none;
    border-inline-start: 3px solid transparent;
  }
  .nav a .label {
    flex: 1;
  }
  .nav a:hover {
    background: var(--_primary-soft);
  }
  .nav a[aria-current='page'] {
    background: var(--_primary-soft);
    border-inline-start-color: var(--_primary);
    font-weight: 600;
  }
  .nav a.sub {
    padding-inline-start: calc(var(--_space-m) + var(--_space-l));
    font-size: var(--_font-size-s);
  }
  .collapsed .nav {
    inline-size: auto;
  }
  .collapsed .nav a.sub {
    padding-inline-start: var(--_space-m);
  }
  .collapsed .nav .count {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    min-inline-size: 1.1rem;
    font-size: 0.7rem;
  }
  .main {
    grid-area: main;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    gap: var(--_space-m);
    min-inline-size: 0;
    padding: var(--_space-l);
  }
  .main:focus {
    outline: none;
  }
  .main:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: -2px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .toolbar select {
    flex: 0 1 auto;
    inline-size: auto;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .footer {
    grid-area: footer;
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-l);
    padding: var(--_space-m);
    border-block-start: 1px solid var(--_border);
    font-size: var(--_font-size-s);
    color: var(--_text-muted);
  }
  .footer ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
  }
  .footer a {
    color: var(--_primary);
  }
  .narrow {
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'header' 'nav' 'main' 'footer';
  }
  .narrow .nav {
    inline-size: auto;
    border-inline-end: 0;
    border-block-end: 1px solid var(--_border);
  }
  .narrow .main {
    padding: var(--_space-m) var(--_space-s);
  }
  .narrow .toolbar {
    display: grid;
    justify-items: start;
  }
  /* Narrow: the name on its own line (it is no control, so the order of the focus stays), below it the menu button and the actions. */
  .narrow .brand {
    order: -1;
    flex-basis: 100%;
    font-size: var(--_font-size-m);
  }
  .narrow .actions {
    margin-inline-start: auto;
  }
  ${printHidden('.printing')}
  @media print {
    ${printHidden('')}
  }
`;
