import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HpDocuments } from '../src/index.js';
import { documentItem, place } from '../src/testing.js';
import { choose, documentRoutes, documents, documentsWidget, headings, loaded, root, row, rowIds, search, select, text } from './fixtures.js';

async function shown(lang: 'de' | 'en' = 'de'): Promise<HpDocuments> {
  const { el } = await documentsWidget(documentRoutes().routes, { lang });
  await loaded(el);
  return el;
}

const control = <T extends HTMLElement>(el: HpDocuments, selector: string) => root(el).querySelector<T>(selector)!;

describe('<hp-documents> list', () => {
  it('groups by place, then category with subcategories, counting documents and new ones in words; newest group first', async () => {
    const el = await shown();
    expect(headings(el)).to.deep.equal([
      '3 Persönlich',
      '4 Mahnungen',
      '3 Wohnhausanlage Naschmarkt, Top 7',
      '4 BK-Abrechnung',
      '4 Vorschreibung',
      '4 Verträge',
      '5 Mietverträge',
      '4 Energieausweis',
      '3 Wohnhausanlage Naschmarkt',
      '4 Protokolle und Beschlüsse',
      '5 Eigentümerversammlung',
      '4 Hausordnung',
    ]);
    expect(rowIds(el)).to.deep.equal(['doc-mahnung', 'doc-bk-2025', 'doc-vorschreibung', 'doc-mietvertrag', 'doc-energie', 'doc-protokoll', 'doc-hausordnung']);
    const groups = [...root(el).querySelectorAll('.place')].map((p) => text(p));
    expect(groups[0]).to.contain('1 Dokument, 1 neu');
    expect(groups[1]).to.contain('4 Dokumente, 1 neu');
    expect(groups[2]).to.contain('2 Dokumente, 1 neu').and.contain('Linke Wienzeile 48, 1060 Wien');
    // A parent over its only subcategory does not repeat the subcategory's count.
    const parents = [...root(el).querySelectorAll('.category.level-1:has(+ .category.level-2)')].map((r) => text(r));
    expect(parents).to.deep.equal(['Verträge', 'Protokolle und Beschlüsse']);
    expect(text(root(el).querySelector('.category.level-1 + .category.level-2')!)).to.equal('Mietverträge 1 Dokument');
    expect(text(el)).to.contain('7 Dokumente · 3 neu');
    await expect(el).to.be.accessible();
  });

  it('counts a parent category when it holds more than its one subcategory shown', async () => {
    const where = documents.find((d) => d.id === 'doc-mietvertrag')!.place;
    const more = [
      ...documents,
      documentItem('doc-we', 'Wohnungseigentumsvertrag Top 7', 'cat-we-vertrag', '2024-02-01', where),
      documentItem('doc-vertrag', 'Nachtrag', 'cat-vertraege', '2024-01-01', where, { seenAt: '2024-01-02T10:00:00Z' }),
    ];
    const { el } = await documentsWidget(documentRoutes(more).routes, { lang: 'en' });
    await loaded(el);
    const contracts = [...root(el).querySelectorAll('.category')].map((r) => text(r)).filter((t) => /Contracts|Leases|Condominium/.test(t));
    expect(contracts).to.deep.equal(['Contracts 3 documents, 1 new', 'Leases 1 document', 'Condominium agreements 1 document, 1 new']);
    expect(rowIds(el).filter((id) => /vertrag|we$/.test(id))).to.deep.equal(['doc-vertrag', 'doc-mietvertrag', 'doc-we']);
    await expect(el).to.be.accessible();
  });

  it('marks unread documents "neu" in words, with date, period, type and size', async () => {
    const el = await shown();
    const bk = row(el, 'doc-bk-2025');
    expect(bk.classList.contains('unread')).to.be.true;
    expect(text(bk)).to.contain('Betriebskostenabrechnung 2025 neu').and.contain('15.03.2026 · Zeitraum 2025 · PDF, 121 kB');
    expect(bk.querySelector('.download')!.getAttribute('aria-label')).to.equal('Herunterladen: Betriebskostenabrechnung 2025 (PDF, 121 kB)');
    expect(text(row(el, 'doc-energie'))).to.not.contain('neu');
    expect(text(row(el, 'doc-energie'))).to.contain('PDF, 2,4 MB');
    // The title labels the tick box, "neu" included.
    const box = bk.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(box.labels![0]!.textContent).to.contain('Betriebskostenabrechnung 2025').and.contain('neu');
  });

  it('speaks English: category names, counts, dates and sizes', async () => {
    const el = await shown('en');
    expect(headings(el)).to.include.members(['4 Operating-cost statement', '4 Contracts', '5 Leases', '3 Personal', '4 Payment reminders', "5 Owners' meeting"]);
    expect(text(el)).to.contain('7 documents · 3 new');
    expect(text(row(el, 'doc-bk-2025'))).to.contain('15 Mar 2026 · period 2025 · PDF, 121 kB').and.contain('new');
    expect(text(el)).to.contain('Mark all as read').and.contain('Download ZIP (0 selected)');
    await expect(el).to.be.accessible();
  });
});

