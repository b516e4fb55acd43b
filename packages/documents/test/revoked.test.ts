import { expect, waitUntil } from '@open-wc/testing';
import { captureDownload } from '@hausportal/core/testing.js';
import type { HpDocuments } from '../src/index.js';
import { button, documentRoutes, documentsWidget, gate, loaded, root, row, rowIds, text, unreadCounts, type DocumentServer } from './fixtures.js';

const counts = unreadCounts();

/** The manager revokes the releases of `ids` while the page is open: the server no longer lists or sends them. */
const revoke = (server: DocumentServer, ...ids: string[]) => (server.items = server.items.filter((d) => !ids.includes(d.id)));

const notice = (el: HpDocuments) => text(root(el).querySelector('.notice')!);

const tick = async (el: HpDocuments, ...ids: string[]) => {
  for (const id of ids) row(el, id).querySelector<HTMLInputElement>('.pick')!.click();
  await el.updateComplete;
};

describe('<hp-documents> documents no longer shared while the page is open', () => {
  for (const lang of ['de', 'en'] as const) {
    it(`a single download answering 404 removes the row, reloads the list quietly and says so plainly (${lang})`, async () => {
      const { routes, server } = documentRoutes();
      const reload = gate();
      const list = routes['GET /documents']!;
      const { el } = await documentsWidget({ ...routes, 'GET /documents': async (request) => (server.pages.length && (await reload.wait), list(request)) }, { lang });
      await loaded(el);
      revoke(server, 'doc-bk-2025', 'doc-hausordnung');
      const download = row(el, 'doc-bk-2025').querySelector<HTMLButtonElement>('.download')!;
      download.focus();
      download.click();
      await waitUntil(() => root(el).querySelector('.notice'), 'the notice');
      expect(notice(el)).to.equal(lang === 'de' ? 'Dieses Dokument ist nicht mehr für Sie freigegeben.' : 'This document is no longer shared with you.');
      expect(text(el)).to.not.contain(lang === 'de' ? 'nicht gefunden' : 'not found');
      expect(root(el).querySelector('.notice')!.getAttribute('role')).to.equal('alert');
      // The row is gone at once; the list stays while it is reloaded (no loading state).
      expect(rowIds(el)).to.include('doc-hausordnung');
      expect(rowIds(el)).to.not.include('doc-bk-2025');
      expect(root(el).querySelector('[part=loading]')).to.not.exist;
      expect(root(el).activeElement?.id, 'focus on the summary').to.equal('summary');
      await expect(el).to.be.accessible();
      reload.open();
      await waitUntil(() => !rowIds(el).includes('doc-hausordnung'), 'reloaded: the other revoked one went too');
      expect(rowIds(el)).to.have.length(5);
      expect(counts.at(-1)).to.equal(1);
      expect(text(el)).to.contain(lang === 'de' ? '5 Dokumente · 1 neu' : '5 documents · 1 new');
      expect(notice(el)).to.contain(lang === 'de' ? 'nicht mehr für Sie freigegeben' : 'no longer shared with you');
    });

    it(`a ZIP answering 404 reloads the list, keeps the ticks still available and asks to download again (${lang})`, async () => {
      const { routes, server } = documentRoutes();
      const { el } = await documentsWidget(routes, { lang });
      await loaded(el);
      await tick(el, 'doc-bk-2025', 'doc-hausordnung', 'doc-mahnung');
      revoke(server, 'doc-mahnung');
      button(el, '#zip').click();
      await waitUntil(() => root(el).querySelector('.notice') && !rowIds(el).includes('doc-mahnung'), 'notice and the list reloaded');
      expect(notice(el)).to.equal(
        lang === 'de'
          ? 'Einige Dokumente sind nicht mehr freigegeben; die Liste wurde aktualisiert. Bitte erneut herunterladen.'
          : 'Some documents are no longer shared; the list has been updated. Please download again.',
      );
      expect(button(el, '#zip').textContent!.trim()).to.equal(lang === 'de' ? 'ZIP herunterladen (2 ausgewählt)' : 'Download ZIP (2 selected)');
      const ticked = [...root(el).querySelectorAll<HTMLInputElement>('.pick')].filter((box) => box.checked).map((box) => box.dataset.pick);
      expect(ticked).to.have.members(['doc-bk-2025', 'doc-hausordnung']);
      expect(counts.at(-1)).to.equal(2);
      await expect(el).to.be.accessible();
      const file = await captureDownload(() => button(el, '#zip').click());
      expect(file.name).to.equal(lang === 'de' ? 'Dokumente.zip' : 'Documents.zip');
      expect(server.archives.at(-1)!.split(',')).to.have.members(['doc-bk-2025', 'doc-hausordnung']);
      await waitUntil(() => !root(el).querySelector('.notice'), 'the notice goes with the next action');
    });
  }
});
