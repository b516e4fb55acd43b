// A page holding only <hp-portal> (the shell registers the widgets it shows).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Me } from '@hausportal/api';
import { createFakeApi, demoMe, demoPassword, type FakeApi } from '@hausportal/core/testing.js';
import type { HpPortal } from '../src/index.js';
import '../src/define.js';

const username = () => document.querySelector<HTMLInputElement>('input[autocomplete="username"]');
const nav = (el: HpPortal) => el.shadowRoot!.querySelector('[part=nav]');

/** Types into a light-DOM field as a person does. */
function type(field: HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value }));
}

describe('<hp-portal> alone on a page, signed out', () => {
  let page = 0;
  let realFetch: typeof window.fetch;
  let fake: FakeApi;
  let api: string;
  let user: Me;

  // Each test gets its own API path (the page's shared clients are per API and organization), answered by a fake.
  beforeEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    api = new URL(`/portal-only-${++page}/api`, document.baseURI).href;
    user = demoMe;
    fake = createFakeApi(
      {
        'POST /auth/login': () => ({ accessToken: `token-${page}`, tokenType: 'Bearer', expiresIn: 300, user }),
        'POST /me/terms': () => (user = { ...user, pendingActions: [], termsAcceptedAt: '2026-03-01T10:00:00Z', termsVersion: '2026-01' }),
        'GET /overview': () => ({ status: 500, body: { type: 'about:blank', title: 'not under test', status: 500 } }),
        'GET /me': () => user,
      },
      { baseUrl: api },
    );
    realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return url.startsWith(api) ? fake.fetch(input, init) : realFetch(input, init);
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it("puts the login's form into the page's light DOM, where password managers find it, and signs in", async () => {
    const el = await fixture<HpPortal>(html`<hp-portal api=${api} org="demo" lang="de"></hp-portal>`);
    await waitUntil(username, 'no username field in the document');
    const login = el.querySelector('hp-login')!;
    expect(login.slot).to.equal('login');
    expect(login.assignedSlot?.name).to.equal('login');
    expect(el.shadowRoot!.querySelector('hp-session')!.getAttribute('org')).to.equal('demo');
    expect(document.querySelector('input[autocomplete="current-password"]')).to.exist;
    expect(nav(el)).to.equal(null);
    await expect(el).to.be.accessible();

    type(username()!, demoMe.username);
    type(document.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!, demoPassword);
    login.querySelector('form')!.requestSubmit();
    await waitUntil(() => nav(el), 'the portal did not show its views after signing in');
    expect(login.assignedSlot).to.equal(null);
    // The overview's code arrives on first use (elements.ts): the loading state until then.
    await waitUntil(() => el.shadowRoot!.querySelector('[data-view]')?.localName === 'hp-overview', 'the overview did not show after signing in');
    expect(fake.callsTo('POST /auth/login')[0]!.body).to.deep.include({ organization: 'demo', username: demoMe.username });
  });

  it('keeps the login in the main area while terms are pending, as the login handles them', async () => {
    user = { ...demoMe, pendingActions: ['accept-terms'], termsAcceptedAt: null, termsVersion: null };
    const el = await fixture<HpPortal>(html`<hp-portal api=${api} org="demo"></hp-portal>`);
    await waitUntil(username, 'no username field');
    type(username()!, demoMe.username);
    type(document.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!, demoPassword);
    const login = el.querySelector('hp-login')! as HTMLElement & { step: string };
    login.querySelector('form')!.requestSubmit();
    await waitUntil(() => login.step === 'terms', 'no terms step');
    expect(nav(el)).to.equal(null);
    expect(login.assignedSlot?.name).to.equal('login');
    // The login may bring the terms step's form on first use: wait for it.
    await waitUntil(() => login.shadowRoot!.querySelector('input[name=accept]'), 'no terms form');
    login.shadowRoot!.querySelector<HTMLInputElement>('input[name=accept]')!.click();
    login.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await waitUntil(() => nav(el), 'the views did not show after the terms');
  });

  it('signs out from the user menu back to the login, with the focus on its heading', async () => {
    fake.setCookieUser(demoMe);
    const el = await fixture<HpPortal>(html`<hp-portal api=${api} org="demo"></hp-portal>`);
    await waitUntil(() => nav(el), 'not signed in by the refresh cookie');
    el.shadowRoot!.querySelector<HTMLElement>('#user-button')!.click();
    // The menu's content is imported on its first opening (header.ts).
    await waitUntil(() => el.shadowRoot!.querySelector('[part=logout]'), 'the user menu showed nothing');
    el.shadowRoot!.querySelector<HTMLElement>('[part=logout]')!.click();
    await waitUntil(username, 'the login did not come back');
    const login = el.querySelector('hp-login')!;
    await waitUntil(() => login.shadowRoot!.activeElement?.id === 'heading', 'the focus did not move to the login');
  });

  it('works as well inside <hp-session>: the login is still in the light DOM', async () => {
    const root = await fixture(html`<hp-session api=${api} org="demo" lang="de"><hp-portal></hp-portal></hp-session>`);
    await waitUntil(username, 'no username field in the document');
    const el = root.querySelector('hp-portal')!;
    expect(el.shadowRoot!.querySelector('hp-session')).to.equal(null);
    expect(username()!.closest('hp-login')!.parentElement).to.equal(el);
  });
});