describe('<hp-documents> filter, search and sort', () => {
  it('filters by a category with its subcategories, by year and by "only new"', async () => {
    const el = await shown();
    await choose(el, 'Kategorie', 'cat-vertraege');
    expect(rowIds(el)).to.deep.equal(['doc-mietvertrag']);
    expect(text(el)).to.contain('1 von 7 Dokumenten · nichts Neues');
    await choose(el, 'Kategorie', '');
    await choose(el, 'Jahr', '2026');
    expect(rowIds(el)).to.have.members(['doc-vorschreibung', 'doc-mahnung']);
    await choose(el, 'Jahr', '');
    const onlyNew = control<HTMLInputElement>(el, '.only-new input');
    onlyNew.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(rowIds(el)).to.have.members(['doc-bk-2025', 'doc-hausordnung', 'doc-mahnung']);
    await expect(el).to.be.accessible();
  });

  it('files a document under the year of its period when the period is a year, else under the year of its date', async () => {
    const where = documents[0]!.place;
    const more = [
      ...documents,
      documentItem('doc-bk-2024', 'Betriebskostenabrechnung 2024', 'cat-bk-abrechnung', '2025-06-30', where, { periodLabel: '2024' }),
      documentItem('doc-wp', 'Wirtschaftsplan', 'cat-sonstiges', '2025-12-01', where, { periodLabel: '01.01.–31.12.2026' }),
    ];
    for (const lang of ['de', 'en'] as const) {
      const { el } = await documentsWidget(documentRoutes(more).routes, { lang });
      await loaded(el);
      const label = lang === 'de' ? 'Jahr' : 'Year';
      expect([...select(el, label).options].map((o) => o.value)).to.deep.equal(['', '2026', '2025', '2024', '2023', '2022']);
      await choose(el, label, '2025');
      // The statement for 2025 dated 2026 belongs to 2025, the one for 2024 dated 2025 does not; a period that is not a
      // year counts by the date.
      expect(rowIds(el)).to.have.members(['doc-bk-2025', 'doc-protokoll', 'doc-wp']);
      await choose(el, label, '2024');
      expect(rowIds(el)).to.have.members(['doc-bk-2024', 'doc-mietvertrag']);
      await expect(el).to.be.accessible();
    }
  });

  it('searches titles and category names, ignoring case, accents and umlauts', async () => {
    const el = await shown();
    await search(el, 'HAUSORD');
    expect(rowIds(el)).to.deep.equal(['doc-hausordnung']);
    await search(el, 'vertrage');
    expect(rowIds(el)).to.deep.equal(['doc-mietvertrag']);
    await search(el, 'mahnungen');
    expect(rowIds(el)).to.deep.equal(['doc-mahnung']);
    await search(el, 'Zahlungserinnerung maerz');
    expect(rowIds(el)).to.deep.equal(['doc-mahnung']);
    await search(el, 'eigentumerversammlung');
    expect(rowIds(el)).to.deep.equal(['doc-protokoll']);
  });

  it('sorts by document date, newest or oldest first: the documents in each group and the groups themselves', async () => {
    const el = await shown();
    await choose(el, 'Sortierung', 'oldest');
    expect(rowIds(el)).to.deep.equal(['doc-energie', 'doc-mietvertrag', 'doc-vorschreibung', 'doc-bk-2025', 'doc-hausordnung', 'doc-protokoll', 'doc-mahnung']);
    expect(headings(el)).to.deep.equal([
      '3 Wohnhausanlage Naschmarkt, Top 7',
      '4 Energieausweis',
      '4 Verträge',
      '5 Mietverträge',
      '4 Vorschreibung',
      '4 BK-Abrechnung',
      '3 Wohnhausanlage Naschmarkt',
      '4 Hausordnung',
      '4 Protokolle und Beschlüsse',
      '5 Eigentümerversammlung',
      '3 Persönlich',
      '4 Mahnungen',
    ]);
    await expect(el).to.be.accessible();
    await choose(el, 'Sortierung', 'newest');
    expect(rowIds(el)).to.deep.equal(['doc-mahnung', 'doc-bk-2025', 'doc-vorschreibung', 'doc-mietvertrag', 'doc-energie', 'doc-protokoll', 'doc-hausordnung']);
    await search(el, 'top 7');
    expect(rowIds(el)).to.deep.equal(['doc-mietvertrag']);
    await search(el, '2025 2026');
    expect(rowIds(el)).to.deep.equal([]);
  });

  it('on the same date, places go by property name and Top and categories by the tree', async () => {
    const day = '2026-02-01';
    const a = { id: 'prop-a', name: 'Anlage Alsergrund', address: 'Alser Straße 1, 1090 Wien' };
    const b = { id: 'prop-b', name: 'Anlage Brigittenau', address: 'Wallensteinstraße 2, 1200 Wien' };
    const same = [
      documentItem('doc-b2', 'Vorschreibung B', 'cat-vorschreibung', day, place(b, { id: 'unit-b2', top: '2' })),
      documentItem('doc-b10', 'Vorschreibung B', 'cat-vorschreibung', day, place(b, { id: 'unit-b10', top: '10' })),
      documentItem('doc-a-ho', 'Hausordnung A', 'cat-hausordnung', day, place(a)),
      documentItem('doc-a-bk', 'Betriebskosten A', 'cat-bk-abrechnung', day, place(a)),
    ];
    const { el } = await documentsWidget(documentRoutes(same).routes);
    await loaded(el);
    expect(headings(el)).to.deep.equal([
      '3 Anlage Alsergrund',
      '4 BK-Abrechnung',
      '4 Hausordnung',
      '3 Anlage Brigittenau, Top 2',
      '4 Vorschreibung',
      '3 Anlage Brigittenau, Top 10',
      '4 Vorschreibung',
    ]);
  });

  it('names every filter that left nothing, and the reset brings every document back with focus on the search', async () => {
    const el = await shown();
    const empty = () => text(root(el).querySelector('[part=empty]')!);
    await search(el, 'Waschküche');
    expect(empty()).to.contain('Keine Dokumente passen zu: Suche „Waschküche“.');
    await expect(el).to.be.accessible();
    await search(el, '');
    await choose(el, 'Jahr', '2022');
    control<HTMLInputElement>(el, '.only-new input').click();
    await el.updateComplete;
    expect(empty()).to.contain('Keine Dokumente passen zu: Jahr 2022 und nur neue.');
    await choose(el, 'Kategorie', 'cat-vertraege');
    await search(el, 'Keller');
    expect(empty()).to.contain('Keine Dokumente passen zu: Suche „Keller“, Jahr 2022, Kategorie „Verträge“ und nur neue.');
    const reset = root(el).querySelector<HTMLButtonElement>('[part=empty] button')!;
    expect(reset.textContent!.trim()).to.equal('Filter zurücksetzen');
    await expect(el).to.be.accessible();
    reset.focus();
    reset.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(7);
    expect(root(el).activeElement === control(el, '#search'), 'focus on the search').to.be.true;
  });

  it('names the filters in English too', async () => {
    const el = await shown('en');
    await choose(el, 'Category', 'cat-mahnungen');
    await choose(el, 'Year', '2023');
    const empty = root(el).querySelector('[part=empty]')!;
    expect(text(empty)).to.contain('No documents match: year 2023 and category “Payment reminders”.').and.contain('Reset filters');
    await search(el, 'x');
    control<HTMLInputElement>(el, '.only-new input').click();
    await el.updateComplete;
    expect(text(root(el).querySelector('[part=empty]')!)).to.contain('No documents match: search “x”, year 2023, category “Payment reminders”, and only new.');
    await expect(el).to.be.accessible();
  });

  it('says so when every document is read and only new ones are asked for', async () => {
    const { routes } = documentRoutes();
    const { el } = await documentsWidget(routes, { lang: 'en' });
    await loaded(el);
    control<HTMLInputElement>(el, '.only-new input').click();
    await el.updateComplete;
    expect(text(el)).to.contain('3 of 7 documents · 3 new').and.contain('Mark shown as read');
    control<HTMLButtonElement>(el, '#mark-all').click();
    await waitUntil(() => rowIds(el).length === 0, 'every new one read');
    expect(text(root(el).querySelector('[part=empty]')!)).to.contain('No new documents: you have read everything.');
    expect(text(el)).to.contain('0 of 7 documents · nothing new');
    await expect(el).to.be.accessible();
  });
});
