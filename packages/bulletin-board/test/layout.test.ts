import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { atWidth, layoutProblems } from '@hausportal/core/testing.js';
import { demoPosts, postDetail } from '../src/testing.js';
import { $, boardWidget, loaded, NOW, openPost, postIds, postRoutes, root } from './fixtures.js';

/** The demo notices and one with a long title, category-like words and a long attachment name. */
const long = [
  postDetail('post-long', 'warning', 'Wohnungseigentümergemeinschaftsversammlung: Fassadensanierungsarbeiten an der Straßenseite', '<p>Die Fassadensanierungsarbeiten beginnen am Montag; Gerüststellung Stiege 1–3.</p>', 'wartung', NOW, {
    visibleUntil: '2026-12-12',
    appointment: { start: '2026-03-16T06:00:00Z', end: '2026-03-20T15:00:00Z', allDay: false, place: 'Kahlenberger Straße 12–14/Stiege 3, Innenhof und Straßenseite' },
    attachments: [{ id: 'f-long', name: 'Baustelleneinrichtungsplan_Fassadensanierung_Stiege_1-3_final.pdf', mime: 'application/pdf', size: 1_840_000, image: false, thumb: false }],
    link: { url: 'https://www.example.at/fassade', text: 'Informationen zur Fassadensanierung' },
    requiresAck: true,
  }),
  ...demoPosts(NOW),
];

describe('<hp-bulletin-board> layout from 320 px to desktop', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['de', 'en'] as const) {
    it(`breaks no word, clips no text and scrolls not sideways, closed and open, compact too, in ${lang === 'de' ? 'German' : 'English'}`, async () => {
      const { el } = await boardWidget(postRoutes(long).routes, { lang });
      await loaded(el);
      const found: string[] = [];
      const check = async (what: string, target: Element) => {
        for (const width of [320, 768, 1280]) {
          await atWidth(width, setViewport);
          for (const p of layoutProblems(target, { breakable: '.toggle, .body, .file span, .appt, .meta, .link' })) found.push(`${what} ${width}: ${p.kind} ${p.where} — ${p.what}`);
          expect(document.documentElement.scrollWidth, `${what} page width at ${width} px`).to.be.at.most(width);
        }
      };
      await check('list', el);
      for (const id of postIds(el)) await openPost(el, id);
      await waitUntil(() => [...root(el).querySelectorAll<HTMLImageElement>('.images img')].filter((i) => i.complete && i.naturalWidth).length === 3, 'pictures', { timeout: 5000 });
      await check('open', el);
      await expect(el).to.be.accessible();
      const compact = await boardWidget(postRoutes(long).routes, { lang, attrs: { compact: true, limit: 4 } });
      await loaded(compact.el);
      await check('compact', compact.el);
      expect(found).to.deep.equal([]);
    });
  }

  it('keeps every control at least 44 px high at 320 px, shows the focus ring and works by Tab and Enter', async () => {
    const { el } = await boardWidget(postRoutes(long).routes);
    await loaded(el);
    await atWidth(320, setViewport);
    await openPost(el, 'post-long');
    // The filters sit behind their button at this width.
    $(el, '[part=toolbar] button.filters').click();
    await el.updateComplete;
    for (const control of root(el).querySelectorAll<HTMLElement>('button, select')) expect(control.getBoundingClientRect().height, control.className || control.localName).to.be.at.least(44);
    const first = $(el, '[data-open="post-long"]');
    first.focus();
    expect(getComputedStyle(first).boxShadow).to.not.equal('none');
    // Tab leads from the title into the open notice: the attachment, the calendar… in reading order.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.classList.contains('calendar')).to.be.true;
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('data-file')).to.equal('f-long');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.localName).to.equal('a');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.classList.contains('acknowledge')).to.be.true;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'ack-post-long', 'acknowledged by keyboard');
  });
});
