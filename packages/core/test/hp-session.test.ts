import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { msg, str } from '@lit/localize';
import { css } from 'lit';
import {
  HpElement,
  HpSession,
  HpSessionChangeEvent,
  define,
  getLocale,
  registerTranslations,
  renderLoading,
  stateStyles,
  type Session,
} from '../src/index.js';
import '../src/define.js';
import { createFakeApi, demoMe, demoOrganization, demoPassword, sessionFixture, type FakeApi } from '../src/testing/index.js';

/** A small widget consuming the session, as real widgets do. */
class TestGreeting extends HpElement {
  static override styles = [...HpElement.styles as never[], stateStyles, css`p { color: var(--_primary); }`];
  seen: Session[] = [];
  protected override render() {
    if (this.session) this.seen.push(this.session);
    if (!this.session || this.session.state === 'restoring') return renderLoading();
    const name = this.session.user?.name;
    return html`<p part="base">
      ${name ? msg(str`Hello ${name}`, { id: 'test.hello' }) : msg('Sign in', { id: 'test.signin' })}
    </p>`;
  }
}
define('test-greeting', TestGreeting);
registerTranslations('de', { 'test.signin': 'Anmelden', 'test.hello': str`Hallo ${0}` });

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('<hp-session>', () => {
  it('provides the client and the session to a widget inside', async () => {
    const fake = createFakeApi({}, { user: demoMe });
    const widget = await sessionFixture<TestGreeting>(html`<test-greeting></test-greeting>`, { client: fake.client });
    expect(widget.api).to.equal(fake.client);
    expect(widget.session?.state).to.equal('authenticated');
    expect(widget.session?.user?.id).to.equal(demoMe.id);
    expect(widget.session?.organization?.name).to.equal(demoOrganization.name);
    expect(widget.session?.org).to.equal('demo');
    expect(text(widget)).to.equal('Hallo Anna Berger');
  });

  it("leaves the page's own text inside it in the page's colour and font; widgets take the portal's", async () => {
    const fake = createFakeApi({}, { user: demoMe });
    const band = await fixture<HTMLElement>(html`<section style="color: rgb(255, 255, 255); background: rgb(138, 21, 56); font: 20px/1.2 serif">
      <hp-session .client=${fake.client}><h2>Kundenportal</h2><test-greeting></test-greeting></hp-session>
    </section>`);
    const session = band.querySelector('hp-session') as HpSession;
    await session.settled;
    const heading = getComputedStyle(band.querySelector('h2')!);
    expect([heading.color, heading.fontFamily, heading.fontSize]).to.deep.equal(['rgb(255, 255, 255)', 'serif', '30px']);
    const widget = getComputedStyle(band.querySelector('test-greeting')!);
    expect(widget.color).not.to.equal('rgb(255, 255, 255)');
    expect(widget.fontFamily).not.to.equal('serif');
  });

  it('restores the session once from the refresh cookie', async () => {
    const fake = createFakeApi({}, { user: demoMe });
    const widget = await sessionFixture<TestGreeting>(html`<test-greeting></test-greeting>`, { client: fake.client });
    expect(fake.callsTo('POST /auth/refresh')).to.have.length(1);
    expect(fake.callsTo('GET /organizations/{slug}/public')).to.have.length(1);
    // Before the restore finished the widget saw "restoring", never a logged-out state.
    const states = widget.seen.map((s) => s.state);
    expect(states[0]).to.equal('restoring');
    expect(states).not.to.include('anonymous');
  });

  it('is anonymous without a cookie and follows login and logout', async () => {
    const fake = createFakeApi();
    const widget = await sessionFixture<TestGreeting>(html`<test-greeting></test-greeting>`, { client: fake.client });
    const session = widget.parentElement as HpSession;
    expect(widget.session?.state).to.equal('anonymous');
    expect(session.getAttribute('state')).to.equal('anonymous');
    expect(text(widget)).to.equal('Anmelden');

    const loggedIn = oneEvent(session, 'hp-session-change');
    await fake.client.login(demoMe.username, demoPassword);
    expect(((await loggedIn) as unknown as HpSessionChangeEvent).session.state).to.equal('authenticated');
    await widget.updateComplete;
    expect(session.getAttribute('state')).to.equal('authenticated');
    expect(text(widget)).to.equal('Hallo Anna Berger');

    fake.client.setUser({ ...demoMe, name: 'Anna Berger-Huber' });
    await session.updateComplete;
    await widget.updateComplete;
    expect(text(widget)).to.equal('Hallo Anna Berger-Huber');

    const loggedOut = oneEvent(session, 'hp-session-change');
    await fake.client.logout();
    expect(((await loggedOut) as unknown as HpSessionChangeEvent).session.user).to.equal(null);
    await widget.updateComplete;
    expect(widget.session?.state).to.equal('anonymous');
    expect(session.getAttribute('state')).to.equal('anonymous');
    expect(text(widget)).to.equal('Anmelden');
  });

  it('ends the session when the refresh fails later', async () => {
    const fake = createFakeApi({}, { user: demoMe });
    const widget = await sessionFixture<TestGreeting>(html`<test-greeting></test-greeting>`, { client: fake.client });
    fake.expireTokens();
    fake.setCookieUser(null);
    const { response } = await fake.client.GET('/me');
    expect(response.status).to.equal(401);
    await widget.updateComplete;
    expect(widget.session?.state).to.equal('anonymous');
  });

  it('applies the organization theme as custom properties', async () => {
    const fake = createFakeApi();
    const widget = await sessionFixture<TestGreeting>(html`<test-greeting></test-greeting>`, { client: fake.client });
    const session = widget.parentElement as HpSession;
    // Lightened only on a page in a dark colour scheme (see org-theme.test.ts).
    expect(getComputedStyle(session).getPropertyValue('--hp-color-primary').trim()).to.match(/^light-dark\(#0b6e4f, /);
    const paragraph = widget.shadowRoot!.querySelector('p')!;
    expect(getComputedStyle(paragraph).color).to.equal('rgb(11, 110, 79)');
  });

  it('leaves the theme alone with theme="none"', async () => {
    const fake = createFakeApi();
    const widget = await sessionFixture<TestGreeting>(html`<test-greeting></test-greeting>`, { client: fake.client, theme: 'none' });
    const session = widget.parentElement as HpSession;
    expect(getComputedStyle(session).getPropertyValue('--hp-color-primary').trim()).to.equal('');
    // The widget falls back to its built-in default colour.
    expect(getComputedStyle(widget.shadowRoot!.querySelector('p')!).color).to.equal('rgb(31, 95, 168)');
  });

  it('switches the language of every widget with lang', async () => {
    const fake = createFakeApi();
    const widget = await sessionFixture<TestGreeting>(html`<test-greeting></test-greeting>`, { client: fake.client, lang: 'de' });
    const session = widget.parentElement as HpSession;
    expect(text(widget)).to.equal('Anmelden');
    session.setAttribute('lang', 'en');
    while (getLocale() !== 'en') await oneEvent(window, 'lit-localize-status');
    await widget.updateComplete;
    expect(text(widget)).to.equal('Sign in');
    expect(widget.session?.lang).to.equal('en');
    expect(widget.locale).to.equal('en');
    session.setAttribute('lang', 'de');
    while (getLocale() !== 'de') await oneEvent(window, 'lit-localize-status');
    await widget.updateComplete;
    expect(text(widget)).to.equal('Anmelden');
  });

  it('creates its own client from api and org', async () => {
    const el = await fixture<HpSession>(html`<hp-session api="/nowhere/api" org="immopro"></hp-session>`);
    expect(el.client?.organization).to.equal('immopro');
    expect(el.client?.baseUrl).to.equal(new URL('/nowhere/api', document.baseURI).href);
  });

  it('answers widgets that connected before it was defined', async () => {
    class LateSession extends HpSession {}
    const fake = createFakeApi({}, { user: demoMe });
    const host = await fixture(html`<late-session-x .client=${fake.client} lang="de"><test-greeting></test-greeting></late-session-x>`);
    const widget = host.querySelector('test-greeting') as TestGreeting;
    expect(widget.api).to.equal(undefined);
    define('late-session-x', LateSession);
    await (host as HpSession).settled;
    await widget.updateComplete;
    expect(widget.api).to.equal(fake.client);
    expect(widget.session?.state).to.equal('authenticated');
  });

  it('gives a widget outside any session its own client from api and org', async () => {
    const widget = await fixture<TestGreeting>(html`<test-greeting api="/standalone/api" org="immopro"></test-greeting>`);
    expect(widget.api?.baseUrl).to.equal(new URL('/standalone/api', document.baseURI).href);
    expect(widget.api?.organization).to.equal('immopro');
    expect(widget.session?.org).to.equal('immopro');
    const again = await fixture<TestGreeting>(html`<test-greeting api="/standalone/api" org="immopro"></test-greeting>`);
    expect(again.api).to.equal(widget.api);
  });

  it('is accessible with content', async () => {
    const fake = createFakeApi({}, { user: demoMe });
    const widget = await sessionFixture<TestGreeting>(html`<test-greeting></test-greeting>`, { client: fake.client });
    await expect(widget.parentElement).to.be.accessible();
  });
});

describe('one login per page', () => {
  let page = 0;
  let realFetch: typeof window.fetch;
  let fake: FakeApi;
  let api: string;

  // Each test gets its own API path; window.fetch answers it from a fake server (the shared client uses the page's fetch).
  beforeEach(() => {
    api = `/one-page-${++page}/api`;
    fake = createFakeApi({}, { baseUrl: new URL(api, document.baseURI).href });
    realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return url.startsWith(new URL(api, document.baseURI).href) ? fake.fetch(input, init) : realFetch(input, init);
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  /** A CMS page: the login in the sidebar, the content in the main column, each in its own session. */
  async function twoSessions(main = api): Promise<{ sidebar: HpSession; content: HpSession; greetings: TestGreeting[] }> {
    const root = await fixture(html`<div>
      <aside><hp-session api=${api} org="demo" lang="de"><test-greeting></test-greeting></hp-session></aside>
      <main><hp-session api=${main} org="demo" lang="de"><test-greeting></test-greeting></hp-session></main>
    </div>`);
    const [sidebar, content] = [...root.querySelectorAll('hp-session')] as HpSession[];
    await Promise.all([sidebar!.settled, content!.settled]);
    return { sidebar: sidebar!, content: content!, greetings: [...root.querySelectorAll('test-greeting')] as TestGreeting[] };
  }

  const shown = async (greetings: TestGreeting[]) => {
    await Promise.all(greetings.map((g) => g.updateComplete));
    return greetings.map(text);
  };

  it('sessions with the same api and org share one client and restore once, however the api is written', async () => {
    fake.setCookieUser(demoMe);
    const { sidebar, content, greetings } = await twoSessions(new URL(api, document.baseURI).href);
    expect(content.client).to.equal(sidebar.client);
    expect(greetings[1]!.api).to.equal(greetings[0]!.api);
    expect(fake.callsTo('POST /auth/refresh')).to.have.length(1);
    expect(fake.callsTo('GET /organizations/{slug}/public')).to.have.length(1);
    expect([sidebar.getAttribute('state'), content.getAttribute('state')]).to.deep.equal(['authenticated', 'authenticated']);
    expect(await shown(greetings)).to.deep.equal(['Hallo Anna Berger', 'Hallo Anna Berger']);
  });

  it('a login in one session shows in the other at once, and so does the logout', async () => {
    const { sidebar, content, greetings } = await twoSessions();
    expect(await shown(greetings)).to.deep.equal(['Anmelden', 'Anmelden']);
    const changed = oneEvent(content, 'hp-session-change');
    await greetings[0]!.api!.login(demoMe.username, demoPassword);
    expect(((await changed) as unknown as HpSessionChangeEvent).session.state).to.equal('authenticated');
    expect(sidebar.getAttribute('state')).to.equal('authenticated');
    expect(await shown(greetings)).to.deep.equal(['Hallo Anna Berger', 'Hallo Anna Berger']);

    const ended = oneEvent(content, 'hp-session-change');
    await greetings[0]!.api!.logout();
    expect(((await ended) as unknown as HpSessionChangeEvent).session.state).to.equal('anonymous');
    expect(await shown(greetings)).to.deep.equal(['Anmelden', 'Anmelden']);
  });

  it('a standalone widget with api and org joins the same client', async () => {
    const { sidebar } = await twoSessions();
    const widget = await fixture<TestGreeting>(html`<test-greeting api=${api} org="demo"></test-greeting>`);
    expect(widget.api).to.equal(sidebar.client);
    const changed = new Promise<void>((resolve) => widget.api!.onSessionChange(() => resolve()));
    await sidebar.client!.login(demoMe.username, demoPassword);
    await changed;
    expect(await shown([widget])).to.deep.equal(['Hallo Anna Berger']);
    expect(fake.callsTo('POST /auth/refresh')).to.have.length(1);
  });

  it('another organization, or a client handed in, is a session of its own', async () => {
    const { sidebar } = await twoSessions();
    const other = await fixture<HpSession>(html`<hp-session api=${api} org="elsewhere"></hp-session>`);
    const given = createFakeApi();
    const handed = await fixture<HpSession>(html`<hp-session api=${api} org="demo" .client=${given.client}></hp-session>`);
    expect(other.client).not.to.equal(sidebar.client);
    expect(handed.client).to.equal(given.client);
  });
});
