import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { layoutProblems, scrolledRegions } from '../src/testing/layout.js';

const kinds = (el: Element) => layoutProblems(el).map((p) => `${p.kind}: ${p.what.split(' in ')[0]}`);

describe('layoutProblems (the layout check of the widget tests)', () => {
  it('finds nothing in text that fits', async () => {
    const el = await fixture(html`<div style="width: 300px; font: 16px sans-serif"><p>Alle Liegenschaften</p><span>kurz</span></div>`);
    expect(layoutProblems(el)).to.deep.equal([]);
  });

  it('reports text wider than its box and words laid out on two lines', async () => {
    const el = await fixture(html`<div style="font: 16px sans-serif">
      <p class="nowrap" style="width: 60px; white-space: nowrap">128.400,00 €</p>
      <p class="anywhere" style="width: 60px; overflow-wrap: anywhere">Betriebskostenabrechnung</p>
    </div>`);
    const problems = layoutProblems(el);
    expect(problems.map((p) => p.kind)).to.deep.equal(['overflow', 'broken-word']);
    expect(problems[0]!.where).to.equal('div > p.nowrap');
    expect(problems[1]!.what).to.contain('"Betriebskostenabrechnung"');
  });

  it('lets lines break after a hyphen between letters or a dash, not inside a number', async () => {
    const el = await fixture(html`<div style="font: 16px sans-serif">
      <p style="width: 5.5em">SEPA-Lastschrift</p>
      <p style="width: 5em">Straße 12–14</p>
      <p style="width: 3em; overflow-wrap: anywhere">0048-0002</p>
    </div>`);
    expect(kinds(el)).to.deep.equal(['broken-word: "0048-0002"']);
  });

  it('reports a select or input too narrow for the text it shows', async () => {
    const el = await fixture(html`<div style="font: 16px sans-serif">
      <select style="width: 90px"><option>Alle Liegenschaften</option></select>
      <select style="width: 260px"><option>Alle Liegenschaften</option></select>
      <input style="width: 80px" placeholder="Top, EDV-Nr. oder Adresse" />
    </div>`);
    expect(kinds(el).map((k) => k.split(' needs')[0])).to.deep.equal(['clipped: "Alle Liegenschaften"', 'clipped: "Top, EDV-Nr. oder Adresse"']);
  });

  it('allows sideways scrolling only in a named, focusable region, and lists those that scroll', async () => {
    const wide = html`<p style="width: 500px">breit</p>`;
    const el = await fixture(html`<div style="width: 200px">
      <div class="region" role="region" aria-label="Rückstände" tabindex="0" style="overflow-x: auto">${wide}</div>
      <div class="bare" style="overflow-x: auto">${wide}</div>
    </div>`);
    expect(layoutProblems(el).map((p) => `${p.kind} ${p.where}`)).to.deep.equal(['overflow div > div.bare']);
    expect(scrolledRegions(el)).to.deep.equal(['Rückstände']);
  });

  it('looks into shadow roots and skips what only screen readers get', async () => {
    const el = await fixture(html`<div style="width: 300px"></div>`);
    const shadow = el.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<p style="width: 40px; white-space: nowrap">Monatlich netto</p>
      <span style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap">Verteilungsschlüssel</span>`;
    expect(layoutProblems(el).map((p) => `${p.kind} ${p.where}`)).to.deep.equal(['overflow div ::shadow > p']);
  });

  it('reports an image that failed to load, unless it is hidden', async () => {
    const el = await fixture(html`<div>
      <img class="shown" src="/not-there/a.jpg" alt="Foto: Wohnhausanlage" />
      <img class="hidden" style="visibility: hidden" src="/not-there/b.jpg" alt="Foto" />
    </div>`);
    const images = [...el.querySelectorAll('img')];
    await waitUntil(() => images.every((i) => i.complete), 'both images gave up');
    expect(kinds(el)).to.deep.equal(['broken-image: Foto: Wohnhausanlage']);
  });
});
