import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { atWidth, layoutProblems } from '@hausportal/core/testing.js';
import { demoTickets, ticketDetail } from '../src/testing.js';
import { $, loaded, openTicket, root, ticketRoutes, ticketsWidget } from './fixtures.js';

/** The demo tickets and one with a long subject, place and file name. */
const long = [
  ...demoTickets(),
  ticketDetail({
    ...demoTickets()[0]!,
    id: 't-long',
    number: '2026-00047',
    subject: 'Feuchtigkeitsschaden an der Außenwand des Kinderzimmers nach Starkregen',
    place: 'Kahlenberger Straße 12–14/Stiege 3, Top GL-1/12',
    unread: true,
    affected: true,
  }),
];

describe('<hp-ticket-list> layout from 320 px to desktop', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['de', 'en'] as const) {
    it(`breaks no word, clips no text and scrolls not sideways, list and detail, in ${lang === 'de' ? 'German' : 'English'}`, async () => {
      const { el } = await ticketsWidget(ticketRoutes(long).routes, { lang });
      await loaded(el);
      const found: string[] = [];
      const check = async (what: string) => {
        for (const width of [320, 768, 1280]) {
          await atWidth(width, setViewport);
          for (const p of layoutProblems(el, { breakable: '.subject, h3, .body, dd' })) found.push(`${what} ${width}: ${p.kind} ${p.where} — ${p.what}`);
          expect(document.documentElement.scrollWidth, `${what} page width at ${width} px`).to.be.at.most(width);
        }
      };
      await check('list');
      await openTicket(el, 't-wasserhahn');
      await waitUntil(() => [...root(el).querySelectorAll<HTMLImageElement>('.file img')].filter((i) => i.complete && i.naturalWidth).length === 3, 'previews', { timeout: 5000 });
      await check('detail');
      $(el, '[part=back]').click();
      el.list.select('done');
      await loaded(el);
      await openTicket(el, 't-tuer');
      $(el, '#reopen').click();
      await el.updateComplete;
      await check('done');
      expect(found).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('keeps every control at least 44 px high at 320 px and shows the focus ring', async () => {
    const { el } = await ticketsWidget(ticketRoutes(long).routes);
    await loaded(el);
    await atWidth(320, setViewport);
    for (const control of root(el).querySelectorAll<HTMLElement>('button')) expect(control.getBoundingClientRect().height, control.id || control.className).to.be.at.least(44);
    const tab = $(el, '#tab-open');
    tab.focus();
    expect(getComputedStyle(tab).boxShadow).to.not.equal('none');
  });
});
