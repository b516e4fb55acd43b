import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { gate, problem } from '@hausportal/core/testing.js';
import { chatReply, chatUnits, fakeBot } from '../src/testing.js';
import { $, $$, CONVERSATION, answered, ask, botWidget, chatRoutes, focused, navigations, openChat, press, text } from './fixtures.js';

/** The request of each POST /chat/messages without the fields every request has. */
const choicesOf = (requests: { text: string; choice?: unknown }[]) => requests.map(({ text, choice }) => ({ text, choice }));

describe('<hp-chat-bot> answers', () => {
  const heard = navigations();

  it('shows a text answer with its line breaks, and never reads text as HTML', async () => {
    const { el } = await botWidget(chatRoutes({ answer: () => chatReply('smalltalk.help', 'Zeile eins\nZeile zwei <b>nicht fett</b>') }).routes);
    await openChat(el);
    const answer = await ask(el, 'Was können Sie?');
    const p = answer.querySelector<HTMLElement>('.text')!;
    expect(p.innerText).to.equal('Zeile eins\nZeile zwei <b>nicht fett</b>');
    expect(answer.querySelector('b')).to.not.exist;
    expect(text($$(el, '[data-from=me]')[0]!)).to.equal('Sie: Was können Sie?');
    await expect(el).to.be.accessible();
  });

  it('shows an FAQ answer as its (server-sanitized) HTML', async () => {
    const { el } = await botWidget(chatRoutes().routes);
    await openChat(el);
    const answer = await ask(el, 'Wann wird der Müll abgeholt?');
    expect(answer.dataset.intent).to.equal('faq.waste');
    expect(answer.querySelector('.html strong')?.textContent).to.equal('dienstags');
    expect([...answer.querySelectorAll('.html li')].map((li) => li.textContent)).to.deep.equal(['Altpapier: jeden zweiten Freitag', 'Sperrmüll: Mistplatz']);
    expect(answer.querySelector('.html a')?.getAttribute('href')).to.equal('https://www.wien.gv.at/');
    expect(answer.querySelector('.text')).to.not.exist;
  });

  it('shows own data as a list with "Stand <Datum>"; its link fires hp-navigate and closes the dialog', async () => {
    const { el, } = await botWidget(chatRoutes().routes);
    await openChat(el);
    const answer = await ask(el, 'Wie hoch ist mein Kontostand?');
    expect([...answer.querySelectorAll('[part=items] li')].map((li) => text(li))).to.deep.equal(['Linke Wienzeile 48, Top 7 € 128,40 Guthaben']);
    expect(text(answer.querySelector('.as-of')!)).to.equal('Stand 10.03.2026');
    press(answer, 'Konto öffnen');
    expect(heard).to.deep.equal([{ widget: 'statement', params: { unit: chatUnits[0]!.id, view: 'ledger' } }]);
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open, 'the dialog closes for the widget');
  });

  it('asks which unit with one button per unit; the choice is sent with its value and answered for that unit', async () => {
    const { routes, server } = chatRoutes({ units: 2 });
    const { el } = await botWidget(routes);
    await openChat(el);
    const question = await ask(el, 'Kontostand');
    expect(question.dataset.intent).to.equal('unit_choice');
    const group = question.querySelector('[part=choices]')!;
    expect([group.getAttribute('role'), group.getAttribute('aria-label')]).to.deep.equal(['group', 'Vorschläge']);
    expect([...group.querySelectorAll('button')].map((b) => text(b))).to.deep.equal(['Linke Wienzeile 48, Top 7', 'Linke Wienzeile 48, Top 2']);
    await expect(el).to.be.accessible();
    press(question, 'Linke Wienzeile 48, Top 2');
    const answer = await answered(el, 1);
    expect(text(answer)).to.contain('Linke Wienzeile 48, Top 2 € 45,00 offen');
    expect(choicesOf(server.requests)).to.deep.equal([
      { text: 'Kontostand', choice: undefined },
      { text: 'Linke Wienzeile 48, Top 2', choice: { intent: 'data.balance', unitId: chatUnits[1]!.id } },
    ]);
    // My choice stands in the log as my message; the question's buttons are gone, the focus is in the field.
    expect(text($$(el, '[data-from=me]').at(-1)!)).to.equal('Sie: Linke Wienzeile 48, Top 2');
    expect(question.querySelector('[part=choices]')).to.not.exist;
    expect(focused(el)?.id).to.equal('question');
  });

  it('clarifies ("Meinten Sie …?"): the candidates and the hand-over as choices; a choice carries its ticket number', async () => {
    const { routes, server } = chatRoutes();
    const { el } = await botWidget(routes);
    await openChat(el);
    const question = await ask(el, 'Lift');
    expect(question.dataset.intent).to.equal('clarify');
    expect([...question.querySelectorAll('[part=choices] button')].map((b) => text(b))).to.deep.equal(['Der Lift ist defekt – was tun?', 'Stand meiner Meldung', 'Frage an die Verwaltung senden']);
    // The hand-over is offered once, as a choice; once the choices are gone, as the answer's button.
    expect(question.querySelector('[part=actions]')).to.not.exist;
    press(question, 'Stand meiner Meldung');
    await answered(el, 1);
    expect(server.requests[1]!.choice).to.deep.equal({ intent: 'data.ticket_status', ticketNumber: '2026-00017' });
    expect([...question.querySelectorAll('button')].map((b) => text(b))).to.deep.equal(['Frage an die Verwaltung senden']);
  });

  it('offers phone numbers as links to call', async () => {
    const { el } = await botWidget(chatRoutes().routes);
    await openChat(el);
    const answer = await ask(el, 'Wer ist meine Ansprechperson?');
    const link = answer.querySelector<HTMLAnchorElement>('[part=calls] a')!;
    expect([link.getAttribute('href'), text(link)]).to.deep.equal(['tel:+4315056677', 'Hausbetreuung anrufen: +43 1 505 66 77']);
    expect(text(answer.querySelector('[part=items]')!)).to.equal('Objektbetreuung Andrea Pichler, andrea.pichler@immopro.example');
  });

  it('answers an emergency with the numbers to call large, right after what to do, not repeated as a list, and the damage report', async () => {
    const { el } = await botWidget(chatRoutes().routes);
    await openChat(el);
    const answer = await ask(el, 'Es riecht nach Gas im Stiegenhaus!');
    expect(answer.classList.contains('emergency')).to.be.true;
    expect(answer.querySelector('.text')?.nextElementSibling?.getAttribute('part')).to.equal('calls');
    expect([...answer.querySelectorAll<HTMLAnchorElement>('[part=calls] a')].map((a) => [a.getAttribute('href'), text(a)])).to.deep.equal([
      ['tel:128', 'Gas-Notruf: 128'],
      ['tel:122', 'Feuerwehr: 122'],
      ['tel:112', 'Euro-Notruf: 112'],
    ]);
    expect(answer.querySelector('[part=items]')).to.not.exist;
    const calls = answer.querySelector<HTMLAnchorElement>('[part=calls] a')!;
    expect(parseFloat(getComputedStyle(calls).fontSize)).to.be.greaterThan(parseFloat(getComputedStyle(answer.querySelector('.text')!).fontSize));
    await expect(el).to.be.accessible();
    // This page has no <hp-message-form>: the report is asked of the page instead.
    press(answer, 'Notfall melden');
    expect(heard).to.deep.equal([{ widget: 'message-form', params: { form: 'schadensmeldung' } }]);
  });

  it('keeps the conversation: the id comes back with the next question, with the language, without org when signed in', async () => {
    const { routes, server } = chatRoutes();
    const { el } = await botWidget(routes);
    await openChat(el);
    await ask(el, 'Müll');
    await ask(el, 'Dokumente');
    expect(server.requests.map(({ text, lang, org, conversationId, signedIn }) => ({ text, lang, org, conversationId, signedIn }))).to.deep.equal([
      { text: 'Müll', lang: 'de', org: undefined, conversationId: undefined, signedIn: true },
      { text: 'Dokumente', lang: 'de', org: undefined, conversationId: CONVERSATION, signedIn: true },
    ]);
  });

  it('asks anew without the conversation when the server no longer knows it (404)', async () => {
    let first = true;
    const { routes, server } = chatRoutes({
      answer: (request, signedIn) => (request.conversationId && first ? ((first = false), problem(404, 'not_found')) : fakeBot(request, { signedIn })),
    });
    const { el } = await botWidget(routes);
    await openChat(el);
    await ask(el, 'Müll');
    const answer = await ask(el, 'Dokumente');
    expect(answer.dataset.intent).to.equal('nav.documents');
    expect(server.requests.map((r) => r.conversationId)).to.deep.equal([undefined, CONVERSATION, undefined]);
  });

  it('shows "Antwort wird geschrieben …" while waiting, and takes no second question meanwhile', async () => {
    const wait = gate();
    const { routes, server } = chatRoutes({ answer: async (request, signedIn) => (await wait.wait, fakeBot(request, { signedIn })) });
    const { el } = await botWidget(routes);
    await openChat(el);
    const input = $<HTMLInputElement>(el, '#question');
    input.value = 'Müll';
    $(el, '[part=submit]').click();
    await waitUntil(() => $(el, '[part=typing]'), 'typing');
    expect(text($(el, '[part=typing]'))).to.equal('Antwort wird geschrieben …');
    expect($(el, '[part=typing]').closest('[role=log]')).to.exist;
    input.value = 'Noch eine Frage';
    $(el, '[part=submit]').click();
    await el.updateComplete;
    expect(input.value).to.equal('Noch eine Frage');
    wait.open();
    await answered(el, 0);
    expect(server.requests.map((r) => r.text)).to.deep.equal(['Müll']);
  });

  it('the typing dot pulses and the dialog fades in only without a reduced-motion preference', async () => {
    const wait = gate();
    const { el } = await botWidget(chatRoutes({ answer: async (request, signedIn) => (await wait.wait, fakeBot(request, { signedIn })) }).routes);
    await openChat(el);
    $<HTMLInputElement>(el, '#question').value = 'Müll';
    $(el, '[part=submit]').click();
    await waitUntil(() => $(el, '.dots'), 'typing');
    const animations = () => [getComputedStyle($(el, '.dots')).animationName, getComputedStyle($(el, 'dialog')).animationName];
    expect(animations()).to.deep.equal(['hp-chat-pulse', 'hp-chat-in']);
    try {
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(animations()).to.deep.equal(['none', 'none']);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    wait.open();
    await answered(el, 0);
  });
});

