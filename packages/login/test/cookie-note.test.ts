// A browser that refuses the refresh cookie (third-party cookies blocked, Safari's tracking prevention) signs in for
// the page only (DESIGN §6, cross-site sessions). <hp-login> then says so: quietly while signed in, plainly after a
// reload that found no session, each time with the portal in its own tab. The fake server plays the refusing browser
// (`cookieRefused`); one storage given to two fakes plays the reload of the same tab.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { cookieMarkerKey } from '@hausportal/api';
import { atWidth, createFakeApi, demoMe, demoOrganization, demoPassword, layoutProblems, memoryStorage, problem, sessionFixture } from '@hausportal/core/testing.js';
import { html } from 'lit';
import '../src/define.js';
import type { HpLogin } from '../src/index.js';
import { submit, text, type, until } from './helpers.js';

type Storage = ReturnType<typeof memoryStorage>;
const baseUrl = 'https://api.example.test/api';
const marker = cookieMarkerKey(baseUrl, demoOrganization.slug);
const ownTab = `https://api.example.test/embed/portal?org=${demoOrganization.slug}`;

const texts = {
  de: {
    visit: 'Ihr Browser speichert diese Anmeldung nicht: Sie endet, wenn Sie die Seite neu laden, verlassen oder schließen.',
    blocked: 'Ihr Browser blockiert auf dieser Seite die Sitzung des Portals: Beim Neuladen der Seite werden Sie abgemeldet.',
    link: 'Portal in eigenem Tab öffnen',
  },
  en: {
    visit: 'Your browser does not keep this sign-in: it ends when you reload, leave or close this page.',
    blocked: 'Your browser blocks the portal session on this page: reloading the page signs you out.',
    link: 'Open the portal in its own tab',
  },
};

async function loginWith(options: Parameters<typeof createFakeApi>[1], lang: 'de' | 'en' = 'de') {
  const fake = createFakeApi({}, options);
  const el = await sessionFixture<HpLogin>(html`<hp-login></hp-login>`, { client: fake.client, lang });
  return { fake, el };
}

async function signIn(el: HpLogin): Promise<void> {
  await type(el, 'username', demoMe.email);
  await type(el, 'password', demoPassword);
  await submit(el);
  await until(() => el.step === 'done', 'signed in');
}

const note = (el: HpLogin) => el.shadowRoot!.querySelector<HTMLElement>('[part=cookie-note]');
const link = (el: HpLogin) => el.shadowRoot!.querySelector<HTMLAnchorElement>('[part=own-tab]');

/** The link opens the organization's portal on the API's server in a new tab, with no handle back on this page. */
function expectOwnTabLink(el: HpLogin, label: string): void {
  const a = link(el)!;
  expect(a.href).to.equal(ownTab);
  expect(a.target).to.equal('_blank');
  expect(a.rel).to.equal('noopener');
  expect(a.textContent!.trim()).to.equal(label);
}

describe('<hp-login> when the browser refuses the session cookie', () => {
  it('signs in for the visit, then notes quietly that the sign-in ends with this page, and keeps a marker (no token)', async () => {
    const storage = memoryStorage();
    const { fake, el } = await loginWith({ cookieRefused: true, storage });
    expect(note(el), 'nothing before a sign-in').to.equal(null);
    await signIn(el);
    await until(() => note(el) !== null, 'the note');
    expect(fake.callsTo('GET /auth/session-cookie')).to.have.length(1);
    expect(fake.callsTo('GET /auth/session-cookie')[0]!.credentials).to.equal('include');
    await until(() => fake.callsTo('POST /auth/session-token').length === 1, 'the session token taken into memory');
    expect(note(el)!.classList.contains('quiet')).to.equal(true);
    expect(text(el)).to.contain(texts.de.visit);
    expectOwnTabLink(el, texts.de.link);
    expect([...storage.items]).to.deep.equal([[marker, '1']]);
    expect(fake.client.sessionCookie).to.equal('refused');
    await expect(el).to.be.accessible();
  });

  for (const lang of ['de', 'en'] as const) {
    it(`after a reload says plainly that the browser blocks the session here, links the own tab and keeps the form (${lang})`, async () => {
      const storage: Storage = memoryStorage();
      const first = await loginWith({ cookieRefused: true, storage }, lang);
      await signIn(first.el);
      await until(() => storage.items.has(marker), 'marker set');
      first.el.closest('hp-session')!.remove();

      // The same tab reloaded: the refresh finds no cookie (204), and the marker says why.
      const { fake, el } = await loginWith({ storage }, lang);
      expect(fake.callsTo('POST /auth/refresh')).to.have.length(1);
      expect(el.step).to.equal('login');
      expect(note(el)!.classList.contains('quiet')).to.equal(false);
      expect(text(el)).to.contain(texts[lang].blocked);
      expectOwnTabLink(el, texts[lang].link);
      expect(el.querySelector('form input[name=password]'), 'the login form stays').to.exist;
      await expect(el).to.be.accessible();
    });
  }

  it('fits 320 px, signed out and signed in', async () => {
    const storage = memoryStorage();
    storage.setItem(marker, '1');
    const { el } = await loginWith({ cookieRefused: true, storage });
    try {
      await atWidth(320, setViewport);
      expect(layoutProblems(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(320);
      await signIn(el);
      await el.updateComplete;
      expect(note(el)).to.exist;
      expect(layoutProblems(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows the plain message again after signing out during such a visit', async () => {
    const { el } = await loginWith({ cookieRefused: true });
    await signIn(el);
    await until(() => note(el) !== null, 'the note');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=logout]')!.click();
    await until(() => el.step === 'login', 'signed out');
    await el.updateComplete;
    expect(text(el)).to.contain(texts.de.blocked);
  });

  it('says nothing where the browser keeps the cookie, and a working refresh clears an old marker', async () => {
    const kept = await loginWith({});
    await signIn(kept.el);
    await until(() => kept.fake.client.sessionCookie === 'kept', 'probe answered');
    await kept.el.updateComplete;
    expect(note(kept.el)).to.equal(null);

    // A marker from earlier, but now the browser sent the cookie and the refresh worked (cookies allowed meanwhile).
    const storage = memoryStorage();
    storage.setItem(marker, '1');
    const { el, fake } = await loginWith({ user: demoMe, storage });
    expect(el.step).to.equal('done');
    expect(fake.client.sessionCookie).to.equal('kept');
    expect(storage.items.size, 'marker cleared').to.equal(0);
    expect(note(el)).to.equal(null);
  });

  it('learns nothing, and says nothing, when the probe gets no answer', async () => {
    const fake = createFakeApi({ 'GET /auth/session-cookie': () => problem(503, 'unavailable') }, { cookieRefused: true });
    const el = await sessionFixture<HpLogin>(html`<hp-login></hp-login>`, { client: fake.client, lang: 'de' });
    await signIn(el);
    await until(() => fake.callsTo('GET /auth/session-cookie').length === 1, 'probe asked');
    await el.updateComplete;
    expect(fake.client.sessionCookie).to.equal('unknown');
    expect(note(el)).to.equal(null);
  });
});
