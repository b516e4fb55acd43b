import { expect, waitUntil } from '@open-wc/testing';
import { problem } from '@hausportal/core/testing.js';
import type { HpMessageForm } from '../../message-form/src/index.js';
import { top7 } from '../../message-form/src/testing.js';
// The real <hp-message-form> (its fixtures define it) on a fake tickets API.
import { formRoutes } from '../../message-form/test/fixtures.js';
import type { HpChatBot } from '../src/index.js';
import { fakeBot } from '../src/testing.js';
import { $, $$, answers, ask, botWidget, chatRoutes, focused, openChat, press, text, type ChatAnswer } from './fixtures.js';

/** The bot on the chat and forms APIs together (`answer` as in chatRoutes), its dialog open. */
async function openBot(answer?: ChatAnswer, lang: 'de' | 'en' = 'de') {
  const chat = chatRoutes({ answer });
  const forms = formRoutes();
  const bot = await botWidget({ ...forms.routes, ...chat.routes }, { lang });
  await openChat(bot.el);
  return { ...bot, forms: forms.server };
}

/** The message form in the hand-over panel, once its form is shown filled in. */
async function handoverForm(el: HpChatBot): Promise<HpMessageForm> {
  await waitUntil(() => $(el, '[part=handover] hp-message-form'), 'the hand-over panel');
  const form = $<HpMessageForm>(el, 'hp-message-form');
  await waitUntil(() => form.shadowRoot?.querySelector('[part=form]'), 'the form filled in', { timeout: 5000 });
  await form.updateComplete;
  return form;
}

const inForm = <T extends Element = HTMLElement>(form: HpMessageForm, selector: string) => form.shadowRoot!.querySelector<T>(selector)!;

/** Sends the form in the panel and waits until the chat is back with the ticket's number. */
async function sendForm(el: HpChatBot, form: HpMessageForm): Promise<void> {
  inForm(form, '[part=submit]').click();
  await waitUntil(() => !$(el, '[part=handover]') && answers(el).some((a) => a.includes('2026-00042')), 'the number in the chat');
}

const sentValues = (xhrs: Awaited<ReturnType<typeof botWidget>>['xhrs']) => JSON.parse(xhrs.last!.body!.get('values') as string) as Record<string, string>;

const question = 'Darf ich im Hof grillen?';
const offer = 'Darauf habe ich leider keine sichere Antwort. Soll ich Ihre Frage an die Verwaltung senden? Sie sehen den Entwurf vorher.';

