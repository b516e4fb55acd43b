import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { UnitSummary } from '@hausportal/api';
import type { HpUnitList, SortKey } from '../src/index.js';
import { generateUnits } from '../src/testing.js';
import { breakableEmail } from '../src/rows.js';
import { loaded, root, rowIds, seedData, text, unitList, unitRoutes } from './fixtures.js';

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
const headerButton = (el: HpUnitList, key: SortKey) => root(el).querySelector<HTMLButtonElement>(`[role=columnheader].c-${key} button`)!;
const cellText = (el: HpUnitList, id: string, key: SortKey) => root(el).querySelector(`[data-unit="${id}"] .c-${key}`)!.textContent!.trim();

/** The value a column sorts by, read from the data (or, for words, from the cell the user reads). */
function sortValue(el: HpUnitList, unit: UnitSummary, key: SortKey): string | number | null {
  const values: Record<SortKey, () => string | number | null> = {
    top: () => unit.top,
    usage: () => cellText(el, unit.id, 'usage'),
    role: () => cellText(el, unit.id, 'role'),
    payment: () => cellText(el, unit.id, 'payment'),
    area: () => unit.areaM2,
    share: () => (unit.share ? unit.share.num / unit.share.den : null),
    since: () => unit.contract.validFrom,
    net: () => unit.monthly?.netCents ?? null,
    vat: () => unit.monthly?.vatCents ?? null,
    gross: () => unit.monthly?.grossCents ?? null,
    balance: () => unit.balanceCents,
  };
  return values[key]();
}

