import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { demoMe } from '@hausportal/core/testing.js';
import { HpDocumentsUnreadEvent } from '@hausportal/documents';
import { HpPostsUnreadEvent } from '@hausportal/bulletin-board';
import type { HpSession } from '@hausportal/core';
import type { HpStatement } from '@hausportal/statement';
import { HpOverviewUnreadEvent } from '../src/overview/index.js';
import { $, clearHash, focused, navLabels, navLink, openMenu, portal, portalRoutes, shows } from './fixtures.js';

const badge = (el: HTMLElement) => el.shadowRoot!.querySelector('[part=notifications] .badge')?.textContent?.trim() ?? '';
const buttonName = (el: HTMLElement) => el.shadowRoot!.querySelector('[part=notifications] .visually-hidden')!.textContent!.trim();

describe('<hp-portal> header', () => {
  beforeEach(clearHash);
  after(clearHash);

  it('counts unread documents, notices and ticket updates, first from GET /overview, then from the widgets', async () => {
    location.hash = '#/einheiten';
    const { el, fake } = await portal({ routes: portalRoutes({ unread: { documents: 2, notices: 3, tickets: 1, appointments: 1 } }) });
    await waitUntil(() => badge(el) === '6', `the badge shows "${badge(el)}"`);
    expect(buttonName(el)).to.equal('Benachrichtigungen, 6 neu');
    expect(fake.callsTo('GET /overview')).to.have.length(1);
    // The widgets' events update their part (here from elements inside the portal).
    $(el, '[part=main]')!.dispatchEvent(new HpDocumentsUnreadEvent(0));
    await waitUntil(() => badge(el) === '4', 'documents read');
    $(el, '[part=main]')!.dispatchEvent(new HpPostsUnreadEvent(0));
    await waitUntil(() => badge(el) === '1', 'notices read');
    const counts = () => [...el.shadowRoot!.querySelectorAll('[part=notifications-panel] li a')].map((a) => [...a.children].map((c) => c.textContent!.trim()).join(' '));
    await openMenu(el, 'notifications');
    expect(counts()).to.deep.equal(['Neue Dokumente 0', 'Ungelesene Mitteilungen 0', 'Neue Termine 0', 'Neuigkeiten zu meinen Meldungen 1']);
  });

  it('takes the counts of the overview without a request of its own while the overview shows', async () => {
    const { el, fake } = await portal();
    await shows(el, 'overview');
    // The overview's own GET /overview brings the counts (its hp-overview-unread event): 2 + 3 + 1.
    await waitUntil(() => badge(el) === '6', 'no counts from the overview');
    expect(fake.callsTo('GET /overview')).to.have.length(1);
    $(el, 'hp-overview')!.dispatchEvent(new HpOverviewUnreadEvent({ documents: 1, notices: 0, tickets: 4, appointments: 0 }));
    await waitUntil(() => badge(el) === '5', 'the counts did not follow the overview');
    navLink(el, 'Einheiten').click();
    await shows(el, 'units');
    expect(fake.callsTo('GET /overview')).to.have.length(1);
  });

  it('opens the notifications as a disclosure: links to the views, Esc closes and returns the focus', async () => {
    const { el } = await portal();
    const button = $(el, '#notifications-button')!;
    button.focus();
    await openMenu(el, 'notifications');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#notifications-panel')!.hidden).to.equal(false);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()?.getAttribute('href')).to.equal('#/dokumente');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '#notifications-panel')!.hidden).to.equal(true);
    expect(focused() === button, `the focus is on ${focused()?.outerHTML.slice(0, 80)}`).to.equal(true);
    button.click();
    await el.updateComplete;
    $<HTMLAnchorElement>(el, '#notifications-panel a[href="#/tickets"]')!.click();
    await shows(el, 'tickets');
    expect($(el, '#notifications-panel')!.hidden).to.equal(true);
  });

  it('has a user menu with Profil, the language and Abmelden; English switches every text', async () => {
    const { el, fake } = await portal();
    const button = $(el, '#user-button')!;
    expect(button.textContent).to.contain(demoMe.name);
    const panel = await openMenu(el, 'user');
    expect(panel.hidden).to.equal(false);
    expect(panel.querySelector('a[href="#/profil"]')!.textContent!.trim()).to.equal('Profil');
    [...panel.querySelectorAll<HTMLButtonElement>('button[lang]')].find((b) => b.lang === 'en')!.click();
    await waitUntil(() => navLabels(el)[0] === 'Overview' && el.units.units.length === 2, 'the texts did not switch to English');
    // Top 3 of the fake is an owner's: its expense accounts have an entry.
    expect(navLabels(el)).to.deep.equal(['Overview', 'Units', 'Charges & account', 'Expense accounts', 'Documents', 'Notice board', 'Requests & tickets', 'New request', 'Profile']);
    expect((el.closest('hp-session') as HpSession).session.lang).to.equal('en');
    $(el, '#user-button')!.click();
    await el.updateComplete;
    $(el, '[part=logout]')!.click();
    await waitUntil(() => fake.callsTo('POST /auth/logout').length === 1, 'no logout');
    await waitUntil(() => !$(el, '[part=nav]') && $(el, 'slot[name=login]'), 'the login did not show after signing out');
    (el.closest('hp-session') as HpSession).lang = 'de';
  });

  it('offers the organizations of the person and switches the session to the one chosen', async () => {
    const user = {
      ...demoMe,
      memberships: [...demoMe.memberships, { organization: 'krueger', organizationName: 'Hausverwaltung Krüger', role: 'owner' as const }],
    };
    const { el } = await portal({ user });
    await openMenu(el, 'user');
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[aria-labelledby=org-label] button')];
    expect(buttons.map((b) => [b.textContent!.trim(), b.getAttribute('aria-pressed')])).to.deep.equal([
      ['Demo Hausverwaltung GmbH', 'true'],
      ['Hausverwaltung Krüger', 'false'],
    ]);
    buttons[1]!.click();
    expect((el.closest('hp-session') as HpSession).org).to.equal('krueger');
  });

  it('prints only the current view', async () => {
    location.hash = '#/konto';
    const { el } = await portal();
    await shows(el, 'statement');
    const original = window.print;
    const shown = (part: string) => $(el, `[part=${part}]`)!.checkVisibility();
    let seen: { marked: boolean; header: boolean; nav: boolean; footer: boolean; view: boolean } | undefined;
    window.print = () => {
      seen = { marked: el.hasAttribute('data-hp-printing'), header: shown('header'), nav: shown('nav'), footer: shown('footer'), view: shown('main') };
    };
    try {
      $(el, '[part=print]')!.click();
      await waitUntil(() => seen, 'window.print() was not called');
    } finally {
      window.print = original;
    }
    expect(seen).to.deep.equal({ marked: true, header: false, nav: false, footer: false, view: true });
    await waitUntil(() => !el.hasAttribute('data-hp-printing'), 'the mark stayed');
    expect(shown('header')).to.equal(true);
  });

  it('names the legal links in the footer and the organization', async () => {
    const { el } = await portal();
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=footer] a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).to.deep.equal([
      ['Impressum', 'https://demo.example/impressum'],
      ['Datenschutz', 'https://demo.example/datenschutz'],
      ['Nutzungsbedingungen', 'https://demo.example/nutzungsbedingungen'],
    ]);
    expect($(el, '[part=footer]')!.textContent).to.contain('Demo Hausverwaltung GmbH');
  });

  it('switches the unit of the statement with two units or more', async () => {
    location.hash = '#/konto';
    const { el } = await portal();
    const statement = (await shows(el, 'statement')) as HpStatement;
    const select = await waitUntil(() => $<HTMLSelectElement>(el, '[part=unit-select]'), 'no unit switcher').then(() => $<HTMLSelectElement>(el, '[part=unit-select]')!);
    expect([...select.options].map((o) => o.value)).to.deep.equal(['unit-w2', 'unit-3']);
    expect(statement.unit).to.equal('unit-w2');
    select.value = 'unit-3';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => statement.unit === 'unit-3', 'the statement did not switch');
    await waitUntil(() => /Top 3/.test(statement.shadowRoot!.textContent!), 'the statement did not show Top 3');
  });
});
