// <hp-portal> loads the code of what it shows on first use (elements.ts): the login while nobody is signed in, a
// view's widget (the overview's too) when the view is first opened, the chat bot once signed in, the header menus'
// content when one is first opened (header.ts). This file registers nothing but the portal (no other test fixtures,
// which register their widgets), so the elements start undefined.
import { expect, html, waitUntil } from '@open-wc/testing';
import { createFakeApi, demoMe, sessionFixture, signedIn } from '@hausportal/core/testing.js';
import type { HpPortal } from '../src/index.js';
import { demoOverview } from '../src/overview/testing.js';
import { elementImports, type ElementImport } from '../src/elements.js';
import '../src/define.js';

const defined = (tag: string) => customElements.get(tag) !== undefined;
const main = (el: HpPortal) => el.shadowRoot!.querySelector('[part=main]')!;

async function portal(user: typeof demoMe | null) {
  const fake = createFakeApi({ 'GET /overview': signedIn(() => demoOverview()), 'GET /units': signedIn(() => ({ items: [], properties: [], nextCursor: null })) }, { user });
  return sessionFixture<HpPortal>(html`<hp-portal></hp-portal>`, { client: fake.client, lang: 'de' });
}

describe('<hp-portal> loads the code of what it shows on first use', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('signed out: the login, and nothing of the views or the chat bot', async () => {
    expect(defined('hp-login'), 'registering the portal registered the login').to.equal(false);
    const el = await portal(null);
    await waitUntil(() => defined('hp-login') && el.querySelector('hp-login')?.shadowRoot, 'the login was not loaded');
    for (const tag of ['hp-overview', 'hp-profile', 'hp-documents', 'hp-statement', 'hp-chat-bot']) expect(defined(tag), tag).to.equal(false);
    // The header's menus bring their content on first opening only; signed out there are none.
    expect(el.shadowRoot!.querySelector('#user-panel, #notifications-panel')).to.equal(null);
    el.parentElement!.remove();
  });

  it('signed in: the chat bot, and a view once it is opened, with the loading state until its code is there', async () => {
    const el = await portal(demoMe);
    await waitUntil(() => el.viewElement?.localName === 'hp-overview' && defined('hp-overview'), 'the overview did not show');
    expect(el.shadowRoot!.querySelector('#user-panel')!.childElementCount, 'the user menu before it was opened').to.equal(0);
    el.shadowRoot!.querySelector<HTMLElement>('#user-button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#user-panel [part=logout]'), 'the user menu showed nothing once opened');
    await waitUntil(() => defined('hp-chat-bot'), 'the chat bot was not loaded');
    for (const tag of ['hp-profile', 'hp-documents', 'hp-ticket-list']) expect(defined(tag), tag).to.equal(false);

    el.go({ view: 'documents', param: '' });
    await el.updateComplete;
    if (!defined('hp-documents')) expect(main(el).querySelector('[part=loading]'), 'the loading state while the code is on its way').to.exist;
    await waitUntil(() => el.viewElement?.localName === 'hp-documents' && el.viewElement.shadowRoot?.childElementCount, 'the documents did not show');
    expect(defined('hp-documents')).to.equal(true);
    expect(defined('hp-profile')).to.equal(false);

    el.go({ view: 'profile', param: '' });
    await waitUntil(() => el.viewElement?.localName === 'hp-profile' && defined('hp-profile'), 'the profile did not show');
  });

  it('a view whose code cannot be loaded shows the error with "Erneut versuchen", which loads it', async () => {
    const imports = elementImports as Record<string, ElementImport>;
    const original = imports['hp-ticket-list']!;
    imports['hp-ticket-list'] = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const el = await portal(demoMe);
      await waitUntil(() => el.viewElement?.localName === 'hp-overview', 'the overview did not show');
      el.go({ view: 'tickets', param: '' });
      await waitUntil(() => main(el).querySelector('[part=error]'), 'no error state for a view that could not be loaded');
      expect(main(el).querySelector('[part=loading]')).to.equal(null);
      expect(defined('hp-ticket-list')).to.equal(false);
      imports['hp-ticket-list'] = original;
      main(el).querySelector<HTMLButtonElement>('[part=retry]')!.click();
      await waitUntil(() => el.viewElement?.localName === 'hp-ticket-list' && defined('hp-ticket-list'), 'the retry did not load the view');
      expect(main(el).querySelector('[part=error]')).to.equal(null);
    } finally {
      imports['hp-ticket-list'] = original;
    }
  });
});
