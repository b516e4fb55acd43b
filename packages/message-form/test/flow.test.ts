import { expect, waitUntil } from '@open-wc/testing';
import { problem } from '@hausportal/core/testing.js';
import type { HpMessageForm } from '../src/index.js';
import { demoCatalog, liftTicket, reportUnit, ticketSummary, top7 } from '../src/testing.js';
import { $, $$, enter, errorAt, formRoutes, formWidget, freshDrafts, heard, root, send, text } from './fixtures.js';

freshDrafts();
const events = heard();

/** Fills the Schadensmeldung validly: kitchen tap dripping, normal, access allowed, no pets, a phone number. */
async function fillDamage(el: HpMessageForm, urgency = 'normal'): Promise<void> {
  await enter(el, '#f-urgency', urgency);
  await enter(el, '#f-damage-location', 'kueche');
  await enter(el, '#f-damage-category', 'sanitaer');
  await enter(el, '#f-damage-problem', 'tropft');
  await enter(el, '#f-description', 'Wasserhahn tropft');
  await enter(el, '[data-field=access] input[value=true]', true);
  await enter(el, '[data-field=pets] input[value=false]', true);
  await enter(el, '#f-phone', '+43 660 1234567');
}

const options = (el: HpMessageForm, id: string) => $$<HTMLOptionElement>(el, `#${id} option`).map((o) => o.value).filter(Boolean);