describe('<hp-chat-bot> signed out', () => {
  const heard = navigations();

  it('names the organization, answers FAQ, and offers the sign-in (hp-navigate login) for own data', async () => {
    const { routes, server } = chatRoutes();
    const { el } = await botWidget(routes, { user: null });
    await openChat(el);
    expect(text($(el, '.intro'))).to.equal('Hallo! Ich beantworte Fragen zum Haus und zur Verwaltung. Melden Sie sich an, dann auch Fragen zu Ihrem Konto und Ihren Meldungen.');
    const faq = await ask(el, 'Müll');
    expect(faq.dataset.intent).to.equal('faq.waste');
    const own = await ask(el, 'Wie hoch ist mein Kontostand?');
    expect(text(own)).to.contain('Dazu muss ich wissen, wer Sie sind.');
    press(own, 'Anmelden');
    expect(heard).to.deep.equal([{ widget: 'login', params: {} }]);
    expect(server.requests.map(({ org, conversationId, signedIn }) => ({ org, conversationId, signedIn }))).to.deep.equal([
      { org: 'demo', conversationId: undefined, signedIn: false },
      { org: 'demo', conversationId: undefined, signedIn: false },
    ]);
    await expect(el).to.be.accessible();
  });

  it('starts anew when the person signs out: the next person sees nothing of the conversation', async () => {
    const { routes, server } = chatRoutes();
    const { el, client } = await botWidget(routes);
    await openChat(el);
    await ask(el, 'Wie hoch ist mein Kontostand?');
    await client.logout();
    await waitUntil(() => $$(el, '[part=message]').length === 0, 'log emptied');
    await ask(el, 'Müll');
    expect(server.requests.map(({ org, conversationId }) => ({ org, conversationId }))).to.deep.equal([
      { org: undefined, conversationId: undefined },
      { org: 'demo', conversationId: undefined },
    ]);
  });
});

