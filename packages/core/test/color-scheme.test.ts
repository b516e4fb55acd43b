import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement, css, type TemplateResult } from 'lit';
import { adoptScopedFormStyles, define, formStyles, hostStyles } from '../src/index.js';

/** Paints surface, text and a button with the tokens as every widget does. */
class SchemeProbe extends LitElement {
  static override styles = [hostStyles, formStyles, css`.box { background: var(--_surface); color: var(--_text); }`];
  protected override render() {
    return html`<div class="box"><button>OK</button><input aria-label="x" /></div>`;
  }
}
define('hp-scheme-probe', SchemeProbe);

/** A widget with another widget in its shadow root, as the statement holds its views. */
class OuterProbe extends LitElement {
  static override styles = [hostStyles];
  protected override render() {
    return html`<hp-scheme-probe></hp-scheme-probe>`;
  }
}
define('hp-scheme-outer', OuterProbe);

const light = { surface: 'rgb(255, 255, 255)', text: 'rgb(28, 36, 48)', primary: 'rgb(31, 95, 168)' };
const dark = { surface: 'rgb(22, 27, 34)', text: 'rgb(230, 233, 238)', primary: 'rgb(138, 180, 248)' };

/** The colours a probe below `template` paints, and the scheme its form controls use. */
async function paint(template: TemplateResult) {
  const wrapper = await fixture<HTMLElement>(template);
  const outer = wrapper.localName === 'hp-scheme-outer' ? wrapper : wrapper.querySelector('hp-scheme-outer');
  if (outer) await (outer as OuterProbe).updateComplete;
  const probe = ((outer?.shadowRoot ?? wrapper).querySelector('hp-scheme-probe') ?? wrapper) as SchemeProbe;
  await probe.updateComplete;
  const root = probe.shadowRoot!;
  const box = getComputedStyle(root.querySelector('.box')!);
  return {
    surface: box.backgroundColor,
    text: box.color,
    primary: getComputedStyle(root.querySelector('button')!).backgroundColor,
    scheme: getComputedStyle(root.querySelector('input')!).colorScheme,
  };
}

const root = document.documentElement;
const cleanups: Array<() => void> = [];
afterEach(() => {
  fixtureCleanup();
  while (cleanups.length) cleanups.pop()!();
});

/** Declares a colour scheme on the page's root element for one test. */
function pageScheme(value: string) {
  root.style.colorScheme = value;
  cleanups.push(() => root.style.removeProperty('color-scheme'));
}

/** Adds `<meta name="color-scheme">` for one test. */
function metaScheme(content: string) {
  const meta = document.createElement('meta');
  meta.name = 'color-scheme';
  meta.content = content;
  document.head.append(meta);
  cleanups.push(() => meta.remove());
}

describe('colour scheme of the host page', () => {
  describe('on a system set to dark', () => {
    before(() => emulateMedia({ colorScheme: 'dark' }));
    after(() => emulateMedia({ colorScheme: 'light' }));

    it('stays light on a page that declares no color-scheme', async () => {
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      const colours = await paint(html`<hp-scheme-probe></hp-scheme-probe>`);
      expect(colours).to.include(light);
      expect(colours.scheme).to.equal('normal');
    });

    it('turns dark on a page with color-scheme: light dark', async () => {
      pageScheme('light dark');
      const colours = await paint(html`<hp-scheme-probe></hp-scheme-probe>`);
      expect(colours).to.include(dark);
      expect(colours.scheme).to.equal('light dark');
    });

    it('turns dark on a page with <meta name="color-scheme" content="light dark">', async () => {
      metaScheme('light dark');
      expect(await paint(html`<hp-scheme-probe></hp-scheme-probe>`)).to.include(dark);
    });

    it('stays light in a light section of a light-dark page', async () => {
      pageScheme('light dark');
      expect(await paint(html`<section style="color-scheme: light"><hp-scheme-probe></hp-scheme-probe></section>`)).to.include(light);
    });

    it('stays light under .hp-theme-light on a light-dark page', async () => {
      pageScheme('light dark');
      expect(await paint(html`<div class="hp-theme-light"><hp-scheme-probe></hp-scheme-probe></div>`)).to.include(light);
    });

    it('keeps the page scheme for an organization colour and applies it in both schemes', async () => {
      pageScheme('light dark');
      const colours = await paint(html`<div style="--hp-color-primary: #0b6e4f"><hp-scheme-probe></hp-scheme-probe></div>`);
      expect(colours.surface).to.equal(dark.surface);
      expect(colours.primary).to.equal('rgb(11, 110, 79)');
    });
  });

  describe('on a system set to light', () => {
    it('stays light on a page with color-scheme: light dark', async () => {
      pageScheme('light dark');
      expect(await paint(html`<hp-scheme-probe></hp-scheme-probe>`)).to.include(light);
    });

    it('turns dark in a section with color-scheme: dark', async () => {
      const colours = await paint(html`<section style="color-scheme: dark"><hp-scheme-probe></hp-scheme-probe></section>`);
      expect(colours).to.include(dark);
      expect(colours.scheme).to.equal('dark');
    });

    it('turns dark under .hp-theme-dark and with the class on the widget', async () => {
      expect(await paint(html`<div class="hp-theme-dark"><hp-scheme-probe></hp-scheme-probe></div>`)).to.include(dark);
      expect(await paint(html`<hp-scheme-probe class="hp-theme-dark"></hp-scheme-probe>`)).to.include(dark);
    });

    it('takes the class on the widget over an ancestor’s', async () => {
      const colours = await paint(html`<div class="hp-theme-dark"><hp-scheme-probe class="hp-theme-light"></hp-scheme-probe></div>`);
      expect(colours).to.include(light);
    });

    it('gives a light-DOM form (scoped styles) the same scheme', async () => {
      const button = async (template: TemplateResult) => {
        const wrapper = await fixture<HTMLElement>(template);
        const host = wrapper.querySelector('hp-scoped-scheme')!;
        adoptScopedFormStyles(host);
        return getComputedStyle(host.querySelector('button')!).backgroundColor;
      };
      expect(await button(html`<div><hp-scoped-scheme><button>OK</button></hp-scoped-scheme></div>`)).to.equal(light.primary);
      expect(await button(html`<div class="hp-theme-dark"><hp-scoped-scheme><button>OK</button></hp-scoped-scheme></div>`)).to.equal(dark.primary);
      expect(await button(html`<div style="color-scheme: dark"><hp-scoped-scheme><button>OK</button></hp-scoped-scheme></div>`)).to.equal(dark.primary);
      expect(
        await button(html`<div class="hp-theme-dark"><hp-scoped-scheme class="hp-theme-light"><button>OK</button></hp-scoped-scheme></div>`),
      ).to.equal(light.primary);
    });

    it('passes the scheme on to a widget inside a widget', async () => {
      expect(await paint(html`<div class="hp-theme-dark"><hp-scheme-outer></hp-scheme-outer></div>`)).to.include(dark);
      expect(await paint(html`<section style="color-scheme: dark"><hp-scheme-outer></hp-scheme-outer></section>`)).to.include(dark);
      expect(await paint(html`<hp-scheme-outer></hp-scheme-outer>`)).to.include(light);
    });
  });
});
