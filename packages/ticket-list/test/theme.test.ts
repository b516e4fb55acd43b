import { expect } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import { demoOrganization } from '@hausportal/core/testing.js';
import { $, loaded, openTicket, ticketRoutes, ticketsWidget } from './fixtures.js';

/** The organization themes of the example homepages (the seed's ImmoPro and Krüger, as examples/*.css paint them). */
const themes = {
  immopro: { primary: '#8a1538', onPrimary: '#ffffff', surface: '#ffffff', text: '#231f20', accent: '#c8a45d', radius: '4px' },
  krueger: { primary: '#0b5d7a', onPrimary: '#ffffff', surface: '#fbfcfd', text: '#14232b', accent: '#e3a21a', radius: '10px' },
};

/** A computed colour as [r, g, b] 0–255 (painted on a canvas, so color-mix() and color() values count too). */
function rgb(colour: string): number[] {
  const paint = new OffscreenCanvas(1, 1).getContext('2d')!;
  paint.fillStyle = colour;
  paint.fillRect(0, 0, 1, 1);
  return [...paint.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Moves the mouse onto the middle of `target`. */
async function hover(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Text and background of `target` as computed now. */
function colours(target: Element) {
  const style = getComputedStyle(target);
  return { text: style.color, background: style.backgroundColor };
}

describe('<hp-ticket-list> with the organization themes of the example homepages', () => {
  before(() => setViewport({ width: 1000, height: 800 }));
  afterEach(() => sendMouse({ type: 'move', position: [0, 0] }));

  for (const [slug, theme] of Object.entries(themes)) {
    const organization = { ...demoOrganization, theme };

    it(`${slug}: status texts, list and detail pass axe's colour contrast`, async () => {
      const { el } = await ticketsWidget(ticketRoutes().routes, { organization });
      await loaded(el);
      const status = $(el, '[data-ticket=t-heizung] .status');
      expect(contrast(getComputedStyle(status).color, theme.surface), 'status text').to.be.at.least(4.5);
      await expect(el).to.be.accessible();
      for (const tab of ['done', 'archive'] as const) {
        el.list.select(tab);
        await loaded(el);
        await expect(el).to.be.accessible();
      }
      for (const [tab, id] of [['open', 't-wasserhahn'], ['open', 't-lift'], ['done', 't-tuer'], ['done', 't-spuelung']] as const) {
        el.ticket = '';
        el.list.select(tab);
        await loaded(el);
        await openTicket(el, id);
        await expect(el, id).to.be.accessible();
      }
    });

    it(`${slug}: a hovered ticket row, tab, file chooser and withdraw button keep their text readable (a light tint, not the brand colour)`, async () => {
      const { el } = await ticketsWidget(ticketRoutes().routes, { organization });
      await loaded(el);
      for (const target of [$(el, '[data-open=t-heizung]'), $(el, '#tab-done'), $(el, '#tab-open')]) {
        const before = colours(target);
        await hover(target);
        expect(target.matches(':hover'), target.id || target.className).to.be.true;
        const after = colours(target);
        expect(rgb(after.background), `${target.id || target.className} background`).to.not.deep.equal(rgb(theme.primary));
        expect(after.text, `${target.id || target.className} text`).to.equal(before.text);
        expect(contrast(after.text, after.background), `${target.id || target.className} contrast`).to.be.at.least(4.5);
        // The muted texts of a row stay readable on the tint too.
        for (const meta of target.querySelectorAll('.meta, .status')) expect(contrast(getComputedStyle(meta).color, after.background)).to.be.at.least(4.5);
      }
      // The file chooser and the withdraw button of the composer's ticket, hovered.
      await openTicket(el, 't-heizung');
      for (const target of [$(el, '.file-button'), $(el, '#withdraw')]) {
        await hover(target);
        const after = colours(target);
        expect(target.matches(':hover'), target.id || target.className).to.be.true;
        expect(rgb(after.background), `${target.id || target.className} background`).to.not.deep.equal(rgb(theme.primary));
        expect(contrast(after.text, after.background), `${target.id || target.className} contrast`).to.be.at.least(4.5);
      }
    });
  }
});
