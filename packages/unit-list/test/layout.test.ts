import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Property, UnitSummary } from '@hausportal/api';
import { atWidth, layoutProblems } from '@hausportal/core/testing.js';
import type { HpUnitList } from '../src/index.js';
import type { UnitData } from '../src/index.js';
import { kahlenberg, loaded, naschmarkt, root, unitList, unitRoutes, units } from './fixtures.js';

/** A property with a long name and address, a photo that fails to load and long contact lines. */
const stiege: Property = {
  ...kahlenberg,
  id: 'prop-long',
  name: 'Wohnhausanlage Kahlenberger Straße 12–14, Stiege 3 (Gartenseite)',
  address: { street: 'Döblinger Hauptstraße 112–116/Stiege 3', postalCode: '1190', city: 'Wien', country: 'AT' },
  imageUrl: '/not-there/photo.jpg',
  contacts: [
    { category: 'case_manager', name: 'Mag. Dr. Petra Hofbauer-Lichtenegger', phone: '+43 1 587 12 34-0', email: 'petra.hofbauer-lichtenegger@immopro.example' },
    { category: 'accounting', name: 'Ing. Stefan Gruber', phone: '+43 664 300 40 50', email: 'buchhaltung@immopro.example' },
  ],
};

/** A commercial unit with large amounts and a large debit, a storage room with a large credit, an ended parking space. */
const big: UnitSummary[] = [
  {
    ...units[0]!, id: 'unit-big', propertyId: stiege.id, top: 'GL-1/12', edvNo: '0112-0012', usage: 'commercial', areaM2: 1240.5, share: { num: 1200, den: 10000 },
    contract: { ...units[0]!.contract, id: 'c-big', paymentMethod: 'sepa_debit', validTo: '2031-12-31' },
    monthly: { period: '2026-03', netCents: 12_840_000, vatCents: 2_568_000, grossCents: 15_408_000 }, balanceCents: 12_840_000,
  },
  { ...units[1]!, id: 'unit-credit', propertyId: stiege.id, top: 'W117', usage: 'storage', balanceCents: -12_840_000, monthly: { period: '2026-03', netCents: 999_999, vatCents: 199_999, grossCents: 1_199_998 } },
  { ...units[3]!, id: 'unit-ended', propertyId: stiege.id, usage: 'parking' },
];

const layoutData: UnitData = { items: [...units, ...big], properties: [naschmarkt, kahlenberg, stiege] };

/** Which layout the list has: one line per unit, two lines per unit, or cards. */
function layout(el: HpUnitList): 'wide' | 'medium' | 'cards' {
  const head = root(el).querySelector('.columns')!;
  if (getComputedStyle(head).display === 'none') return 'cards';
  return getComputedStyle(head).gridTemplateAreas.includes('" "') ? 'medium' : 'wide';
}

// At 881 and 1,169 px the medium and wide layouts start with the least room they are made for.
const widths = { 320: 'cards', 360: 'cards', 768: 'cards', 881: 'medium', 1050: 'medium', 1169: 'wide', 1440: 'wide' } as const;

describe('<hp-unit-list> layout from 320 to 1,440 px', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['de', 'en'] as const) {
    it(`breaks no word and clips no text in ${lang === 'de' ? 'German' : 'English'}, as cards, two-line and one-line rows`, async () => {
      const { el } = await unitList(unitRoutes(layoutData), { lang });
      await loaded(el);
      const found: string[] = [];
      for (const [width, expected] of Object.entries(widths)) {
        await atWidth(Number(width), setViewport);
        expect(layout(el), `layout at ${width} px`).to.equal(expected);
        for (const p of layoutProblems(el)) found.push(`${width}: ${p.kind} ${p.where} — ${p.what}`);
        expect(document.documentElement.scrollWidth, `page width at ${width} px`).to.be.at.most(Number(width));
      }
      expect(found).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('shows a chosen long property name in full in its filter from 1,050 px on', async () => {
    const { el } = await unitList(unitRoutes(layoutData));
    await loaded(el);
    el.view.setFilter({ property: stiege.id });
    await el.updateComplete;
    for (const width of [1050, 1440]) {
      await atWidth(width, setViewport);
      expect(layoutProblems(root(el).querySelector('.toolbar')!)).to.deep.equal([]);
    }
  });

  it('abbreviates Nutzfläche and Anteile in the German headers, with the full names for tooltips and screen readers', async () => {
    await atWidth(1440, setViewport);
    const { el } = await unitList(unitRoutes(layoutData));
    await loaded(el);
    const header = (key: string) => root(el).querySelector(`[role=columnheader].c-${key} button`)!;
    expect(header('area').querySelector('abbr')!.title).to.equal('Nutzfläche');
    expect(header('area').querySelector('abbr')!.textContent).to.equal('NFL');
    expect(header('area').textContent!.replace(/\s+/g, ' ').trim(), 'the name contains what is shown').to.equal('NFL (Nutzfläche)');
    expect(header('share').querySelector('abbr')!.title).to.equal('Anteile');
    expect(header('share').querySelector('abbr')!.textContent).to.equal('Ant.');
    expect(header('usage').querySelector('abbr'), 'no abbreviation where there is none').to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('shows a house instead of a missing photo or one that fails to load, never its alt text', async () => {
    await atWidth(360, setViewport);
    const { el } = await unitList(unitRoutes(layoutData));
    await loaded(el);
    const [withPhoto, without, failing] = [...root(el).querySelectorAll<HTMLElement>('[part=header] .photo')];
    expect(without!.querySelector('img')).to.not.exist;
    expect(without!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    const broken = failing!.querySelector('img')!;
    broken.scrollIntoView();
    await waitUntil(() => broken.hasAttribute('data-failed'), 'the failed photo is marked');
    expect(getComputedStyle(broken).visibility).to.equal('hidden');
    expect(failing!.querySelector('svg')).to.exist;
    const photo = withPhoto!.querySelector('img')!;
    await waitUntil(() => photo.complete && photo.naturalWidth > 0, 'the photo loads');
    expect(getComputedStyle(photo).visibility).to.equal('visible');
    expect(layoutProblems(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
