import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { demoCatalog, reportUnit, top7 } from '../src/testing.js';
import { formatIban, ibanValid, parseDecimal } from '../src/model.js';
import { $, $$, allFields, enter, errorAt, formRoutes, formWidget, freshDrafts, root, send, text } from './fixtures.js';

freshDrafts();

const catalog = () => ({ ...demoCatalog([top7, reportUnit('u-2', 'nm-0190a6b2-7c1e', 'Linke Wienzeile 48, Top 12')]), items: [allFields] });

async function allFieldsForm(lang: 'de' | 'en' = 'de') {
  const widget = await formWidget(formRoutes(catalog()).routes, { form: 'alle-felder', lang });
  return { ...widget, posted: () => JSON.parse(widget.xhrs.last!.body!.get('values') as string) as Record<string, unknown> };
}

describe('<hp-message-form> fields', () => {
  it('renders every field type with its label, required marks and help text', async () => {
    const { el } = await allFieldsForm();
    expect($<HTMLInputElement>(el, '#f-subject').required).to.be.true;
    expect($(el, '#f-subject').getAttribute('aria-describedby')).to.equal('h-subject');
    expect($(el, '#h-subject').textContent).to.equal('Kurz und klar.');
    expect($(el, 'label[for=f-subject] .req')).to.exist;
    expect($(el, '#f-message').localName).to.equal('textarea');
    expect($<HTMLInputElement>(el, '#f-count').inputMode).to.equal('decimal');
    expect($(el, 'label[for=f-amount]').textContent).to.contain('Betrag (€)');
    expect($<HTMLInputElement>(el, '#f-day').type).to.equal('date');
    expect($$<HTMLOptionElement>(el, '#f-kind option').map((o) => o.textContent)).to.deep.equal(['Bitte wählen', 'Erste', 'Zweite']);
    expect($$(el, '[data-field=docs] input[type=checkbox]')).to.have.length(2);
    expect($(el, '[data-field=agree]').getAttribute('role')).to.equal('radiogroup');
    expect($$(el, '[data-field=agree] input[type=radio]')).to.have.length(2);
    expect($<HTMLInputElement>(el, '#f-mail').type).to.equal('email');
    expect($<HTMLInputElement>(el, '#f-tel').type).to.equal('tel');
    // The form's unit field is the unit picker (no own picker besides it); none required: "no particular unit" first.
    expect($$<HTMLOptionElement>(el, '#f-where option').map((o) => o.textContent)).to.deep.equal(['Keine bestimmte Einheit', 'Linke Wienzeile 48, Top 7', 'Linke Wienzeile 48, Top 12']);
    expect($(el, '#f-unit')).to.not.exist;
    expect(text($(el, '[data-field=note]'))).to.equal('Hinweis Nur zur Information.');
    expect($$(el, '[data-field=slots] fieldset.slot')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows an error as one types only after the field was left once, and clears it when right', async () => {
    const { el } = await allFieldsForm();
    await enter(el, '#f-mail', 'anna@');
    expect(errorAt(el, 'mail')).to.equal('');
    await enter(el, '#f-mail', 'anna@', true);
    expect(errorAt(el, 'mail')).to.equal('Bitte geben Sie eine E-Mail-Adresse ein, z. B. name@beispiel.at.');
    expect($(el, '#f-mail').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-mail').getAttribute('aria-describedby')).to.equal('e-mail');
    await enter(el, '#f-mail', 'anna@example.com');
    expect(errorAt(el, 'mail')).to.equal('');
    await enter(el, '#f-subject', 'Ein viel zu langer Betreff', true);
    expect(errorAt(el, 'subject')).to.equal('Höchstens 20 Zeichen.');
    await enter(el, '#f-count', '2,5', true);
    expect(errorAt(el, 'count')).to.equal('Höchstens 0 Nachkommastellen.');
    await enter(el, '#f-count', '11', true);
    expect(errorAt(el, 'count')).to.equal('Höchstens 10.');
    await enter(el, '#f-amount', 'zwölf', true);
    expect(errorAt(el, 'amount')).to.equal('Bitte geben Sie einen Betrag in Euro ein, z. B. 12,50.');
    await enter(el, '#f-tel', 'ruf an', true);
    expect(errorAt(el, 'tel')).to.equal('Bitte geben Sie eine Telefonnummer ein (Ziffern, Leerzeichen, + ( ) / -).');
    await expect(el).to.be.accessible();
  });

  it('on sending shows every error and puts the focus on the first; nothing is sent', async () => {
    const { el, xhrs } = await allFieldsForm();
    await send(el);
    await waitUntil(() => root(el).activeElement?.id === 'f-subject', 'focus on the first error');
    expect(errorAt(el, 'subject')).to.equal('Bitte füllen Sie dieses Feld aus.');
    expect(errorAt(el, 'kind')).to.equal('Bitte wählen Sie aus.');
    expect(errorAt(el, 'docs')).to.equal('Bitte wählen Sie aus.');
    expect(errorAt(el, 'agree')).to.equal('Bitte wählen Sie aus.');
    expect(errorAt(el, 'message')).to.equal('');
    expect(xhrs.made).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('counts the characters of a textarea', async () => {
    const { el } = await allFieldsForm();
    await enter(el, '#f-message', 'Guten Tag');
    expect($(el, '#c-message').textContent).to.equal('9 von 50 Zeichen');
    expect($(el, '#f-message').getAttribute('aria-describedby')).to.equal('c-message');
  });

  it('groups an IBAN in fours when left and checks it with mod-97', async () => {
    expect([ibanValid('AT61 1904 3002 3457 3201'), ibanValid('AT62 1904 3002 3457 3201'), ibanValid('DE89370400440532013000')]).to.deep.equal([true, false, true]);
    expect(formatIban('de89370400440532013000')).to.equal('DE89 3704 0044 0532 0130 00');
    const { el } = await allFieldsForm();
    await enter(el, '#f-iban', 'at621904300234573201', true);
    expect($<HTMLInputElement>(el, '#f-iban').value).to.equal('AT62 1904 3002 3457 3201');
    expect(errorAt(el, 'iban')).to.equal('Diese IBAN ist nicht gültig. Bitte prüfen Sie sie.');
    await enter(el, '#f-iban', 'AT611904300234573201', true);
    expect(errorAt(el, 'iban')).to.equal('');
  });

  it('sends every type as the API takes it: euros as cents, yes/no as boolean, ticks as a list, time windows as rows', async () => {
    expect([parseDecimal('1.234,50'), parseDecimal('12,5'), parseDecimal('1,234.50'), parseDecimal('zwölf')]).to.deep.equal([1234.5, 12.5, 1234.5, NaN]);
    const { el, posted, xhrs } = await allFieldsForm();
    await enter(el, '#f-subject', 'Wasserfleck');
    await enter(el, '#f-count', '3');
    await enter(el, '#f-amount', '1.234,56');
    await enter(el, '#f-kind', 'b');
    await enter(el, '[data-field=docs] input[value=vs]', true);
    await enter(el, '[data-field=docs] input[value=bk]', true);
    await enter(el, '[data-field=docs] input[value=vs]', false);
    await enter(el, '[data-field=agree] input[value=false]', true);
    await enter(el, '#f-iban', 'AT61 1904 3002 3457 3201');
    await enter(el, '#f-where', 'u-2');
    await enter(el, '[data-sub="0.date"]', '2026-03-20');
    await enter(el, '[data-sub="0.from"]', '08:00');
    await enter(el, '[data-sub="0.to"]', '12:00');
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    expect(xhrs.last!.body!.get('unit')).to.equal('u-2');
    expect(posted()).to.deep.equal({
      subject: 'Wasserfleck',
      count: 3,
      amount: 123456,
      kind: 'b',
      docs: ['bk'],
      agree: false,
      iban: 'AT611904300234573201',
      where: 'u-2',
      slots: [{ date: '2026-03-20', from: '08:00', to: '12:00' }],
    });
  });

  it('adds time windows up to the most allowed, the focus in the new row, and checks each row', async () => {
    const { el } = await allFieldsForm();
    $(el, '[data-add=slots]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement === $(el, '[data-sub="1.date"]'), 'focus in the new row although the button went');
    expect($$(el, '[data-field=slots] fieldset.slot')).to.have.length(2);
    expect($(el, '[data-add=slots]')).to.not.exist;
    await enter(el, '[data-sub="1.date"]', '2026-03-20');
    await enter(el, '[data-sub="1.from"]', '14:00', true);
    expect(errorAt(el, 'slots')).to.equal('Jedes Zeitfenster braucht Datum, von und bis (bis nach von).');
    await enter(el, '[data-sub="1.to"]', '13:00', true);
    expect(errorAt(el, 'slots')).to.contain('bis nach von');
    await enter(el, '[data-sub="1.to"]', '16:00', true);
    expect(errorAt(el, 'slots')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('speaks English in the fields and their errors', async () => {
    const { el } = await allFieldsForm('en');
    await send(el);
    expect(errorAt(el, 'subject')).to.equal('Please fill in this field.');
    expect(text($(el, '[data-field=agree]'))).to.contain('Yes').and.contain('No');
    await expect(el).to.be.accessible();
  });
});
