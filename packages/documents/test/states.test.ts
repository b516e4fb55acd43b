import { expect, waitUntil } from '@open-wc/testing';
import { demoMe, demoPassword, problem } from '@hausportal/core/testing.js';
import { generateDocuments } from '../src/testing.js';
import { documentRoutes, documentsWidget, gate, loaded, root, rowIds, text, unreadCounts } from './fixtures.js';

const counts = unreadCounts();

describe('<hp-documents> states', () => {
  it('asks to sign in when nobody is signed in, without asking the API', async () => {
    const { routes, server } = documentRoutes();
    const { el, fake } = await documentsWidget(routes, { user: null });
    expect(text(el)).to.contain('Bitte melden Sie sich an, um Ihre Dokumente zu sehen.');
    expect(root(el).querySelector('[part=empty]')).to.exist;
    expect(server.pages).to.have.length(0);
    expect(fake.callsTo('GET /document-categories')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the loading state until the first page arrives', async () => {
    const { routes } = documentRoutes();
    const first = gate();
    const list = routes['GET /documents']!;
    const { el } = await documentsWidget({ ...routes, 'GET /documents': async (request) => (await first.wait, list(request)) });
    expect(root(el).querySelector('[part=loading]')).to.exist;
    expect(text(el)).to.contain('Wird geladen');
    await expect(el).to.be.accessible();
    first.open();
    await waitUntil(() => rowIds(el).length === 7, 'rows shown');
    expect(root(el).querySelector('[part=loading]')).to.not.exist;
  });

  it('says no documents were released yet when there are none', async () => {
    const { routes } = documentRoutes([]);
    const { el } = await documentsWidget(routes);
    await loaded(el);
    expect(root(el).querySelector('[part=empty]')!.textContent!.trim()).to.equal('Für Sie wurden noch keine Dokumente freigegeben.');
    expect(root(el).querySelector('[part=toolbar]')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('says why there is nothing when the person has no units or contracts', async () => {
    const { routes, server } = documentRoutes([]);
    server.units = 0;
    const { el } = await documentsWidget(routes);
    await loaded(el);
    expect(text(el)).to.contain('Sie haben bei uns noch keine Einheiten oder Verträge, daher gibt es noch keine Dokumente für Sie.');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that loads again', async () => {
    const { routes } = documentRoutes();
    let fail = true;
    const list = routes['GET /documents']!;
    const { el } = await documentsWidget({ ...routes, 'GET /documents': (request) => (fail ? problem(500, 'internal') : list(request)) });
    await waitUntil(() => root(el).querySelector('[part=error]'), 'error shown');
    expect(text(el)).to.contain('Beim Server ist ein Fehler aufgetreten');
    await expect(el).to.be.accessible();
    fail = false;
    root(el).querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await waitUntil(() => rowIds(el).length === 7, 'rows after retry');
    expect(root(el).querySelector('[part=error]')).to.not.exist;
  });

  it('empties the list when the person signs out (unread count 0) and loads it anew on the next sign-in', async () => {
    const { routes, server } = documentRoutes();
    const { el, fake } = await documentsWidget(routes);
    await loaded(el);
    expect(rowIds(el)).to.have.length(7);
    await fake.client.logout();
    await waitUntil(() => text(el).includes('Bitte melden Sie sich an'), 'signed out');
    expect(rowIds(el)).to.have.length(0);
    expect(counts.at(-1)).to.equal(0);
    await fake.client.login(demoMe.username, demoPassword);
    await waitUntil(() => rowIds(el).length === 7, 'loaded again');
    expect(server.pages).to.have.length(2);
    expect(counts.at(-1)).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('speaks English in every state', async () => {
    const signedOut = await documentsWidget(documentRoutes().routes, { user: null, lang: 'en' });
    expect(text(signedOut.el)).to.contain('Please sign in to see your documents.');
    const none = await documentsWidget(documentRoutes([]).routes, { lang: 'en' });
    await loaded(none.el);
    expect(text(none.el)).to.contain('No documents have been released to you yet.');
    await expect(none.el).to.be.accessible();
    const { routes, server } = documentRoutes([]);
    server.units = 0;
    const noUnits = await documentsWidget(routes, { lang: 'en' });
    await loaded(noUnits.el);
    expect(text(noUnits.el)).to.contain('You have no units or contracts with us yet');
  });
});

describe('<hp-documents> loading page by page', () => {
  it('shows the first page at once and appends the others behind it (limit 200, cursor of the page before)', async () => {
    const items = generateDocuments(450);
    const { routes, server } = documentRoutes(items);
    const rest = gate();
    const list = routes['GET /documents']!;
    const { el } = await documentsWidget({ ...routes, 'GET /documents': async (request) => (request.query.get('cursor') && (await rest.wait), list(request)) });
    await loaded(el);
    await waitUntil(() => rowIds(el).length > 0, 'first page rendered');
    expect(text(el)).to.contain('200 Dokumente').and.contain('Weitere Dokumente werden geladen');
    await expect(el).to.be.accessible();
    rest.open();
    await waitUntil(() => text(el).includes('450 Dokumente'), 'every page loaded');
    expect(text(el)).to.not.contain('Weitere Dokumente werden geladen');
    expect(server.pages.map((p) => p.limit)).to.deep.equal(['200', '200', '200']);
    expect(server.pages[0]!.cursor).to.equal(null);
    expect(server.pages[1]!.cursor).to.be.a('string').and.not.empty;
  });

  it('keeps the pages it has when a later one fails, and loads the rest on retry', async () => {
    const items = generateDocuments(300);
    const { routes } = documentRoutes(items);
    let fail = true;
    const list = routes['GET /documents']!;
    const { el } = await documentsWidget({ ...routes, 'GET /documents': (request) => (request.query.get('cursor') && fail ? problem(503, 'unavailable') : list(request)) });
    await loaded(el);
    await waitUntil(() => root(el).querySelector('[part=error]'), 'error of the second page');
    expect(text(el)).to.contain('200 Dokumente');
    await expect(el).to.be.accessible();
    fail = false;
    root(el).querySelector<HTMLButtonElement>('[part=retry]')!.click();
    await waitUntil(() => text(el).includes('300 Dokumente'), 'the rest loaded');
    expect(root(el).querySelector('[part=error]')).to.not.exist;
  });
});
