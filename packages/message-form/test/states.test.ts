import { expect, waitUntil } from '@open-wc/testing';
import { problem } from '@hausportal/core/testing.js';
import { demoCatalog, demoForms, top7 } from '../src/testing.js';
import { demoForms as seededForms } from '../../../server/src/seed/forms-data.js';
import { $, $$, formRoutes, formWidget, freshDrafts, gate, loaded, pick, root, text } from './fixtures.js';

freshDrafts();

describe('<hp-message-form> demo data', () => {
  it('has the forms of the server\'s seed: keys, fields (key, type, required, showIf, options) in their order', () => {
    const shape = (forms: typeof seededForms) =>
      forms.map((f) => [f.key, f.unitRequired, f.offer, f.privacy.consentRequired, f.fields.map((x) => [x.key, x.type, x.required, x.prefill, x.showIf, x.options?.map((o) => o.value), x.levels?.map((l) => l.options.map((o) => [o.value, o.parents, o.shared, o.emergency]))])]);
    expect(shape(demoForms)).to.deep.equal(shape(seededForms));
  });
});

describe('<hp-message-form> states', () => {
  it('asks to sign in when nobody is signed in, without asking for the forms', async () => {
    const { el, fake } = await formWidget(formRoutes().routes, { signedOut: true });
    expect(text(el)).to.contain('Bitte melden Sie sich an, um eine Nachricht zu senden.');
    expect(fake.callsTo('GET /forms')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the loading state until the catalog arrives', async () => {
    const { routes } = formRoutes();
    const first = gate();
    const forms = routes['GET /forms']!;
    const { el } = await formWidget({ ...routes, 'GET /forms': async (request) => (await first.wait, forms(request)) }, { pending: true });
    expect($(el, '[part=loading]')).to.exist;
    await expect(el).to.be.accessible();
    first.open();
    await waitUntil(() => $$(el, '[part=item]').length === 5, 'cards shown');
  });

  it('shows an error with a retry that loads again', async () => {
    const { routes } = formRoutes();
    let fail = true;
    const forms = routes['GET /forms']!;
    const { el } = await formWidget({ ...routes, 'GET /forms': (request) => (fail ? problem(503, 'unavailable') : forms(request)) });
    expect($(el, '[part=error]')).to.exist;
    expect(text(el)).to.contain('Beim Server ist ein Fehler aufgetreten');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part=retry]').click();
    await waitUntil(() => $$(el, '[part=item]').length === 5, 'cards after retry');
  });

  it('says so when no form is offered', async () => {
    const { el } = await formWidget(formRoutes({ ...demoCatalog([top7]), items: [] }).routes);
    expect($(el, '[part=empty]').textContent!.trim()).to.equal('Derzeit steht Ihnen kein Formular zur Verfügung.');
    await expect(el).to.be.accessible();
  });

  it('lists the forms as cards with title and description; the credit form only with a credit', async () => {
    const { el } = await formWidget(formRoutes().routes);
    const cards = $$(el, '[part=item]');
    expect(cards.map((c) => c.querySelector('.card-title')!.textContent)).to.deep.equal(demoForms.map((f) => f.title.de));
    expect(text(cards[2]!)).to.contain('Bei Gefahr (Gasgeruch, Wasserrohrbruch)');
    await expect(el).to.be.accessible();
    const none = await formWidget(formRoutes(demoCatalog([top7], [])).routes);
    expect($$(none.el, '[part=item]').map((c) => c.dataset.form)).to.not.include('guthabensanforderung');
  });

  it('opens the form named in `form` at once', async () => {
    const { el } = await formWidget(formRoutes().routes, { form: 'schadensmeldung' });
    expect($(el, '#form-title').textContent).to.equal('Schadensmeldung');
    expect($(el, '[part=form]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says plainly when the form named is not offered, without its key, and lists the others', async () => {
    const { el } = await formWidget(formRoutes().routes, { form: 'gibtsnicht' });
    expect($(el, '.notice').textContent).to.equal('Dieses Formular steht Ihnen nicht zur Verfügung.');
    expect(text(el)).to.not.contain('gibtsnicht');
    expect($$(el, '[part=item]')).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('goes back to the list and to another form; the focus follows', async () => {
    const { el } = await formWidget(formRoutes().routes);
    await pick(el, 'allgemeine-anfrage');
    await waitUntil(() => root(el).activeElement?.id === 'form-title', 'focus on the form title');
    $(el, '[data-back]').click();
    await waitUntil(() => $$(el, '[part=item]').length === 5, 'list again');
    expect(root(el).activeElement?.classList.contains('card')).to.be.true;
  });

  it('speaks English', async () => {
    const { el } = await formWidget(formRoutes().routes, { lang: 'en' });
    expect(text(el)).to.contain('Send a message').and.contain('What is your request about?').and.contain('Damage report');
    await pick(el, 'schadensmeldung');
    expect(text(el)).to.contain('Fields marked * are required.').and.contain('Location').and.contain('Privacy notice');
    await expect(el).to.be.accessible();
    await loaded(el);
  });
});
