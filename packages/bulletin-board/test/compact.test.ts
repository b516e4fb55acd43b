import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { HpPostOpenEvent } from '../src/index.js';
import { postPlaces } from '../src/testing.js';
import { $, boardWidget, loaded, openPost, panelShown, post, postIds, postRoutes, root, text } from './fixtures.js';

describe('<hp-bulletin-board> compact, limit, property and print', () => {
  it('compact with limit: that many notices with type, title and date only, no filters and no paging', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes, { attrs: { compact: true, limit: 3 } });
    await loaded(el);
    expect(server.pages[0]).to.deep.equal({ limit: '3' });
    expect(postIds(el)).to.deep.equal(['post-wasser', 'post-hausordnung', 'post-legionellen']);
    expect($(el, '[part=toolbar]')).to.not.exist;
    expect($(el, '[part=more]')).to.not.exist;
    const water = post(el, 'post-wasser');
    expect(text(water)).to.equal('Gefahrenhinweis Angeheftet Neu 10.03.2026 Abschaltung der Trinkwasserversorgung');
    expect(water.querySelector('.excerpt, .meta, .appt')).to.not.exist;
    expect(text(post(el, 'post-hausordnung').querySelector('time')!)).to.equal('08.03.2026');
    await expect(el).to.be.accessible();
  });

  it('compact: a title fires hp-post-open and opens the notice in place unless the event is cancelled', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes, { attrs: { compact: true, limit: 3 } });
    await loaded(el);
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener(HpPostOpenEvent.eventName, cancel, { once: true });
    const heard = oneEvent(el, HpPostOpenEvent.eventName);
    $(el, '[data-open="post-legionellen"]').click();
    expect((await heard).detail.id).to.equal('post-legionellen');
    await el.updateComplete;
    expect(post(el, 'post-legionellen').querySelector('.panel')).to.not.exist;
    expect(server.details).to.deep.equal([]);
    const again = oneEvent(el, HpPostOpenEvent.eventName);
    $(el, '[data-open="post-legionellen"]').click();
    await again;
    await el.detail.opening;
    await panelShown(el, 'post-legionellen');
    expect(server.reads).to.deep.equal(['post-legionellen']);
    expect(text($(el, '#p-post-legionellen'))).to.contain('Legionellenprüfung des Warmwassers').and.contain('In Kalender');
    await expect(el).to.be.accessible();
  });

  it('property: only that property\'s notices, and no property filter', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes, { attrs: { property: postPlaces.naschmarkt.id } });
    await loaded(el);
    expect(server.pages[0]).to.deep.equal({ limit: '20', property: postPlaces.naschmarkt.id });
    expect(postIds(el)).to.not.include('post-sommerfest');
    expect(root(el).querySelectorAll('[part=toolbar] select')).to.have.length(2);
    el.property = postPlaces.gumpendorf.id;
    await waitUntil(() => postIds(el).join() === 'post-sommerfest', 'the other property');
    expect(server.pages.at(-1)).to.deep.equal({ limit: '20', property: postPlaces.gumpendorf.id });
  });

  describe('print', () => {
    const print = window.print;
    afterEach(async () => {
      window.print = print;
      await emulateMedia({ media: 'screen' });
    });

    it('"Drucken" loads every notice shown (without marking it read) and prints them open, without filters and buttons', async () => {
      const { routes, server } = postRoutes();
      const { el } = await boardWidget(routes);
      await loaded(el);
      await emulateMedia({ media: 'print' });
      const printed: { open: number; bodies: number; toolbar: string; buttons: string[]; images: number }[] = [];
      window.print = () => {
        printed.push({
          open: root(el).querySelectorAll('[aria-expanded=true]').length,
          bodies: root(el).querySelectorAll('.panel .body').length,
          toolbar: getComputedStyle($(el, '[part=toolbar]')).display,
          buttons: [...root(el).querySelectorAll<HTMLElement>('.panel button')].filter((b) => getComputedStyle(b).display !== 'none').map((b) => b.className),
          images: root(el).querySelectorAll('.images button').length,
        });
      };
      const button = [...root(el).querySelectorAll<HTMLButtonElement>('[part=toolbar] button')].find((b) => text(b) === 'Drucken')!;
      button.click();
      await waitUntil(() => printed.length === 1, 'printed');
      expect(printed[0]).to.deep.equal({ open: 6, bodies: 6, toolbar: 'none', buttons: ['image', 'image', 'image'], images: 3 });
      expect([...server.details].sort()).to.deep.equal([...postIds(el)].sort());
      expect(server.reads).to.deep.equal([]);
      await el.updateComplete;
      expect(root(el).querySelectorAll('[aria-expanded=true]')).to.have.length(0);
    });

    it('"Drucken" prints the board only: it is marked and the page around it hidden while printing, not on the browser\'s own print', async () => {
      const { el } = await boardWidget(postRoutes().routes);
      await loaded(el);
      const other = document.createElement('p');
      other.textContent = 'The rest of the homepage';
      document.body.prepend(other);
      try {
        await emulateMedia({ media: 'print' });
        const seen: { marked: boolean; other: string; board: string }[] = [];
        window.print = () => seen.push({ marked: el.hasAttribute('data-hp-printing'), other: getComputedStyle(other).display, board: getComputedStyle(el).visibility });
        const button = [...root(el).querySelectorAll<HTMLButtonElement>('[part=toolbar] button')].find((b) => text(b) === 'Drucken')!;
        button.click();
        await waitUntil(() => seen.length === 1, 'printed');
        expect(seen[0]).to.deep.equal({ marked: true, other: 'none', board: 'visible' });
        expect(el.hasAttribute('data-hp-printing')).to.be.false;
        expect(getComputedStyle(other).display).to.equal('block');
        window.dispatchEvent(new Event('beforeprint'));
        expect([el.hasAttribute('data-hp-printing'), getComputedStyle(other).visibility]).to.deep.equal([false, 'visible']);
        window.dispatchEvent(new Event('afterprint'));
      } finally {
        other.remove();
      }
    });

    it('printing from the browser shows the notices loaded open, the others with their excerpt', async () => {
      const { el } = await boardWidget(postRoutes().routes);
      await loaded(el);
      await openPost(el, 'post-wasser');
      $(el, '[data-open="post-wasser"]').click();
      await el.updateComplete;
      expect(root(el).querySelectorAll('[aria-expanded=true]')).to.have.length(0);
      window.dispatchEvent(new Event('beforeprint'));
      await el.updateComplete;
      expect([...root(el).querySelectorAll<HTMLElement>('[aria-expanded=true]')].map((b) => b.dataset.open)).to.deep.equal(['post-wasser']);
      expect(root(el).querySelectorAll('.excerpt')).to.have.length(5);
      expect($(el, '#p-post-wasser .body')).to.exist;
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      expect(root(el).querySelectorAll('[aria-expanded=true]')).to.have.length(0);
    });
  });
});
