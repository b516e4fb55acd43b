import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Overview, UnreadCounts } from '@hausportal/api';
import type { NavigateDetail } from '@hausportal/chat-bot';
import { atWidth, createFakeApi, dataValues, demoMe, demoPassword, gate, layoutProblems, problem, sessionFixture, shadowQuery, signedIn, visibleText, type FakeRoutes } from '@hausportal/core/testing.js';
import { define } from '@hausportal/core';
import { HpOverview, HpOverviewUnreadEvent } from '../src/overview/index.js';
import { demoOverview, noUnitsOverview, ownerOverview } from '../src/overview/testing.js';

define('hp-overview', HpOverview);

const NOW = Date.UTC(2026, 2, 10, 9);

/** A fake GET /overview answering `overview` (or what `answer` gives) to a signed-in person; counts the calls. */
function overviewRoutes(answer: Overview | (() => unknown)): { routes: FakeRoutes; calls: () => number } {
  let calls = 0;
  const routes: FakeRoutes = {
    'GET /overview': signedIn(() => {
      calls++;
      return typeof answer === 'function' ? answer() : answer;
    }),
  };
  return { routes, calls: () => calls };
}

/** `<hp-overview>` in a session of the demo tenant (or `user`) on `routes`; waits for the first load to end. */
async function overview(routes: FakeRoutes, options: { lang?: 'de' | 'en'; user?: typeof demoMe | null; wait?: boolean } = {}) {
  const fake = createFakeApi(routes, { user: options.user === undefined ? demoMe : options.user });
  const el = await sessionFixture<HpOverview>(html`<hp-overview></hp-overview>`, { client: fake.client, lang: options.lang ?? 'de' });
  if (options.wait !== false) await loaded(el);
  return { el, fake };
}

async function loaded(el: HpOverview): Promise<void> {
  await el.store.loaded;
  await el.updateComplete;
}

const $ = shadowQuery;
const text = visibleText;
const cards = (el: HpOverview) => dataValues(el, 'card');
const card = (el: HpOverview, name: string) => $(el, `[data-card="${name}"]`);

/** Every `hp-overview-unread` heard on the document during the current test. */
const heard: UnreadCounts[] = [];
const hear = (e: Event) => heard.push((e as HpOverviewUnreadEvent).detail);
beforeEach(() => {
  heard.length = 0;
  document.addEventListener(HpOverviewUnreadEvent.eventName, hear);
});
afterEach(() => document.removeEventListener(HpOverviewUnreadEvent.eventName, hear));

describe('<hp-overview> states', () => {
  it('asks to sign in when nobody is signed in, without asking the API', async () => {
    for (const [lang, words] of [
      ['de', 'Bitte melden Sie sich an, um Ihre Übersicht zu sehen.'],
      ['en', 'Please sign in to see your overview.'],
    ] as const) {
      const { routes, calls } = overviewRoutes(demoOverview(NOW));
      const { el } = await overview(routes, { user: null, lang });
      expect(text($(el, '[part=empty]'))).to.equal(words);
      expect(calls()).to.equal(0);
      await expect(el).to.be.accessible();
    }
  });

  it('shows placeholder cards while loading, then the cards', async () => {
    const first = gate();
    const { routes } = overviewRoutes(async () => (await first.wait, demoOverview(NOW)));
    const { el } = await overview(routes, { wait: false });
    await waitUntil(() => el.shadowRoot!.querySelector('[part=loading]'), 'loading shown');
    expect(text($(el, '[part=loading]'))).to.equal('Übersicht wird geladen…');
    await expect(el).to.be.accessible();
    first.open();
    await waitUntil(() => cards(el).length === 7, 'cards shown');
    expect(el.shadowRoot!.querySelector('[part=loading]')).to.not.exist;
  });

  it('shows an error with a retry that loads again', async () => {
    let fail = true;
    const { routes, calls } = overviewRoutes(() => (fail ? problem(500, 'internal') : demoOverview(NOW)));
    const { el } = await overview(routes);
    expect(text($(el, '[part=error]'))).to.contain('Beim Server ist ein Fehler aufgetreten');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part=retry]').click();
    await waitUntil(() => cards(el).length === 7, 'cards after retry');
    expect(calls()).to.equal(2);
    expect(el.shadowRoot!.querySelector('[part=error]')).to.not.exist;
  });

  it('says kindly that there is no current unit, with only the personal details', async () => {
    const { el } = await overview(overviewRoutes(noUnitsOverview(NOW)).routes);
    expect(text($(el, '[part=empty]'))).to.contain('keine laufende Wohnung oder Einheit');
    expect(cards(el)).to.deep.equal(['person']);
    expect(heard.at(-1)).to.deep.equal({ documents: 0, notices: 0, tickets: 0, appointments: 0 });
    await expect(el).to.be.accessible();
  });

  it('leaves out the parts the organization switched off for my role', async () => {
    const o = { ...demoOverview(NOW), documents: null, tickets: null, notices: null, nextAppointment: null };
    const { el } = await overview(overviewRoutes(o).routes);
    expect(cards(el)).to.deep.equal(['person', 'properties', 'balances']);
  });

  it('announces the unread counts of all parts when loaded, and zeros after signing out; a new sign-in loads again', async () => {
    const { routes, calls } = overviewRoutes(demoOverview(NOW));
    const { el, fake } = await overview(routes);
    expect(heard).to.deep.equal([{ documents: 1, notices: 3, tickets: 2, appointments: 1 }]);
    await fake.client.logout();
    await waitUntil(() => text(el).includes('Bitte melden Sie sich an'), 'signed out');
    expect(heard.at(-1)).to.deep.equal({ documents: 0, notices: 0, tickets: 0, appointments: 0 });
    expect(cards(el)).to.deep.equal([]);
    await fake.client.login(demoMe.username, demoPassword);
    await waitUntil(() => cards(el).length === 7, 'loaded again');
    expect(calls()).to.equal(2);
    expect(heard.at(-1)!.notices).to.equal(3);
  });
});