describe('<hp-chat-bot> hand-over into <hp-message-form>', () => {
  it('opens the form in the chat with the draft and the transcript; sent by the person, the number appears in the chat', async () => {
    const { el, xhrs, forms } = await openBot();
    const created: string[] = [];
    const hear = (e: Event) => created.push((e as CustomEvent<{ number: string }>).detail.number);
    document.addEventListener('hp-ticket-created', hear);
    try {
      const answer = await ask(el, question);
      expect(text(answer)).to.contain(offer);
      expect(forms.posts).to.have.length(0);
      press(answer, 'Frage an die Verwaltung senden');
      const form = await handoverForm(el);
      await waitUntil(() => focused(el)?.id === 'handover-title', 'focus on the panel');
      expect(text($(el, '[part=handover] .handover-head'))).to.equal('Ihre Nachricht an die Verwaltung Zurück zum Chat');
      expect($(el, '[part=log]').hidden).to.be.true;
      expect($(el, '[part=form]')).to.not.exist;
      expect([inForm<HTMLInputElement>(form, '#f-subject').value, inForm<HTMLTextAreaElement>(form, '#f-text').value]).to.deep.equal([question, question]);
      expect(form.fill.unit).to.equal(top7.id);
      expect(inForm<HTMLElement>(form, '.transcript-text').innerText).to.equal(`Ich: ${question}\nChatbot: ${offer}`);
      // Nothing is sent until the person sends the form.
      expect(forms.posts).to.have.length(0);
      await expect(el).to.be.accessible();
      await sendForm(el, form);
      expect(sentValues(xhrs)).to.deep.equal({ unit: top7.id, subject: question, text: `${question}\n\nChatverlauf:\nIch: ${question}\nChatbot: ${offer}` });
      expect(answers(el).at(-1)).to.equal('Antwort: Ihre Meldung 2026-00042 ist eingegangen.');
      expect(created).to.deep.equal(['2026-00042']);
      // The offer that led to it cannot send a second ticket by mistake.
      await waitUntil(() => $$(el, '[part=log] button').every((b) => b.textContent?.trim() !== 'Frage an die Verwaltung senden'), 'no hand-over left above');
      await waitUntil(() => focused(el)?.id === 'question', 'focus back in the question field');
      expect($(el, '[part=log]').hidden).to.be.false;
      await expect(el).to.be.accessible();
    } finally {
      document.removeEventListener('hp-ticket-created', hear);
    }
  });

  it('hands over the last 10 messages; the person may leave them out', async () => {
    const { el, xhrs } = await openBot();
    for (const q of ['Müll', 'Altpapier Müll', 'Sperrmüll', 'Dokumente', 'Wo sind meine Dokumente?']) await ask(el, q);
    press(await ask(el, question), 'Frage an die Verwaltung senden');
    const form = await handoverForm(el);
    const lines = inForm<HTMLElement>(form, '.transcript-text').innerText.split('\n');
    expect(lines).to.have.length(10);
    expect(lines[0]).to.equal('Ich: Altpapier Müll');
    expect(lines[1]).to.equal('Chatbot: Der Restmüll wird dienstags abgeholt. Altpapier: jeden zweiten Freitag.');
    expect(lines.at(-1)).to.equal(`Chatbot: ${offer}`);
    press(form.shadowRoot!, 'Verlauf nicht mitsenden');
    await waitUntil(() => !inForm(form, '[part=transcript]'), 'transcript removed');
    await sendForm(el, form);
    expect(sentValues(xhrs).text).to.equal(question);
  });

  it('opens the damage report with urgency "Notfall" from an emergency answer, the emergency numbers at the top', async () => {
    const { el } = await openBot();
    press(await ask(el, 'Es riecht nach Gas im Keller'), 'Notfall melden');
    const form = await handoverForm(el);
    expect(form.form).to.equal('schadensmeldung');
    expect(inForm<HTMLSelectElement>(form, '#f-urgency').value).to.equal('notfall');
    expect(inForm<HTMLTextAreaElement>(form, '#f-description').value).to.equal('Es riecht nach Gas im Keller');
    expect(inForm(form, '[part=emergency]').getAttribute('role')).to.equal('alert');
  });

  it('opens the draft at once when the person chooses to send the question to the manager', async () => {
    const { el } = await openBot();
    press(await ask(el, 'Lift quietscht'), 'Frage an die Verwaltung senden');
    const form = await handoverForm(el);
    expect(answers(el).at(-1)).to.contain('Gern. Prüfen Sie den Entwurf und senden Sie ihn ab');
    expect(inForm<HTMLTextAreaElement>(form, '#f-text').value).to.equal('Lift quietscht');
  });

  it('goes back to the chat without sending', async () => {
    const { el, forms } = await openBot();
    press(await ask(el, question), 'Frage an die Verwaltung senden');
    await handoverForm(el);
    press($(el, '[part=handover]'), 'Zurück zum Chat');
    await waitUntil(() => !$(el, '[part=handover]') && focused(el)?.id === 'question', 'back in the chat');
    expect(forms.posts).to.have.length(0);
    expect($$(el, '[part=message]')).to.have.length(2);
  });

  it('offers the general form directly after a server error', async () => {
    let fail = true;
    const { el } = await openBot((request, signedIn) => (fail ? problem(500, 'internal') : fakeBot(request, { signedIn })));
    const answer = await ask(el, 'Wann kommt der Rauchfangkehrer?');
    fail = false;
    press(answer, 'Frage an die Verwaltung senden');
    const form = await handoverForm(el);
    expect(form.form).to.equal('allgemeine-anfrage');
    expect(inForm<HTMLInputElement>(form, '#f-subject').value).to.equal('Wann kommt der Rauchfangkehrer?');
    await sendForm(el, form);
  });

  it('speaks English', async () => {
    const { el } = await openBot(undefined, 'en');
    press(await ask(el, 'May I barbecue in the yard?'), 'Send the question to the manager');
    const form = await handoverForm(el);
    expect(text($(el, '[part=handover]'))).to.contain('Your message to the manager Back to the chat').and.contain('Please check the draft; nothing is sent until you press "Send".');
    expect(inForm<HTMLElement>(form, '.transcript-text').innerText).to.equal('Me: May I barbecue in the yard?\nChat bot: I am afraid I have no reliable answer to that. Shall I send your question to the manager? You will see the draft first.');
    await sendForm(el, form);
    expect(answers(el).at(-1)).to.equal('Answer: Your request 2026-00042 has arrived.');
    await expect(el).to.be.accessible();
  });
});
