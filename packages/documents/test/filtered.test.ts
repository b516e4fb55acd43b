import { expect, waitUntil } from '@open-wc/testing';
import { problem, type FakeHandler } from '@hausportal/core/testing.js';
import { CONCURRENT } from '../src/index.js';
import { generateDocuments } from '../src/testing.js';
import { button, choose, documentRoutes, documents, documentsWidget, gate, loaded, root, rowIds, search, text, unreadCounts, unreadRows } from './fixtures.js';

const counts = unreadCounts();

describe('<hp-documents> counts and "mark as read" with a filter', () => {
  it('with only a category chosen, counts what is shown and marks that category read with one request', async () => {
    const { routes } = documentRoutes();
    const { el, fake } = await documentsWidget(routes);
    await loaded(el);
    await choose(el, 'Kategorie', 'cat-bk-abrechnung');
    expect(text(el)).to.contain('1 von 7 Dokumenten · 1 neu');
    const mark = button(el, '#mark-all');
    expect(mark.textContent!.trim()).to.equal('Angezeigte als gelesen markieren');
    await expect(el).to.be.accessible();
    mark.click();
    await waitUntil(() => !unreadRows(el).length, 'the shown one read');
    expect(fake.callsTo('POST /documents/read').map((c) => c.body)).to.deep.equal([{ category: 'cat-bk-abrechnung' }]);
    expect(fake.callsTo('POST /documents/{id}/read')).to.have.length(0);
    expect(text(el)).to.contain('1 von 7 Dokumenten · nichts Neues');
    // The badge's count stays the total over all documents, as the server answered it.
    expect(counts.at(-1)).to.equal(2);
    await choose(el, 'Kategorie', '');
    expect(text(el)).to.contain('7 Dokumente · 2 neu').and.contain('Alle als gelesen markieren');
    expect(unreadRows(el)).to.have.members(['doc-hausordnung', 'doc-mahnung']);
    await expect(el).to.be.accessible();
  });

  it('with a category and "only new", still marks the category (with its subcategories) with one request', async () => {
    const items = documents.map((d) => (d.id === 'doc-mietvertrag' ? { ...d, seenAt: null } : d));
    const { routes, server } = documentRoutes(items);
    const { el, fake } = await documentsWidget(routes, { lang: 'en' });
    await loaded(el);
    await choose(el, 'Category', 'cat-vertraege');
    root(el).querySelector<HTMLInputElement>('.only-new input')!.click();
    await el.updateComplete;
    expect(text(el)).to.contain('1 of 7 documents · 1 new').and.contain('Mark shown as read');
    button(el, '#mark-all').click();
    await waitUntil(() => !rowIds(el).length, 'nothing new left in the category');
    expect(server.markAll).to.deep.equal([{ category: 'cat-vertraege' }]);
    expect(fake.callsTo('POST /documents/{id}/read')).to.have.length(0);
    expect(server.items.find((d) => d.id === 'doc-mietvertrag')!.seenAt).to.be.a('string');
    expect(counts.at(-1)).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('with a year chosen, marks only the unread documents shown, one by one', async () => {
    const { routes, server } = documentRoutes();
    const { el, fake } = await documentsWidget(routes);
    await loaded(el);
    await choose(el, 'Jahr', '2026');
    expect(text(el)).to.contain('2 von 7 Dokumenten · 1 neu');
    button(el, '#mark-all').click();
    await waitUntil(() => !unreadRows(el).length, 'the shown one read');
    expect(server.marked).to.deep.equal(['doc-mahnung']);
    expect(fake.callsTo('POST /documents/read')).to.have.length(0);
    expect(counts.at(-1)).to.equal(2);
    await choose(el, 'Jahr', '');
    expect(unreadRows(el)).to.have.members(['doc-bk-2025', 'doc-hausordnung']);
    expect(text(el)).to.contain('7 Dokumente · 2 neu');
  });

  it('with words searched, marks the shown ones at most six at a time and takes the total from the answers', async () => {
    const held = gate();
    let open = 0;
    let most = 0;
    const { routes, server } = documentRoutes(generateDocuments(300));
    const markOne = routes['POST /documents/{id}/read']!;
    const slow: FakeHandler = async (request) => {
      most = Math.max(most, ++open);
      await held.wait;
      open--;
      return markOne(request);
    };
    const { el, fake } = await documentsWidget({ ...routes, 'POST /documents/{id}/read': slow }, { lang: 'en' });
    await loaded(el);
    await waitUntil(() => text(el).includes('300 documents'), 'every page');
    await search(el, '2025');
    const shown = unreadRows(el);
    expect(shown.length).to.be.greaterThan(CONCURRENT);
    expect(text(el)).to.contain(`30 of 300 documents · ${shown.length} new`).and.contain('Mark shown as read');
    button(el, '#mark-all').click();
    await waitUntil(() => open === CONCURRENT, 'six requests under way');
    expect(fake.callsTo('POST /documents/{id}/read')).to.have.length(CONCURRENT);
    held.open();
    await waitUntil(() => !unreadRows(el).length && server.marked.length === shown.length && open === 0, 'every shown one read, on the server too');
    expect(most).to.equal(CONCURRENT);
    expect(server.marked).to.have.members(shown as string[]);
    expect(text(el)).to.contain('30 of 300 documents · nothing new');
    expect(counts.at(-1)).to.equal(100 - shown.length);
    expect(server.items.filter((d) => !d.seenAt)).to.have.length(100 - shown.length);
    await search(el, '');
    expect(text(el)).to.contain(`300 documents · ${100 - shown.length} new`);
    expect(rowIds(el).length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('keeps what was marked and says so when marking some failed', async () => {
    const { routes } = documentRoutes(generateDocuments(30));
    const markOne = routes['POST /documents/{id}/read']!;
    let calls = 0;
    const flaky: FakeHandler = (request) => (++calls === 2 ? problem(503, 'unavailable') : markOne(request));
    const { el } = await documentsWidget({ ...routes, 'POST /documents/{id}/read': flaky });
    await loaded(el);
    await search(el, 'Nr');
    const before = unreadRows(el).length;
    button(el, '#mark-all').click();
    await waitUntil(() => root(el).querySelector('.notice'), 'the failure told');
    expect(text(root(el).querySelector('.notice')!)).to.match(/^Die Dokumente konnten nicht als gelesen markiert werden: /);
    expect(unreadRows(el)).to.have.length(1);
    expect(before).to.be.greaterThan(1);
    await expect(el).to.be.accessible();
  });
});
