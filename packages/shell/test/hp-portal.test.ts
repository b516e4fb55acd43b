import { expect, waitUntil } from '@open-wc/testing';
import { HpNavigateEvent } from '@hausportal/chat-bot';
import { navigate } from '../../chat-bot/src/navigate.js';
import type { HpStatement } from '@hausportal/statement';
import type { HpTicketList } from '@hausportal/ticket-list';
import type { HpBulletinBoard } from '@hausportal/bulletin-board';
import type { HpMessageForm } from '@hausportal/message-form';
import { HpPortalViewEvent } from '../src/index.js';
import { w2 } from '../../statement/test/fixtures.js';
import { $, clearHash, focused, navLabels, navLink, portal, portalRoutes, shows, view } from './fixtures.js';

describe('<hp-portal> navigation and routing', () => {
  beforeEach(clearHash);
  after(clearHash);

  it('opens on the overview with the navigation of every view, in German', async () => {
    const { el } = await portal({ routes: portalRoutes({ overrides: { 'GET /units': () => ({ items: [w2], properties: [], nextCursor: null }) } }) });
    await waitUntil(() => el.units.units.length === 1, 'the units did not load');
    await el.updateComplete;
    expect(navLabels(el)).to.deep.equal([
      'Übersicht',
      'Einheiten',
      'Vorschreibung & Konto',
      'Dokumente',
      'Schwarzes Brett',
      'Meldungen & Tickets',
      'Neue Meldung',
      'Profil',
    ]);
    await shows(el, 'overview');
    expect(navLink(el, 'Übersicht').getAttribute('aria-current')).to.equal('page');
    expect($(el, '[part=brand]')!.textContent).to.contain('Demo Hausverwaltung GmbH');
  });

  it('follows a link: the hash, the view, the focus on its heading and the announcement', async () => {
    const { el } = await portal();
    const heard: string[] = [];
    el.addEventListener(HpPortalViewEvent.eventName, (e) => heard.push(e.detail.view));
    navLink(el, 'Dokumente').click();
    const documents = await shows(el, 'documents');
    expect(location.hash).to.equal('#/dokumente');
    await waitUntil(() => focused()?.localName === 'h2' && documents.shadowRoot!.activeElement === focused(), 'the focus did not move to the heading');
    expect($(el, '[role=status]')!.textContent).to.equal('Dokumente');
    expect(navLink(el, 'Dokumente').getAttribute('aria-current')).to.equal('page');
    expect(heard).to.deep.equal(['documents']);
  });

  it('goes back and forward through the views', async () => {
    const { el } = await portal();
    navLink(el, 'Dokumente').click();
    await shows(el, 'documents');
    navLink(el, 'Schwarzes Brett').click();
    await shows(el, 'board');
    history.back();
    await shows(el, 'documents');
    history.back();
    await shows(el, 'overview');
    history.forward();
    await shows(el, 'documents');
    expect(location.hash).to.equal('#/dokumente');
  });

  it('keeps the view on a reload and opens deep links: a notice, a ticket by number, a statement view', async () => {
    location.hash = '#/brett/post-wasser';
    let { el } = await portal();
    const board = (await shows(el, 'board')) as HpBulletinBoard;
    expect(board.post).to.equal('post-wasser');
    el.remove();

    location.hash = '#/tickets/2026-00042';
    ({ el } = await portal());
    const list = (await shows(el, 'tickets')) as HpTicketList;
    await waitUntil(() => list.ticket === 't-wasserhahn', 'the ticket number did not open its ticket');
    el.remove();

    location.hash = '#/konto/ledger';
    ({ el } = await portal());
    const statement = (await shows(el, 'statement')) as HpStatement;
    expect(statement.view).to.equal('ledger');
    el.remove();

    location.hash = '#/meldung/schadensmeldung';
    ({ el } = await portal());
    expect(((await shows(el, 'report')) as HpMessageForm).form).to.equal('schadensmeldung');
  });

  it('reads the English slugs too, and leaves the view alone for a hash of the host page', async () => {
    location.hash = '#/documents';
    const { el } = await portal();
    await shows(el, 'documents');
    location.hash = '#kontakt';
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    await el.updateComplete;
    expect(view(el)!.dataset.view).to.equal('documents');
  });

  it('follows the statement and the ticket list inside their views in the hash, the focus staying', async () => {
    location.hash = '#/konto';
    const { el } = await portal();
    const statement = (await shows(el, 'statement')) as HpStatement;
    await waitUntil(() => statement.shadowRoot!.querySelector('[role=tab]'), 'no tabs');
    const ledgerTab = [...statement.shadowRoot!.querySelectorAll<HTMLElement>('[role=tab]')].find((t) => /Kontoblatt/.test(t.textContent!))!;
    ledgerTab.click();
    await waitUntil(() => location.hash === '#/konto/ledger', 'the hash did not follow the statement');
    history.back();
    await waitUntil(() => statement.view === 'charges', 'back did not return to the charges');

    navLink(el, 'Meldungen & Tickets').click();
    const list = (await shows(el, 'tickets')) as HpTicketList;
    await waitUntil(() => list.shadowRoot!.querySelector('[data-open="t-wasserhahn"]'), 'no row');
    list.shadowRoot!.querySelector<HTMLElement>('[data-open="t-wasserhahn"]')!.click();
    await waitUntil(() => location.hash === '#/tickets/2026-00042', 'the hash did not follow the ticket');
    history.back();
    await waitUntil(() => list.ticket === '', 'back did not close the ticket');
  });

  it("routes the chat bot's navigate events, cancelling them", async () => {
    const { el } = await portal();
    const bot = $(el, 'hp-chat-bot')!;
    expect(navigate(bot, 'statement', { view: 'open-items', unit: 'unit-3' })).to.equal(true);
    const statement = (await shows(el, 'statement')) as HpStatement;
    expect(location.hash).to.equal('#/konto/open-items');
    await waitUntil(() => statement.unit === 'unit-3' && statement.view === 'open-items', 'the statement did not take the parameters');

    const event = new HpNavigateEvent('ticket-list', { ticket: 't-lift' });
    bot.dispatchEvent(event);
    expect(event.defaultPrevented).to.equal(true);
    const list = (await shows(el, 'tickets')) as HpTicketList;
    expect(list.ticket).to.equal('t-lift');
    expect(location.hash).to.equal('#/tickets/t-lift');

    const unknown = new HpNavigateEvent('calendar', {});
    bot.dispatchEvent(unknown);
    expect(unknown.defaultPrevented).to.equal(false);
  });
});
