import { expect, waitUntil } from '@open-wc/testing';
import type { HpMessageForm } from '../src/index.js';
import { $, $$, attach, enter, file, formRoutes, formWidget, freshDrafts, heard, send, text } from './fixtures.js';

freshDrafts();
const events = heard();

async function filledGeneral(auto = false) {
  const widget = await formWidget(formRoutes().routes, { form: 'allgemeine-anfrage', auto });
  await enter(widget.el, '#f-subject', 'Frage zum Müllraum');
  await enter(widget.el, '#f-text', 'Der Müllraum ist seit Tagen versperrt.');
  return widget;
}

const bars = (el: HpMessageForm) => $$<HTMLProgressElement>(el, '[part=attachments] progress').map((p) => [p.value, p.max]);

describe('<hp-message-form> attachments', () => {
  it('lists the chosen files with name and size, removes them, and keeps to the form\'s count, size and types', async () => {
    const { el } = await filledGeneral();
    expect(text($(el, '[part=attachments]'))).to.contain('Bis zu 3 Fotos oder PDFs, je höchstens 10 MB.');
    expect($<HTMLInputElement>(el, '[data-files]').accept).to.equal('image/*,.heic,.heif,application/pdf');
    await attach(el, [file('Küche 😀.jpg', 850_000), file('IMG_0042.HEIC', 1_300_000, ''), file('Vertrag.docx', 1000, 'application/msword')]);
    expect($$(el, '.file-name').map((n) => n.textContent)).to.deep.equal(['Küche 😀.jpg', 'IMG_0042.HEIC']);
    expect(text($$(el, '.file')[0]!)).to.contain('830 KB');
    expect(text($$(el, '.file')[1]!)).to.contain('1,2 MB');
    expect(text($(el, '[part=attachments] [role=alert]'))).to.equal('Vertrag.docx ist kein Foto und kein PDF.');
    await attach(el, [file('riesig.jpg', 11 * 1024 * 1024), file('a.pdf', 10, 'application/pdf'), file('b.pdf', 10, 'application/pdf')]);
    expect(text($(el, '[part=attachments] [role=alert]'))).to.equal('riesig.jpg ist größer als 10 MB. Höchstens 3 Dateien: b.pdf wurde nicht hinzugefügt.');
    expect($$(el, '.file-name')).to.have.length(3);
    expect($(el, '[data-files]')).to.not.exist;
    await expect(el).to.be.accessible();
    $(el, '[data-remove="0"]').click();
    await el.updateComplete;
    expect($$(el, '.file-name').map((n) => n.textContent)).to.deep.equal(['IMG_0042.HEIC', 'a.pdf']);
    expect($(el, '[data-remove="0"]').getAttribute('aria-label')).to.equal('IMG_0042.HEIC entfernen');
  });
});

