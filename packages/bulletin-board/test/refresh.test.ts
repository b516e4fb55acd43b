import { expect, waitUntil } from '@open-wc/testing';
import { postDetail } from '../src/testing.js';
import { $, boardWidget, loaded, NOW, openPost, post, postIds, postRoutes, text, unreadCounts } from './fixtures.js';

const counts = unreadCounts();

const gas = () =>
  postDetail('post-gas', 'danger', 'Gasgeruch im Keller: Keller nicht betreten', '<p>Die Feuerwehr ist verständigt.</p>', 'allgemein', NOW, { publishedAt: new Date(NOW).toISOString() });

/** Counts the changes of the live region (each one is read out). */
function changes(region: Element): { count: number } {
  const seen = { count: 0 };
  new MutationObserver((records) => (seen.count += records.length)).observe(region, { childList: true, characterData: true, subtree: true });
  return seen;
}

describe('<hp-bulletin-board> refreshing and the danger announcement', () => {
  it('announces a new danger notice politely once, on reload(); not on the first load, not for other types', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes);
    await loaded(el);
    const region = $(el, '#announce');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.textContent!.trim(), 'nothing on the first load, danger notice or not').to.equal('');
    const heard = changes(region);
    server.posts = [gas(), ...server.posts];
    await el.reload();
    await el.updateComplete;
    expect(postIds(el)[0]).to.equal('post-gas');
    expect(region.textContent!.trim()).to.equal('Neuer Gefahrenhinweis: Gasgeruch im Keller: Keller nicht betreten');
    expect(counts.at(-1)).to.equal(6);
    const once = heard.count;
    expect(once).to.be.greaterThan(0);
    await el.reload();
    await el.updateComplete;
    expect(heard.count, 'not announced again').to.equal(once);
    // A new warning is listed, but not announced.
    server.posts = [...server.posts, postDetail('post-lift', 'warning', 'Lift außer Betrieb', '<p>Bis Freitag.</p>', 'lift', NOW)];
    await el.reload();
    await el.updateComplete;
    expect(postIds(el)).to.include('post-lift');
    expect(heard.count).to.equal(once);
    await expect(el).to.be.accessible();
  });

  it('refreshes quietly: the list stays while it loads, and a failure keeps it', async () => {
    const { routes, server } = postRoutes();
    let fail = false;
    const list = routes['GET /posts']!;
    const { el } = await boardWidget({ ...routes, 'GET /posts': (request) => (fail ? { status: 503, body: { type: 'about:blank', title: 'x', status: 503 } } : list(request)) });
    await loaded(el);
    fail = true;
    await el.reload();
    await el.updateComplete;
    expect(postIds(el)).to.have.length(6);
    expect($(el, '[part=error]')).to.not.exist;
    fail = false;
    server.posts = server.posts.slice(1);
    const refreshing = el.reload();
    expect($(el, '[part=loading]')).to.not.exist;
    await refreshing;
    await el.updateComplete;
    expect(postIds(el)).to.have.length(5);
  });

  it('refreshes every refresh-interval seconds while the page is visible, and when it is shown again', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes);
    await loaded(el);
    expect(el.refreshInterval).to.equal(0);
    el.refreshInterval = 0.05;
    await waitUntil(() => server.pages.length >= 3, 'refreshed twice');
    el.refreshInterval = 0;
    await el.reload();
    const before = server.pages.length;
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      el.refreshInterval = 0.05;
      await waitUntil(() => el.refresher.due, 'a refresh fell due while hidden');
      el.refreshInterval = 0;
      await el.updateComplete;
      expect(server.pages.length, 'no refresh while hidden').to.equal(before);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')).to.deep.equal(visibility);
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => server.pages.length === before + 1, 'refreshed when shown');
    expect(el.refresher.due).to.be.false;
  });

  it('shows the new text of a notice changed substantially since it was loaded, and marks that revision read', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes);
    await loaded(el);
    await openPost(el, 'post-legionellen');
    $(el, '[data-open="post-legionellen"]').click();
    server.posts = server.posts.map((p) =>
      p.id === 'post-legionellen' ? { ...p, revision: 2, revisedAt: new Date(NOW).toISOString(), bodyHtml: '<p>Neuer Termin: eine Woche später.</p>', read: { seenAt: null, openedAt: null, acknowledgedAt: null } } : p,
    );
    await el.reload();
    await el.updateComplete;
    expect(post(el, 'post-legionellen').querySelector('.new')).to.exist;
    await openPost(el, 'post-legionellen');
    expect(text($(el, '#p-post-legionellen .body'))).to.equal('Neuer Termin: eine Woche später.');
    expect(server.reads).to.deep.equal(['post-legionellen', 'post-legionellen']);
    expect(post(el, 'post-legionellen').querySelector('.new')).to.not.exist;
  });

  it('refreshes every 300 seconds unless told otherwise', () => {
    expect(document.createElement('hp-bulletin-board').refreshInterval).to.equal(300);
  });
});
