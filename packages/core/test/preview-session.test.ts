import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { msg, str } from '@lit/localize';
import type { Me } from '@hausportal/api';
import { HpElement, define, registerTranslations, type HpSession } from '../src/index.js';
import '../src/define.js';
import { createFakeApi, demoMe, problem, type FakeApi, type FakeRoutes } from '../src/testing/index.js';

// The preview page of issue 14: opened with `#hp-preview=<code>`, the session takes the code out of the address,
// exchanges it through its own preview client and shows the banner above its widgets until the preview ends.

/** A widget greeting the session's user, as real widgets read the session. */
class PreviewGreeting extends HpElement {
  protected override render() {
    const name = this.session?.user?.name;
    return html`<p>${name ? msg(str`Hello ${name}`, { id: 'test.preview.hello' }) : msg('Sign in', { id: 'test.preview.signin' })}</p>`;
  }
}
define('preview-greeting', PreviewGreeting);
registerTranslations('de', { 'test.preview.hello': str`Hallo ${0}`, 'test.preview.signin': 'Anmelden' });

const expiresAt = '2026-06-15T10:15:00.000Z';
const until = (locale: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(expiresAt));
const katharina: Me = {
  ...demoMe,
  id: 'u-huber',
  name: 'Katharina Huber',
  preview: { sessionId: 'ps1', expiresAt, person: { id: 'p-huber', name: 'Katharina Huber' } },
};

const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

let page = 0;
let api: string;
let fake: FakeApi;
let realFetch: typeof window.fetch;

/** The fake server of a preview: the code `CODE-0123456789` once, its token until DELETE /auth/preview. */
function previewRoutes(expiresIn = 900): FakeRoutes {
  let live = false;
  return {
    'POST /auth/preview': ({ body }) => {
      if ((body as { code?: string }).code !== 'CODE-0123456789' || live) return problem(400, 'invalid_code');
      live = true;
      return { accessToken: 'preview-token', tokenType: 'Bearer', expiresIn, user: katharina };
    },
    'DELETE /auth/preview': ({ headers }) => {
      if (!live || headers.get('Authorization') !== 'Bearer preview-token') return problem(401, 'invalid_token');
      live = false;
      return { status: 204 };
    },
  };
}

/** A preview page: the address carries the code, window.fetch answers the session's API from the fake. */
function openPage(hash: string, routes: FakeRoutes): void {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('hausportal.preview')];
  api = new URL(`/preview-page-${++page}/api`, document.baseURI).href;
  fake = createFakeApi(routes, { baseUrl: api });
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}

async function session(lang = 'de'): Promise<HpSession> {
  const element = await fixture<HpSession>(html`<hp-session api=${api} org="demo" lang=${lang}><preview-greeting></preview-greeting></hp-session>`);
  await element.settled;
  return element;
}

const banner = (element: HpSession) => element.shadowRoot!.querySelector<HTMLElement>('[part="preview-banner"]');
const bannerText = (element: HpSession) => squash(element.shadowRoot!.querySelector('[part="preview-text"]')?.textContent);
const endButton = (element: HpSession) => element.shadowRoot!.querySelector<HTMLButtonElement>('[part="preview-end"]');
const greeting = (element: HpSession) => squash(element.querySelector('preview-greeting')!.shadowRoot!.textContent);
const slotShown = (element: HpSession) => element.shadowRoot!.querySelector('slot') !== null;