describe('<hp-overview> cards', () => {
  it('shows the tenant her data, property with photo and contacts, credit, documents, notices danger first, requests and the next appointment', async () => {
    const { el } = await overview(overviewRoutes(demoOverview(NOW)).routes);
    expect(cards(el)).to.deep.equal(['person', 'properties', 'balances', 'documents', 'notices', 'tickets', 'appointment']);
    expect(text(card(el, 'person'))).to.contain('Persönliche Daten').and.contain('Katharina Huber').and.contain('Gumpendorfer Straße 81/7').and.contain('1060 Wien');
    expect($(el, '[data-card=person] a[href^="tel:"]').getAttribute('href')).to.equal('tel:+436641234567');
    const img = $<HTMLImageElement>(el, '.property img');
    expect(img.alt).to.equal('Foto: Wohnhausanlage Naschmarkt');
    const property = text(card(el, 'properties'));
    expect(property).to.contain('Linke Wienzeile 48, 1060 Wien · Mieter/in').and.contain('Sachbearbeitung').and.contain('Mag. Petra Hofbauer').and.contain('Sprechzeiten: Mo–Do 9–12 Uhr');
    expect(property).to.not.contain('Ing. Stefan Gruber');
    expect($(el, '[data-card=properties] a[href="mailto:p.hofbauer@immopro.example"]')).to.exist;
    expect($(el, '[data-card=properties] a[href="tel:+431587331012"]')).to.exist;
    expect(text(card(el, 'balances'))).to.contain('Top 7, Linke Wienzeile 48').and.contain('128,40 € Guthaben').and.contain('Kontoblatt');
    expect(el.shadowRoot!.querySelector('.link.pay')).to.not.exist;
    expect(text($(el, '[data-card=documents] h2'))).to.equal('Neueste Dokumente 1 neu');
    expect(dataValues(el, 'document')).to.deep.equal(['doc-bk', 'doc-hausordnung', 'doc-energie']);
    expect(text($(el, '[data-document=doc-bk]'))).to.contain('Neu').and.contain('BK-Abrechnung');
    expect(dataValues(el, 'type')).to.deep.equal(['danger', 'warning', 'info', 'neutral', 'neutral']);
    expect(text($(el, '[data-post=post-wasser] .type'))).to.equal('Gefahrenhinweis');
    expect(getComputedStyle($(el, '[data-post=post-wasser]')).borderInlineStartColor).to.not.equal(getComputedStyle($(el, '[data-post=post-heizkosten]')).borderInlineStartColor);
    expect(text(card(el, 'tickets'))).to.contain('2026-00007 Wasserfleck an der Küchendecke').and.contain('In Bearbeitung').and.contain('Neue Antwort');
    expect(text(card(el, 'appointment'))).to.contain('Abschaltung der Trinkwasserversorgung').and.contain('–');
    await expect(el).to.be.accessible();
  });

  it('shows an owner every unit with its balance: the debt highlighted with its overdue part and "Bezahlen"', async () => {
    const { el } = await overview(overviewRoutes(ownerOverview(NOW)).routes);
    expect(el.shadowRoot!.querySelectorAll('.property')).to.have.length(2);
    expect(dataValues(el, 'unit')).to.deep.equal(['unit-2', 'unit-3', 'unit-9', 'unit-G1']);
    const owing = $(el, '[data-unit=unit-2]');
    expect(text(owing)).to.contain('Top 2, Kahlenberger Straße 12').and.contain('486,30 € Rückstand').and.contain('davon 243,15 € überfällig').and.contain('Bezahlen');
    expect(owing.querySelector('.balance')!.classList.contains('debit')).to.be.true;
    expect(getComputedStyle(owing.querySelector('.balance')!).color).to.not.equal(getComputedStyle($(el, '[data-unit=unit-3] .balance')).color);
    expect(el.shadowRoot!.querySelectorAll('.link.pay')).to.have.length(1);
    expect(text(card(el, 'properties'))).to.contain('Ing. Stefan Gruber').and.contain('Eigentümer/in');
    expect(text(card(el, 'tickets'))).to.contain('Keine offenen Meldungen.');
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const { el } = await overview(overviewRoutes(ownerOverview(NOW)).routes, { lang: 'en' });
    const all = text(el);
    for (const words of ['Personal details', 'My properties', 'Balance per unit', 'Latest documents', 'Notice board', 'Open requests', 'Next appointment', 'Pay', 'Amount due', '€486.30', '€243.15 of it overdue', 'Danger', 'Case manager', 'Owner']) {
      expect(all, words).to.contain(words);
    }
    expect($<HTMLImageElement>(el, '.property img').alt).to.equal('Photo of Kahlenberger Straße 12');
    await expect(el).to.be.accessible();
  });
});