describe('<hp-message-form> Schadensmeldung', () => {
  it('offers the categories and problems under the location and category chosen, in optgroups', async () => {
    const { el } = await formWidget(formRoutes().routes, { form: 'schadensmeldung' });
    expect($$(el, '#f-damage-location optgroup').map((g) => g.getAttribute('label'))).to.deep.equal(['Wohnung', 'Allgemeinfläche']);
    expect($<HTMLSelectElement>(el, '#f-damage-category').disabled).to.be.true;
    await enter(el, '#f-damage-location', 'kueche');
    expect(options(el, 'f-damage-category')).to.not.include('lift');
    await enter(el, '#f-damage-location', 'stiegenhaus');
    expect(options(el, 'f-damage-category')).to.not.include('lift');
    await enter(el, '#f-damage-location', 'lift');
    expect(options(el, 'f-damage-category')).to.include('lift');
    await enter(el, '#f-damage-category', 'heizung-warmwasser');
    expect(options(el, 'f-damage-problem')).to.deep.equal(['kalt', 'geraeusche', 'kein-warmwasser', 'therme-stoerung', 'anderes']);
    await enter(el, '#f-damage-problem', 'kalt');
    await enter(el, '#f-damage-category', 'lift');
    expect(options(el, 'f-damage-problem')).to.deep.equal(['steht', 'tuer-klemmt', 'lift-geraeusche', 'anderes']);
    expect($<HTMLSelectElement>(el, '#f-damage-problem').value).to.equal('');
    // A location where the lift category does not fit takes it away.
    await enter(el, '#f-damage-location', 'bad');
    expect($<HTMLSelectElement>(el, '#f-damage-category').value).to.equal('');
    expect(el.fill.raw.damage).to.deep.equal({ location: 'bad' });
    await expect(el).to.be.accessible();
  });

  it('shows the pets question only with access, and the time windows only without', async () => {
    const { el } = await formWidget(formRoutes().routes, { form: 'schadensmeldung' });
    expect($(el, '[data-field=pets]')).to.not.exist;
    expect($(el, '[data-field=timeslots]')).to.not.exist;
    await enter(el, '[data-field=access] input[value=true]', true);
    expect($(el, '[data-field=pets]')).to.exist;
    await enter(el, '[data-field=access] input[value=false]', true);
    expect($(el, '[data-field=pets]')).to.not.exist;
    expect($$(el, '[data-field=timeslots] fieldset.slot')).to.have.length(2);
    await send(el);
    expect(errorAt(el, 'timeslots')).to.equal('Bitte geben Sie mindestens 2 Zeitfenster an.');
  });

  it('shows the emergency numbers at once, at the top, when Notfall is chosen', async () => {
    const { el } = await formWidget(formRoutes().routes, { form: 'schadensmeldung' });
    expect($(el, '[part=emergency]')).to.not.exist;
    await enter(el, '#f-urgency', 'notfall');
    const box = $(el, '[part=emergency]');
    expect(box.getAttribute('role')).to.equal('alert');
    expect(box.compareDocumentPosition($(el, '[part=form]')) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect($$<HTMLAnchorElement>(el, '[part=emergency] a').map((a) => [a.getAttribute('href'), a.textContent!.replace(/\s+/g, ' ')])).to.deep.equal([
      ['tel:128', 'Gas-Notruf: 128'],
      ['tel:+4315056677', 'Wasserrohrbruch: Installateur-Notdienst: +43 1 505 66 77'],
      ['tel:112', 'Euro-Notruf: 112'],
    ]);
    await expect(el).to.be.accessible();
    await enter(el, '#f-urgency', 'dringend');
    expect($(el, '[part=emergency]')).to.not.exist;
  });

  it('sends the report and confirms with the number and the first answer; hp-ticket-created', async () => {
    const { el, xhrs } = await formWidget(formRoutes().routes, { form: 'schadensmeldung' });
    expect(text($(el, '.unit-fixed'))).to.equal('Einheit Linke Wienzeile 48, Top 7');
    await fillDamage(el);
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'confirmation');
    expect(text($(el, '[part=confirmation]'))).to.contain('Vielen Dank, Ihre Nachricht ist eingegangen.').and.contain('Ihre Bearbeitungsnummer: 2026-00042').and.contain('Wir melden uns bis 13.03.2026.');
    await waitUntil(() => root(el).activeElement?.id === 'done', 'focus on the confirmation');
    expect(events.created).to.deep.equal([{ id: 't-2026-00042', number: '2026-00042' }]);
    const body = xhrs.last!.body!;
    expect([body.get('form'), body.get('version'), body.get('unit'), body.get('consent')]).to.deep.equal(['schadensmeldung', '1', top7.id, null]);
    expect(JSON.parse(body.get('values') as string)).to.deep.equal({
      urgency: 'normal',
      unit: top7.id,
      damage: { location: 'kueche', category: 'sanitaer', problem: 'tropft' },
      description: 'Wasserhahn tropft',
      access: true,
      pets: false,
      phone: '+43 660 1234567',
    });
    expect($(el, '[part=confirmation] [part=emergency]')).to.not.exist;
    expect(xhrs.last!.headers.get('Idempotency-Key')).to.match(/^[A-Za-z0-9_.:-]{8,}$/);
    await expect(el).to.be.accessible();
    $(el, '[data-again]').click();
    await waitUntil(() => $$(el, '[part=item]').length === 5, 'the list again');
  });

  it('offers a building-wide ticket already reported; joining follows it instead of a new one (hp-ticket-joined)', async () => {
    const { routes, server } = formRoutes();
    const { el, xhrs } = await formWidget(routes, { form: 'schadensmeldung' });
    await enter(el, '#f-damage-location', 'kueche');
    await enter(el, '#f-damage-category', 'sanitaer');
    expect(server.lookups).to.deep.equal([]);
    await enter(el, '#f-damage-location', 'lift');
    await enter(el, '#f-damage-category', 'lift');
    await waitUntil(() => $(el, '[part=duplicates]'), 'already reported');
    // A common area with a category: looked up (the kitchen was not).
    expect(server.lookups).to.deep.equal([`property=${top7.propertyId}&location=lift&category=sanitaer`, `property=${top7.propertyId}&location=lift&category=lift`]);
    expect(text($(el, '[part=duplicates]'))).to.contain('Bereits gemeldet').and.contain('2026-00017 Lift Stiege 2 steht (seit 09.03.2026, in Bearbeitung)');
    await expect(el).to.be.accessible();
    $(el, `[data-join="${liftTicket.id}"]`).click();
    await waitUntil(() => $(el, '[part=confirmation]'), 'joined');
    expect(text($(el, '[part=confirmation]'))).to.contain('Sie verfolgen jetzt 2026-00017 Lift Stiege 2 steht.');
    expect(server.joined).to.deep.equal([liftTicket.id]);
    expect(events.joined).to.deep.equal([{ id: liftTicket.id, number: '2026-00017' }]);
    expect(events.created).to.deep.equal([]);
    expect(xhrs.made).to.have.length(0);
  });

  it('keeps a draft in sessionStorage until sent, and restores it', async () => {
    const first = await formWidget(formRoutes().routes, { form: 'schadensmeldung' });
    await enter(first.el, '#f-damage-location', 'bad');
    await enter(first.el, '#f-description', 'Fliese gesprungen');
    first.el.remove();
    const { el } = await formWidget(formRoutes().routes, { form: 'schadensmeldung' });
    expect($<HTMLTextAreaElement>(el, '#f-description').value).to.equal('Fliese gesprungen');
    expect($<HTMLSelectElement>(el, '#f-damage-location').value).to.equal('bad');
    await fillDamage(el);
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('hp-message-form:'))).to.deep.equal([]);
  });

  it('shows the server\'s objection at its field (400 /values/<key>) with the focus there, without a retry', async () => {
    const { routes } = formRoutes(undefined, {
      'POST /tickets': () => problem(400, 'validation_failed', 'Bad Request', { errors: [{ field: '/values/description', code: 'too_long', message: 'is too long' }] }),
    });
    const { el } = await formWidget(routes, { form: 'schadensmeldung' });
    await fillDamage(el);
    await send(el);
    await waitUntil(() => errorAt(el, 'description'), 'error at the field');
    expect(errorAt(el, 'description')).to.equal('Bitte prüfen Sie diese Angabe (is too long).');
    expect(text($(el, '[part=error]'))).to.contain('Bitte prüfen Sie die markierten Eingaben.');
    expect($(el, '[part=retry]')).to.not.exist;
    await waitUntil(() => root(el).activeElement?.id === 'f-description', 'focus on the field');
    await enter(el, '#f-description', 'Wasserhahn tropft stark');
    expect(errorAt(el, 'description')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says plainly when the daily limit is reached (429)', async () => {
    const { routes } = formRoutes(undefined, { 'POST /tickets': () => problem(429, 'ticket_limit', 'Too Many Requests') });
    const { el } = await formWidget(routes, { form: 'schadensmeldung' });
    await fillDamage(el);
    await send(el);
    await waitUntil(() => $(el, '[part=error]'), 'error');
    expect(text($(el, '[part=error]'))).to.contain('Sie haben heute schon die größtmögliche Zahl an Nachrichten gesendet.');
    expect($(el, '[part=retry]')).to.not.exist;
    expect($(el, '[part=submit]').hasAttribute('disabled')).to.be.false;
  });
});