describe('<hp-chat-bot> errors', () => {
  const heard = navigations();

  it('says so on a server error and offers the form directly and a retry; the retry answers', async () => {
    let fail = true;
    const { routes, server } = chatRoutes({ answer: (request, signedIn) => (fail ? problem(503, 'unavailable') : fakeBot(request, { signedIn })) });
    const { el } = await botWidget(routes);
    await openChat(el);
    const answer = await ask(el, 'Darf ich im Hof grillen?');
    expect(answer.dataset.intent).to.equal('error');
    expect(text(answer)).to.equal('Antwort: Ich kann gerade nicht antworten. Beim Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut. Sie können Ihre Frage direkt an die Verwaltung senden. Frage an die Verwaltung senden Erneut versuchen');
    await expect(el).to.be.accessible();
    fail = false;
    press(answer, 'Erneut versuchen');
    const again = await answered(el, 1);
    expect(again.dataset.intent).to.equal('handover');
    expect(server.requests.map((r) => r.text)).to.deep.equal(['Darf ich im Hof grillen?', 'Darf ich im Hof grillen?']);
    // The form offered after the error: without <hp-message-form> on the page it is asked of the page.
    press(answer, 'Frage an die Verwaltung senden');
    expect(heard).to.deep.equal([{ widget: 'message-form', params: { form: 'allgemeine-anfrage' } }]);
  });

  it('signed out offers the sign-in instead of the form', async () => {
    const { routes } = chatRoutes({ answer: () => problem(502, 'bad_gateway') });
    const { el } = await botWidget(routes, { user: null });
    await openChat(el);
    const answer = await ask(el, 'Müll');
    expect(text(answer)).to.contain('Ich kann gerade nicht antworten. Beim Server ist ein Fehler aufgetreten.');
    expect([...answer.querySelectorAll('[part=actions] button')].map((b) => text(b))).to.deep.equal(['Anmelden', 'Erneut versuchen']);
  });
});

