import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { initialize, mswLoader } from 'msw-storybook-addon';
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { createApiClient, type ApiClient } from '@hausportal/api';
import '@hausportal/core/define.js';
import { API_BASE, handlers } from '../stories/mocks/index.js';
import { themeChoices } from './themes.js';
import customElements from 'virtual:hausportal/custom-elements';

// Each element's docs page lists its attributes, properties, events, slots, parts and CSS properties from the Custom
// Elements Manifest of all widget packages (made from the element classes' JSDoc, see scripts/manifest.mjs).
setCustomElementsManifest(customElements);

// The default mock API stays installed underneath every story; stories add variants in parameters.msw.handlers.
initialize({ onUnhandledRequest: 'bypass', serviceWorker: { url: './mockServiceWorker.js' } }, handlers);

const clients = new Map<string, ApiClient>();

/**
 * One client per story and organization, so re-rendering with other args keeps the session of the story. Each works
 * alone: a story's login must not sign in the others, nor a story that never answers hold the others' refresh.
 */
function clientFor(storyId: string, org: string): ApiClient {
  const key = `${storyId}|${org}`;
  let client = clients.get(key);
  if (!client) {
    client = createApiClient({ baseUrl: API_BASE, organization: org, shareAcrossTabs: false });
    clients.set(key, client);
  }
  return client;
}

/**
 * Wraps each story in <hp-session> with a client for the mocked API, the chosen organization (theme) and language.
 * A story opts out with `parameters: { hausportal: { session: false } }` or picks an organization with
 * `parameters: { hausportal: { org: 'krueger' } }`. The toolbar's scheme sets `.hp-theme-dark` or `.hp-theme-light` on
 * <html>, unless the story says `hausportal: { scheme: false }`.
 */
const withSession: Decorator = (story, context) => {
  const choice = themeChoices[String(context.globals.theme)] ?? themeChoices.immopro!;
  const lang = context.globals.lang === 'en' ? 'en' : 'de';
  const dark = context.globals.scheme === 'dark';
  const options = (context.parameters.hausportal ?? {}) as { session?: boolean; org?: string; scheme?: boolean };
  const root = document.documentElement;
  root.lang = lang;
  // `scheme: false` leaves the page without a scheme class, for stories that set light and dark themselves.
  root.classList.toggle('hp-theme-dark', dark && options.scheme !== false);
  root.classList.toggle('hp-theme-light', !dark && options.scheme !== false);
  if (options.session === false) return story();
  const org = options.org ?? choice.org;
  // Storybook renders template results only, so the keyed directive sits inside one.
  return html`${keyed(
    `${context.id}|${org}`,
    html`<hp-session
      .client=${clientFor(context.id, org)}
      org=${org}
      lang=${lang}
      theme=${choice.applyTheme ? nothing : 'none'}
    >
      ${story()}
    </hp-session>`,
  )}`;
};

const preview: Preview = {
  // A docs page for every component, from the manifest.
  tags: ['autodocs'],
  loaders: [mswLoader],
  decorators: [withSession],
  globalTypes: {
    theme: {
      description: 'Organization and its theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: Object.entries(themeChoices).map(([value, choice]) => ({ value, title: choice.title })),
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Light or dark colour scheme',
      toolbar: {
        title: 'Scheme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    lang: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'de', right: 'DE', title: 'Deutsch' },
          { value: 'en', right: 'EN', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'immopro', scheme: 'light', lang: 'de' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Per-story mock variants go here, e.g. { handlers: [...loginFails('rate_limited')] }.
    msw: { handlers: [] },
    // The accessibility addon checks every story with axe after it rendered (and played); a violation fails the story
    // in Storybook's test runs ('error'), not only a warning ('todo').
    a11y: { test: 'error' },
  },
};

export default preview;
