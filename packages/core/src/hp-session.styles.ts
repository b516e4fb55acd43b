import { css } from 'lit';

// <hp-session> carries the tokens for the widgets inside it, but the page's own text placed inside it (a heading, an
// intro on a coloured band) keeps the page's colour and font: each widget sets its own on its :host.
export const sessionStyles = css`
  :host {
    display: block;
    color: inherit;
    font: inherit;
    line-height: inherit;
  }
`;
