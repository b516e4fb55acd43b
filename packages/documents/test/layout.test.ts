import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { atWidth, layoutProblems } from '@hausportal/core/testing.js';
import { documentItem, generateDocuments, place } from '../src/testing.js';
import { documentRoutes, documents, documentsWidget, loaded, root, rowIds, text } from './fixtures.js';

const stiege = { id: 'prop-long', name: 'Wohnhausanlage Kahlenberger Straße 12–14, Stiege 3 (Gartenseite)', address: 'Döblinger Hauptstraße 112–116/Stiege 3, 1190 Wien' };

/** Long titles, places and sizes, unread and read. */
const long = [
  ...documents,
  documentItem('doc-long', 'Jahresabrechnung 2025 der Wohnungseigentümergemeinschaft mit Rücklagenentwicklung', 'cat-we-vertrag', '2026-02-28', place(stiege, { id: 'unit-long', top: 'GL-1/12' }), {
    periodLabel: '01.01.2025–31.12.2025',
    size: 19_800_000,
  }),
];

describe('<hp-documents> layout from 320 px to desktop', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['de', 'en'] as const) {
    it(`breaks no word, clips no text and scrolls not sideways in ${lang === 'de' ? 'German' : 'English'}`, async () => {
      const { el } = await documentsWidget(documentRoutes(long).routes, { lang });
      await loaded(el);
      const found: string[] = [];
      for (const width of [320, 360, 768, 1280]) {
        await atWidth(width, setViewport);
        // A title may hold a word longer than a 320 px line ("Wohnungseigentümergemeinschaft"): only there may a word break.
        for (const p of layoutProblems(el, { breakable: '.name' })) found.push(`${width}: ${p.kind} ${p.where} — ${p.what}`);
        expect(document.documentElement.scrollWidth, `page width at ${width} px`).to.be.at.most(width);
      }
      expect(found).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('lines up the titles of documents whatever the depth of their category; subcategory headings are indented', async () => {
    const { el } = await documentsWidget(documentRoutes(long).routes);
    await loaded(el);
    for (const width of [320, 1280]) {
      await atWidth(width, setViewport);
      const left = (id: string) => Math.round(root(el).querySelector(`[data-document="${id}"] .name`)!.getBoundingClientRect().left);
      // BK-Abrechnung is a top category, Mietverträge and Wohnungseigentumsverträge are below Verträge.
      expect([left('doc-mietvertrag'), left('doc-long')], `at ${width} px`).to.deep.equal([left('doc-bk-2025'), left('doc-bk-2025')]);
      const heading = (selector: string) => root(el).querySelector(`${selector} .heading`)!.getBoundingClientRect().left;
      expect(heading('.category.level-2')).to.be.greaterThan(heading('.category.level-1'));
    }
  });

  for (const lang of ['de', 'en'] as const) {
    it(`hyphenates titles and headings in the frame's language, breaking anywhere as the fallback (${lang})`, async () => {
      const { el } = await documentsWidget(documentRoutes(long).routes, { lang });
      await loaded(el);
      expect(root(el).querySelector('[part=base]')!.getAttribute('lang')).to.equal(lang);
      for (const selector of ['.title', '.place .heading', '.category .heading', '.name']) {
        const style = getComputedStyle(root(el).querySelector(selector)!);
        expect([style.hyphens, style.overflowWrap], selector).to.deep.equal(['auto', 'anywhere']);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('puts the download button under the text at 320 px and beside it on wide screens', async () => {
    const { el } = await documentsWidget(documentRoutes().routes);
    await loaded(el);
    const doc = root(el).querySelector<HTMLElement>('[data-document="doc-bk-2025"]')!;
    const [info, download] = [doc.querySelector('.info')!, doc.querySelector('.download')!];
    await atWidth(320, setViewport);
    expect(download.getBoundingClientRect().top).to.be.at.least(info.getBoundingClientRect().bottom - 1);
    await atWidth(1280, setViewport);
    expect(download.getBoundingClientRect().left).to.be.at.least(info.getBoundingClientRect().right - 1);
  });
});

describe('<hp-documents> long lists', () => {
  afterEach(() => window.scrollTo(0, 0));

  it('virtualizes 5,000 documents: few DOM nodes, positions for screen readers, rows appear on scroll', async () => {
    const items = generateDocuments(5000);
    const { el } = await documentsWidget(documentRoutes(items).routes);
    await loaded(el);
    await waitUntil(() => text(el).includes('5.000 Dokumente'), 'every page', { timeout: 8000 });
    const list = root(el).querySelector('[part=list]')!;
    expect(list.classList.contains('virtual')).to.be.true;
    await waitUntil(() => rowIds(el).length > 0, 'first rows rendered');
    expect(root(el).querySelectorAll('*').length).to.be.below(2000);
    const first = list.querySelector('[role=listitem]')!;
    expect(first.getAttribute('aria-posinset')).to.equal('1');
    const size = Number(first.getAttribute('aria-setsize'));
    expect(size).to.be.greaterThan(5000);
    await waitUntil(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return root(el).querySelector(`[aria-posinset="${size}"]`);
    }, 'the last row is rendered after scrolling');
    expect(root(el).querySelectorAll('*').length).to.be.below(2000);
    // Scrolled into the middle of a group, the rows rendered may start below its place's heading (h3), so the first
    // heading after the widget's title (h2) can be a category (level 4): axe's heading-order, a best practice, cannot
    // hold for a window of a virtual list. Every other rule does.
    await expect(el).to.be.accessible({ ignoredRules: ['heading-order'] });
  });

  it('renders every row for printing and goes back to virtual afterwards', async () => {
    const { el } = await documentsWidget(documentRoutes(generateDocuments(300)).routes);
    await loaded(el);
    await waitUntil(() => text(el).includes('300 Dokumente') && rowIds(el).length > 0, 'loaded and rendered');
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(300);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    await waitUntil(() => rowIds(el).length < 300, 'virtual again');
  });
});
