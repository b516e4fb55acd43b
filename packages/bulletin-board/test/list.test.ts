import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PostType } from '@hausportal/api';
import { demoPosts, generatePosts, postDetail, postPlaces } from '../src/testing.js';
import { $, boardWidget, loaded, NOW, post, postIds, postRoutes, root, text, unreadCounts } from './fixtures.js';

const counts = unreadCounts();
const demoOrder = ['post-wasser', 'post-hausordnung', 'post-legionellen', 'post-heizkosten', 'post-sperrmuell', 'post-sommerfest'];

/** Chooses `value` in the toolbar's select labelled `label` and waits for the list. */
async function choose(el: Parameters<typeof loaded>[0], label: string, value: string): Promise<void> {
  const field = [...root(el).querySelectorAll('[part=toolbar] label')].find((l) => l.querySelector('span')?.textContent === label)!;
  const select = field.querySelector('select')!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await loaded(el);
}

describe('<hp-bulletin-board> list', () => {
  it('lists the notices in the order received, each with type, pinned, "Neu", category, dates and appointment', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes);
    await loaded(el);
    expect(server.pages[0]).to.deep.equal({ limit: '20' });
    expect(postIds(el)).to.deep.equal(demoOrder);
    const water = post(el, 'post-wasser');
    expect(text(water.querySelector('.tags')!)).to.equal('Gefahrenhinweis Angeheftet Neu Heizung & Wasser');
    expect(text(water.querySelector('.meta')!)).to.equal('Veröffentlicht am 10.03.2026 · bis 14.03.2026');
    expect(text(water.querySelector('.excerpt')!)).to.contain('Wegen dringender Arbeiten an der Steigleitung');
    // The appointment in the organization's time zone (Vienna, UTC+1 in March).
    expect(text(water.querySelector('.appt')!)).to.equal('Termin: Fr., 13.03.2026, 09:00–13:00 Uhr, Ganzes Haus, Stiegen 1 und 2');
    expect(water.querySelector('h3 button')!.textContent).to.equal('Abschaltung der Trinkwasserversorgung');
    const rules = post(el, 'post-hausordnung');
    expect(text(rules.querySelector('.meta')!)).to.equal('Veröffentlicht am 29.01.2026 · aktualisiert am 08.03.2026');
    expect(text(rules.querySelector('.tags')!)).to.equal('Mitteilung Angeheftet Neu Hausordnung');
    expect(text(post(el, 'post-legionellen').querySelector('.appt')!)).to.equal('Termin: 17.03.2026 – 18.03.2026 (ganztägig), Alle Wohnungen');
    expect(text(post(el, 'post-sperrmuell').querySelector('.appt')!)).to.equal('Termin: 19.03.2026 (ganztägig), Innenhof');
    // Read: no "Neu".
    expect(text(post(el, 'post-sommerfest').querySelector('.tags')!)).to.equal('Mitteilung Veranstaltung');
    await expect(el).to.be.accessible();
  });

  it('keeps the order the server sends, whatever it is', async () => {
    const scrambled = [...demoPosts(NOW)].reverse();
    const { el } = await boardWidget(postRoutes(scrambled).routes);
    await loaded(el);
    expect(postIds(el)).to.deep.equal([...demoOrder].reverse());
  });

  it('shows each type by colour, icon and text label, in German and English', async () => {
    const types: PostType[] = ['neutral', 'info', 'warning', 'danger'];
    const posts = types.map((type) => postDetail(`p-${type}`, type, `Eine ${type}-Mitteilung`, '<p>Text</p>', 'allgemein', NOW, { pinned: false }));
    for (const [lang, labels] of [
      ['de', ['Mitteilung', 'Info', 'Warnung', 'Gefahrenhinweis']],
      ['en', ['Notice', 'Info', 'Warning', 'Danger']],
    ] as const) {
      const { el } = await boardWidget(postRoutes(posts).routes, { lang });
      await loaded(el);
      const colours = new Set<string>();
      for (const [i, type] of types.entries()) {
        const badge = post(el, `p-${type}`).querySelector('.type')!;
        expect(text(badge), `${lang} ${type}`).to.equal(labels[i]);
        expect(badge.querySelector('svg[aria-hidden=true] path, svg[aria-hidden=true] circle')).to.exist;
        expect(post(el, `p-${type}`).classList.contains(type)).to.be.true;
        colours.add(getComputedStyle(post(el, `p-${type}`)).borderInlineStartColor);
      }
      expect(colours.size, 'four bar colours').to.equal(4);
      await expect(el).to.be.accessible();
    }
    // Info blue, warning yellow, danger red: the core tokens.
    const { el } = await boardWidget(postRoutes(posts).routes);
    await loaded(el);
    el.style.setProperty('--hp-color-info', 'rgb(0, 0, 255)');
    el.style.setProperty('--hp-color-warning', 'rgb(255, 200, 0)');
    el.style.setProperty('--hp-color-danger', 'rgb(255, 0, 0)');
    expect(getComputedStyle(post(el, 'p-info')).borderInlineStartColor).to.equal('rgb(0, 0, 255)');
    expect(getComputedStyle(post(el, 'p-warning')).borderInlineStartColor).to.equal('rgb(255, 200, 0)');
    expect(getComputedStyle(post(el, 'p-danger')).borderInlineStartColor).to.equal('rgb(255, 0, 0)');
  });

  it('reports the notices listed and not yet seen once (POST /posts/seen) and tells the unread count', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes);
    await loaded(el);
    await waitUntil(() => server.seen.length === 1, 'seen reported');
    expect(server.seen[0]).to.deep.equal(['post-wasser', 'post-legionellen', 'post-heizkosten', 'post-sperrmuell']);
    expect(counts).to.deep.equal([5]);
    await el.reload();
    await el.updateComplete;
    await choose(el, 'Art', 'danger');
    await choose(el, 'Art', '');
    expect(server.seen).to.have.length(1);
  });

  it('filters by category, type and unread on the server, and offers the categories of the page', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes);
    await loaded(el);
    const categories = [...root(el).querySelectorAll('[part=toolbar] select')[0]!.querySelectorAll('option')].map((o) => o.textContent!.trim());
    expect(categories).to.deep.equal(['Alle Kategorien', 'Hausordnung', 'Merkblätter', 'Problemabfälle/Sondermüll', 'Wartung & Reparatur', 'Heizung & Wasser', 'Veranstaltung']);
    const types = [...root(el).querySelectorAll('[part=toolbar] select')[1]!.querySelectorAll('option')].map((o) => o.textContent!.trim());
    expect(types).to.deep.equal(['Alle Arten', 'Mitteilung', 'Info', 'Warnung', 'Gefahrenhinweis']);
    await choose(el, 'Kategorie', 'cat-hausordnung');
    expect(server.pages.at(-1)).to.deep.equal({ limit: '20', category: 'cat-hausordnung' });
    expect(postIds(el)).to.deep.equal(['post-hausordnung']);
    await choose(el, 'Art', 'warning');
    expect(server.pages.at(-1)).to.deep.equal({ limit: '20', category: 'cat-hausordnung', type: 'warning' });
    expect(text($(el, '[part=empty]'))).to.equal('Keine Mitteilungen passen zu diesem Filter.');
    await expect(el).to.be.accessible();
    await choose(el, 'Kategorie', '');
    expect(postIds(el)).to.deep.equal(['post-legionellen']);
    await choose(el, 'Art', '');
    const unread = $<HTMLInputElement>(el, '[part=toolbar] input[type=checkbox]');
    unread.click();
    await loaded(el);
    expect(server.pages.at(-1)).to.deep.equal({ limit: '20', unread: 'true' });
    expect(postIds(el)).to.deep.equal(demoOrder.slice(0, 5));
  });

  it('offers a property filter only with notices of two or more properties', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes);
    await loaded(el);
    expect(root(el).querySelectorAll('[part=toolbar] select')).to.have.length(3);
    await choose(el, 'Liegenschaft', postPlaces.gumpendorf.id);
    expect(server.pages.at(-1)).to.deep.equal({ limit: '20', property: postPlaces.gumpendorf.id });
    expect(postIds(el)).to.deep.equal(['post-sommerfest']);
    const one = demoPosts(NOW).filter((p) => p.properties[0]!.id === postPlaces.naschmarkt.id);
    const single = await boardWidget(postRoutes(one).routes);
    await loaded(single.el);
    expect(root(single.el).querySelectorAll('[part=toolbar] select')).to.have.length(2);
  });

  it('loads more with "Mehr laden" and moves the focus to the first new notice', async () => {
    const { routes, server } = postRoutes(generatePosts(45, NOW));
    const { el } = await boardWidget(routes);
    await loaded(el);
    expect(postIds(el)).to.have.length(20);
    $(el, '[part=more]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => postIds(el).length === 40, 'second page');
    expect(server.pages[1]).to.deep.equal({ limit: '20', cursor: 'atk' });
    await waitUntil(() => root(el).activeElement?.id === `t-${postIds(el)[20]}`, 'focus on the first new notice');
    $(el, '[part=more]').click();
    await waitUntil(() => postIds(el).length === 45, 'last page');
    await el.updateComplete;
    expect($(el, '[part=more]')).to.not.exist;
    await waitUntil(() => server.seen.flat().length === 45, 'all reported');
    expect(new Set(server.seen.flat()).size).to.equal(45);
  });
});