describe('<hp-message-form> sending with progress', () => {
  it('moves a progress bar per file with the bytes sent, files in order; the button is disabled meanwhile', async () => {
    const { el, xhrs } = await filledGeneral();
    await attach(el, [file('eins.jpg', 4000), file('zwei.pdf', 6000, 'application/pdf')]);
    await send(el);
    const xhr = xhrs.last!;
    await waitUntil(() => bars(el).length === 2, 'bars shown');
    expect(bars(el)).to.deep.equal([[0, 4000], [0, 6000]]);
    expect($<HTMLButtonElement>(el, '[part=submit]').disabled).to.be.true;
    expect($(el, '[part=submit]').textContent!.trim()).to.equal('Wird gesendet …');
    const before = xhr.total - 10_000;
    xhr.progress(before + 1000);
    await el.updateComplete;
    expect(bars(el)).to.deep.equal([[1000, 4000], [0, 6000]]);
    expect(text($$(el, '.file')[0]!)).to.contain('25 %');
    xhr.progress(before + 7000);
    await el.updateComplete;
    expect(bars(el)).to.deep.equal([[4000, 4000], [3000, 6000]]);
    expect($$(el, '.progress label').map((l) => l.textContent!.trim())).to.deep.equal(['Hochladen von eins.jpg', 'Hochladen von zwei.pdf']);
    await expect(el).to.be.accessible();
    xhr.progress(xhr.total);
    await xhr.respond();
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    expect((xhr.body!.getAll('files') as File[]).map((f) => f.name)).to.deep.equal(['eins.jpg', 'zwei.pdf']);
    expect(events.created).to.have.length(1);
  });

  it('cancels the upload (the request is aborted) and sends again with the same Idempotency-Key', async () => {
    const { routes, server } = formRoutes();
    const { el, xhrs } = await formWidget(routes, { form: 'allgemeine-anfrage', auto: false });
    await enter(el, '#f-subject', 'Frage zum Müllraum');
    await enter(el, '#f-text', 'Versperrt.');
    await attach(el, [file('foto.jpg', 5000)]);
    await send(el);
    xhrs.last!.progress(2000);
    $(el, '[data-cancel]').click();
    await waitUntil(() => $(el, '[part=error]'), 'cancelled');
    expect(xhrs.last!.aborted).to.be.true;
    expect(text($(el, '[part=error]'))).to.contain('Das Senden wurde abgebrochen. Ihre Angaben bleiben erhalten.');
    expect($$(el, '.file-name').map((n) => n.textContent)).to.deep.equal(['foto.jpg']);
    await expect(el).to.be.accessible();
    const key = xhrs.last!.headers.get('Idempotency-Key');
    $(el, '[data-retry]').click();
    await waitUntil(() => xhrs.made.length === 2, 'sent again');
    expect(xhrs.last!.headers.get('Idempotency-Key')).to.equal(key);
    await xhrs.last!.respond();
    await waitUntil(() => $(el, '[part=confirmation]'), 'sent');
    expect(server.created.size).to.equal(1);
  });

  it('says so when the network fails and retries with the same key; a retry of a ticket already created gets that ticket', async () => {
    const { routes, server } = formRoutes();
    const { el, xhrs } = await formWidget(routes, { form: 'allgemeine-anfrage', auto: false });
    await enter(el, '#f-subject', 'Frage zum Müllraum');
    await enter(el, '#f-text', 'Versperrt.');
    await send(el);
    xhrs.last!.fail();
    await waitUntil(() => $(el, '[part=error]'), 'failed');
    expect(text($(el, '[part=error]'))).to.contain('Keine Verbindung zum Server.');
    // The server did create it; only the answer was lost.
    const key = xhrs.last!.headers.get('Idempotency-Key')!;
    await xhrs.last!.respond();
    $(el, '[data-retry]').click();
    await waitUntil(() => xhrs.made.length === 2, 'sent again');
    expect(xhrs.last!.headers.get('Idempotency-Key')).to.equal(key);
    await xhrs.last!.respond();
    await waitUntil(() => $(el, '[part=confirmation]'), 'confirmed');
    expect(text($(el, '[part=confirmation]'))).to.contain('2026-00042');
    expect([server.posts.length, server.created.size]).to.deep.equal([2, 1]);
  });

  it('sends a corrected request with a new key (the server refuses a key reused for another request)', async () => {
    const { routes } = formRoutes();
    const { el, xhrs } = await formWidget(routes, { form: 'allgemeine-anfrage', auto: false });
    await enter(el, '#f-subject', 'Frage zum Müllraum');
    await enter(el, '#f-text', 'Versperrt.');
    await send(el);
    xhrs.last!.fail();
    await waitUntil(() => $(el, '[part=error]'), 'failed');
    const first = xhrs.last!.headers.get('Idempotency-Key');
    await enter(el, '#f-text', 'Versperrt, seit Montag.');
    await send(el);
    await waitUntil(() => xhrs.made.length === 2, 'sent again');
    expect(xhrs.last!.headers.get('Idempotency-Key')).to.match(/^[A-Za-z0-9_.:-]{8,}$/).and.not.equal(first);
  });
});