describe('<hp-message-form> Guthabensanforderung and consent', () => {
  it('pre-fills the credit read-only, asks for the IBAN only for a payout, and needs the consent', async () => {
    const { el, xhrs } = await formWidget(formRoutes().routes, { form: 'guthabensanforderung' });
    const credit = $<HTMLOutputElement>(el, '#f-credit');
    // Read-only text with its label, not an input that looks editable.
    expect([credit.localName, credit.value, credit.labels[0]?.textContent]).to.deep.equal(['output', '128,40\u00a0€', 'Guthaben']);
    expect($$(el, '[data-field=credit] input')).to.have.length(0);
    expect($(el, '[data-field=iban]')).to.not.exist;
    await enter(el, '#f-choice', 'payout');
    expect($(el, '[data-field=iban]')).to.exist;
    expect($(el, '[data-field=account_holder]')).to.exist;
    await enter(el, '#f-iban', 'AT61 1904 3002 3457 3201');
    await enter(el, '#f-account_holder', 'Katharina Huber');
    await send(el);
    expect(errorAt(el, 'consent')).to.equal('Bitte willigen Sie ein, damit wir Ihr Anliegen bearbeiten können.');
    await waitUntil(() => root(el).activeElement?.id === 'f-consent', 'focus on the consent');
    expect(text($(el, '[data-field=consent]'))).to.contain('Ich willige ein, dass die Hausverwaltung meine Bankverbindung zur Auszahlung dieses Guthabens verarbeitet.');
    expect($(el, '[part=privacy] summary').textContent).to.equal('Datenschutzhinweis');
    await expect(el).to.be.accessible();
    await enter(el, '#f-consent', true);
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    const body = xhrs.last!.body!;
    expect(body.get('consent')).to.equal('true');
    expect(body.get('unit')).to.equal(top7.id);
    expect(JSON.parse(body.get('values') as string)).to.deep.equal({ unit: top7.id, credit: 12840, choice: 'payout', iban: 'AT611904300234573201', account_holder: 'Katharina Huber' });
  });

  it('offers only the units with a credit in its unit field, and needs one chosen', async () => {
    const other = reportUnit('u-0048-0002-w2', 'nm-0190a6b2-7c1e', 'Linke Wienzeile 48, Top W2');
    const third = reportUnit('u-0048-0003-w3', 'nm-0190a6b2-7c1e', 'Linke Wienzeile 48, Top W3');
    const catalog = demoCatalog([top7, other, third], [{ unitId: top7.id, cents: 12_840 }, { unitId: third.id, cents: 5_000 }]);
    const { el, xhrs } = await formWidget(formRoutes(catalog).routes, { form: 'guthabensanforderung' });
    expect(options(el, 'f-unit')).to.deep.equal([top7.id, third.id]);
    expect($$(el, '#f-unit')).to.have.length(1);
    expect($<HTMLOutputElement>(el, '#f-credit').value).to.equal('');
    await send(el);
    expect(errorAt(el, 'unit')).to.equal('Bitte wählen Sie aus.');
    await waitUntil(() => root(el).activeElement?.id === 'f-unit', 'focus on the unit');
    await enter(el, '#f-unit', third.id);
    expect($<HTMLOutputElement>(el, '#f-credit').value).to.equal('50,00\u00a0€');
    await expect(el).to.be.accessible();
    await enter(el, '#f-choice', 'offset');
    await enter(el, '#f-consent', true);
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    const body = xhrs.last!.body!;
    expect(body.get('unit')).to.equal(third.id);
    expect(JSON.parse(body.get('values') as string)).to.deep.equal({ unit: third.id, credit: 5000, choice: 'offset' });
  });
});