describe('<hp-overview> links', () => {
  const expected: [selector: string, detail: NavigateDetail, href: string][] = [
    ['[data-card=person] [data-widget=profile]', { widget: 'profile', params: {} }, '#/profil'],
    ['[data-card=properties] [data-widget=unit-list]', { widget: 'unit-list', params: {} }, '#/einheiten'],
    ['[data-unit=unit-2] .link', { widget: 'statement', params: { unit: 'unit-2', view: 'open-items' } }, '#/konto/open-items'],
    ['[data-unit=unit-3] .link', { widget: 'statement', params: { unit: 'unit-3', view: 'ledger' } }, '#/konto/ledger'],
    ['[data-document=doc-bk] .link', { widget: 'documents', params: { document: 'doc-bk' } }, '#/dokumente'],
    ['[data-post=post-wasser] .link', { widget: 'bulletin-board', params: { post: 'post-wasser' } }, '#/brett/post-wasser'],
    ['[data-card=notices] .more .link', { widget: 'bulletin-board', params: {} }, '#/brett'],
    ['[data-card=tickets] [data-widget=message-form]', { widget: 'message-form', params: {} }, '#/meldung'],
    ['[data-card=appointment] .link', { widget: 'bulletin-board', params: { post: 'post-wasser' } }, '#/brett/post-wasser'],
  ];

  it('fire a cancelable hp-navigate with the widget and its parameters; cancelled, the link is not followed', async () => {
    const { el } = await overview(overviewRoutes({ ...ownerOverview(NOW), tickets: demoOverview(NOW).tickets }).routes);
    const before = location.hash;
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('hp-navigate', cancel);
    try {
      for (const [selector, detail, href] of expected) {
        const link = $<HTMLAnchorElement>(el, selector);
        expect(link.getAttribute('href'), selector).to.equal(href);
        setTimeout(() => link.click());
        const event = await oneEvent(el, 'hp-navigate');
        expect(event.detail, selector).to.deep.equal(detail);
        expect(event.cancelable && event.bubbles && event.composed).to.be.true;
      }
      expect(location.hash).to.equal(before);
      const ticket = $<HTMLAnchorElement>(el, '[data-ticket=ticket-7] .link');
      ticket.focus();
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      expect((await oneEvent(el, 'hp-navigate')).detail).to.deep.equal({ widget: 'ticket-list', params: { ticket: 'ticket-7' } });
      expect(getComputedStyle(ticket).boxShadow).to.not.equal('none');
    } finally {
      el.removeEventListener('hp-navigate', cancel);
    }
  });

  it('are followed when nobody routes the event, and take the address a portal gives them', async () => {
    const { el } = await overview(overviewRoutes(demoOverview(NOW)).routes);
    const before = location.hash;
    try {
      $(el, '[data-card=documents] .more .link').click();
      expect(location.hash).to.equal('#/dokumente');
      el.hrefFor = ({ widget, params }) => `#portal/${widget}/${params.post ?? ''}`;
      await el.updateComplete;
      expect($(el, '[data-post=post-wasser] .link').getAttribute('href')).to.equal('#portal/bulletin-board/post-wasser');
    } finally {
      history.replaceState(null, '', before || location.pathname + location.search);
    }
  });
});

describe('<hp-overview> layout', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['de', 'en'] as const) {
    it(`fits from 320 px (one column) to wide screens (a grid), without clipped or broken words, in ${lang === 'de' ? 'German' : 'English'}`, async () => {
      const { el } = await overview(overviewRoutes(ownerOverview(NOW)).routes, { lang });
      const found: string[] = [];
      const columns = () => new Set([...el.shadowRoot!.querySelectorAll<HTMLElement>('.grid > .card')].map((c) => Math.round(c.getBoundingClientRect().left))).size;
      for (const width of [320, 768, 1280]) {
        await atWidth(width, setViewport);
        for (const p of layoutProblems(el, { breakable: '.mail, .link, .meta, .hours' })) found.push(`${width}: ${p.kind} ${p.where} — ${p.what}`);
        expect(document.documentElement.scrollWidth, `page width at ${width} px`).to.be.at.most(width);
        if (width === 320) expect(columns(), 'one column at 320 px').to.equal(1);
        if (width === 1280) expect(columns(), 'several columns at 1280 px').to.be.greaterThan(1);
      }
      expect(found).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
