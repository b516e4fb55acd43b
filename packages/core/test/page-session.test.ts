import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { msg, str } from '@lit/localize';
import { autop } from '@wordpress/autop';
import { createApiClient } from '@hausportal/api';
import { HpElement, HpSession, define, registerTranslations, renderLoading, setLocale, stateStyles } from '../src/index.js';
import '../src/define.js';
import { createFakeApi, demoMe, demoOrganization, demoPassword, type FakeApi } from '../src/testing/index.js';

/** A small widget consuming the session, as real widgets do. */
class TestProbe extends HpElement {
  static override styles = [...(HpElement.styles as never[]), stateStyles];
  protected override render() {
    if (!this.session || this.session.state === 'unknown' || this.session.state === 'restoring') return renderLoading();
    const name = this.session.user?.name;
    return html`<p part="base">${name ? msg(str`Hello ${name}`, { id: 'test.probe.hello' }) : msg('Sign in', { id: 'test.probe.signin' })}</p>`;
  }
}
define('test-probe', TestProbe);
registerTranslations('de', { 'test.probe.signin': 'Anmelden', 'test.probe.hello': str`Hallo ${0}` });

const words = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const hint = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part=hint]');
/** What the widget shows: its hint when there is one (everything after it is hidden), else its content. */
const shown = (el: Element) => {
  const box = hint(el);
  return box ? (box.textContent ?? '').replace(/\s+/g, ' ').trim() : words(el);
};

/** Collects console.warn / console.error calls while `run` runs. */
async function capture(method: 'warn' | 'error', run: (calls: unknown[][]) => Promise<void>): Promise<void> {
  const original = console[method];
  const calls: unknown[][] = [];
  console[method] = (...args: unknown[]) => void calls.push(args);
  try {
    await run(calls);
  } finally {
    console[method] = original;
  }
}