describe('<hp-chat-bot> links on a page without a portal', () => {
  const passed = navigations(true);

  it('scrolls to the page\'s widget when nobody handles hp-navigate, and closes the dialog', async () => {
    const target = document.createElement('hp-statement');
    document.body.append(target);
    try {
      const { el } = await botWidget(chatRoutes().routes);
      await openChat(el);
      const answer = await ask(el, 'Kontostand');
      press(answer, 'Konto öffnen');
      expect(passed).to.have.length(1);
      await waitUntil(() => !el.open, 'closed');
      // The same link with no such widget on the page: the chat stays open.
      target.remove();
      await openChat(el);
      press($$(el, '[data-from=bot]').at(-1)!, 'Konto öffnen');
      await el.updateComplete;
      expect(el.open).to.be.true;
    } finally {
      target.remove();
    }
  });
});

describe('<hp-chat-bot> on a page without a portal shell', () => {
  navigations(true);

  it('"Anmelden" closes the chat and puts the focus into the page\'s login form, not back on the chat button', async () => {
    const login = document.createElement('hp-login');
    login.innerHTML = '<form><label>Benutzername <input name="username" autocomplete="username"></label></form>';
    document.body.append(login);
    try {
      const { el } = await botWidget(chatRoutes().routes, { user: null });
      await openChat(el);
      const own = await ask(el, 'Wie hoch ist mein Kontostand?');
      press(own, 'Anmelden');
      const input = login.querySelector('input')!;
      await waitUntil(() => document.activeElement === input, 'the focus moves to the login form');
      expect(el.open).to.equal(false);
    } finally {
      login.remove();
    }
  });

  it('a link opens the widget on the page with its parameters (the statement\'s view and unit), and nothing else of the answer', async () => {
    if (!customElements.get('hp-statement'))
      customElements.define('hp-statement', class extends HTMLElement { view = 'charges'; unit = ''; });
    const statement = document.createElement('hp-statement') as HTMLElement & { view: string; unit: string };
    statement.innerHTML = '<button type="button">Vorschreibung</button>';
    document.body.append(statement);
    try {
      const { el } = await botWidget(chatRoutes().routes);
      await openChat(el);
      const answer = await ask(el, 'Wie hoch ist mein Kontostand?');
      press(answer, 'Konto öffnen');
      await waitUntil(() => statement.view === 'ledger', 'the statement shows the ledger');
      expect(statement.unit).to.equal(chatUnits[0]!.id);
      await waitUntil(() => document.activeElement === statement.querySelector('button'), 'the focus moves into the statement');
    } finally {
      statement.remove();
    }
  });
});