function compare(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/** Checks that within every property the rows are in `direction` order by `key`, values missing at the end. */
function expectSorted(el: HpUnitList, units: UnitSummary[], key: SortKey, direction: 'ascending' | 'descending') {
  const byId = new Map(units.map((u) => [u.id, u]));
  const shown = rowIds(el).map((id) => byId.get(id)!);
  for (let i = 1; i < shown.length; i++) {
    const [before, after] = [shown[i - 1]!, shown[i]!];
    if (before.propertyId !== after.propertyId) continue;
    const [a, b] = [sortValue(el, before, key), sortValue(el, after, key)];
    if (a === null) expect(b, `${key}: missing values last`).to.equal(null);
    else if (b !== null) {
      const order = compare(a, b);
      expect(direction === 'ascending' ? order <= 0 : order >= 0, `${key} ${direction}: ${a} before ${b}`).to.be.true;
    }
  }
}

describe('<hp-unit-list> sorting, filtering, search', () => {
  it('sorts by every column, ascending then descending, inside each property, with aria-sort', async () => {
    const data = generateUnits(80, { perProperty: 40, role: 'mixed', seed: 7 });
    const { el } = await unitList(unitRoutes(data));
    await loaded(el);
    const keys: SortKey[] = ['top', 'usage', 'role', 'area', 'share', 'payment', 'since', 'net', 'vat', 'gross', 'balance'];
    for (const key of keys) {
      for (const direction of ['ascending', 'descending'] as const) {
        headerButton(el, key).click();
        await el.updateComplete;
        expect(headerButton(el, key).parentElement!.getAttribute('aria-sort')).to.equal(direction);
        expect(root(el).querySelectorAll('[aria-sort]')).to.have.length(1);
        expectSorted(el, data.items, key, direction);
      }
    }
    expect(rowIds(el)).to.have.length(80);
  });

  it('sorts Tops naturally (W2 before W10) and can be sorted by keyboard', async () => {
    const data = generateUnits(12, { perProperty: 12 });
    const { el } = await unitList(unitRoutes(data));
    await loaded(el);
    const button = headerButton(el, 'top');
    button.focus();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    button.click();
    await el.updateComplete;
    const tops = rowIds(el).map((id) => data.items.find((u) => u.id === id)!.top);
    expect(tops).to.deep.equal([...tops].sort(collator.compare));
    expect(tops.indexOf(tops.find((t) => /\d{2}$/.test(t))!)).to.be.greaterThan(tops.indexOf(tops.find((t) => /^\D\d$/.test(t))!));
  });

  it('filters by property and role and searches Top, EDV number and address', async () => {
    const { el } = await unitList(unitRoutes(seedData));
    await loaded(el);
    const [property, role] = [...root(el).querySelectorAll('select')];
    const choose = async (target: HTMLSelectElement, value: string) => {
      target.value = value;
      target.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    const search = async (value: string) => {
      const input = root(el).querySelector('input[type=search]') as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };
    await choose(property!, 'prop-kahlenberg');
    expect(rowIds(el)).to.deep.equal(['unit-k2', 'unit-g1']);
    expect(text(el)).to.contain('2 von 4 Einheiten in 1 Liegenschaft');
    await choose(property!, '');
    await choose(role!, 'tenant');
    expect(rowIds(el)).to.deep.equal(['unit-w2', 'unit-7']);
    expect(text(el)).to.contain('Saldo gesamt: 1.192,06 € Rückstand');
    await choose(role!, 'owner');
    expect(rowIds(el)).to.deep.equal(['unit-k2', 'unit-g1']);
    expect(text(el)).to.contain('Saldo gesamt: ausgeglichen');
    await choose(role!, '');
    await search('0048-0007');
    expect(rowIds(el)).to.deep.equal(['unit-7']);
    await search('kahlenberger');
    expect(rowIds(el)).to.deep.equal(['unit-k2', 'unit-g1']);
    await search('w2');
    expect(rowIds(el)).to.deep.equal(['unit-w2']);
    await search('1060 wien');
    expect(rowIds(el)).to.deep.equal(['unit-w2', 'unit-7']);
    await search('Praterstraße');
    expect(rowIds(el)).to.deep.equal([]);
    expect(root(el).querySelector('[part=empty]')!.textContent!.trim()).to.equal('Keine Einheiten passen zu Ihrer Suche.');
    await expect(el).to.be.accessible();
  });
});

describe('<hp-unit-list> long lists', () => {
  afterEach(() => window.scrollTo(0, 0));

  it('renders short lists plainly, every row in the DOM', async () => {
    const data = generateUnits(120);
    const { el } = await unitList(unitRoutes(data));
    await loaded(el);
    expect(rowIds(el)).to.have.length(120);
    expect(root(el).querySelector('.table.virtual')).to.not.exist;
  });

  it('virtualizes 5,000 units: few DOM nodes, full row count for screen readers, rows appear on scroll', async () => {
    const data = generateUnits(5000);
    const { el } = await unitList(unitRoutes(data));
    await loaded(el);
    await waitUntil(() => rowIds(el).length > 0, 'first rows rendered');
    const table = root(el).querySelector('[role=table]')!;
    expect(table.classList.contains('virtual')).to.be.true;
    expect(table.getAttribute('aria-rowcount')).to.equal(String(5000 + data.properties.length + 1));
    expect(root(el).querySelectorAll('*').length).to.be.below(2000);
    expect(rowIds(el).length).to.be.below(200);
    expect(text(el)).to.contain('5.000 Einheiten in 125 Liegenschaften');
    // Row heights are estimated until measured, so the end may move while scrolling there.
    await waitUntil(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return rowIds(el).includes('unit-005000');
    }, 'the last unit is rendered after scrolling');
    expect(rowIds(el)).to.not.include('unit-000001');
    expect(root(el).querySelectorAll('*').length).to.be.below(2000);
    await expect(el).to.be.accessible();
  });

  it('renders every row for printing and goes back to virtual afterwards', async () => {
    const data = generateUnits(300);
    const { el } = await unitList(unitRoutes(data));
    await loaded(el);
    await waitUntil(() => rowIds(el).length > 0, 'first rows rendered');
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(300);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    await waitUntil(() => rowIds(el).length < 300, 'virtual again');
  });
});

describe('<hp-unit-list> at 320 px', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('shows the units as cards without horizontal scrolling, in German and English', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const lang of ['de', 'en'] as const) {
      const { el } = await unitList(unitRoutes(seedData), { lang });
      await loaded(el);
      expect(getComputedStyle(root(el).querySelector('.columns')!).display).to.equal('none');
      const card = root(el).querySelector<HTMLElement>('[data-unit="unit-w2"]')!;
      expect(getComputedStyle(card.querySelector('.c-area')!, '::before').content).to.equal(lang === 'de' ? '"Nutzfläche"' : '"Area"');
      expect(el.scrollWidth).to.be.at.most(320);
      expect(root(el).querySelector('.base')!.scrollWidth).to.be.at.most(el.clientWidth);
      await expect(el).to.be.accessible();
    }
  });
});

describe('<hp-unit-list> contact e-mail addresses', () => {
  it('break after the @ or before a dot on a narrow line, never inside a word', async () => {
    const email = 'mietenbuchhaltung@immopro.example';
    const box = await fixture<HTMLDivElement>(html`<div style="width: 20ch; font: 16px/1.5 monospace">${breakableEmail(email)}</div>`);
    expect(box.textContent).to.equal(email);
    // The top of every character's box: a change of line shows where the address broke.
    const text = [...box.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent) as Text[];
    const tops: number[] = [];
    for (const node of text)
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        tops.push(Math.round(range.getBoundingClientRect().top));
      }
    const breaks = tops.flatMap((top, i) => (i > 0 && top !== tops[i - 1] ? [i] : []));
    expect(breaks.length).to.be.greaterThan(0);
    for (const i of breaks) expect(email[i - 1] === '@' || email[i] === '.', `broke before "${email.slice(i)}"`).to.equal(true);
  });
});
