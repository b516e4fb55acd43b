import { css } from 'lit';

export const sessionStyles = css`
  :host {
    display: block;
    color: var(--_text);
  }
`;
