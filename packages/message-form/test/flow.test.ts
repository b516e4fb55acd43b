import { expect, waitUntil } from '@open-wc/testing';
import { problem } from '@hausportal/core/testing.js';
import type { HpMessageForm } from '../src/index.js';
import { demoCatalog, liftTicket, reportUnit, top7 } from '../src/testing.js';
import { $, $$, enter, errorAt, formRoutes, formWidget, freshDrafts, heard, root, send, text } from './fixtures.js';

freshDrafts();
const events = heard();

/** Fills the Schadensmeldung validly: kitchen tap dripping, normal, access allowed. */
async function fillDamage(el: HpMessageForm, location = 'kueche', category = 'sanitaer', problemKey = 'tropft'): Promise<void> {
  await enter(el, '#f-damage-location', location);
  await enter(el, '#f-damage-category', category);
  await enter(el, '#f-damage-problem', problemKey);
  await enter(el, '#f-subject', 'Wasserhahn tropft');
  await enter(el, '#f-urgency', 'normal');
  await enter(el, '[data-field=access] input[value=true]', true);
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
    expect(options(el, 'f-damage-category')).to.include('lift');
    await enter(el, '#f-damage-category', 'heizung');
    expect(options(el, 'f-damage-problem')).to.deep.equal(['kalt', 'kein-warmwasser', 'therme']);
    await enter(el, '#f-damage-problem', 'kalt');
    await enter(el, '#f-damage-category', 'lift');
    expect(options(el, 'f-damage-problem')).to.deep.equal(['steht', 'tuer']);
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
    expect($(el, '[data-field=slots]')).to.not.exist;
    await enter(el, '[data-field=access] input[value=true]', true);
    expect($(el, '[data-field=pets]')).to.exist;
    await enter(el, '[data-field=access] input[value=false]', true);
    expect($(el, '[data-field=pets]')).to.not.exist;
    expect($$(el, '[data-field=slots] fieldset.slot')).to.have.length(2);
    await send(el);
    expect(errorAt(el, 'slots')).to.equal('Bitte geben Sie mindestens 2 Zeitfenster an.');
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
      damage: { location: 'kueche', category: 'sanitaer', problem: 'tropft' },
      subject: 'Wasserhahn tropft',
      urgency: 'normal',
      access: true,
    });
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
    await enter(first.el, '#f-subject', 'Fliese gesprungen');
    first.el.remove();
    const { el } = await formWidget(formRoutes().routes, { form: 'schadensmeldung' });
    expect($<HTMLInputElement>(el, '#f-subject').value).to.equal('Fliese gesprungen');
    expect($<HTMLSelectElement>(el, '#f-damage-location').value).to.equal('bad');
    await fillDamage(el);
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('hp-message-form:'))).to.deep.equal([]);
  });

  it('shows the server\'s objection at its field (400 /values/<key>) with the focus there', async () => {
    const { routes } = formRoutes(undefined, {
      'POST /tickets': () => problem(400, 'validation_failed', 'Bad Request', { errors: [{ field: '/values/subject', code: 'too_long', message: 'is too long' }] }),
    });
    const { el } = await formWidget(routes, { form: 'schadensmeldung' });
    await fillDamage(el);
    await send(el);
    await waitUntil(() => errorAt(el, 'subject'), 'error at the field');
    expect(errorAt(el, 'subject')).to.equal('Bitte prüfen Sie diese Angabe (is too long).');
    expect(text($(el, '[part=error]'))).to.contain('Bitte prüfen Sie die markierten Eingaben.');
    await waitUntil(() => root(el).activeElement?.id === 'f-subject', 'focus on the field');
    await enter(el, '#f-subject', 'Wasserhahn tropft stark');
    expect(errorAt(el, 'subject')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says plainly when the daily limit is reached (429)', async () => {
    const { routes } = formRoutes(undefined, { 'POST /tickets': () => problem(429, 'ticket_limit', 'Too Many Requests') });
    const { el } = await formWidget(routes, { form: 'schadensmeldung' });
    await fillDamage(el);
    await send(el);
    await waitUntil(() => $(el, '[part=error]'), 'error');
    expect(text($(el, '[part=error]'))).to.contain('Sie haben heute schon die größtmögliche Zahl an Nachrichten gesendet.');
    expect($(el, '[part=submit]').hasAttribute('disabled')).to.be.false;
  });
});

describe('<hp-message-form> Guthabensanforderung and consent', () => {
  it('pre-fills the credit read-only, asks for the IBAN only for a payout, and needs the consent', async () => {
    const { el, xhrs } = await formWidget(formRoutes().routes, { form: 'guthabensanforderung' });
    const credit = $<HTMLInputElement>(el, '#f-credit');
    expect([credit.readOnly, credit.value]).to.deep.equal([true, '128,40\u00a0€']);
    expect($(el, '[data-field=iban]')).to.not.exist;
    await enter(el, '#f-choice', 'auszahlung');
    expect($(el, '[data-field=iban]')).to.exist;
    expect($(el, '[data-field=holder]')).to.exist;
    await enter(el, '#f-iban', 'AT61 1904 3002 3457 3201');
    await enter(el, '#f-holder', 'Katharina Huber');
    await send(el);
    expect(errorAt(el, 'consent')).to.equal('Bitte willigen Sie ein, damit wir Ihr Anliegen bearbeiten können.');
    await waitUntil(() => root(el).activeElement?.id === 'f-consent', 'focus on the consent');
    expect(text($(el, '[data-field=consent]'))).to.contain('Ich willige ein, dass meine Bankverbindung für die Auszahlung gespeichert wird.');
    expect($(el, '[part=privacy] summary').textContent).to.equal('Datenschutzhinweis');
    await expect(el).to.be.accessible();
    await enter(el, '#f-consent', true);
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    const body = xhrs.last!.body!;
    expect(body.get('consent')).to.equal('true');
    expect(JSON.parse(body.get('values') as string)).to.deep.equal({ credit: 12840, choice: 'auszahlung', iban: 'AT611904300234573201', holder: 'Katharina Huber' });
  });

  it('offers only the units with a credit, and needs one chosen', async () => {
    const other = reportUnit('u-0048-0002-w2', 'nm-0190a6b2-7c1e', 'Linke Wienzeile 48, Top W2');
    const third = reportUnit('u-0048-0003-w3', 'nm-0190a6b2-7c1e', 'Linke Wienzeile 48, Top W3');
    const catalog = demoCatalog([top7, other, third], [{ unitId: top7.id, cents: 12_840 }, { unitId: third.id, cents: 5_000 }]);
    const { el } = await formWidget(formRoutes(catalog).routes, { form: 'guthabensanforderung' });
    expect(options(el, 'f-unit')).to.deep.equal([top7.id, third.id]);
    expect($<HTMLInputElement>(el, '#f-credit').value).to.equal('');
    await send(el);
    expect(errorAt(el, 'unit')).to.equal('Bitte wählen Sie aus.');
    await enter(el, '#f-unit', third.id);
    expect($<HTMLInputElement>(el, '#f-credit').value).to.equal('50,00\u00a0€');
    await expect(el).to.be.accessible();
  });
});
