import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { atWidth, captureDownload, problem } from '@hausportal/core/testing.js';
import type { FakeRoutes } from '@hausportal/core/testing.js';
import { demoPosts, postDetail, postPlaces } from '../src/testing.js';
import { $, boardWidget, gate, loaded, NOW, openPost, post, postIds, postRoutes, root, text } from './fixtures.js';

/** Holds the answers of route `key` until the gate opens. */
function held(routes: FakeRoutes, key: string) {
  const g = gate();
  const route = routes[key]!;
  return { gate: g, routes: { ...routes, [key]: async (request: Parameters<typeof route>[0]) => (await g.wait, route(request)) } };
}

describe('<hp-bulletin-board> for a new reader', () => {
  it('keeps the focus on "In Kalender" pressed by keyboard while the .ics loads (aria-disabled, a second press ignored) and after', async () => {
    const { routes, server } = postRoutes();
    const slow = held(routes, 'GET /posts/{id}/appointment.ics');
    const { el } = await boardWidget(slow.routes);
    await loaded(el);
    await openPost(el, 'post-wasser');
    const button = $(el, '#p-post-wasser .calendar');
    button.focus();
    const file = captureDownload(async () => {
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => button.getAttribute('aria-disabled') === 'true', 'busy');
      expect(root(el).activeElement, 'focus while busy').to.equal(button);
      await sendKeys({ press: 'Space' });
      slow.gate.open();
    });
    expect((await file).name).to.equal('Abschaltung der Trinkwasserversorgung.ics');
    await waitUntil(() => !button.hasAttribute('aria-disabled'), 'done');
    expect(root(el).activeElement, 'focus afterwards').to.equal(button);
    expect(server.ics).to.deep.equal(['post-wasser']);
    await expect(el).to.be.accessible();
  });

  it('keeps the focus on the acknowledge button when acknowledging fails', async () => {
    const slow = held(postRoutes(demoPosts(NOW), { 'POST /posts/{id}/acknowledge': () => problem(500, 'internal') }).routes, 'POST /posts/{id}/acknowledge');
    const { el } = await boardWidget(slow.routes);
    await loaded(el);
    await openPost(el, 'post-wasser');
    const button = $(el, '#p-post-wasser .acknowledge');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button.getAttribute('aria-disabled') === 'true', 'busy');
    expect(root(el).activeElement, 'focus while busy').to.equal(button);
    slow.gate.open();
    await waitUntil(() => $(el, '#p-post-wasser .failed'), 'failure shown');
    expect(root(el).activeElement).to.equal(button);
  });

  it('names the acknowledge button as an action in English ("Confirm I have read this"), the status stays "Acknowledged on …"', async () => {
    const { el } = await boardWidget(postRoutes().routes, { lang: 'en' });
    await loaded(el);
    await openPost(el, 'post-hausordnung');
    expect(text($(el, '#p-post-hausordnung .acknowledge'))).to.equal('Confirm I have read this');
    $(el, '#p-post-hausordnung .acknowledge').click();
    await waitUntil(() => $(el, '#ack-post-hausordnung'), 'acknowledged');
    expect(text($(el, '#ack-post-hausordnung'))).to.match(/^✓ Acknowledged on \d+ \w{3} \d{4}, \d\d:\d\d$/);
    await expect(el).to.be.accessible();
  });

  it('names the property of each notice when mine are for more than one, in the row and the opened notice; not with one', async () => {
    const { el } = await boardWidget(postRoutes().routes);
    await loaded(el);
    expect(text(post(el, 'post-wasser').querySelector('.places')!)).to.equal(`Liegenschaft: ${postPlaces.naschmarkt.name}`);
    expect(text(post(el, 'post-sommerfest').querySelector('.places')!)).to.equal(`Liegenschaft: ${postPlaces.gumpendorf.name}`);
    await openPost(el, 'post-wasser');
    expect(text(post(el, 'post-wasser'))).to.contain(`Liegenschaft: ${postPlaces.naschmarkt.name}`);
    await expect(el).to.be.accessible();
    const both = [postDetail('post-both', 'info', 'Hausverwaltung zieht um', '<p>Neue Adresse.</p>', 'allgemein', NOW, { properties: [postPlaces.naschmarkt, postPlaces.gumpendorf] })];
    const en = await boardWidget(postRoutes(both).routes, { lang: 'en' });
    await loaded(en.el);
    expect(text(post(en.el, 'post-both').querySelector('.places')!)).to.equal(`Property: ${postPlaces.naschmarkt.name}, ${postPlaces.gumpendorf.name}`);
    const one = await boardWidget(postRoutes(demoPosts(NOW).filter((p) => p.id !== 'post-sommerfest')).routes);
    await loaded(one.el);
    expect(root(one.el).querySelector('.places')).to.not.exist;
    const fixed = await boardWidget(postRoutes().routes, { attrs: { property: postPlaces.naschmarkt.id } });
    await loaded(fixed.el);
    expect(root(fixed.el).querySelector('.places')).to.not.exist;
  });

  describe('on a narrow board', () => {
    after(() => setViewport({ width: 800, height: 600 }));

    it('puts the filters behind a "Filter" button counting the active ones, so the first notice shows on the first screen', async () => {
      const { el } = await boardWidget(postRoutes().routes);
      await loaded(el);
      await atWidth(320, setViewport, 568);
      const toggle = $(el, '[part=toolbar] button.filters');
      expect(text(toggle)).to.equal('Filter');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const selects = [...root(el).querySelectorAll('[part=toolbar] select')];
      expect(selects.every((s) => s.getBoundingClientRect().height === 0)).to.be.true;
      expect(post(el, 'post-wasser').querySelector('h3')!.getBoundingClientRect().bottom).to.be.at.most(568);
      expect(toggle.getBoundingClientRect().height).to.be.at.least(44);
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(selects.every((s) => s.getBoundingClientRect().height >= 44)).to.be.true;
      await expect(el).to.be.accessible();
      const type = selects[1] as HTMLSelectElement;
      type.value = 'danger';
      type.dispatchEvent(new Event('change'));
      await loaded(el);
      $<HTMLInputElement>(el, '[part=toolbar] input[type=checkbox]').click();
      await loaded(el);
      expect(text(toggle)).to.equal('Filter (2 aktiv)');
      // Wide: the filters show as before, without the button.
      await atWidth(1280, setViewport);
      $(el, '[part=toolbar] button.filters').click();
      await el.updateComplete;
      expect(getComputedStyle(toggle).display).to.equal('none');
      expect(selects.every((s) => s.getBoundingClientRect().height >= 44)).to.be.true;
      const en = await boardWidget(postRoutes().routes, { lang: 'en' });
      await loaded(en.el);
      await atWidth(320, setViewport);
      expect(text($(en.el, '[part=toolbar] button.filters'))).to.equal('Filters');
    });
  });

  it('says so when a notice opened was withdrawn meanwhile, and puts the focus on the notice now in its place', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes);
    await loaded(el);
    const region = $(el, '#announce');
    server.posts = server.posts.filter((p) => p.id !== 'post-legionellen');
    $(el, '[data-open="post-legionellen"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !postIds(el).includes('post-legionellen'), 'gone from the list');
    await el.updateComplete;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(text(region)).to.equal('Diese Mitteilung wird Ihnen nicht mehr angezeigt.');
    expect(region.getBoundingClientRect().height, 'a visible note').to.be.greaterThan(1);
    expect(root(el).activeElement?.id).to.equal('t-post-heizkosten');
    await expect(el).to.be.accessible();
    // The last notice, withdrawn while its calendar file is asked for: the focus goes to the heading; in English.
    const second = postRoutes();
    const en = await boardWidget(second.routes, { lang: 'en' });
    await loaded(en.el);
    await openPost(en.el, 'post-sommerfest');
    $(en.el, '#p-post-sommerfest .calendar').focus();
    second.server.posts = second.server.posts.filter((p) => p.id !== 'post-sommerfest');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !postIds(en.el).includes('post-sommerfest'), 'gone from the English list');
    await waitUntil(() => root(en.el).activeElement?.id === 'title', 'focus on the heading');
    expect(text($(en.el, '#announce'))).to.equal('This notice is no longer shown to you.');
    expect($(en.el, '.failed')).to.not.exist;
    // Opening another notice clears the note.
    await openPost(en.el, 'post-wasser');
    expect(text($(en.el, '#announce'))).to.equal('');
  });

  it('gives pictures the notice\'s title and their place as text, and opens one full size in a new tab', async () => {
    const open = window.open;
    const tab = { opener: {} as unknown, closed: false, location: { href: '' }, close: () => (tab.closed = true) };
    window.open = () => tab as unknown as Window;
    try {
      const { routes, server } = postRoutes();
      const { el } = await boardWidget(routes);
      await loaded(el);
      await openPost(el, 'post-heizkosten');
      await waitUntil(() => root(el).querySelectorAll('.images img').length === 2, 'two pictures', { timeout: 5000 });
      expect([...root(el).querySelectorAll('img')].map((i) => i.alt)).to.deep.equal(['Merkblatt „Heizkosten sparen“, Bild 1 von 2', 'Merkblatt „Heizkosten sparen“, Bild 2 von 2']);
      const picture = $(el, '.images [data-file="f-fenster"]');
      expect(picture.textContent).to.contain('(öffnet in neuem Tab)');
      picture.click();
      await waitUntil(() => tab.location.href.startsWith('blob:'), 'the picture in the new tab');
      expect(tab.opener).to.equal(null);
      expect(server.files.at(-1)).to.equal('post-heizkosten/f-fenster?');
      const blob = await (await fetch(tab.location.href)).blob();
      expect(blob.type).to.equal('image/jpeg');
      await expect(el).to.be.accessible();
      // Other attachments still download.
      expect((await captureDownload(() => $(el, '.files [data-file="f-merkblatt"]').click())).name).to.equal('Merkblatt Heizkosten.pdf');
      // The picture cannot be loaded: the tab closes again and the notice says so.
      const broken = postRoutes(demoPosts(NOW), { 'GET /posts/{id}/files/{fileId}': () => problem(503, 'unavailable') });
      const en = await boardWidget(broken.routes, { lang: 'en' });
      await loaded(en.el);
      await openPost(en.el, 'post-heizkosten');
      await waitUntil(() => text($(en.el, '.images [data-file="f-thermostat"]')).startsWith('Merkblatt „Heizkosten sparen“, picture 1 of 2'), 'the text instead of the picture');
      tab.location.href = '';
      $(en.el, '.images [data-file="f-thermostat"]').click();
      await waitUntil(() => $(en.el, '#p-post-heizkosten .failed'), 'failure shown');
      expect(tab.closed).to.be.true;
      expect(tab.location.href).to.equal('');
    } finally {
      window.open = open;
    }
  });

  it('shows the excerpt as plain text: entities of the body decoded once (the stories\' "Glanz & Co.")', async () => {
    const info = postDetail('post-info', 'info', 'Stiegenhausreinigung: neuer Dienstleister', '<p>Ab April reinigt die Firma Glanz &amp; Co. &lt;GmbH&gt; das Stiegenhaus.</p>', 'reinigung', NOW);
    expect(info.excerpt).to.equal('Ab April reinigt die Firma Glanz & Co. <GmbH> das Stiegenhaus.');
    const { el } = await boardWidget(postRoutes([info]).routes);
    await loaded(el);
    expect(text(post(el, 'post-info').querySelector('.excerpt')!)).to.equal('Ab April reinigt die Firma Glanz & Co. <GmbH> das Stiegenhaus.');
    await openPost(el, 'post-info');
    expect(text($(el, '#p-post-info .body'))).to.equal('Ab April reinigt die Firma Glanz & Co. <GmbH> das Stiegenhaus.');
  });
});
