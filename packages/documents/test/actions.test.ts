import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { captureDownload, problem } from '@hausportal/core/testing.js';
import { HpDocumentsUnreadEvent } from '../src/index.js';
import { generateDocuments } from '../src/testing.js';
import { button, documentRoutes, documentsWidget, loaded, root, row, rowIds, text, unreadCounts, unreadRows } from './fixtures.js';

const counts = unreadCounts();

describe('<hp-documents> read state', () => {
  it('announces the unread total once it is known, bubbling and composed', async () => {
    const { routes } = documentRoutes();
    const { el } = await documentsWidget(routes);
    await loaded(el);
    await waitUntil(() => counts.length > 0, 'the count was announced');
    expect(counts.at(-1)).to.equal(3);
    const event = new HpDocumentsUnreadEvent(1);
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('marks all as read with POST /documents/read, takes the count from the answer and keeps the focus', async () => {
    const { routes } = documentRoutes();
    const { el, fake } = await documentsWidget(routes);
    await loaded(el);
    const mark = button(el, '#mark-all');
    expect(mark.textContent!.trim()).to.equal('Alle als gelesen markieren');
    mark.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => unreadRows(el).length === 0, 'nothing unread');
    expect(fake.callsTo('POST /documents/read')).to.have.length(1);
    expect(fake.callsTo('POST /documents/read')[0]!.body).to.deep.equal({});
    expect(fake.callsTo('POST /documents/read')[0]!.headers.get('Authorization')).to.match(/^Bearer /);
    expect(text(el)).to.contain('7 Dokumente · nichts Neues').and.not.contain(' neu ');
    expect(counts.at(-1)).to.equal(0);
    expect(root(el).activeElement === button(el, '#mark-all'), 'focus stays on the button').to.be.true;
    expect(button(el, '#mark-all').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('tells when marking failed, in an alert', async () => {
    const { routes } = documentRoutes(undefined, { 'POST /documents/read': () => problem(503, 'unavailable') });
    const { el } = await documentsWidget(routes);
    await loaded(el);
    button(el, '#mark-all').click();
    await waitUntil(() => root(el).querySelector('.notice'), 'notice shown');
    expect(root(el).querySelector('.notice')!.getAttribute('role')).to.equal('alert');
    expect(text(el)).to.contain('Die Dokumente konnten nicht als gelesen markiert werden: Beim Server ist ein Fehler aufgetreten');
    expect(unreadRows(el)).to.have.length(3);
    await expect(el).to.be.accessible();
  });
});

describe('<hp-documents> downloads', () => {
  it('downloads one document through the session client; it is then read and the count goes down', async () => {
    const { routes } = documentRoutes();
    const { el, fake } = await documentsWidget(routes);
    await loaded(el);
    const download = row(el, 'doc-bk-2025').querySelector<HTMLButtonElement>('.download')!;
    download.focus();
    const file = await captureDownload(() => sendKeys({ press: 'Enter' }));
    expect(file.name).to.equal('Betriebskostenabrechnung 2025.pdf');
    expect(file.text).to.equal('%PDF-1.4 Betriebskostenabrechnung 2025');
    const calls = fake.callsTo('GET /documents/{id}/file');
    expect(calls.map((c) => c.path)).to.deep.equal(['/documents/doc-bk-2025/file']);
    expect(calls[0]!.headers.get('Authorization')).to.match(/^Bearer /);
    await waitUntil(() => !row(el, 'doc-bk-2025').classList.contains('unread'), 'read after the download');
    expect(counts.at(-1)).to.equal(2);
    expect(text(el)).to.contain('7 Dokumente · 2 neu');
    expect(root(el).activeElement === download, 'focus stays on the download').to.be.true;
  });

  it('ticks several by keyboard and downloads them as one ZIP (ids comma-separated), all read afterwards', async () => {
    const { routes, server } = documentRoutes();
    const { el } = await documentsWidget(routes);
    await loaded(el);
    const zip = button(el, '#zip');
    expect(zip.getAttribute('aria-disabled')).to.equal('true');
    for (const id of ['doc-hausordnung', 'doc-mahnung']) {
      row(el, id).querySelector<HTMLInputElement>('input[type=checkbox]')!.focus();
      await sendKeys({ press: 'Space' });
    }
    await el.updateComplete;
    expect(zip.textContent!.trim()).to.equal('ZIP herunterladen (2 ausgewählt)');
    expect(zip.getAttribute('aria-disabled')).to.equal('false');
    const file = await captureDownload(() => zip.click());
    expect(file.name).to.equal('Dokumente.zip');
    expect(file.bytes.slice(0, 2)).to.deep.equal(new Uint8Array([0x50, 0x4b]));
    expect(server.archives).to.have.length(1);
    expect(server.archives[0]!.split(',')).to.have.members(['doc-hausordnung', 'doc-mahnung']);
    await waitUntil(() => unreadRows(el).length === 1, 'both read');
    expect(unreadRows(el)).to.deep.equal(['doc-bk-2025']);
    await expect(el).to.be.accessible();
  });

  it('"select all shown" ticks what the filter shows; more than 200 cannot go into one ZIP', async () => {
    const { routes } = documentRoutes(generateDocuments(260));
    const { el } = await documentsWidget(routes, { lang: 'en' });
    await loaded(el);
    await waitUntil(() => text(el).includes('260 documents'), 'all pages');
    const all = root(el).querySelector<HTMLInputElement>('.selection input')!;
    all.click();
    await el.updateComplete;
    expect(button(el, '#zip').textContent!.trim()).to.equal('Download ZIP (260 selected)');
    expect(button(el, '#zip').getAttribute('aria-disabled')).to.equal('true');
    expect(text(el)).to.contain('At most 200 documents per ZIP.');
    all.click();
    await el.updateComplete;
    expect(button(el, '#zip').textContent!.trim()).to.equal('Download ZIP (0 selected)');
  });

  it('tells when a download failed and keeps the document unread', async () => {
    const { routes } = documentRoutes(undefined, { 'GET /documents/{id}/file': () => problem(503, 'unavailable') });
    const { el } = await documentsWidget(routes);
    await loaded(el);
    row(el, 'doc-bk-2025').querySelector<HTMLButtonElement>('.download')!.click();
    await waitUntil(() => root(el).querySelector('.notice'), 'notice shown');
    expect(text(root(el).querySelector('.notice')!)).to.match(/^Der Download ist fehlgeschlagen: /);
    expect(row(el, 'doc-bk-2025').classList.contains('unread')).to.be.true;
  });

  it('moves the focus to the summary when the downloaded document leaves an "only new" list', async () => {
    const { routes } = documentRoutes();
    const { el } = await documentsWidget(routes);
    await loaded(el);
    root(el).querySelector<HTMLInputElement>('.only-new input')!.click();
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(3);
    const last = row(el, 'doc-mahnung').querySelector<HTMLButtonElement>('.download')!;
    last.focus();
    await captureDownload(() => last.click());
    await waitUntil(() => rowIds(el).length === 2, 'the read one left the list');
    await waitUntil(() => root(el).activeElement === root(el).querySelector('#summary'), 'focus on the summary');
  });
});
