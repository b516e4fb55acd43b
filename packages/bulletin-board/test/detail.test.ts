import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { captureDownload, problem } from '@hausportal/core/testing.js';
import { demoPosts } from '../src/testing.js';
import { $, boardWidget, loaded, NOW, openPost, panelShown, post, postIds, postRoutes, root, text, unreadCounts } from './fixtures.js';

const counts = unreadCounts();

describe('<hp-bulletin-board> opening a notice', () => {
  it('opens in place by keyboard, shows the sanitized body and marks it read: "Neu" goes, the count goes down', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes);
    await loaded(el);
    const toggle = $(el, '[data-open="post-wasser"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.detail.opening;
    await panelShown(el, 'post-wasser');
    expect(server.details).to.deep.equal(['post-wasser']);
    expect(server.reads).to.deep.equal(['post-wasser']);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(root(el).activeElement).to.equal(toggle);
    const panel = $(el, `#${toggle.getAttribute('aria-controls')}`);
    expect(panel.getAttribute('role')).to.equal('region');
    expect(panel.querySelector('.body strong')!.textContent).to.equal('Trinkwasserversorgung');
    expect(post(el, 'post-wasser').querySelector('.excerpt')).to.not.exist;
    expect(post(el, 'post-wasser').querySelector('.new')).to.not.exist;
    expect(counts).to.deep.equal([5, 4]);
    await expect(el).to.be.accessible();
    // Space closes it again; a second opening does not mark it read again.
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(post(el, 'post-wasser').querySelector('.panel')).to.not.exist;
    await openPost(el, 'post-wasser');
    expect(server.reads).to.deep.equal(['post-wasser']);
    expect(server.details).to.deep.equal(['post-wasser']);
  });

  it('downloads the appointment as .ics through the client ("In Kalender")', async () => {
    const { routes, server } = postRoutes();
    const { el, fake } = await boardWidget(routes);
    await loaded(el);
    await openPost(el, 'post-wasser');
    const button = $(el, '#p-post-wasser .calendar');
    expect(text(button)).to.equal('In Kalender');
    expect(text($(el, '#p-post-wasser .appt'))).to.contain('13.03.2026');
    const file = await captureDownload(() => button.click());
    expect(file.name).to.equal('Abschaltung der Trinkwasserversorgung.ics');
    expect(file.text).to.contain('UID:post-wasser@hausportal');
    expect(server.ics).to.deep.equal(['post-wasser']);
    expect(fake.callsTo('GET /posts/{id}/appointment.ics')[0]!.headers.get('Authorization')).to.match(/^Bearer /);
  });

  it('shows pictures from blob URLs of their previews (size=thumb), downloads the other attachments, and gives the URLs back on leaving', async () => {
    const { routes, server } = postRoutes();
    const { el, fake } = await boardWidget(routes);
    await loaded(el);
    await openPost(el, 'post-heizkosten');
    await waitUntil(() => root(el).querySelectorAll('.images img').length === 2, 'two pictures', { timeout: 5000 });
    const images = [...root(el).querySelectorAll<HTMLImageElement>('.images img')];
    expect(images.map((i) => i.alt)).to.deep.equal(['Merkblatt „Heizkosten sparen“, Bild 1 von 2', 'Merkblatt „Heizkosten sparen“, Bild 2 von 2']);
    expect(images.every((i) => i.src.startsWith('blob:'))).to.be.true;
    await waitUntil(() => images.every((i) => i.complete && i.naturalWidth > 0), 'pictures drawn', { timeout: 5000 });
    expect(server.files).to.deep.equal(['post-heizkosten/f-thermostat?thumb', 'post-heizkosten/f-fenster?thumb']);
    expect(fake.callsTo('GET /posts/{id}/files/{fileId}').every((c) => /^Bearer /.test(c.headers.get('Authorization') ?? ''))).to.be.true;
    const pdf = $(el, '.files [data-file="f-merkblatt"]');
    expect(text(pdf)).to.equal('Merkblatt Heizkosten.pdf (120 kB)');
    const file = await captureDownload(() => pdf.click());
    expect(file.name).to.equal('Merkblatt Heizkosten.pdf');
    expect(file.text).to.equal('file Merkblatt Heizkosten.pdf');
    expect(server.files.slice(2)).to.deep.equal(['post-heizkosten/f-merkblatt?']);
    await expect(el).to.be.accessible();
    // Leaving the page gives the object URLs back: they no longer load.
    const url = images[0]!.src;
    el.remove();
    const gone = await fetch(url).then(
      () => false,
      () => true,
    );
    expect(gone, 'URL revoked').to.be.true;
  });

  it('shows the link with its text, opening in a new tab without opener and referrer', async () => {
    const { el } = await boardWidget(postRoutes().routes);
    await loaded(el);
    await openPost(el, 'post-heizkosten');
    const link = $<HTMLAnchorElement>(el, '#p-post-heizkosten .link a');
    expect(link.href).to.equal('https://www.energie.gv.at/');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.target).to.equal('_blank');
    expect(text(link)).to.equal('Mehr Energiespartipps (öffnet in neuem Tab)');
  });

  it('acknowledges a notice that asks for it: POST …/acknowledge, then "Zur Kenntnis genommen am …" with the focus', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes);
    await loaded(el);
    await openPost(el, 'post-hausordnung');
    expect(server.reads).to.deep.equal(['post-hausordnung']);
    expect(text($(el, '#p-post-hausordnung .ack'))).to.equal('Bitte bestätigen Sie, dass Sie diese Mitteilung zur Kenntnis genommen haben. Zur Kenntnis genommen');
    await expect(el).to.be.accessible();
    $(el, '#p-post-hausordnung .acknowledge').click();
    await waitUntil(() => root(el).activeElement?.id === 'ack-post-hausordnung', 'focus on the acknowledgement');
    expect(server.acks).to.deep.equal(['post-hausordnung']);
    expect(text($(el, '#ack-post-hausordnung'))).to.match(/^✓ Zur Kenntnis genommen am \d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
    expect($(el, '#p-post-hausordnung .acknowledge')).to.not.exist;
    // A notice that does not ask for it has no button.
    await openPost(el, 'post-legionellen');
    expect($(el, '#p-post-legionellen .acknowledge')).to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('says so when an action fails, and drops a notice no longer shown (404) from the list', async () => {
    const { routes, server } = postRoutes(demoPosts(NOW), { 'POST /posts/{id}/acknowledge': () => problem(500, 'internal') });
    const { el } = await boardWidget(routes);
    await loaded(el);
    await openPost(el, 'post-wasser');
    $(el, '#p-post-wasser .acknowledge').click();
    await waitUntil(() => $(el, '#p-post-wasser .failed'), 'failure shown');
    expect(text($(el, '#p-post-wasser .failed'))).to.equal('Das hat nicht geklappt: Beim Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.');
    // The summer party was unpublished meanwhile.
    server.posts = server.posts.filter((p) => p.id !== 'post-sommerfest');
    $(el, '[data-open="post-sommerfest"]').click();
    await waitUntil(() => !postIds(el).includes('post-sommerfest'), 'gone from the list');
    expect(server.pages).to.have.length(2);
  });

  it('shows a loading state and an error with retry inside the notice', async () => {
    let fail = true;
    const { routes } = postRoutes();
    const detail = routes['GET /posts/{id}']!;
    const { el } = await boardWidget({ ...routes, 'GET /posts/{id}': (request) => (fail ? problem(503, 'unavailable') : detail(request)) });
    await loaded(el);
    await openPost(el, 'post-legionellen');
    expect(text($(el, '#p-post-legionellen [part=error]'))).to.contain('Beim Server ist ein Fehler aufgetreten');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '#p-post-legionellen [part=retry]').click();
    await waitUntil(() => $(el, '#p-post-legionellen .body'), 'body after retry');
  });

  it('opens the notice named by `post` once it is listed, with the focus on it', async () => {
    const { routes, server } = postRoutes();
    const { el } = await boardWidget(routes, { attrs: { post: 'post-sperrmuell' } });
    await loaded(el);
    await el.detail.opening;
    await waitUntil(() => root(el).activeElement?.id === 't-post-sperrmuell', 'focus on the notice');
    expect(server.reads).to.deep.equal(['post-sperrmuell']);
    expect($(el, '#p-post-sperrmuell .body')).to.exist;
  });
});
