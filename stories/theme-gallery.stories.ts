import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { Theme } from '@hausportal/api';
import { formStyles, hostStyles, themeDeclarations, themeTokenNames } from '@hausportal/core';
import { immopro, krueger } from './mocks/data.js';

type Scheme = 'light' | 'dark';

const colours = ['primary', 'on-primary', 'surface', 'surface-raised', 'text', 'text-muted', 'border', 'info', 'warning', 'danger', 'success'];
const shades = ['primary-hover', 'primary-soft', 'info-soft', 'warning-soft', 'danger-soft', 'success-soft'];
const spaces = ['xs', 's', 'm', 'l', 'xl'];

/**
 * One theme in one colour scheme: every token as the widgets resolve it (the same `hostStyles` and `formStyles`),
 * with the computed value under each swatch.
 */
class TokenPanel extends LitElement {
  static override properties = { theme: { attribute: false }, scheme: {}, heading: {} };
  static override styles = [
    hostStyles,
    formStyles,
    css`
      :host { display: block; background: var(--_surface); color: var(--_text); padding: var(--_space-l); border-radius: var(--_radius); box-shadow: var(--_shadow); min-width: 0; }
      h2 { font-size: var(--_font-size-l); margin: 0 0 var(--_space-m); }
      h3 { font-size: var(--_font-size-m); margin: var(--_space-l) 0 var(--_space-s); color: var(--_text-muted); }
      .swatches { display: grid; grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr)); gap: var(--_space-s); }
      figure { margin: 0; font-size: var(--_font-size-s); }
      .chip { height: 2.5rem; border-radius: var(--_radius); border: 1px solid var(--_border); }
      figcaption code { display: block; color: var(--_text-muted); font-size: 0.75rem; overflow-wrap: anywhere; }
      .type p { margin: var(--_space-xs) 0; }
      .space { display: flex; align-items: center; gap: var(--_space-s); font-size: var(--_font-size-s); }
      .space span { display: inline-block; height: 0.75rem; background: var(--_primary); }
      .card { background: var(--_surface-raised); border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space-m); box-shadow: var(--_shadow); }
      .row { display: flex; flex-wrap: wrap; gap: var(--_space-s); align-items: center; }
      .focus { box-shadow: var(--_focus-ring); }
    `,
  ];

  declare theme: Theme | null;
  declare scheme: Scheme;
  declare heading: string;

