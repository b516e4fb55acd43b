// The panel of the theme gallery (theme-gallery.stories.ts): one derived theme in one colour scheme, with its colours,
// its adjustments and its contrast table; the widgets go into the slot.
import { css, html, LitElement, type PropertyValues } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { ContrastCheck, ThemeColours } from '@hausportal/api';
import type { DerivedTheme } from '@hausportal/api/theme.js';
import { hostStyles, themeDeclarations, themeTokenNames } from '@hausportal/core';

export type Scheme = 'light' | 'dark';

/** The colours of one scheme of a derived theme. */
function coloursOf(derived: DerivedTheme, scheme: Scheme): ThemeColours {
  const { dark, fontFamily: _font, radius: _radius, ...light } = derived.tokens;
  return (scheme === 'dark' ? dark : light) as ThemeColours;
}

/** The contrast a pair checked as text needs (WCAG 2.2 SC 1.4.3); UI edges need 3:1. */
const textContrast = 4.5;

/** A CSS colour for a report key: a token, or `<key>Soft` mixed as the widgets mix it. */
function cssColour(colours: ThemeColours, key: string): string {
  if (!key.endsWith('Soft')) return colours[key as keyof ThemeColours];
  return `color-mix(in srgb, ${colours[key.slice(0, -4) as keyof ThemeColours]} 12%, ${colours.surface})`;
}

/**
 * One theme in one scheme. It sets the theme's `--hp-*` declarations on itself (as `<hp-session>` would, from the same
 * `themeDeclarations`) and its `color-scheme`, so the widgets slotted below show the derived light or dark values.
 */
export class GalleryPanel extends LitElement {
  static override properties = { derived: { attribute: false }, scheme: {}, heading: {} };
  static override styles = [
    hostStyles,
    css`
      :host { background: var(--_surface); color: var(--_text); padding: var(--_space-l); border: 1px solid var(--_border); border-radius: var(--_radius); min-width: 0; }
      h2 { font-size: var(--_font-size-l); margin: 0 0 var(--_space-m); }
      h3 { font-size: var(--_font-size-m); margin: var(--_space-l) 0 var(--_space-s); }
      .swatches { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: var(--_space-xs); margin: 0; padding: 0; list-style: none; font-size: var(--_font-size-s); }
      .swatches li { display: flex; align-items: center; gap: var(--_space-xs); }
      .chip { inline-size: 1.25rem; block-size: 1.25rem; flex: none; border-radius: 50%; border: 1px solid var(--_border); }
      code { font-size: 0.8125rem; color: var(--_text-muted); }
      table { border-collapse: collapse; inline-size: 100%; font-size: var(--_font-size-s); }
      th, td { text-align: start; padding: var(--_space-xs) var(--_space-s); border-block-end: 1px solid var(--_border); }
      .number { text-align: end; font-variant-numeric: tabular-nums; }
      .sample { display: inline-block; padding: 0 var(--_space-s); border-radius: var(--_radius); font-weight: 600; }
      .edge { inline-size: 2.25rem; block-size: 1.25rem; padding: 0; border: 3px solid; vertical-align: middle; }
      .pass { color: var(--_success); }
      .fail { color: var(--_danger); font-weight: 700; }
      .widgets { margin-block-start: var(--_space-l); }
    `,
  ];

  declare derived: DerivedTheme | null;
  declare scheme: Scheme;
  declare heading: string;

  constructor() {
    super();
    this.derived = null;
    this.scheme = 'light';
    this.heading = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('derived')) {
      for (const property of Object.values(themeTokenNames)) this.style.removeProperty(property);
      for (const [property, value] of themeDeclarations(this.derived?.tokens)) this.style.setProperty(property, value);
    }
    this.style.colorScheme = this.scheme;
    this.classList.toggle('hp-theme-dark', this.scheme === 'dark');
    this.classList.toggle('hp-theme-light', this.scheme !== 'dark');
  }

  private swatches(colours: ThemeColours) {
    return html`<ul class="swatches">
      ${Object.entries(colours).map(([key, value]) => html`<li><span class="chip" style=${styleMap({ background: value })}></span>${key} <code>${value}</code></li>`)}
    </ul>`;
  }

  private adjustments() {
    const own = this.derived!.adjustments.filter((a) => a.scheme === this.scheme);
    if (!own.length) return html`<p>Keine Anpassung nötig / no adjustment needed.</p>`;
    return html`<ul>
      ${own.map((a) => html`<li>${a.token}: <code>${a.from}</code> → <code>${a.to}</code></li>`)}
    </ul>`;
  }

  /**
   * What the pair looks like: text ("Aa") for a pair checked as text (4.5:1, SC 1.4.3); an edge for one checked as a UI
   * edge or focus indicator (3:1, SC 1.4.11: accent, border, focus), which the widgets never use for text.
   */
  private sample(colours: ThemeColours, check: ContrastCheck) {
    const foreground = cssColour(colours, check.foreground);
    const background = cssColour(colours, check.background);
    if (check.required >= textContrast) return html`<span class="sample" style=${styleMap({ color: foreground, background })}>Aa</span>`;
    return html`<span class="sample edge" style=${styleMap({ borderColor: foreground, background })}></span>`;
  }

  private row(colours: ThemeColours, check: ContrastCheck) {
    return html`<tr>
      <td>${this.sample(colours, check)} ${check.foreground} / ${check.background}</td>
      <td class="number">${check.ratio.toFixed(2)}</td>
      <td class="number">${check.required}</td>
      <td class=${check.pass ? 'pass' : 'fail'}>${check.pass ? '✓ erfüllt / pass' : '✗ nicht erfüllt / fail'}</td>
    </tr>`;
  }

  private table(colours: ThemeColours) {
    const checks = this.derived!.contrast.filter((check) => check.scheme === this.scheme);
    const passed = checks.filter((check) => check.pass).length;
    return html`<details open>
      <summary>Kontrast / contrast (WCAG 2.2 AA): ${passed} / ${checks.length}</summary>
      <table>
        <thead><tr><th scope="col">Paar / pair</th><th scope="col" class="number">Verhältnis / ratio</th><th scope="col" class="number">Mindestens / required</th><th scope="col">Ergebnis / result</th></tr></thead>
        <tbody>${checks.map((check) => this.row(colours, check))}</tbody>
      </table>
    </details>`;
  }

  protected override render() {
    const title = html`<h2>${this.heading} · ${this.scheme === 'dark' ? 'Dunkel / dark' : 'Hell / light'}</h2>`;
    if (!this.derived) return html`${title}<p>Ohne Organisationsthema / without an organization theme.</p><div class="widgets"><slot></slot></div>`;
    const colours = coloursOf(this.derived, this.scheme);
    return html`${title}
      <h3>Farben / colours</h3>
      ${this.swatches(colours)}
      <h3>Angepasst / adjusted</h3>
      ${this.adjustments()}
      <h3>Kontrast / contrast</h3>
      ${this.table(colours)}
      <div class="widgets"><slot></slot></div>`;
  }
}

if (!customElements.get('hp-gallery-panel')) customElements.define('hp-gallery-panel', GalleryPanel);

declare global {
  interface HTMLElementTagNameMap {
    'hp-gallery-panel': GalleryPanel;
  }
}
