import { expect, waitUntil } from '@open-wc/testing';
import { demoMe, demoPassword, problem } from '@hausportal/core/testing.js';
import { $, gate, loaded, rowIds, text, ticketRoutes, ticketsWidget, unreadCounts } from './fixtures.js';

const counts = unreadCounts();

describe('<hp-ticket-list> states', () => {
  it('asks to sign in when nobody is signed in, without asking the API', async () => {
    const { routes, server } = ticketRoutes();
    const { el } = await ticketsWidget(routes, { user: null });
    expect(text(el)).to.contain('Bitte melden Sie sich an, um Ihre Anliegen zu sehen.');
    expect($(el, '[part=empty]')).to.exist;
    expect(server.pages).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the loading state until the first page arrives', async () => {
    const { routes } = ticketRoutes();
    const first = gate();
    const list = routes['GET /tickets']!;
    const { el } = await ticketsWidget({ ...routes, 'GET /tickets': async (request) => (await first.wait, list(request)) });
    expect($(el, '[role=tabpanel] [part=loading]')).to.exist;
    expect(text(el)).to.contain('Wird geladen');
    await expect(el).to.be.accessible();
    first.open();
    await waitUntil(() => rowIds(el).length === 3, 'rows shown');
    expect($(el, '[part=loading]')).to.not.exist;
  });

  it('says per tab that there is nothing, in German and English', async () => {
    for (const [lang, words] of [
      ['de', ['Keine offenen Anliegen.', 'Keine erledigten Anliegen in den letzten 30 Tagen.', 'Keine archivierten Anliegen.']],
      ['en', ['No open requests.', 'No completed requests in the last 30 days.', 'No archived requests.']],
    ] as const) {
      const { el } = await ticketsWidget(ticketRoutes([]).routes, { lang });
      await loaded(el);
      for (const [i, tab] of (['open', 'done', 'archive'] as const).entries()) {
        el.list.select(tab);
        await loaded(el);
        expect($(el, '[role=tabpanel] [part=empty]').textContent!.trim(), `${lang} ${tab}`).to.equal(words[i]);
      }
      await expect(el).to.be.accessible();
    }
  });

  it('shows an error with a retry that loads again', async () => {
    const { routes } = ticketRoutes();
    let fail = true;
    const list = routes['GET /tickets']!;
    const { el } = await ticketsWidget({ ...routes, 'GET /tickets': (request) => (fail ? problem(500, 'internal') : list(request)) });
    await waitUntil(() => $(el, '[part=error]'), 'error shown');
    expect(text(el)).to.contain('Beim Server ist ein Fehler aufgetreten');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part=retry]').click();
    await waitUntil(() => rowIds(el).length === 3, 'rows after retry');
    expect($(el, '[part=error]')).to.not.exist;
  });

  it('empties the list when the person signs out (unread count 0) and loads it anew on the next sign-in', async () => {
    const { routes, server } = ticketRoutes();
    const { el, fake } = await ticketsWidget(routes);
    await loaded(el);
    expect(counts.at(-1)).to.equal(2);
    await fake.client.logout();
    await waitUntil(() => text(el).includes('Bitte melden Sie sich an'), 'signed out');
    expect(rowIds(el)).to.have.length(0);
    expect(counts.at(-1)).to.equal(0);
    await fake.client.login(demoMe.username, demoPassword);
    await waitUntil(() => rowIds(el).length === 3, 'loaded again');
    expect(server.pages).to.have.length(2);
    expect(counts.at(-1)).to.equal(2);
  });

  it('speaks English', async () => {
    const { el } = await ticketsWidget(ticketRoutes().routes, { lang: 'en' });
    await loaded(el);
    expect(text(el)).to.contain('My requests').and.contain('Open').and.contain('Archive').and.contain('In progress').and.contain('also affected');
    const signedOut = await ticketsWidget(ticketRoutes().routes, { user: null, lang: 'en' });
    expect(text(signedOut.el)).to.contain('Please sign in to see your requests.');
  });
});
