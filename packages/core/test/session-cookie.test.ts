// The session carries whether the browser keeps the refresh cookie (`session.cookie`, DESIGN §6 cross-site sessions),
// and a move to another organization asks again: its cookie may be of the other mode (SameSite=Strict or
// SameSite=None; Partitioned), which the page's browser may refuse where it kept the first.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { cookieMarkerKey } from '@hausportal/api';
import { HpSession } from '../src/index.js';
import '../src/define.js';
import { createFakeApi, demoMe, demoPassword, type FakeApi } from '../src/testing/index.js';

describe('<hp-session> and the session cookie', () => {
  let page = 0;
  let realFetch: typeof window.fetch;
  let fake: FakeApi;
  let api: string;
  /** Whether the fake browser kept the cookie of the last move. */
  let present = true;

  // Each test gets its own API path; window.fetch answers it from a fake server (the shared client uses the page's fetch).
  beforeEach(() => {
    api = new URL(`/cookie-${++page}/api`, document.baseURI).href;
    present = true;
    fake = createFakeApi({ 'GET /auth/session-cookie': () => ({ present }) }, { baseUrl: api, user: demoMe });
    realFetch = window.fetch;
    window.fetch = (input, init) => ((input instanceof Request ? input.url : String(input)).startsWith(api) ? fake.fetch(input, init) : realFetch(input, init));
  });
  afterEach(() => {
    window.fetch = realFetch;
    for (const org of ['demo', 'elsewhere']) sessionStorage.removeItem(cookieMarkerKey(api, org));
  });

  async function signedInSession(): Promise<HpSession> {
    const session = await fixture<HpSession>(html`<hp-session api=${api} org="demo"></hp-session>`);
    await session.settled;
    expect(session.getAttribute('state')).to.equal('authenticated');
    return session;
  }

  it('a restore after a page load asks nothing more: the cookie came with it', async () => {
    const session = await signedInSession();
    expect(fake.callsTo('GET /auth/session-cookie')).to.have.length(0);
    expect(session.session.cookie).to.equal('kept');
  });

  it('a move to another organization asks whether its cookie arrived, and the session says so when it did not', async () => {
    const session = await signedInSession();
    present = false;
    session.org = 'elsewhere';
    await session.settled;
    await waitUntil(() => session.session.cookie === 'refused', 'the refused cookie reaches the session');
    expect(fake.callsTo('GET /auth/session-cookie')).to.have.length(1);
    expect(fake.callsTo('GET /auth/session-cookie')[0]!.credentials).to.equal('include');
    expect(session.session.state).to.equal('authenticated');
    expect(sessionStorage.getItem(cookieMarkerKey(api, 'elsewhere'))).to.equal('1');
    expect(sessionStorage.getItem(cookieMarkerKey(api, 'demo'))).to.equal(null);
  });

  it('two sessions on a page with the cookie refused share one page token and one refresh at a time', async () => {
    fake = createFakeApi({}, { baseUrl: api, cookieRefused: true });
    const [one, two] = await Promise.all([
      fixture<HpSession>(html`<hp-session api=${api} org="demo"></hp-session>`),
      fixture<HpSession>(html`<hp-session api=${api} org="demo"></hp-session>`),
    ]);
    await Promise.all([one.settled, two.settled]);
    expect(one.client).to.equal(two.client);
    await one.client!.login(demoMe.email, demoPassword);
    await waitUntil(() => fake.callsTo('POST /auth/session-token').length === 1, 'the token asked once');
    await waitUntil(() => two.session.state === 'authenticated' && two.session.cookie === 'refused', 'both sessions know');

    fake.expireTokens();
    const answers = await Promise.all([one.client!.GET('/me'), two.client!.GET('/me'), two.client!.GET('/me')]);
    expect(answers.map((a) => a.data?.id)).to.deep.equal([demoMe.id, demoMe.id, demoMe.id]);
    const refreshes = fake.callsTo('POST /auth/refresh').filter((call) => (call.body as { refreshToken?: string }).refreshToken);
    expect(refreshes, 'one refresh, with the token in the body').to.have.length(1);
    fake.expireTokens();
    expect((await two.client!.GET('/me')).data?.id, 'the successor works').to.equal(demoMe.id);
    expect(fake.callsTo('POST /auth/session-token')).to.have.length(1);
    expect(Object.keys(sessionStorage)).to.deep.equal([cookieMarkerKey(api, 'demo')]);
    expect(JSON.stringify(Object.values(sessionStorage))).not.to.contain('fake-page-token');
    await one.client!.logout();
  });

  it('a move whose cookie arrived leaves the session as it was', async () => {
    const session = await signedInSession();
    session.org = 'elsewhere';
    await session.settled;
    await waitUntil(() => fake.callsTo('GET /auth/session-cookie').length === 1, 'asked');
    expect(session.session.cookie).to.equal('kept');
    expect(sessionStorage.getItem(cookieMarkerKey(api, 'elsewhere'))).to.equal(null);
  });
});