describe('<hp-message-form> a form with its own unit field (Fragen zur Abrechnung)', () => {
  const fillQuestion = async (el: HpMessageForm) => {
    await enter(el, '#f-statement', 'betriebskosten');
    await enter(el, '#f-year', '2025');
    await enter(el, '#f-question', 'Warum sind die Liftkosten gestiegen?');
  };

  it('with one unit: that unit as text, no second picker; the POST carries it as unit and values.unit', async () => {
    const { el, xhrs } = await formWidget(formRoutes().routes, { form: 'fragen-abrechnung' });
    expect($$(el, '[data-field=unit]')).to.have.length(1);
    expect($$(el, 'select#f-unit, [id=f-unit]')).to.have.length(0);
    expect(text($(el, '[data-field=unit]'))).to.equal('Einheit Linke Wienzeile 48, Top 7');
    expect(text(el).match(/Einheit/g)).to.have.length(1);
    await fillQuestion(el);
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    const body = xhrs.last!.body!;
    expect(body.get('unit')).to.equal(top7.id);
    expect(JSON.parse(body.get('values') as string)).to.deep.equal({ unit: top7.id, statement: 'betriebskosten', year: 2025, question: 'Warum sind die Liftkosten gestiegen?' });
  });

  it('with several units: one select with the units, checked like the field, sent as unit and values.unit', async () => {
    const other = reportUnit('u-0048-0012-t12', 'nm-0190a6b2-7c1e', 'Linke Wienzeile 48, Top 12');
    const { el, xhrs } = await formWidget(formRoutes(demoCatalog([top7, other])).routes, { form: 'fragen-abrechnung' });
    expect($$(el, 'select')).to.have.length(2);
    expect($$(el, '[id=f-unit]')).to.have.length(1);
    expect($$<HTMLOptionElement>(el, '#f-unit option').map((o) => o.textContent)).to.deep.equal(['Bitte wählen', top7.label, other.label]);
    expect($(el, 'label[for=f-unit] .req')).to.exist;
    await fillQuestion(el);
    await send(el);
    expect(errorAt(el, 'unit')).to.equal('Bitte wählen Sie aus.');
    await waitUntil(() => root(el).activeElement?.id === 'f-unit', 'focus on the unit');
    expect(xhrs.made).to.have.length(0);
    await expect(el).to.be.accessible();
    await enter(el, '#f-unit', other.id);
    expect(errorAt(el, 'unit')).to.equal('');
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    const body = xhrs.last!.body!;
    expect(body.get('unit')).to.equal(other.id);
    expect(JSON.parse(body.get('values') as string)).to.include({ unit: other.id });
  });

  it('an optional unit field offers "no particular unit" and then sends the property', async () => {
    const other = reportUnit('u-0048-0012-t12', 'nm-0190a6b2-7c1e', 'Linke Wienzeile 48, Top 12');
    const { el, xhrs } = await formWidget(formRoutes(demoCatalog([top7, other])).routes, { form: 'allgemeine-anfrage' });
    expect($$<HTMLOptionElement>(el, '#f-unit option')[0]!.textContent).to.equal('Keine bestimmte Einheit');
    await enter(el, '#f-subject', 'Müllraum');
    await enter(el, '#f-text', 'Versperrt.');
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    const body = xhrs.last!.body!;
    expect([body.get('unit'), body.get('property')]).to.deep.equal([null, top7.propertyId]);
    expect(JSON.parse(body.get('values') as string)).to.deep.equal({ subject: 'Müllraum', text: 'Versperrt.' });
  });
});