describe('<hp-session> in a preview', () => {
  beforeEach(() => {
    realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return url.startsWith(api) ? fake.fetch(input, init) : realFetch(input, init);
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });

  it('takes the code out of the address at once, keeps the rest, and shows the person read-only with the end time', async () => {
    openPage('#/dokumente&hp-preview=CODE-0123456789', previewRoutes());
    const element = document.createElement('hp-session') as HpSession;
    element.setAttribute('api', api);
    element.setAttribute('org', 'demo');
    element.setAttribute('lang', 'de');
    element.append(document.createElement('preview-greeting'));
    document.body.append(element);
    expect(location.hash).to.equal('#/dokumente');
    await element.settled;
    expect(bannerText(element)).to.equal(`Vorschau als Katharina Huber · nur lesen · bis ${until('de-DE')}`);
    expect(banner(element)!.getAttribute('role')).to.equal('region');
    expect(banner(element)!.getAttribute('aria-label')).to.equal('Vorschau');
    await waitUntil(() => greeting(element) === 'Hallo Katharina Huber', 'the widget did not read as the person');
    // Exchanged without cookies, never through the refresh cookie the page may hold.
    expect(fake.callsTo('POST /auth/preview')[0]!.credentials).to.equal('omit');
    expect(fake.callsTo('POST /auth/refresh')).to.deep.equal([]);
    await expect(element).to.be.accessible();
    element.remove();
  });

  it('ends the preview by keyboard: the server hears it, the banner says so and only the banner stays', async () => {
    openPage('#hp-preview=CODE-0123456789', previewRoutes());
    const element = await session();
    expect(location.hash).to.equal('');
    endButton(element)!.focus();
    expect(squash(endButton(element)!.textContent)).to.equal('Vorschau beenden');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => bannerText(element).startsWith('Vorschau beendet'), 'the banner did not say the preview ended');
    expect(bannerText(element)).to.equal('Vorschau beendet. Sie können dieses Fenster schließen.');
    expect(fake.callsTo('DELETE /auth/preview')).to.have.length(1);
    expect(fake.callsTo('POST /auth/logout')).to.deep.equal([]);
    expect(endButton(element)).to.equal(null);
    expect(slotShown(element)).to.equal(false);
    await waitUntil(() => element.shadowRoot!.activeElement?.getAttribute('part') === 'preview-text', 'the focus did not move to the banner');
    await expect(element).to.be.accessible();
  });

  it('says when the preview has expired', async () => {
    openPage('#hp-preview=CODE-0123456789', previewRoutes(0.05));
    const element = await session();
    await waitUntil(() => bannerText(element) === 'Die Vorschau ist abgelaufen. Sie können dieses Fenster schließen.', 'the banner did not say it expired');
    expect(slotShown(element)).to.equal(false);
  });

  it('says when the link is not valid', async () => {
    openPage('#hp-preview=USED-CODE-99999', previewRoutes());
    const element = await session();
    expect(bannerText(element)).to.match(/^Dieser Vorschau-Link gilt nicht mehr/);
    expect(slotShown(element)).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('speaks English', async () => {
    openPage('#hp-preview=CODE-0123456789', previewRoutes());
    const element = await session('en');
    expect(bannerText(element)).to.equal(`Preview as Katharina Huber · read-only · until ${until('en-GB')}`);
    expect(banner(element)!.getAttribute('aria-label')).to.equal('Preview');
    expect(squash(endButton(element)!.textContent)).to.equal('End preview');
    endButton(element)!.click();
    await waitUntil(() => bannerText(element) === 'Preview ended. You can close this window.', 'no English end');
    await expect(element).to.be.accessible();
  });

  it('fits 320 px', async () => {
    openPage('#hp-preview=CODE-0123456789', previewRoutes());
    const box = await fixture<HTMLElement>(html`<div style="width: 320px"><hp-session api=${api} org="demo" lang="de"><preview-greeting></preview-greeting></hp-session></div>`);
    const element = box.querySelector('hp-session') as HpSession;
    await element.settled;
    expect(banner(element)!.scrollWidth).to.be.at.most(banner(element)!.clientWidth);
    expect(endButton(element)!.getBoundingClientRect().right).to.be.at.most(box.getBoundingClientRect().right);
  });

  it('leaves a page without a code alone: no banner, the shared session, the address as it was', async () => {
    openPage('#/tickets', { 'POST /auth/preview': () => problem(500, 'unexpected') });
    fake.setCookieUser(demoMe);
    const element = await session();
    expect(location.hash).to.equal('#/tickets');
    expect(banner(element)).to.equal(null);
    expect(greeting(element)).to.equal('Hallo Anna Berger');
    expect(fake.callsTo('POST /auth/preview')).to.deep.equal([]);
  });
});
