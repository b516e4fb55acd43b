import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { captureDownload, problem } from '@hausportal/core/testing.js';
import { $, loaded, openTicket, root, row, rowIds, text, ticketRoutes, ticketsWidget, unreadCounts } from './fixtures.js';

const counts = unreadCounts();
const entries = (el: HTMLElement) => [...root(el as never).querySelectorAll<HTMLElement>('.entry')].map((e) => text(e));

describe('<hp-ticket-list> detail', () => {
  it('opens a ticket in place with its fields, files with previews and the thread oldest first; focus goes to its title', async () => {
    const { routes, server } = ticketRoutes();
    const { el, fake } = await ticketsWidget(routes);
    await loaded(el);
    $(el, '[data-open="t-wasserhahn"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.detail.loaded;
    await waitUntil(() => root(el).activeElement?.id === 'detail-title', 'focus on the title');
    expect(text($(el, '[part=header]'))).to.contain('Wasserhahn in der Küche tropft').and.contain('In Bearbeitung').and.contain('2026-00042').and.contain('Sanitär · Linke Wienzeile 48, Top 7');
    const fields = [...root(el).querySelectorAll('[part=fields] > div')].map((d) => `${text(d.querySelector('dt')!)}: ${text(d.querySelector('dd')!)}`);
    expect(fields).to.deep.include.members(['Schadensort: Wohnung – Küche', 'Kategorie: Sanitär', 'Zutritt ohne mich erlaubt: Ja']);
    // Previews through the client (Bearer), as images named by their file.
    await waitUntil(() => root(el).querySelectorAll('.file img').length === 3, 'three previews', { timeout: 5000 });
    const images = [...root(el).querySelectorAll<HTMLImageElement>('.file img')];
    expect(images.map((i) => i.alt)).to.deep.equal(['Küche Armatur.jpg', 'IMG_4711.jpg', 'Unterschrank nass.jpg']);
    expect(images.every((i) => i.src.startsWith('blob:'))).to.be.true;
    await waitUntil(() => images.every((i) => i.complete && i.naturalWidth > 0), 'previews loaded', { timeout: 5000 });
    expect(fake.callsTo('GET /tickets/{id}/files/{fileId}').every((c) => /^Bearer /.test(c.headers.get('Authorization') ?? ''))).to.be.true;
    expect(server.files).to.deep.equal(['thumb', 'thumb', 'thumb']);
    expect(entries(el)).to.deep.equal([
      `Sabine Gruber · ${text(root(el).querySelectorAll('.entry time')[0]!)} Status: In Bearbeitung`,
      `Sabine Gruber · ${text(root(el).querySelectorAll('.entry time')[1]!)} Danke für die Meldung. Die Firma Installationen Novak meldet sich bei Ihnen für einen Termin.`,
      `Sie · ${text(root(el).querySelectorAll('.entry time')[2]!)} Donnerstag ab 14 Uhr passt mir gut. Anbei noch ein Foto vom Unterschrank.`,
      `Sabine Gruber · ${text(root(el).querySelectorAll('.entry time')[3]!)} Der Installateur kommt am Donnerstag zwischen 14 und 16 Uhr.`,
    ]);
    expect($(el, '[data-kind=status] .status svg')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('marks the ticket read on opening: the dot goes and hp-tickets-unread counts down', async () => {
    const { routes, server } = ticketRoutes();
    const { el } = await ticketsWidget(routes);
    await loaded(el);
    expect(counts).to.deep.equal([2]);
    await openTicket(el, 't-wasserhahn');
    expect(server.reads).to.deep.equal(['t-wasserhahn']);
    expect(counts).to.deep.equal([2, 1]);
    $(el, '[part=back]').click();
    await el.updateComplete;
    expect(row(el, 't-wasserhahn').classList.contains('unread')).to.be.false;
    await waitUntil(() => root(el).activeElement === $(el, '[data-open="t-wasserhahn"]'), 'focus back on the row');
    // Every opening marks read up to now; the count changes only when something was unread.
    await openTicket(el, 't-heizung');
    expect(server.reads).to.deep.equal(['t-wasserhahn', 't-heizung']);
    expect(counts).to.deep.equal([2, 1]);
  });

  it('shows a file without preview with an icon and its name; a click downloads it through the client', async () => {
    const { routes, server } = ticketRoutes();
    const { el } = await ticketsWidget(routes);
    await loaded(el);
    await openTicket(el, 't-heizung');
    const pdf = $(el, '[data-file="f-heat-1"]');
    expect(pdf.querySelector('img')).to.not.exist;
    expect(pdf.querySelector('svg')).to.exist;
    expect(text(pdf)).to.equal('Thermostat Wohnzimmer.pdf');
    expect(pdf.getAttribute('aria-label')).to.equal('Herunterladen: Thermostat Wohnzimmer.pdf');
    const file = await captureDownload(() => pdf.click());
    expect(file.name).to.equal('Thermostat Wohnzimmer.pdf');
    expect(file.text).to.equal('file Thermostat Wohnzimmer.pdf');
    expect(server.files).to.deep.equal([null]);
  });

  it('shows status changes with their public reason and "waiting until", and a ticket I joined without fields', async () => {
    const { el } = await ticketsWidget(ticketRoutes().routes);
    await loaded(el);
    await openTicket(el, 't-lift');
    expect($(el, '[part=fields]')).to.not.exist;
    expect(text($(el, '[part=header]'))).to.contain('auch betroffen').and.contain('Wartend');
    const waiting = entries(el)[1]!;
    expect(waiting).to.contain('Status: Wartend').and.contain('Ein Ersatzteil für die Steuerung ist bestellt.').and.match(/Wartet bis \d\d\.\d\d\.\d{4}/);
    expect($(el, '#withdraw')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('downloads a document released into the thread through the client', async () => {
    const { el, fake } = await ticketsWidget(ticketRoutes().routes);
    await loaded(el);
    el.list.select('done');
    await loaded(el);
    await openTicket(el, 't-mietvertrag');
    const link = $(el, '[data-doc]');
    expect(text(link.closest('.entry')!)).to.contain('Dokument: Mietvertrag Top 7');
    const file = await captureDownload(() => link.click());
    expect(file.name).to.equal('Mietvertrag Top 7.pdf');
    expect(fake.callsTo('GET /documents/{id}/file').map((c) => c.path)).to.deep.equal(['/documents/d-mietvertrag-top-7/file']);
  });

  it('opens the ticket named by the `ticket` attribute directly, and goes back to the list', async () => {
    const { el } = await ticketsWidget(ticketRoutes().routes, { ticket: 't-tuer', lang: 'en' });
    await el.detail.loaded;
    await el.updateComplete;
    expect(text($(el, '[part=header]'))).to.contain('Wohnungstür schließt nicht richtig').and.contain('Done');
    expect(entries(el)[1]).to.contain('Status: Done').and.contain('Das Schließblech wurde nachgestellt');
    await expect(el).to.be.accessible();
    $(el, '[part=back]').click();
    await loaded(el);
    expect(el.ticket).to.equal('');
    expect(rowIds(el)).to.have.length(3);
  });

  it('shows an error with a retry when the ticket cannot be loaded', async () => {
    const { routes } = ticketRoutes();
    let fail = true;
    const get = routes['GET /tickets/{id}']!;
    const { el } = await ticketsWidget({ ...routes, 'GET /tickets/{id}': (request) => (fail ? problem(404, 'not_found') : get(request)) }, { ticket: 't-heizung' });
    await waitUntil(() => $(el, '[part=error]'), 'error');
    expect(text(el)).to.contain('Das Gesuchte wurde nicht gefunden.');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part=retry]').click();
    await waitUntil(() => $(el, '[part=header]'), 'detail after retry');
  });
});