describe('a widget outside any session', () => {
  let page = 0;
  let realFetch: typeof window.fetch;
  let fake: FakeApi;
  let api: string;

  // Each test gets its own API path; window.fetch answers it from a fake server (the page's shared clients use it).
  beforeEach(async () => {
    api = new URL(`/page-session-${++page}/api`, document.baseURI).href;
    fake = createFakeApi({}, { baseUrl: api });
    realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return url.startsWith(api) ? fake.fetch(input, init) : realFetch(input, init);
    };
    await setLocale('de');
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it("takes the page's only session and follows its login and logout", async () => {
    const root = await fixture(html`<div>
      <hp-session api=${api} org="demo" lang="de"></hp-session>
      <p><test-probe></test-probe></p>
    </div>`);
    const session = root.querySelector('hp-session') as HpSession;
    const widget = root.querySelector('test-probe') as TestProbe;
    await session.settled;
    await widget.updateComplete;
    expect(widget.api).to.equal(session.client);
    expect(widget.session?.state).to.equal('anonymous');
    expect(shown(widget)).to.equal('Anmelden');
    await session.client!.login(demoMe.username, demoPassword);
    await waitUntil(() => shown(widget) === 'Hallo Anna Berger', 'the widget did not follow the login');
    await session.client!.logout();
    await waitUntil(() => shown(widget) === 'Anmelden', 'the widget did not follow the logout');
    expect(fake.callsTo('POST /auth/refresh')).to.have.length(1);
  });

  it("shows the organization theme of the session it takes, and lets go of it with the session", async () => {
    const root = await fixture(html`<div>
      <hp-session api=${api} org="demo" lang="de"><test-probe id="inside"></test-probe></hp-session>
      <p><test-probe id="outside"></test-probe></p>
    </div>`);
    const session = root.querySelector('hp-session') as HpSession;
    const outside = root.querySelector('#outside') as TestProbe;
    await session.settled;
    const primary = (el: Element) => getComputedStyle(el).getPropertyValue('--hp-color-primary').trim();
    await waitUntil(() => primary(outside) !== '', 'the organization theme did not reach the widget outside');
    expect(primary(outside)).to.equal(primary(root.querySelector('#inside')!));
    expect(primary(outside)).to.contain(demoOrganization.theme.primary);
    session.remove();
    await waitUntil(() => primary(outside) === '', 'the theme stayed after the session left');
  });

  it('works when WordPress wpautop has split the snippet and the parser closed <hp-session> early', async () => {
    const snippet = `<hp-session api="${api}" org="demo" lang="de">
  <test-probe id="inside"></test-probe>

  <test-probe id="outside"></test-probe>
</hp-session>`;
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.innerHTML = autop(snippet);
    const inside = container.querySelector('#inside') as TestProbe;
    const outside = container.querySelector('#outside') as TestProbe;
    expect(outside.closest('hp-session'), 'the parser left the second widget outside the session').to.equal(null);
    const session = container.querySelector('hp-session') as HpSession;
    await session.settled;
    await Promise.all([inside.updateComplete, outside.updateComplete]);
    expect(outside.api).to.equal(session.client);
    expect([shown(inside), shown(outside)]).to.deep.equal(['Anmelden', 'Anmelden']);
    await session.client!.login(demoMe.username, demoPassword);
    await waitUntil(() => shown(outside) === 'Hallo Anna Berger', 'the widget outside did not follow the login');
  });

  it('with an org attribute takes the session of that organization; without, the nearest before it', async () => {
    const other = createFakeApi({}, { organization: { ...demoOrganization, slug: 'elsewhere' } });
    await capture('warn', async (warnings) => {
      const root = await fixture(html`<div>
        <hp-session api=${api} org="demo" lang="de"></hp-session>
        <hp-session .client=${other.client} org="elsewhere" lang="de"></hp-session>
        <p><test-probe org="demo"></test-probe><test-probe></test-probe></p>
      </div>`);
      const [demo, elsewhere] = [...root.querySelectorAll('hp-session')] as HpSession[];
      const [chosen, nearest] = [...root.querySelectorAll('test-probe')] as TestProbe[];
      await Promise.all([demo!.settled, elsewhere!.settled]);
      expect(chosen!.api).to.equal(demo!.client);
      expect(nearest!.api).to.equal(elsewhere!.client);
      expect(warnings.map((w) => String(w[0])).filter((w) => w.includes('several organizations'))).to.have.length(1);
    });
  });

  it('shows a hint in German and English and warns once when the page has no session; one added later is taken', async () => {
    await capture('warn', async (warnings) => {
      const root = await fixture(html`<div lang="de"><test-probe></test-probe><test-probe></test-probe></div>`);
      const [first, second] = [...root.querySelectorAll('test-probe')] as TestProbe[];
      await Promise.all([first!.updateComplete, second!.updateComplete]);
      expect(hint(first!)?.getAttribute('role')).to.equal('note');
      expect(shown(first!)).to.contain('Dieses Element findet kein <hp-session> auf der Seite');
      expect(shown(first!)).to.contain('api und org');
      const spinner = first!.shadowRoot!.querySelector('[part=loading]')!;
      expect(getComputedStyle(spinner).display, 'the spinner is hidden behind the hint').to.equal('none');
      await expect(first).to.be.accessible();

      await setLocale('en');
      await first!.updateComplete;
      expect(shown(first!)).to.contain('this element finds no <hp-session> on the page');
      await setLocale('de');

      const missing = warnings.filter((w) => String(w[0]).includes('is outside any <hp-session>, and this page has none'));
      expect(missing, 'one warning for the page').to.have.length(1);
      expect(String(missing[0]![0])).to.contain('Custom HTML');
      expect(missing[0]![1]).to.equal(first);

      const session = document.createElement('hp-session') as HpSession;
      session.setAttribute('api', api);
      session.setAttribute('org', 'demo');
      root.append(session);
      await session.settled;
      await waitUntil(() => shown(first!) === 'Anmelden' && shown(second!) === 'Anmelden', 'the session that came later was not taken');
      expect(hint(first!)).to.equal(null);
      expect(first!.api).to.equal(session.client);
    });
  });

  it('waits quietly for a session on the page that is defined later', async () => {
    await capture('warn', async (warnings) => {
      const root = await fixture(html`<div><later-session api=${api} org="demo" lang="de"></later-session><test-probe></test-probe></div>`);
      const widget = root.querySelector('test-probe') as TestProbe;
      await widget.updateComplete;
      expect(hint(widget)).to.equal(null);
      expect(widget.shadowRoot!.querySelector('[part=loading]')).not.to.equal(null);
      define('hp-session', HpSession, { prefix: 'later' });
      const session = root.querySelector('later-session') as HpSession;
      await session.settled;
      await waitUntil(() => shown(widget) === 'Anmelden', 'the widget did not take the session defined later');
      expect(widget.api).to.equal(session.client);
      expect(warnings).to.have.length(0);
    });
  });

  it('lets go of the session when moved away, and finds one above it when moved inside another', async () => {
    const other = createFakeApi();
    const root = await fixture(html`<div>
      <hp-session api=${api} org="demo" lang="de"></hp-session>
      <test-probe></test-probe>
      <hp-session .client=${other.client} org="elsewhere" lang="de"><span></span></hp-session>
    </div>`);
    const [first, second] = [...root.querySelectorAll('hp-session')] as HpSession[];
    const widget = root.querySelector('test-probe') as TestProbe;
    await Promise.all([first!.settled, second!.settled]);
    expect(widget.api).to.equal(first!.client);
    second!.append(widget);
    await widget.updateComplete;
    expect(widget.api).to.equal(other.client);
  });
});

describe('a page whose origin the API does not admit', () => {
  const foreignApi = 'https://portal.example.test/api';
  /** The browser refuses every request (CORS); only the no-cors probe of /health gets an (opaque) answer. */
  const refusingFetch: typeof fetch = (input, init) =>
    init?.mode === 'no-cors' && String(input) === `${foreignApi}/health`
      ? Promise.resolve(new Response(null, { status: 200 }))
      : Promise.reject(new TypeError('Failed to fetch'));

  it('says that this address is not allowed, in German and English, and names the origin and setting in the console', async () => {
    await capture('error', async (errors) => {
      const client = createApiClient({ baseUrl: foreignApi, organization: 'demo', fetch: refusingFetch, shareAcrossTabs: false });
      const session = await fixture<HpSession>(html`<hp-session .client=${client} org="demo" lang="de"><test-probe></test-probe><test-probe></test-probe></hp-session>`);
      await session.settled;
      const [widget, twin] = [...session.querySelectorAll('test-probe')] as TestProbe[];
      await Promise.all([widget!.updateComplete, twin!.updateComplete]);
      expect(hint(widget!)?.getAttribute('role')).to.equal('alert');
      expect(shown(widget!)).to.equal('Die Adresse dieser Seite ist für das Portal nicht freigegeben. Bitte informieren Sie den Betreiber der Website.');
      expect(shown(twin!)).to.equal(shown(widget!));
      await expect(widget).to.be.accessible();
      session.lang = 'en';
      await session.updateComplete;
      await waitUntil(() => shown(widget!).startsWith("This page's address is not allowed for the portal"), 'no English text');
      session.lang = 'de';

      const advice = errors.map((e) => String(e[0])).filter((e) => e.includes('does not allow requests from this page'));
      expect(advice, 'one explanation per page, API and origin').to.have.length(1);
      expect(advice[0]).to.contain(location.origin);
      expect(advice[0]).to.contain(`HP_DEV_ORIGINS=${location.origin}`);
      expect(advice[0]).to.contain("organization's allowed origins");
    });
  });

  it('keeps "no connection" when the server does not answer the probe either', async () => {
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const client = createApiClient({ baseUrl: 'https://down.example.test/api', organization: 'demo', fetch: offline, shareAcrossTabs: false });
    const session = await fixture<HpSession>(html`<hp-session .client=${client} org="demo" lang="de"><test-probe></test-probe></hp-session>`);
    await session.settled;
    const widget = session.querySelector('test-probe') as TestProbe;
    await widget.updateComplete;
    expect(hint(widget)).to.equal(null);
    expect(session.session.error).to.be.instanceOf(TypeError);
  });
});