  constructor() {
    super();
    this.theme = null;
    this.scheme = 'light';
    this.heading = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('theme')) {
      // The values <hp-session> gives the widgets: in the dark panel, the organization colours as adapted for it.
      for (const property of Object.values(themeTokenNames)) this.style.removeProperty(property);
      for (const [property, value] of themeDeclarations(this.theme)) this.style.setProperty(property, value);
    }
    this.classList.toggle('hp-theme-dark', this.scheme === 'dark');
    this.classList.toggle('hp-theme-light', this.scheme !== 'dark');
  }

  protected override updated(): void {
    // Show what each swatch resolved to, so the derived shades can be checked against the brand colours.
    for (const chip of this.renderRoot.querySelectorAll<HTMLElement>('.chip')) {
      const code = chip.nextElementSibling?.querySelector('code');
      if (code) code.textContent = getComputedStyle(chip).backgroundColor;
    }
  }

  private swatches(names: string[]) {
    return html`<div class="swatches">
      ${names.map(
        (name) => html`<figure>
          <div class="chip" style="background: var(--_${name})"></div>
          <figcaption>--_${name}<code></code></figcaption>
        </figure>`,
      )}
    </div>`;
  }

  protected override render() {
    const invalidId = `iban-${this.scheme}`;
    return html`
      <h2>${this.heading} · ${this.scheme === 'dark' ? 'Dunkel / dark' : 'Hell / light'}</h2>
      <h3>Farben / colours</h3>
      ${this.swatches(colours)}
      <h3>Abgeleitete Töne / derived shades (color-mix)</h3>
      ${this.swatches(shades)}
      <h3>Schrift / typography</h3>
      <div class="type">
        <p style="font-size: var(--_font-size-l)">L · Betriebskostenabrechnung 2025</p>
        <p style="font-size: var(--_font-size-m)">M · Vorschreibung März 2026: 1.234,56 € (10 % USt.)</p>
        <p style="font-size: var(--_font-size-s); color: var(--_text-muted)">S · Top W2, Nutzfläche 78,00 m², Anteile 50/300</p>
      </div>
      <h3>Abstände / spacing</h3>
      ${spaces.map((s) => html`<div class="space"><span style="width: var(--_space-${s})"></span>--hp-space-${s}</div>`)}
      <h3>Fläche, Radius, Schatten, Fokus / surface, radius, shadow, focus</h3>
      <div class="row">
        <div class="card">Karte / card</div>
        <div class="card focus">Fokusring / focus ring</div>
      </div>
      <h3>Formular / form</h3>
      <form @submit=${(e: Event) => e.preventDefault()}>
        <div class="field">
          <label for="email-${this.scheme}">E-Mail-Adresse</label>
          <input id="email-${this.scheme}" type="email" value="maria.huber@example.at" autocomplete="off" />
          <p class="hint">Wir senden Benachrichtigungen an diese Adresse.</p>
        </div>
        <div class="field">
          <label for=${invalidId}>IBAN</label>
          <input id=${invalidId} aria-invalid="true" aria-describedby="${invalidId}-error" value="AT61 1904 3002 3457 320" />
          <p class="error-text" id="${invalidId}-error">Die IBAN ist unvollständig.</p>
        </div>
        <label class="check"><input type="checkbox" checked /> Benachrichtigungen per E-Mail</label>
        <div class="row">
          <button type="submit">Speichern</button>
          <button type="button" class="secondary">Abbrechen</button>
          <button type="button" class="link">Passwort vergessen?</button>
          <button type="button" disabled>Gesperrt</button>
        </div>
      </form>
    `;
  }
}

if (!customElements.get('hp-token-panel')) customElements.define('hp-token-panel', TokenPanel);

declare global {
  interface HTMLElementTagNameMap {
    'hp-token-panel': TokenPanel;
  }
}

const themes: Record<string, { heading: string; theme: Theme | null }> = {
  plain: { heading: 'Standard (ohne Organisation)', theme: null },
  immopro: { heading: immopro.name, theme: immopro.theme },
  krueger: { heading: krueger.name, theme: krueger.theme },
};

const pair = (key: string) => {
  const { heading, theme } = themes[key]!;
  return html`<div style="display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));">
    <hp-token-panel .theme=${theme} scheme="light" heading=${heading}></hp-token-panel>
    <hp-token-panel .theme=${theme} scheme="dark" heading=${heading}></hp-token-panel>
  </div>`;
};

const meta: Meta = {
  title: 'Foundations/Theme gallery',
  parameters: { hausportal: { session: false }, layout: 'padded' },
};
export default meta;

type Story = StoryObj;

/** Light and dark side by side: the toolbar's scheme must not reach into the panels. */
const side = { hausportal: { session: false, scheme: false } };

/** The theme chosen in the toolbar, in the chosen scheme. */
export const Current: Story = {
  render: (_args, context) => {
    const key = String(context.globals.theme ?? 'immopro');
    const { heading, theme } = themes[key] ?? themes.immopro!;
    const scheme: Scheme = context.globals.scheme === 'dark' ? 'dark' : 'light';
    return html`<hp-token-panel .theme=${theme} scheme=${scheme} heading=${heading}></hp-token-panel>`;
  },
};

/** ImmoPro Hausverwaltung (Wien), light and dark. */
export const ImmoPro: Story = { render: () => pair('immopro'), parameters: side };

/** Krüger Immobilienverwaltung (Hamburg), light and dark. */
export const Krueger: Story = { name: 'Krüger', render: () => pair('krueger'), parameters: side };

/** No organization theme: the fallbacks every widget carries on :host. */
export const Plain: Story = { name: 'Without theme', render: () => pair('plain'), parameters: side };
