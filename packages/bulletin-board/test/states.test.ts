import { expect, waitUntil } from '@open-wc/testing';
import { demoMe, demoPassword, problem } from '@hausportal/core/testing.js';
import { $, boardWidget, gate, loaded, postIds, postRoutes, text, unreadCounts } from './fixtures.js';

const counts = unreadCounts();

describe('<hp-bulletin-board> states', () => {
  it('asks to sign in when nobody is signed in, without asking the API', async () => {
    for (const [lang, words] of [
      ['de', 'Bitte melden Sie sich an, um die Mitteilungen zu sehen.'],
      ['en', 'Please sign in to see the notices.'],
    ] as const) {
      const { routes, server } = postRoutes();
      const { el } = await boardWidget(routes, { user: null, lang });
      expect(text($(el, '[part=empty]'))).to.equal(words);
      expect(server.pages).to.have.length(0);
      await expect(el).to.be.accessible();
    }
  });

  it('shows the loading state until the first page arrives', async () => {
    const { routes } = postRoutes();
    const first = gate();
    const list = routes['GET /posts']!;
    const { el } = await boardWidget({ ...routes, 'GET /posts': async (request) => (await first.wait, list(request)) });
    await waitUntil(() => $(el, '[part=loading]'), 'loading shown');
    expect(text(el)).to.contain('Wird geladen');
    expect($(el, '[part=toolbar]')).to.exist;
    await expect(el).to.be.accessible();
    first.open();
    await waitUntil(() => postIds(el).length === 6, 'notices shown');
    expect($(el, '[part=loading]')).to.not.exist;
  });

  it('says that there are no current notices, in German and English', async () => {
    for (const [lang, words] of [
      ['de', 'Keine aktuellen Mitteilungen'],
      ['en', 'No current notices'],
    ] as const) {
      const { el } = await boardWidget(postRoutes([]).routes, { lang });
      await loaded(el);
      expect(text($(el, '[part=empty]'))).to.equal(words);
      expect(counts.at(-1)).to.equal(0);
      await expect(el).to.be.accessible();
    }
  });

  it('shows an error with a retry that loads again', async () => {
    const { routes } = postRoutes();
    let fail = true;
    const list = routes['GET /posts']!;
    const { el } = await boardWidget({ ...routes, 'GET /posts': (request) => (fail ? problem(500, 'internal') : list(request)) });
    await waitUntil(() => $(el, '[part=error]'), 'error shown');
    expect(text(el)).to.contain('Beim Server ist ein Fehler aufgetreten');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part=retry]').click();
    await waitUntil(() => postIds(el).length === 6, 'notices after retry');
    expect($(el, '[part=error]')).to.not.exist;
  });

  it('empties the board when the person signs out (unread count 0) and loads it anew on the next sign-in', async () => {
    const { routes, server } = postRoutes();
    const { el, fake } = await boardWidget(routes);
    await loaded(el);
    expect(counts.at(-1)).to.equal(5);
    await fake.client.logout();
    await waitUntil(() => text(el).includes('Bitte melden Sie sich an'), 'signed out');
    expect(postIds(el)).to.have.length(0);
    expect(counts.at(-1)).to.equal(0);
    await fake.client.login(demoMe.username, demoPassword);
    await waitUntil(() => postIds(el).length === 6, 'loaded again');
    expect(server.pages).to.have.length(2);
    expect(counts.at(-1)).to.equal(5);
  });

  it('speaks English', async () => {
    const { el } = await boardWidget(postRoutes().routes, { lang: 'en' });
    await loaded(el);
    expect(text(el)).to.contain('Notice board').and.contain('Danger').and.contain('Warning').and.contain('Pinned').and.contain('New').and.contain('Published');
    expect(text($(el, '[part=toolbar]'))).to.contain('Category').and.contain('All types').and.contain('Only unread').and.contain('Print');
    await expect(el).to.be.accessible();
  });
});
