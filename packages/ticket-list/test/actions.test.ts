import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { problem } from '@hausportal/core/testing.js';
import type { HpTicketList } from '../src/index.js';
import { $, loaded, openTicket, root, rowIds, text, ticketRoutes, ticketsWidget } from './fixtures.js';

/** The composer ([part=form]) and the steps shown. */
const shownActions = (el: Parameters<typeof root>[0]) => ['[part=form]', '#withdraw', '#confirm', '#reopen', '.rating'].filter((s) => root(el).querySelector(s));

/** Opens `id` of `tab` in a widget on the demo tickets. */
async function opened(id: string, tab: 'open' | 'done' | 'archive' = 'open', options: { lang?: 'de' | 'en' } = {}) {
  const fixture = ticketRoutes();
  const widget = await ticketsWidget(fixture.routes, options);
  await loaded(widget.el);
  widget.el.list.select(tab);
  await loaded(widget.el);
  await openTicket(widget.el, id);
  return { ...widget, server: fixture.server };
}

/** Chooses files named `names` in the file input, as the picker does. */
async function choose(input: HTMLInputElement, ...names: string[]) {
  const files = new DataTransfer();
  for (const name of names) files.items.add(new File(['x'], name, { type: name.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await ((input.getRootNode() as ShadowRoot).host as HpTicketList).updateComplete;
}

/** Types `words` into the field with `id`. */
async function type(el: Parameters<typeof root>[0], id: string, words: string) {
  $(el, `#${id}`).focus();
  await sendKeys({ type: words });
}

describe('<hp-ticket-list> actions', () => {
  it('offers only what the rules allow in each status', async () => {
    const expected: [id: string, tab: 'open' | 'done' | 'archive', actions: string[]][] = [
      ['t-heizung', 'open', ['[part=form]', '#withdraw']],
      ['t-wasserhahn', 'open', ['[part=form]', '#withdraw']],
      ['t-lift', 'open', ['[part=form]']],
      ['t-tuer', 'done', ['[part=form]', '#confirm', '#reopen']],
      ['t-spuelung', 'done', ['.rating']],
      ['t-fahrrad', 'done', []],
    ];
    for (const [id, tab, actions] of expected) {
      const { el } = await opened(id, tab);
      expect(shownActions(el), id).to.deep.equal(actions);
    }
  });

  it('sends a comment with files chosen by a labelled button and listed with a remove button each; the thread shows it, the form is cleared and the confirmation is next to the composer', async () => {
    const { el, fake } = await opened('t-heizung');
    await type(el, 'body', 'Das Thermostat zeigt 5 °C an.');
    const input = $<HTMLInputElement>(el, '#files');
    expect(input.labels![0]!.textContent!.trim()).to.equal('Fotos oder PDFs hinzufügen');
    expect(input.labels![0]!.classList.contains('button')).to.be.true;
    await choose(input, 'Heizkörper größer 📷.jpg', 'Zählerstand.pdf');
    await choose(input, 'Unterschrank.jpg');
    const chosen = () => [...root(el).querySelectorAll('.chosen li')].map((li) => text(li));
    expect(chosen()).to.deep.equal(['Heizkörper größer 📷.jpg Entfernen: Heizkörper größer 📷.jpg', 'Zählerstand.pdf Entfernen: Zählerstand.pdf', 'Unterschrank.jpg Entfernen: Unterschrank.jpg']);
    await expect(el).to.be.accessible();
    root(el).querySelectorAll<HTMLElement>('.chosen button')[1]!.click();
    await el.updateComplete;
    await waitUntil(() => root(el).activeElement === input, 'focus back on the chooser');
    expect(chosen()).to.have.length(2);
    $(el, '[part=submit]').click();
    await waitUntil(() => text(el).includes('Ihre Nachricht wurde gesendet.'), 'sent');
    const call = fake.callsTo('POST /tickets/{id}/comments')[0]!;
    const form = call.body as FormData;
    expect(form.get('body')).to.equal('Das Thermostat zeigt 5 °C an.');
    expect(form.getAll('files').map((f) => (f as File).name)).to.deep.equal(['Heizkörper größer 📷.jpg', 'Unterschrank.jpg']);
    const last = [...root(el).querySelectorAll('.entry')].at(-1)!;
    expect(text(last)).to.match(/^Sie · .* Das Thermostat zeigt 5 °C an\.$/);
    expect(last.querySelector('[data-file]')!.getAttribute('aria-label')).to.equal('Herunterladen: Heizkörper größer 📷.jpg');
    expect($<HTMLTextAreaElement>(el, '#body').value).to.equal('');
    expect(chosen()).to.deep.equal([]);
    expect($(el, '[part=form] .notice[role=status]').textContent).to.equal('Ihre Nachricht wurde gesendet.');
    expect($(el, '[part=back] ~ .notice[role=status]').textContent).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('does not send an empty comment: the field is marked and says why', async () => {
    const { el, fake } = await opened('t-heizung', 'open', { lang: 'en' });
    $(el, '[part=submit]').click();
    await waitUntil(() => $(el, '#body-error'), 'error shown');
    expect(text($(el, '#body-error'))).to.equal('Please write a message.');
    expect($(el, '#body').getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement?.id).to.equal('body');
    expect(fake.callsTo('POST /tickets/{id}/comments')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('keeps the steps apart from the composer under their own heading, withdraw as a secondary danger button', async () => {
    const { el } = await opened('t-heizung');
    const steps = $(el, '[part=actions]');
    expect($(el, '[part=form]').contains(steps)).to.be.false;
    expect(steps.getAttribute('aria-labelledby')).to.equal('steps');
    expect(text($(el, '#steps'))).to.equal('Weitere Schritte');
    expect(steps.contains($(el, '#withdraw'))).to.be.true;
    expect($(el, '#withdraw').classList.contains('secondary')).to.be.true;
    expect(getComputedStyle($(el, '#withdraw')).color, 'the danger colour').to.equal('rgb(179, 38, 30)');
    const gap = steps.getBoundingClientRect().top - $(el, '[part=submit]').getBoundingClientRect().bottom;
    expect(gap, 'space between Senden and the steps').to.be.at.least(24);
  });

  it('withdraws after the confirmation dialog (cancel first); the detail shows the new status and the list reloads', async () => {
    const { el, fake } = await opened('t-heizung');
    $(el, '#withdraw').click();
    const dialog = $<HTMLDialogElement>(el, '#withdraw-dialog');
    expect(dialog.open).to.be.true;
    expect(text(dialog)).to.contain('Anliegen 2026-00044 zurückziehen?');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.be.false;
    expect(fake.callsTo('POST /tickets/{id}/withdraw')).to.have.length(0);
    $(el, '#withdraw').click();
    $(el, '#withdraw-yes').click();
    await waitUntil(() => text($(el, '[part=header]')).includes('Abgelehnt'), 'withdrawn');
    expect(text([...root(el).querySelectorAll('.entry')].at(-1)!)).to.contain('Status: Abgelehnt').and.contain('Zurückgezogen');
    expect(shownActions(el)).to.deep.equal([]);
    expect($(el, '.notice[role=status]').textContent).to.equal('Status: Abgelehnt');
    expect(root(el).activeElement?.id).to.equal('detail-title');
    $(el, '[part=back]').click();
    await waitUntil(() => rowIds(el).length === 2, 'the list without it');
    expect(root(el).activeElement?.id).to.equal('tab-open');
  });

  it('confirms a done ticket: it is closed and can be rated', async () => {
    const { el, fake } = await opened('t-tuer', 'done');
    expect(text($(el, '#confirm'))).to.equal('Erledigt bestätigen');
    $(el, '#confirm').click();
    await waitUntil(() => text($(el, '[part=header]')).includes('Abgeschlossen'), 'closed');
    expect(fake.callsTo('POST /tickets/{id}/confirm')).to.have.length(1);
    expect(text([...root(el).querySelectorAll('.entry')].at(-1)!)).to.contain('Als erledigt bestätigt');
    expect(shownActions(el)).to.deep.equal(['.rating']);
  });

  it('"nicht erledigt" needs a comment and shows until when it is possible; then the ticket is in progress again', async () => {
    const { el, fake } = await opened('t-tuer', 'done');
    $(el, '#reopen').click();
    await el.updateComplete;
    expect($(el, '#reopen').getAttribute('aria-expanded')).to.equal('true');
    expect(root(el).activeElement?.id).to.equal('reopen-comment');
    expect(text($(el, 'form.reopen'))).to.match(/Möglich bis \d\d\.\d\d\.\d{4}\./);
    $(el, 'form.reopen button[type=submit]').click();
    await waitUntil(() => $(el, '#reopen-comment-error'), 'comment required');
    expect(text($(el, '#reopen-comment-error'))).to.equal('Bitte beschreiben Sie, was nicht erledigt ist.');
    expect(fake.callsTo('POST /tickets/{id}/reopen')).to.have.length(0);
    await expect(el).to.be.accessible();
    await type(el, 'reopen-comment', 'Die Tür klemmt wieder.');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '[part=header]')).includes('In Bearbeitung'), 'reopened');
    expect(fake.callsTo('POST /tickets/{id}/reopen')[0]!.body).to.deep.equal({ comment: 'Die Tür klemmt wieder.' });
    expect(text(el)).to.contain('Die Tür klemmt wieder.').and.contain('Als nicht erledigt gemeldet');
    expect($(el, 'form.reopen')).to.not.exist;
  });

  it('rates a closed ticket 1–5 stars by keyboard, with a comment', async () => {
    const { el, fake } = await opened('t-spuelung', 'done');
    const radios = [...root(el).querySelectorAll<HTMLInputElement>('[name=stars]')];
    expect(radios.map((r) => r.labels![0]!.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['★1 von 5 Sternen', '★2 von 5 Sternen', '★3 von 5 Sternen', '★4 von 5 Sternen', '★5 von 5 Sternen']);
    $(el, 'form.rating button[type=submit]').click();
    await waitUntil(() => $(el, '#stars-error'), 'stars required');
    expect(text($(el, '#stars-error'))).to.equal('Bitte wählen Sie 1 bis 5 Sterne.');
    await expect(el).to.be.accessible();
    radios[0]!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($(el, '#stars-error'), 'the error goes once stars are chosen').to.not.exist;
    expect($(el, '.rating fieldset').getAttribute('aria-invalid')).to.equal('false');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(radios[3]!.checked).to.be.true;
    await type(el, 'rating-comment', 'Schnell und sauber.');
    $(el, 'form.rating button[type=submit]').click();
    await waitUntil(() => text(el).includes('Danke für Ihre Bewertung.'), 'rated');
    expect(text($(el, 'form.rating .notice[role=status]'))).to.equal('Danke für Ihre Bewertung.');
    expect(fake.callsTo('POST /tickets/{id}/rating')[0]!.body).to.deep.equal({ stars: 4, comment: 'Schnell und sauber.' });
    expect(text($(el, '#rated'))).to.equal('Ihre Bewertung: 4 von 5 Sternen');
    expect([...root(el).querySelectorAll<HTMLInputElement>('[name=stars]')][3]!.checked).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('shows the rating given and who closed it automatically', async () => {
    const { el } = await opened('t-licht', 'archive', { lang: 'en' });
    expect(text($(el, '#rated'))).to.equal('Your rating: 4 of 5 stars');
    expect(text([...root(el).querySelectorAll('.entry')].at(-1)!)).to.match(/^Property management · .* Status: Closed Closed automatically$/);
  });

  it('tells in an alert when a step failed, and keeps the ticket as it was', async () => {
    const { routes } = ticketRoutes(undefined, { 'POST /tickets/{id}/confirm': () => problem(409, 'conflict') });
    const { el } = await ticketsWidget(routes, { ticket: 't-tuer' });
    await el.detail.loaded;
    await el.updateComplete;
    $(el, '#confirm').click();
    await waitUntil(() => $(el, '.notice[role=alert]'), 'alert');
    expect(text($(el, '.notice[role=alert]'))).to.equal('Das hat nicht geklappt: Die Daten wurden inzwischen geändert. Bitte laden Sie neu und versuchen Sie es erneut.');
    expect(text($(el, '[part=header]'))).to.contain('Erledigt');
    await expect(el).to.be.accessible();
  });
});
