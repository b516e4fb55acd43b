import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { adoptScopedFormStyles, define, formStyles, hostStyles, scopedFormCss } from '../src/index.js';

class TokenProbe extends LitElement {
  static override styles = [hostStyles, formStyles, css`.box { background: var(--_surface); }`];
  protected override render() {
    return html`<div class="box"><button>OK</button></div>`;
  }
}
define('hp-token-probe', TokenProbe);

const prop = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

describe('tokens', () => {
  it('falls back to built-in values without any page styles', async () => {
    const el = await fixture<TokenProbe>(html`<hp-token-probe></hp-token-probe>`);
    expect(prop(el, '--_primary')).to.equal('light-dark(#1f5fa8, #8ab4f8)');
    expect(prop(el, '--_radius')).to.equal('0.375rem');
    const button = el.shadowRoot!.querySelector('button')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(31, 95, 168)');
  });

  it('takes public custom properties from the page', async () => {
    const wrapper = await fixture(html`<div style="--hp-color-primary: #aa0000; --hp-radius: 2px"><hp-token-probe></hp-token-probe></div>`);
    const el = wrapper.querySelector('hp-token-probe')!;
    const button = el.shadowRoot!.querySelector('button')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(170, 0, 0)');
    expect(getComputedStyle(button).borderTopLeftRadius).to.equal('2px');
  });

  it('switches to dark values under .hp-theme-dark', async () => {
    const wrapper = await fixture(html`<div class="hp-theme-dark"><hp-token-probe></hp-token-probe></div>`);
    const el = wrapper.querySelector('hp-token-probe')!;
    const box = el.shadowRoot!.querySelector('.box')!;
    expect(getComputedStyle(box).backgroundColor).to.equal('rgb(22, 27, 34)');
  });

  it('styles a light-DOM form through a scoped stylesheet', async () => {
    expect(scopedFormCss('hp-scoped-probe')).to.match(/^@scope \(hp-scoped-probe\)/);
    const host = await fixture(html`<hp-scoped-probe><form><button>Send</button></form></hp-scoped-probe>`);
    const outside = await fixture(html`<button>Other</button>`);
    adoptScopedFormStyles(host);
    adoptScopedFormStyles(host);
    expect(document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('hp-scoped-probe')))).to.have.length(1);
    expect(getComputedStyle(host.querySelector('button')!).backgroundColor).to.equal('rgb(31, 95, 168)');
    expect(getComputedStyle(outside).backgroundColor).not.to.equal('rgb(31, 95, 168)');
  });
});
