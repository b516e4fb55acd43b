import { expect, waitUntil } from '@open-wc/testing';
import type { HpMessageForm, MessageDraft } from '../src/index.js';
import { demoCatalog, reportUnit, top7 } from '../src/testing.js';
import { $, enter, errorAt, formRoutes, formWidget, freshDrafts, heard, root, send, text } from './fixtures.js';

freshDrafts();
const events = heard();

const top2 = reportUnit('u-0048-0002-w2', 'nm-0190a6b2-7c1e', 'Linke Wienzeile 48, Top 2');
const transcript = 'Ich: Darf ich im Hof grillen?\nChatbot: Darauf habe ich leider keine sichere Antwort.';

/** Hands `draft` to the element and waits until its form is shown filled in. */
async function applyDraft(el: HpMessageForm, draft: MessageDraft): Promise<void> {
  el.draft = draft;
  await el.updateComplete;
  await el.formReady;
  await el.updateComplete;
}

/** The `values` of the last ticket sent, as the server got them. */
const sentValues = (xhrs: Awaited<ReturnType<typeof formWidget>>['xhrs']) => JSON.parse(xhrs.last!.body!.get('values') as string) as Record<string, unknown>;

describe('<hp-message-form> draft (hand-over from the chat bot)', () => {
  it('opens the form of the draft with subject, text and unit filled in, and the transcript as a block appended on sending', async () => {
    const { el, xhrs } = await formWidget(formRoutes(demoCatalog([top7, top2])).routes);
    await applyDraft(el, { form: 'allgemeine-anfrage', subject: 'Darf ich im Hof grillen?', text: 'Darf ich im Hof grillen?', unitId: top2.id, transcript });
    expect(el.form).to.equal('allgemeine-anfrage');
    expect($<HTMLInputElement>(el, '#f-subject').value).to.equal('Darf ich im Hof grillen?');
    expect($<HTMLTextAreaElement>(el, '#f-text').value).to.equal('Darf ich im Hof grillen?');
    expect($<HTMLSelectElement>(el, '#f-unit').value).to.equal(top2.id);
    const block = $(el, '[part=transcript]');
    expect(text(block)).to.equal(`Chatverlauf Er wird beim Senden an Ihre Nachricht angehängt. ${transcript.replace(/\n/g, ' ')} Verlauf nicht mitsenden`);
    // It stands right after the text area it is added to.
    expect($(el, '[data-field=text]').nextElementSibling).to.equal(block);
    await expect(el).to.be.accessible();
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    expect(sentValues(xhrs)).to.deep.equal({
      unit: top2.id,
      subject: 'Darf ich im Hof grillen?',
      text: `Darf ich im Hof grillen?\n\nChatverlauf:\n${transcript}`,
    });
    expect(xhrs.last!.body!.get('unit')).to.equal(top2.id);
    expect(events.created).to.deep.equal([{ id: 't-2026-00042', number: '2026-00042' }]);
  });

  it('leaves the transcript out once removed; the focus goes to the text', async () => {
    const { el, xhrs } = await formWidget(formRoutes().routes);
    await applyDraft(el, { form: 'allgemeine-anfrage', subject: 'Grillen im Hof', text: 'Ist Grillen erlaubt?', transcript });
    $(el, '[data-transcript-remove]').click();
    await waitUntil(() => !$(el, '[part=transcript]'), 'the block is gone');
    await waitUntil(() => root(el).activeElement?.id === 'f-text', 'focus on the text');
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    expect(sentValues(xhrs)).to.deep.equal({ unit: top7.id, subject: 'Grillen im Hof', text: 'Ist Grillen erlaubt?' });
  });

  it('opens the damage report with urgency "Notfall": the emergency numbers show at once, the text goes into the description', async () => {
    const { el } = await formWidget(formRoutes().routes, { form: 'allgemeine-anfrage' });
    expect($(el, '#f-subject')).to.exist;
    await applyDraft(el, { form: 'schadensmeldung', subject: 'Notfall', text: 'Es riecht nach Gas im Stiegenhaus', unitId: null, urgency: 'notfall', transcript });
    expect(el.form).to.equal('schadensmeldung');
    expect($<HTMLSelectElement>(el, '#f-urgency').value).to.equal('notfall');
    expect($<HTMLTextAreaElement>(el, '#f-description').value).to.equal('Es riecht nach Gas im Stiegenhaus');
    expect($(el, '[part=emergency]').getAttribute('role')).to.equal('alert');
    expect(text($(el, '[part=emergency]'))).to.contain('Gas-Notruf: 128');
    // The damage report has no subject field: the subject is left out, nothing else is touched.
    expect(el.fill.raw).to.deep.equal({ unit: top7.id, urgency: 'notfall', description: 'Es riecht nach Gas im Stiegenhaus' });
    expect($(el, '[data-field=description]').nextElementSibling).to.equal($(el, '[part=transcript]'));
    await expect(el).to.be.accessible();
  });

  it('fills only what the form offers: no foreign unit, no unknown urgency, no subject without a subject field', async () => {
    const { el } = await formWidget(formRoutes(demoCatalog([top7, top2])).routes);
    await applyDraft(el, { form: 'dokumentenanforderung', subject: 'Kopie des Mietvertrags', text: 'Bitte per Post.', unitId: 'u-not-mine', urgency: 'notfall' });
    expect(el.fill.unit).to.equal('');
    expect(el.fill.raw).to.deep.equal({ unit: '', note: 'Bitte per Post.' });
    expect($(el, '[part=transcript]')).to.not.exist;
    expect(errorAt(el, 'document')).to.equal('');
  });

  it('keeps the sent text within the field\'s maximum by leaving out the oldest lines of the transcript', async () => {
    const { el, xhrs } = await formWidget(formRoutes().routes);
    const long = Array.from({ length: 10 }, (_, i) => `Ich: Frage ${i + 1} ${'x'.repeat(590)}`).join('\n');
    await applyDraft(el, { form: 'allgemeine-anfrage', subject: 'Viele Fragen', text: 'Siehe Verlauf.', transcript: long });
    await send(el);
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    const sent = String(sentValues(xhrs).text);
    expect(sent.length).to.be.at.most(5000);
    expect(sent.startsWith('Siehe Verlauf.\n\nChatverlauf:\nIch: Frage 3 ')).to.be.true;
    expect(sent.endsWith(`Ich: Frage 10 ${'x'.repeat(590)}`)).to.be.true;
  });

  it('applies each draft once: the same form again from the list is empty, a new draft fills it anew', async () => {
    const { el } = await formWidget(formRoutes().routes);
    await applyDraft(el, { form: 'allgemeine-anfrage', subject: 'Erste Frage', text: 'Eins', transcript });
    $(el, '[data-back]').click();
    await el.updateComplete;
    sessionStorage.clear();
    $(el, '[data-form="allgemeine-anfrage"]').click();
    await el.formReady;
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#f-subject').value).to.equal('');
    expect($(el, '[part=transcript]')).to.not.exist;
    await applyDraft(el, { form: 'allgemeine-anfrage', subject: 'Zweite Frage', text: 'Zwei' });
    expect($<HTMLInputElement>(el, '#f-subject').value).to.equal('Zweite Frage');
    expect($(el, '[part=transcript]')).to.not.exist;
  });

  it('speaks English', async () => {
    const { el } = await formWidget(formRoutes().routes, { lang: 'en' });
    await applyDraft(el, { form: 'allgemeine-anfrage', subject: 'Barbecue', text: 'May I?', transcript: 'Me: May I barbecue?' });
    expect(text($(el, '[part=transcript]'))).to.equal('Chat transcript It is added to your message when you send it. Me: May I barbecue? Do not send the transcript');
    await enter(el, '#f-text', 'May I barbecue in the yard?');
    expect(el.fill.values()).to.deep.equal({ unit: top7.id, subject: 'Barbecue', text: 'May I barbecue in the yard?\n\nChat transcript:\nMe: May I barbecue?' });
    await expect(el).to.be.accessible();
  });
});
