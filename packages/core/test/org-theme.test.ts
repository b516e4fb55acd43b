import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { LitElement, css, render } from 'lit';
import { dayIn, type OrganizationPublic, type Theme } from '@hausportal/api';
import { deriveTheme } from '@hausportal/api/theme.js';
import { HpSession, define, hostStyles } from '../src/index.js';
import { themeLayer } from '../src/org-theme.js';
import { createFakeApi, demoOrganization } from '../src/testing/index.js';

/** Paints with the tokens as every widget does. */
class ThemeProbe extends LitElement {
  static override styles = [hostStyles, css`p { color: var(--_primary); border-radius: var(--_radius); font-family: var(--_font); }`];
  protected override render() {
    return html`<p>Probe</p>`;
  }
}
define('hp-theme-probe', ThemeProbe);

/** Every private colour token a derived theme feeds, with the theme key it comes from. */
const swatchKeys = {
  primary: 'primary', 'primary-hover': 'primaryHover', 'primary-active': 'primaryActive', 'on-primary': 'onPrimary',
  accent: 'accent', 'on-accent': 'onAccent', surface: 'surface', 'surface-raised': 'surfaceRaised', text: 'text',
  'text-muted': 'textMuted', border: 'border', info: 'info', warning: 'warning', danger: 'danger', success: 'success',
} as const;

/** Paints each private colour token as a text colour, and the focus ring. */
class ThemeSwatches extends LitElement {
  static override styles = [hostStyles, css`.ring { box-shadow: var(--_focus-ring); }`];
  protected override render() {
    return html`${Object.keys(swatchKeys).map((name) => html`<span data-token=${name} style="color: var(--_${name})"></span>`)}
      <span class="ring"></span>`;
  }
}
define('hp-theme-swatches', ThemeSwatches);
define('hp-session', HpSession);

const orgGreen = 'rgb(11, 110, 79)'; // demoOrganization.theme.primary #0b6e4f
const pageRed = 'rgb(138, 21, 56)'; // #8a1538, the README's example
const builtInBlue = 'rgb(31, 95, 168)';

const paragraph = (root: ParentNode) => root.querySelector('hp-theme-probe')!.shadowRoot!.querySelector('p')!;
const colour = (root: ParentNode) => getComputedStyle(paragraph(root)).color;
const radius = (root: ParentNode) => getComputedStyle(paragraph(root)).borderTopLeftRadius;
const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
/** `#rrggbb` as getComputedStyle writes it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
/** The computed colour of each private token in the swatches below `root`. */
function swatchColours(root: ParentNode): Record<string, string> {
  const shadow = root.querySelector('hp-theme-swatches')!.shadowRoot!;
  return Object.fromEntries([...shadow.querySelectorAll<HTMLElement>('[data-token]')].map((el) => [el.dataset.token!, getComputedStyle(el).color]));
}
/** What the swatches should show for one scheme's colours. */
const expectedSwatches = (colours: Partial<Record<string, unknown>>) =>
  Object.fromEntries(Object.entries(swatchKeys).map(([name, key]) => [name, rgb(colours[key] as string)]));
const focusRing = (root: ParentNode) => getComputedStyle(root.querySelector('hp-theme-swatches')!.shadowRoot!.querySelector('.ring')!).boxShadow;

/** A session whose organization has `theme`, with the swatches inside, in a section of the given colour scheme. */
async function themedSection(theme: Theme, scheme = 'light'): Promise<{ section: HTMLElement; session: HpSession }> {
  const fake = createFakeApi({}, { organization: { ...demoOrganization, theme } });
  const section = await fixture<HTMLElement>(html`<section style="color-scheme: ${scheme}">
    <hp-session .client=${fake.client} org="demo"><hp-theme-swatches></hp-theme-swatches></hp-session>
  </section>`);
  const session = section.querySelector('hp-session') as HpSession;
  await session.settled;
  await (section.querySelector('hp-theme-swatches') as ThemeSwatches).updateComplete;
  return { section, session };
}

