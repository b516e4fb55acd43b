import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { atWidth, demoMe, layoutProblems } from '@hausportal/core/testing.js';
import type { Me } from '@hausportal/api';
import type { HpStatement } from '@hausportal/statement';
import { w2 } from '../../statement/test/fixtures.js';
import { viewNames } from '../src/index.js';
import { $, clearHash, focused, navLabels, navLink, openMenu, portal, portalRoutes, shows, withFeatures } from './fixtures.js';

const owner: Me = { ...demoMe, role: 'owner', memberships: [{ ...demoMe.memberships[0]!, role: 'owner' }] };
const onlyW2 = portalRoutes({ overrides: { 'GET /units': () => ({ items: [w2], properties: [], nextCursor: null }) } });

describe('<hp-portal> navigation by role and features', () => {
  beforeEach(clearHash);
  after(clearHash);

  it("hides the views the organization switched off for the person's role, and leaves a hash of one for the overview", async () => {
    location.hash = '#/dokumente';
    const { el } = await portal({ organization: withFeatures({ documents: false, 'tickets.tenant': false, 'units.owner': false }) });
    expect(navLabels(el)).to.not.include.members(['Dokumente', 'Meldungen & Tickets', 'Neue Meldung']);
    expect(navLabels(el)).to.include.members(['Übersicht', 'Einheiten', 'Vorschreibung & Konto', 'Schwarzes Brett', 'Profil']);
    await shows(el, 'overview');
    expect(location.hash).to.equal('#/uebersicht');
    await openMenu(el, 'notifications');
    expect([...el.shadowRoot!.querySelectorAll('#notifications-panel a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#/brett', '#/brett']);
  });

  it('offers the expense accounts (Belegeinsicht) to owners only, on an owned unit', async () => {
    const tenant = await portal({ routes: onlyW2 });
    await waitUntil(() => tenant.el.units.units.length === 1, 'no units');
    await tenant.el.updateComplete;
    expect(navLabels(tenant.el)).to.not.include('Belegeinsicht');
    tenant.el.remove();

    const { el } = await portal({ user: owner });
    await waitUntil(() => navLabels(el).includes('Belegeinsicht'), 'no expense accounts for the owner');
    expect(navLabels(el).indexOf('Belegeinsicht')).to.equal(navLabels(el).indexOf('Vorschreibung & Konto') + 1);
    navLink(el, 'Belegeinsicht').click();
    const statement = (await shows(el, 'statement')) as HpStatement;
    expect(location.hash).to.equal('#/konto/expenses');
    await waitUntil(() => statement.unit === 'unit-3' && statement.view === 'expenses', 'not the expense accounts of the owned unit');
    expect(navLink(el, 'Belegeinsicht').getAttribute('aria-current')).to.equal('page');
    expect(navLink(el, 'Vorschreibung & Konto').hasAttribute('aria-current')).to.equal(false);
  });

  it('shows every view during a preview as a tenant, "Neue Meldung" too (the server refuses the writes)', async () => {
    const preview = { sessionId: '0190a6b2-0000-7000-8000-00000000p001', expiresAt: new Date(Date.now() + 900_000).toISOString(), person: { id: 'person-1', name: demoMe.name } };
    const { el } = await portal({ user: { ...demoMe, preview }, routes: onlyW2 });
    await waitUntil(() => el.units.units.length === 1, 'no units');
    await el.updateComplete;
    expect(navLabels(el)).to.deep.equal(['Übersicht', 'Einheiten', 'Vorschreibung & Konto', 'Dokumente', 'Schwarzes Brett', 'Meldungen & Tickets', 'Neue Meldung', 'Profil']);
  });

  it('hides the expense accounts when they are off for owners', async () => {
    const { el } = await portal({ user: owner, organization: withFeatures({ 'expenseAccounts.owner': false }) });
    await waitUntil(() => el.units.units.length === 2, 'no units');
    await el.updateComplete;
    expect(navLabels(el)).to.not.include('Belegeinsicht');
  });
});

describe('<hp-portal> layout and keyboard', () => {
  beforeEach(clearHash);
  after(async () => {
    clearHash();
    await setViewport({ width: 1200, height: 900 });
  });

  it('collapses the navigation to icons on wide screens, the names kept as tooltips', async () => {
    await atWidth(1200, setViewport);
    const { el } = await portal();
    const nav = $(el, '[part=nav]')!;
    const wide = nav.getBoundingClientRect().width;
    const toggle = $(el, '[part=collapse]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(nav.getBoundingClientRect().width).to.be.below(wide / 2);
    expect(navLink(el, 'Dokumente').title).to.equal('Dokumente');
    await expect(el).to.be.accessible();
  });

  it('becomes a menu button below 768 px: a disclosure that Esc closes, and a link closes it too', async () => {
    await atWidth(320, setViewport);
    const { el } = await portal();
    await waitUntil(() => $(el, '[part=menu-button]'), 'no menu button at 320 px');
    const button = $(el, '[part=menu-button]')!;
    const nav = $(el, '[part=nav]')!;
    expect(nav.hidden).to.equal(true);
    expect($(el, '[part=collapse]')).to.equal(null);
    button.focus();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(nav.hidden).to.equal(false);
    await waitUntil(() => focused() === navLink(el, 'Übersicht'), 'the focus did not move to the current view in the menu');
    await sendKeys({ press: 'Tab' });
    expect(focused()?.closest('[part=nav]') === nav, `the focus is on ${focused()?.outerHTML.slice(0, 80)}`).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(nav.hidden).to.equal(true);
    expect(focused() === button, `the focus is on ${focused()?.outerHTML.slice(0, 80)}`).to.equal(true);
    button.click();
    await el.updateComplete;
    navLink(el, 'Schwarzes Brett').click();
    await shows(el, 'board');
    expect(nav.hidden).to.equal(true);
    await expect(el).to.be.accessible();
    expect(layoutProblems($(el, '[part=header]')!)).to.deep.equal([]);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    // The unit switcher and the statement fit too.
    el.go({ view: 'statement', param: '' });
    const statement = await shows(el, 'statement');
    await waitUntil(() => $(el, '[part=unit-select]') && statement.shadowRoot!.querySelector('[role=tab]'), 'the statement did not load');
    expect(layoutProblems($(el, '[part=toolbar]')!)).to.deep.equal([]);
    expect($(el, '[part=main]')!.scrollWidth).to.be.at.most($(el, '[part=main]')!.clientWidth);
  });

  it('has a skip link first in the tab order that moves the focus to the view', async () => {
    await atWidth(1200, setViewport);
    location.hash = '#/tickets';
    const { el } = await portal();
    const list = await shows(el, 'tickets');
    // Tab from a button just before the portal (blurring would leave the starting point wherever the focus was last).
    const before = Object.assign(document.createElement('button'), { textContent: 'davor' });
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    before.remove();
    const skip = $(el, '[part=skip-link]')!;
    expect(focused() === skip, `the focus is on ${focused()?.outerHTML.slice(0, 80)}`).to.equal(true);
    expect(skip.textContent).to.equal('Zum Inhalt springen');
    expect(skip.getBoundingClientRect().width).to.be.above(1);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === list.shadowRoot!.querySelector('#title'), 'the focus did not reach the view');
    expect(location.hash).to.equal('#/tickets');
  });

  it('focuses the heading of the overview when it comes back to it', async () => {
    const { el } = await portal();
    navLink(el, 'Dokumente').click();
    await shows(el, 'documents');
    navLink(el, 'Übersicht').click();
    await shows(el, 'overview');
    const overview = el.shadowRoot!.querySelector('hp-overview')!;
    await waitUntil(() => focused() === overview.shadowRoot!.querySelector('#title'), 'the focus did not move to the heading');
    expect(focused()!.textContent!.trim()).to.equal('Übersicht');
    expect($(el, '[part=main]')!.getAttribute('aria-label')).to.equal('Inhalt: Übersicht');
  });
});

describe('<hp-portal> accessibility of every view', () => {
  beforeEach(clearHash);
  after(clearHash);

  for (const lang of ['de', 'en'] as const) {
    it(`passes axe in every view (${lang})`, async () => {
      const { el } = await portal({ user: owner, lang });
      for (const name of viewNames) {
        el.go({ view: name, param: '' });
        const widget = await shows(el, name);
        await waitUntil(() => !widget.shadowRoot!.querySelector('[part=loading], .hp-loading'), `${name} kept loading`);
        await expect(el, name).to.be.accessible();
      }
    });
  }
});
