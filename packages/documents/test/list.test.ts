import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HpDocuments } from '../src/index.js';
import { documentRoutes, documentsWidget, headings, loaded, root, row, rowIds, text } from './fixtures.js';

async function shown(lang: 'de' | 'en' = 'de'): Promise<HpDocuments> {
  const { el } = await documentsWidget(documentRoutes().routes, { lang });
  await loaded(el);
  return el;
}

const control = <T extends HTMLElement>(el: HpDocuments, selector: string) => root(el).querySelector<T>(selector)!;
const select = (el: HpDocuments, label: string) =>
  [...root(el).querySelectorAll('[part=toolbar] label')].find((l) => l.textContent!.includes(label))!.querySelector('select')!;

async function choose(el: HpDocuments, label: string, value: string): Promise<void> {
  const box = select(el, label);
  box.value = value;
  box.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function search(el: HpDocuments, words: string): Promise<void> {
  const input = control<HTMLInputElement>(el, '#search');
  input.value = words;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('<hp-documents> list', () => {
  it('groups by property and unit, then category with subcategories, counting documents and new ones in words', async () => {
    const el = await shown();
    expect(headings(el)).to.deep.equal([
      '3 Wohnhausanlage Naschmarkt',
      '4 Protokolle und Beschlüsse',
      '4 Hausordnung',
      '3 Wohnhausanlage Naschmarkt, Top 7',
      '4 BK-Abrechnung',
      '4 Vorschreibung',
      '4 Verträge',
      '5 Mietvertrag',
      '4 Energieausweis',
      '3 Persönlich',
      '4 Mahnungen',
    ]);
    expect(rowIds(el)).to.deep.equal(['doc-protokoll', 'doc-hausordnung', 'doc-bk-2025', 'doc-vorschreibung', 'doc-mietvertrag', 'doc-energie', 'doc-mahnung']);
    const groups = [...root(el).querySelectorAll('.place')].map((p) => text(p));
    expect(groups[0]).to.contain('2 Dokumente, 1 neu').and.contain('Linke Wienzeile 48, 1060 Wien');
    expect(groups[1]).to.contain('4 Dokumente, 1 neu');
    expect(groups[2]).to.contain('1 Dokument, 1 neu');
    expect(text(root(el).querySelector('.category.level-1:has(+ .category.level-2)')!)).to.equal('Verträge 1 Dokument');
    expect(text(el)).to.contain('7 Dokumente · 3 neu');
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
    expect(headings(el)).to.include.members(['4 Operating-cost statement', '4 Contracts', '5 Tenancy agreement', '3 Personal', '4 Reminders']);
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
    expect(text(el)).to.contain('1 von 7 Dokumenten');
    await choose(el, 'Kategorie', '');
    await choose(el, 'Jahr', '2026');
    expect(rowIds(el)).to.have.members(['doc-bk-2025', 'doc-vorschreibung', 'doc-mahnung']);
    await choose(el, 'Jahr', '');
    const onlyNew = control<HTMLInputElement>(el, '.only-new input');
    onlyNew.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(rowIds(el)).to.have.members(['doc-bk-2025', 'doc-hausordnung', 'doc-mahnung']);
    await expect(el).to.be.accessible();
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

  it('sorts by document date, newest or oldest first, inside each group', async () => {
    const el = await shown();
    await choose(el, 'Sortierung', 'oldest');
    expect(rowIds(el)).to.deep.equal(['doc-protokoll', 'doc-hausordnung', 'doc-bk-2025', 'doc-vorschreibung', 'doc-mietvertrag', 'doc-energie', 'doc-mahnung']);
    await choose(el, 'Kategorie', 'cat-bk-abrechnung');
    await choose(el, 'Kategorie', '');
    await search(el, 'top 7');
    expect(rowIds(el)).to.deep.equal(['doc-mietvertrag']);
    await search(el, '2025 2026');
    expect(rowIds(el)).to.deep.equal([]);
  });

  it('says what filtered everything out, and the reset brings every document back with focus on the search', async () => {
    const el = await shown();
    await search(el, 'Waschküche');
    expect(text(root(el).querySelector('[part=empty]')!)).to.contain('Keine Dokumente passen zu „Waschküche“.');
    await expect(el).to.be.accessible();
    await search(el, '');
    await choose(el, 'Jahr', '2022');
    control<HTMLInputElement>(el, '.only-new input').click();
    await el.updateComplete;
    expect(text(root(el).querySelector('[part=empty]')!)).to.contain('Für diese Auswahl gibt es keine Dokumente.');
    const reset = root(el).querySelector<HTMLButtonElement>('[part=empty] button')!;
    expect(reset.textContent!.trim()).to.equal('Filter zurücksetzen');
    reset.focus();
    reset.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(7);
    expect(root(el).activeElement).to.equal(control(el, '#search'));
  });

  it('says so when every document is read and only new ones are asked for', async () => {
    const { routes } = documentRoutes();
    const { el } = await documentsWidget(routes, { lang: 'en' });
    await loaded(el);
    control<HTMLInputElement>(el, '.only-new input').click();
    await el.updateComplete;
    await el.store.markAllRead();
    await el.updateComplete;
    expect(text(root(el).querySelector('[part=empty]')!)).to.contain('No new documents: you have read everything.');
    expect(text(el)).to.contain('0 of 7 documents · nothing new');
    await expect(el).to.be.accessible();
  });
});
