import { css, html, type TemplateResult } from 'lit';

/**
 * A short form with its full name, as the ImmoPro statements write them (NFL for Nutzfläche, VS for
 * Verteilungsschlüssel): the abbreviation is shown with the full name as tooltip, and screen readers hear the full
 * name. In a control (a sort button) they hear both, "NFL (Nutzfläche)", so the name contains the visible text and
 * voice control can use it. When the language has no shorter form (`short === full`) the text stands alone.
 */
export function renderAbbr(short: string, full: string, options: { control?: boolean } = {}): TemplateResult | string {
  if (short === full) return full;
  return options.control
    ? html`<abbr title=${full}>${short}</abbr><span class="visually-hidden"> (${full})</span>`
    : html`<abbr title=${full} aria-hidden="true">${short}</abbr><span class="visually-hidden">${full}</span>`;
}

/** The dotted underline that marks an abbreviation with a tooltip. */
export const abbrStyles = css`
  abbr[title] {
    text-decoration: underline dotted;
    text-underline-offset: 0.15em;
    cursor: help;
  }
  @media print {
    abbr[title] {
      text-decoration: none;
    }
  }
`;