describe('<hp-message-form> found against the demo server', () => {
  it('says "you already follow this report" instead of offering to join a ticket I follow', async () => {
    const followed = ticketSummary('0190a6b2-7000-7000-8000-00000000a018', '2026-00018', 'Lift Stiege 1 ruckelt', 'new', { affected: true });
    const { el } = await formWidget(formRoutes(undefined, {}, [liftTicket, followed]).routes, { form: 'schadensmeldung' });
    await enter(el, '#f-damage-location', 'lift');
    await enter(el, '#f-damage-category', 'lift');
    await waitUntil(() => $(el, '[part=duplicates]'), 'already reported');
    const [open, mine] = $$(el, '[part=duplicates] li');
    expect(open!.querySelector('[data-join]')).to.exist;
    expect(mine!.querySelector('[data-join]')).to.not.exist;
    expect(text(mine!)).to.contain('Sie verfolgen diese Meldung bereits');
    await expect(el).to.be.accessible();
  });

  it('offers the European emergency number 112 when the organization named none, and keeps the numbers in the confirmation of an emergency', async () => {
    const { el } = await formWidget(formRoutes({ ...demoCatalog([top7]), emergencyNumbers: [] }).routes, { form: 'schadensmeldung' });
    await enter(el, '#f-urgency', 'notfall');
    expect($$<HTMLAnchorElement>(el, '[part=emergency] a').map((a) => [a.getAttribute('href'), text(a)])).to.deep.equal([['tel:112', 'Notruf 112']]);
    await expect(el).to.be.accessible();
    const sent = await formWidget(formRoutes().routes, { form: 'schadensmeldung', lang: 'en' });
    await fillDamage(sent.el, 'notfall');
    await send(sent.el);
    await waitUntil(() => $(sent.el, '[part=confirmation]'), 'sent');
    const box = $(sent.el, '[part=confirmation] [part=emergency]');
    expect($$(sent.el, '[part=confirmation] [part=emergency] a')).to.have.length(3);
    const answer = [...$(sent.el, '[part=confirmation]').querySelectorAll('p')].find((p) => p.textContent!.includes('We will get back to you by'))!;
    expect(box.compareDocumentPosition(answer) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    await expect(sent.el).to.be.accessible();
    const none = await formWidget(formRoutes({ ...demoCatalog([top7]), emergencyNumbers: [] }).routes, { form: 'schadensmeldung', lang: 'en' });
    await enter(none.el, '#f-urgency', 'notfall');
    expect(text($(none.el, '[part=emergency] a'))).to.equal('Emergency 112');
  });

  it('never keeps an IBAN in the draft', async () => {
    const { el } = await formWidget(formRoutes().routes, { form: 'guthabensanforderung' });
    await enter(el, '#f-choice', 'payout');
    await enter(el, '#f-iban', 'AT61 1904 3002 3457 3201');
    await enter(el, '#f-account_holder', 'Katharina Huber');
    const drafts = Object.keys(sessionStorage).filter((k) => k.startsWith('hp-message-form:'));
    expect(drafts).to.have.length(1);
    const stored = sessionStorage.getItem(drafts[0]!)!;
    expect(stored).to.not.contain('AT61').and.not.contain('1904');
    expect(JSON.parse(stored).raw).to.deep.equal({ unit: top7.id, choice: 'payout', account_holder: 'Katharina Huber' });
  });

  it('removes the drafts of the person when they sign out, and keeps other people\'s', async () => {
    sessionStorage.setItem('hp-message-form:other-org:someone-else:schadensmeldung', '{"raw":{},"unit":"","consent":false}');
    const { el } = await formWidget(formRoutes().routes, { form: 'allgemeine-anfrage' });
    await enter(el, '#f-subject', 'Müllraum');
    $(el, '[data-back]').click();
    await el.updateComplete;
    $(el, '[data-form=guthabensanforderung]').click();
    await el.formReady;
    await el.updateComplete;
    await enter(el, '#f-choice', 'offset');
    const mine = () => Object.keys(sessionStorage).filter((k) => k.startsWith('hp-message-form:') && !k.includes('someone-else'));
    expect(mine()).to.have.length(2);
    await el.api!.logout();
    await waitUntil(() => text(el).includes('Bitte melden Sie sich an'), 'signed out');
    expect(mine()).to.deep.equal([]);
    expect(sessionStorage.getItem('hp-message-form:other-org:someone-else:schadensmeldung')).to.not.equal(null);
  });

  it('offers no retry after 429 or 422, but after a server error; a key the server calls reused is replaced', async () => {
    let answer = () => problem(503, 'database_unavailable', 'Service Unavailable');
    const { routes, server } = formRoutes(undefined, { 'POST /tickets': (request) => (server.posts.push({ fields: {}, files: [], key: request.headers.get('Idempotency-Key') }), answer()) });
    const { el } = await formWidget(routes, { form: 'allgemeine-anfrage' });
    await enter(el, '#f-subject', 'Müllraum');
    await enter(el, '#f-text', 'Versperrt.');
    await send(el);
    await waitUntil(() => $(el, '[part=error]'), 'failed');
    expect($(el, '[part=retry]')).to.exist;
    answer = () => problem(422, 'idempotency_key_reused', 'Unprocessable Content');
    $(el, '[part=retry]').click();
    await waitUntil(() => server.posts.length === 2 && !$(el, '[part=retry]'), 'no retry after 422');
    expect(text($(el, '[part=error]'))).to.contain('Bitte senden Sie das Formular erneut.');
    expect(server.posts[1]!.key).to.equal(server.posts[0]!.key);
    await send(el);
    await waitUntil(() => server.posts.length === 3, 'sent again');
    expect(server.posts[2]!.key).to.not.equal(server.posts[1]!.key);
  });
});
