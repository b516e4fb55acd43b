import { expect, waitUntil } from '@open-wc/testing';
import type { HpMessageForm } from '../src/index.js';
import { $, $$, formRoutes, formWidget, freshDrafts, gate, pick, root, text } from './fixtures.js';

// Its own test file, so its own page: nothing of the form-filling part has been loaded before the first test.
freshDrafts();

/** Modules of the form-filling part the page has fetched so far. */
const fetchedParts = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((path) => /\/message-form\/src\/(fill|fill-state|form-view|fields|groups|model|send|duplicates|attachments|views)\.ts$/.test(path));

type Loader = () => Promise<unknown>;
/** Replaces how `el` loads its form-filling part; returns the original loader. */
function replaceLoader(el: HpMessageForm, loader: (original: Loader) => Loader): void {
  const target = el as unknown as { loadPart: Loader };
  const original = target.loadPart.bind(el);
  target.loadPart = loader(original);
}

describe('<hp-message-form> form-filling part loaded on first use', () => {
  it('paints the list without the form-filling part and loads it when a form is opened', async () => {
    const { el } = await formWidget(formRoutes().routes);
    expect($$(el, '[part=item]')).to.have.length(5);
    expect(fetchedParts()).to.deep.equal([]);
    await pick(el, 'allgemeine-anfrage');
    expect($(el, '[part=form]')).to.exist;
    expect(fetchedParts()).to.include.members(['/packages/message-form/src/fill.ts', '/packages/message-form/src/fields.ts']);
    expect(text(el)).to.contain('Pflichtfelder sind mit * markiert.');
  });

  it('shows the loading state while the part loads, an error with a retry when it fails, the form after the retry', async () => {
    const { el } = await formWidget(formRoutes().routes);
    const attempt = gate();
    let fail = true;
    replaceLoader(el, (original) => async () => {
      await attempt.wait;
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return original();
    });
    $(el, '[data-form=schadensmeldung]').click();
    await el.updateComplete;
    expect($(el, '[part=loading]')).to.exist;
    expect($(el, '[part=item]')).to.not.exist;
    await expect(el).to.be.accessible();
    attempt.open();
    await el.formReady;
    await waitUntil(() => root(el).activeElement === $(el, '[part=retry]'), 'focus on the retry button');
    expect($(el, '[part=error]').getAttribute('role')).to.equal('alert');
    expect(text(el)).to.contain('Keine Verbindung zum Server.');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part=retry]').click();
    await waitUntil(() => root(el).activeElement?.id === 'form-title', 'focus on the form title after the retry');
    expect($(el, '#form-title').textContent).to.equal('Schadensmeldung');
    expect($(el, '[part=error]')).to.not.exist;
  });

  it('opens a form named in `form` once the part has loaded, showing the loading state meanwhile', async () => {
    const { routes } = formRoutes();
    const catalog = gate();
    const forms = routes['GET /forms']!;
    const { el } = await formWidget({ ...routes, 'GET /forms': async (request) => (await catalog.wait, forms(request)) }, { form: 'schadensmeldung', pending: true });
    const attempt = gate();
    replaceLoader(el, (original) => async () => (await attempt.wait, original()));
    catalog.open();
    await el.catalog.loaded;
    await el.updateComplete;
    expect($(el, '[part=loading]')).to.exist;
    attempt.open();
    await el.formReady;
    await el.updateComplete;
    expect($(el, '#form-title').textContent).to.equal('Schadensmeldung');
    expect(el.fill.form?.key).to.equal('schadensmeldung');
  });
});
