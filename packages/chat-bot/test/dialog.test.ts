import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { atWidth, layoutProblems } from '@hausportal/core/testing.js';
import type { HpChatBot } from '../src/index.js';
import { $, $$, ask, botWidget, chatRoutes, focused, openChat, text } from './fixtures.js';

const dialog = (el: HpChatBot) => $<HTMLDialogElement>(el, 'dialog');

describe('<hp-chat-bot> button and dialog', () => {
  it('opens a labelled modal dialog from the floating button, with the focus in the question field', async () => {
    const { el } = await botWidget(chatRoutes().routes);
    const button = $(el, '[part=button]');
    expect(text(button)).to.equal('Fragen Sie uns');
    expect([button.getAttribute('aria-haspopup'), button.getAttribute('aria-expanded')]).to.deep.equal(['dialog', 'false']);
    expect(dialog(el).open).to.be.false;
    await expect(el).to.be.accessible();
    await openChat(el);
    const d = dialog(el);
    expect([d.open, d.matches(':modal'), d.getAttribute('role'), d.getAttribute('aria-modal')]).to.deep.equal([true, true, 'dialog', 'true']);
    expect($(el, `#${d.getAttribute('aria-labelledby')}`).textContent).to.equal('Fragen Sie uns');
    const log = $(el, '[part=log]');
    expect([log.getAttribute('role'), log.getAttribute('aria-live')]).to.deep.equal(['log', 'polite']);
    expect(text(log)).to.contain('Hallo! Ich beantworte Fragen zu Ihrer Wohnung, Ihrem Konto, Ihren Meldungen und zum Haus.');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(el.open).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('closes with Esc and gives the focus back to the button; the conversation stays', async () => {
    const { el } = await botWidget(chatRoutes().routes);
    await openChat(el);
    await ask(el, 'Wann wird der Müll abgeholt?');
    $<HTMLInputElement>(el, '#question').focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'closed');
    expect(el.open).to.be.false;
    await waitUntil(() => focused(el) === $(el, '[part=button]'), 'focus on the button');
    await openChat(el);
    expect(text($(el, '[part=log]'))).to.contain('Wann wird der Müll abgeholt?');
  });

  it('closes with its close button and with `open = false`, the focus back on the button each time', async () => {
    const { el } = await botWidget(chatRoutes().routes);
    await openChat(el);
    const close = $(el, '.close');
    expect(close.getAttribute('aria-label')).to.equal('Chat schließen');
    close.click();
    await waitUntil(() => !dialog(el).open && focused(el) === $(el, '[part=button]'), 'closed by the button');
    el.open = true;
    await waitUntil(() => dialog(el).open && focused(el)?.id === 'question', 'opened by the property');
    await Promise.all(dialog(el).getAnimations().map((a) => a.finished));
    el.open = false;
    await waitUntil(() => !dialog(el).open && focused(el) === $(el, '[part=button]'), 'closed by the property');
  });

  it('sits bottom right, or bottom left with position="bottom-left"', async () => {
    const right = (await botWidget(chatRoutes().routes)).el;
    const box = $(right, '[part=button]').getBoundingClientRect();
    expect(window.innerWidth - box.right).to.be.closeTo(16, 1);
    expect(window.innerHeight - box.bottom).to.be.closeTo(16, 1);
    right.remove();
    const left = (await botWidget(chatRoutes().routes, { position: 'bottom-left' })).el;
    expect($(left, '[part=button]').getBoundingClientRect().left).to.be.closeTo(16, 1);
    await openChat(left);
    expect(dialog(left).getBoundingClientRect().left).to.be.closeTo(16, 1);
  });

  it('`inline` puts the chat into the page flow: no button, no dialog', async () => {
    const { el } = await botWidget(chatRoutes().routes, { inline: true });
    expect($(el, '[part=button]')).to.not.exist;
    expect($(el, 'dialog')).to.not.exist;
    expect($(el, '.close')).to.not.exist;
    const base = $(el, '[part=base]');
    expect([base.localName, base.getAttribute('aria-labelledby')]).to.deep.equal(['section', 'title']);
    expect(el.getBoundingClientRect().height).to.be.greaterThan(200);
    const answer = await ask(el, 'Müll');
    expect(text(answer)).to.contain('Der Restmüll wird dienstags abgeholt.');
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const { el } = await botWidget(chatRoutes().routes, { lang: 'en' });
    expect(text($(el, '[part=button]'))).to.equal('Ask us');
    await openChat(el);
    expect(text($(el, '[part=header] > div'))).to.equal('Ask us Automatic answers, day and night');
    expect($(el, '.close').getAttribute('aria-label')).to.equal('Close the chat');
    expect($<HTMLInputElement>(el, '#question').placeholder).to.equal('Your question …');
    expect(text($(el, 'label[for=question]'))).to.equal('Your question');
    expect(text($(el, '[part=submit]'))).to.equal('Send');
    const answer = await ask(el, 'What is my balance?');
    expect(text(answer)).to.equal('Answer: Your balance: Linke Wienzeile 48, Top 7 €128.40 credit As of 10 Mar 2026 Open the account');
    await expect(el).to.be.accessible();
  });
});

describe('<hp-chat-bot> at 320 px', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['de', 'en'] as const) {
    it(`fills the window as a dialog, breaks no word and keeps every control reachable, in ${lang === 'de' ? 'German' : 'English'}`, async () => {
      await atWidth(320, setViewport, 640);
      const { el } = await botWidget(chatRoutes({ units: 2 }).routes, { lang });
      const button = $(el, '[part=button]').getBoundingClientRect();
      expect(button.right).to.be.at.most(320);
      await openChat(el);
      await ask(el, lang === 'de' ? 'Gasgeruch im Stiegenhaus!' : 'I smell gas!');
      await ask(el, lang === 'de' ? 'Wie hoch ist mein Kontostand?' : 'What is my balance?');
      const box = dialog(el).getBoundingClientRect();
      expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, 320, 640]);
      expect(layoutProblems(el, { breakable: '.text, .detail, .label' })).to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const control of $$(el, 'dialog button, dialog input')) expect(control.getBoundingClientRect().height, control.className || control.localName).to.be.at.least(44);
      await expect(el).to.be.accessible();
    });
  }
});
