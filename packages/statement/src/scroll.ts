import { html, type TemplateResult } from 'lit';

/** A wide table in a box that scrolls sideways on narrow screens; focusable so keyboards can scroll it too. */
export const scrollBox = (label: string, content: TemplateResult): TemplateResult =>
  html`<div class="scroll" tabindex="0" role="region" aria-label=${label}>${content}</div>`;