/** A fake API whose organization answer waits until `release()` is called. */
function slowOrganization(organization: OrganizationPublic = demoOrganization) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const answer = async () => {
    await released;
    const now = new Date();
    return { ...organization, now: now.toISOString(), today: dayIn(now, organization.timeZone) };
  };
  const fake = createFakeApi({ 'GET /organizations/{slug}/public': answer }, { organization });
  return { fake, release };
}

/** A page stylesheet for the test, removed afterwards. */
function pageStyle(text: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  cleanups.push(() => style.remove());
  return style;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  fixtureCleanup();
  while (cleanups.length) cleanups.pop()!();
});

describe('organization theme', () => {
  it('applies the organization theme alone, from a layered sheet instead of an inline style', async () => {
    const fake = createFakeApi();
    const session = await fixture<HpSession>(html`<hp-session .client=${fake.client} org="demo"><hp-theme-probe></hp-theme-probe></hp-session>`);
    await session.settled;
    expect(colour(session)).to.equal(orgGreen);
    expect(radius(session)).to.equal('8px'); // 0.5rem
    expect(token(session, '--hp-color-accent')).to.match(/^light-dark\(#1d63c4, /);
    expect(session.getAttribute('style')).to.equal(null);
    const sheet = document.adoptedStyleSheets.find((s) => s.cssRules[0] instanceof CSSLayerBlockRule && s.cssRules[0].name === themeLayer);
    expect(sheet, 'theme sheet adopted by the document').to.exist;
    const rules = [...(sheet!.cssRules[0] as CSSLayerBlockRule).cssRules] as CSSStyleRule[];
    const own = rules.find((rule) => session.matches(rule.selectorText))!;
    expect(own.selectorText).to.match(/^:where\(\[data-hp-theme="t\d+"\]\)$/);
    expect(own.style.getPropertyValue('--hp-color-primary')).to.match(/^light-dark\(#0b6e4f, /);
    expect(own.style.getPropertyValue('--hp-radius')).to.equal('0.5rem');
  });

  it('lets a page rule on hp-session override one token from the first frame, keeping the others', async () => {
    pageStyle('hp-session { --hp-color-primary: #8a1538; }');
    const { fake, release } = slowOrganization();
    const seen: string[] = [];
    let sampling = true;
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const session = document.createElement('hp-session') as HpSession;
    session.client = fake.client;
    session.org = 'demo';
    session.append(document.createElement('hp-theme-probe'));
    container.append(session);
    // Right after connection, before anything was painted.
    await (session.querySelector('hp-theme-probe') as ThemeProbe).updateComplete;
    seen.push(colour(session));
    const sample = () => {
      seen.push(colour(session));
      if (sampling) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
    await frame();
    await frame();
    expect(radius(session), 'before the theme arrives: the built-in radius').to.equal('6px');
    release();
    await session.settled;
    seen.push(colour(session));
    await frame();
    await frame();
    sampling = false;
    expect(seen.length).to.be.greaterThan(4);
    expect(seen.every((value) => value === pageRed), seen.join(', ')).to.equal(true);
    // The tokens the page did not set are the organization's.
    expect(radius(session)).to.equal('8px');
    expect(token(session, '--hp-color-accent')).to.match(/^light-dark\(#1d63c4, /);
    expect(token(session, '--hp-color-primary')).to.equal('#8a1538');
  });

  it('gives two sessions with different organizations their own theme on one page', async () => {
    const other: OrganizationPublic = { ...demoOrganization, slug: 'other', theme: { primary: '#5a2d82', radius: '2px' } };
    const first = createFakeApi();
    const second = createFakeApi({}, { organization: other });
    const page = await fixture<HTMLDivElement>(html`<div>
      <hp-session .client=${first.client} org="demo"><hp-theme-probe></hp-theme-probe></hp-session>
      <hp-session .client=${second.client} org="other"><hp-theme-probe></hp-theme-probe></hp-session>
    </div>`);
    const [a, b] = [...page.querySelectorAll<HpSession>('hp-session')] as [HpSession, HpSession];
    await Promise.all([a.settled, b.settled]);
    expect(colour(a)).to.equal(orgGreen);
    expect(radius(a)).to.equal('8px');
    expect(colour(b)).to.equal('rgb(90, 45, 130)');
    expect(radius(b)).to.equal('2px');
    expect(a.dataset.hpTheme).not.to.equal(b.dataset.hpTheme);
  });

  it('loses to a page rule that matches only one organization', async () => {
    pageStyle('hp-session[org="demo"] { --hp-radius: 0; }');
    const fake = createFakeApi();
    const session = await fixture<HpSession>(html`<hp-session .client=${fake.client} org="demo"><hp-theme-probe></hp-theme-probe></hp-session>`);
    await session.settled;
    expect(radius(session)).to.equal('0px');
    expect(colour(session)).to.equal(orgGreen);
  });

  it('stays below page rules in layers when the page declares the hausportal-theme layer first', async () => {
    pageStyle(`@layer ${themeLayer}, site; @layer site { hp-session { --hp-color-primary: #8a1538; } }`);
    const fake = createFakeApi();
    const session = await fixture<HpSession>(html`<hp-session .client=${fake.client} org="demo"><hp-theme-probe></hp-theme-probe></hp-session>`);
    await session.settled;
    expect(colour(session)).to.equal(pageRed);
    expect(radius(session)).to.equal('8px');
  });

  it('adopts the theme into the shadow root that holds the session, where that root’s CSS wins', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const fake = createFakeApi();
    render(html`<hp-session .client=${fake.client} org="demo"><hp-theme-probe></hp-theme-probe></hp-session>`, shadow);
    const session = shadow.querySelector('hp-session') as HpSession;
    await session.settled;
    expect(colour(shadow)).to.equal(orgGreen);
    expect(shadow.adoptedStyleSheets.some((s) => s.cssRules[0] instanceof CSSLayerBlockRule)).to.equal(true);

    const local = new CSSStyleSheet();
    local.replaceSync('hp-session { --hp-color-primary: #8a1538; }');
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, local];
    expect(colour(shadow)).to.equal(pageRed);
    expect(radius(shadow)).to.equal('8px');
  });

  it('lightens the organization colours on a page in a dark colour scheme, keeping font and radius', async () => {
    const fake = createFakeApi();
    const page = await fixture<HTMLElement>(html`<section style="color-scheme: dark">
      <hp-session .client=${fake.client} org="demo"><hp-theme-probe></hp-theme-probe></hp-session>
      <span style="color: color-mix(in oklab, #0b6e4f 35%, white)"></span>
    </section>`);
    const session = page.querySelector('hp-session') as HpSession;
    await session.settled;
    expect(colour(session)).to.equal(getComputedStyle(page.querySelector('span')!).color);
    expect(colour(session)).not.to.equal(orgGreen);
    expect(radius(session)).to.equal('8px');
    page.style.colorScheme = 'light';
    expect(colour(session)).to.equal(orgGreen);
  });

  it('drops the theme with theme="none" and when the session leaves the page, and brings it back', async () => {
    const fake = createFakeApi();
    const session = await fixture<HpSession>(html`<hp-session .client=${fake.client} org="demo"><hp-theme-probe></hp-theme-probe></hp-session>`);
    await session.settled;
    session.theme = 'none';
    await session.updateComplete;
    expect(colour(session)).to.equal(builtInBlue);
    expect(session.hasAttribute('data-hp-theme')).to.equal(false);
    session.theme = undefined;
    await session.updateComplete;
    expect(colour(session)).to.equal(orgGreen);

    const sheet = document.adoptedStyleSheets.find((s) => s.cssRules[0] instanceof CSSLayerBlockRule)!;
    const layer = sheet.cssRules[0] as CSSLayerBlockRule;
    const selector = `:where([data-hp-theme="${session.dataset.hpTheme}"])`;
    const count = () => [...layer.cssRules].filter((rule) => (rule as CSSStyleRule).selectorText === selector).length;
    expect(count()).to.equal(1);
    const parent = session.parentElement!;
    session.remove();
    expect(count()).to.equal(0);
    parent.append(session);
    expect(count()).to.equal(1);
    expect(colour(session)).to.equal(orgGreen);
  });

  it('leaves out theme values that could end the declaration', async () => {
    const hostile: OrganizationPublic = {
      ...demoOrganization,
      theme: { primary: 'red; } * { color: red', accent: 'red), x(', radius: '1px', fontFamily: 'x} body {display:none' },
    };
    const fake = createFakeApi({}, { organization: hostile });
    const session = await fixture<HpSession>(html`<hp-session .client=${fake.client} org="demo"><hp-theme-probe></hp-theme-probe></hp-session>`);
    await session.settled;
    expect(colour(session)).to.equal(builtInBlue);
    expect(radius(session)).to.equal('1px');
    expect(token(session, '--hp-color-accent')).to.equal('');
    expect(getComputedStyle(document.body).display).to.equal('block');
  });

  it('applies every key of a derived theme with its own light and dark value', async () => {
    const { tokens } = deriveTheme({ primary: '#8a1538', accent: '#c8a45d', radius: '4px' });
    const { section, session } = await themedSection(tokens);
    expect(swatchColours(section)).to.deep.equal(expectedSwatches(tokens));
    expect(focusRing(section)).to.contain(rgb(tokens.focus!));
    expect(token(session, '--hp-color-primary-hover')).to.equal(`light-dark(${tokens.primaryHover}, ${tokens.dark!.primaryHover})`);
    for (const name of ['surface-raised', 'text-muted', 'border', 'focus', 'on-accent', 'primary-active', 'info', 'warning', 'danger', 'success']) {
      expect(token(session, `--hp-color-${name}`), name).to.match(/^light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)$/);
    }
    section.style.colorScheme = 'dark';
    expect(swatchColours(section)).to.deep.equal(expectedSwatches(tokens.dark!));
    expect(focusRing(section)).to.contain(rgb(tokens.dark!.focus!));
  });

  it('keeps the widgets’ own shades for keys an older theme lacks, and the lightened fallback without a dark value', async () => {
    const old: Theme = { primary: '#0b6e4f', onPrimary: '#ffffff', surface: '#ffffff', text: '#1c2430' };
    const { section, session } = await themedSection(old);
    const reference = document.createElement('span');
    section.append(reference);
    const mixed = (value: string) => {
      reference.style.color = value;
      return getComputedStyle(reference).color;
    };
    const colours = swatchColours(section);
    expect(token(session, '--hp-color-primary-hover')).to.equal('');
    expect(colours['primary-hover']).to.equal(mixed('color-mix(in srgb, #0b6e4f 85%, #1c2430)'));
    expect(colours['primary-active']).to.equal(mixed('color-mix(in srgb, #0b6e4f 72%, #1c2430)'));
    expect(colours['on-accent']).to.equal(rgb('#ffffff'));
    expect(colours.info).to.equal(rgb('#1d63c4'));
    section.style.colorScheme = 'dark';
    expect(swatchColours(section).primary).to.equal(mixed('color-mix(in oklab, #0b6e4f 35%, white)'));
    expect(swatchColours(section).surface).to.equal(rgb('#161b22'));
  });

  it('falls back per key when a dark value is not a colour, and drops a key whose light value is not', async () => {
    const theme: Theme = { primary: '#8a1538', info: '#106ab4', border: 'solid', dark: { primary: 'red; } * { color: red', info: 'blue)', surfaceRaised: '#222222' } };
    const { section, session } = await themedSection(theme, 'dark');
    expect(token(session, '--hp-color-primary')).to.equal('light-dark(#8a1538, color-mix(in oklab, #8a1538 35%, white))');
    expect(token(session, '--hp-color-info')).to.equal('light-dark(#106ab4, #8ab4f8)');
    expect(token(session, '--hp-color-border')).to.equal('');
    expect(token(session, '--hp-color-surface-raised')).to.equal('');
    expect(swatchColours(section).info).to.equal(rgb('#8ab4f8'));
  });
});
