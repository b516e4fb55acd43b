import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw';
import { createApiClient, type ApiClient, type ThemeInput } from '@hausportal/api';
import { deriveTheme, themePresets } from '@hausportal/api/theme.js';
import '@hausportal/login/define.js';
import '@hausportal/unit-list/define.js';
import '@hausportal/statement/define.js';
import '@hausportal/documents/define.js';
import '@hausportal/message-form/define.js';
import '@hausportal/ticket-list/define.js';
import '@hausportal/bulletin-board/define.js';
import '@hausportal/chat-bot/define.js';
import { API, API_BASE, immopro, immoproTheme, krueger, kruegerTheme, loggedIn, tenantKatharina } from './mocks/index.js';
import { chatHandlers } from './mocks/chat.js';
import { sameWidgetTwice } from './a11y.js';
import './theme-gallery-panel.js';
import type { Scheme } from './theme-gallery-panel.js';

// Every widget in each ready colour set and in the two demo themes, light and dark, each derived on the fly with
// deriveTheme() as the server derives it, with its contrast table.

interface GalleryTheme {
  heading: string;
  input: ThemeInput | null;
}

const themes: Record<string, GalleryTheme> = {
  ...Object.fromEntries(themePresets.map((preset) => [preset.key, { heading: `${preset.name.de} / ${preset.name.en}`, input: preset.input }])),
  immopro: {
    heading: `${immopro.name} (Demo)`,
    input: { primary: '#8a1538', accent: '#c8a45d', fontFamily: immoproTheme.fontFamily, radius: immoproTheme.radius },
  },
  krueger: {
    heading: `${krueger.name} (Demo)`,
    input: { primary: '#0b5d7a', accent: '#e3a21a', fontFamily: kruegerTheme.fontFamily, radius: kruegerTheme.radius },
  },
  plain: { heading: 'Ohne Thema / without theme', input: null },
};

/** An organization only the gallery's login uses: nobody is signed in there, so the login shows its form. */
const loginOrg = 'galerie';
const signedOutLogin = [
  http.get(`${API}/organizations/${loginOrg}/public`, () => HttpResponse.json({ ...immopro, slug: loginOrg, name: 'Musterhausverwaltung GmbH' })),
  http.post(`${API}/auth/refresh`, async ({ request }) => {
    const body = (await request.clone().json().catch(() => ({}))) as { organization?: unknown };
    return body.organization === loginOrg ? new HttpResponse(null, { status: 204 }) : undefined;
  }),
];

const clients = new Map<string, ApiClient>();

/** One client per story, panel and organization, so each session of the gallery works alone. */
function clientFor(story: string, scheme: Scheme, org: string): ApiClient {
  const key = `${story}|${scheme}|${org}`;
  if (!clients.has(key)) clients.set(key, createApiClient({ baseUrl: API_BASE, organization: org, shareAcrossTabs: false }));
  return clients.get(key)!;
}

/** A widget under its tag name. */
const labelled = (tag: string, widget: TemplateResult) =>
  html`<section style="margin-block-start: 2rem"><p style="margin: 0 0 0.5rem; font-family: monospace">&lt;${tag}&gt;</p>${widget}</section>`;

/** The widgets of one panel: the login in a signed-out session, the others signed in as Katharina Huber (ImmoPro). */
function widgets(context: StoryContext, scheme: Scheme): TemplateResult {
  const lang = context.globals.lang === 'en' ? 'en' : 'de';
  return html`<hp-session .client=${clientFor(context.id, scheme, loginOrg)} org=${loginOrg} lang=${lang} theme="none">
      ${labelled('hp-login', html`<hp-login></hp-login>`)}
    </hp-session>
    <hp-session .client=${clientFor(context.id, scheme, 'immopro')} org="immopro" lang=${lang} theme="none">
      ${labelled('hp-unit-list', html`<hp-unit-list></hp-unit-list>`)}
      ${labelled('hp-statement', html`<hp-statement></hp-statement>`)}
      ${labelled('hp-documents', html`<hp-documents></hp-documents>`)}
      ${labelled('hp-message-form', html`<hp-message-form></hp-message-form>`)}
      ${labelled('hp-ticket-list', html`<hp-ticket-list></hp-ticket-list>`)}
      ${labelled('hp-bulletin-board', html`<hp-bulletin-board></hp-bulletin-board>`)}
      ${labelled('hp-chat-bot inline', html`<hp-chat-bot inline></hp-chat-bot>`)}
    </hp-session>`;
}

const columns = (panels: TemplateResult[]) =>
  html`<div style="display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 34rem), 1fr)); align-items: start">${panels}</div>`;

/** One theme, light beside dark, with every widget (or, with `withWidgets` false, the colours and contrast only). */
function gallery(key: string, context: StoryContext, withWidgets = true): TemplateResult {
  const { heading, input } = themes[key]!;
  const derived = input && deriveTheme(input);
  return columns(
    (['light', 'dark'] as const).map(
      (scheme) => html`<hp-gallery-panel .derived=${derived} scheme=${scheme} heading=${heading}>
        ${withWidgets ? widgets(context, scheme) : ''}
      </hp-gallery-panel>`,
    ),
  );
}

const meta: Meta = {
  title: 'Foundations/Theme gallery',
  parameters: {
    // The panels set light and dark themselves; the toolbar's organization and scheme do not reach them.
    hausportal: { session: false, scheme: false },
    layout: 'padded',
    // Each widget shows twice, in the light and in the dark panel. The samples of the contrast tables show each pair
    // as measured, failing ones too: they are the report, not text of a page.
    a11y: { ...sameWidgetTwice, context: { exclude: [{ fromShadowDom: ['hp-gallery-panel', '.sample'] }] } },
    msw: { handlers: [...signedOutLogin, ...chatHandlers, ...loggedIn(tenantKatharina)] },
    docs: {
      description: {
        component:
          'Every widget in each ready colour set and in the two demo themes, light and dark. The tokens are derived from the colour set with `deriveTheme()` (`@hausportal/api/theme.js`), as `PUT /admin/theme` derives them; each panel lists the colours, what was adjusted to reach WCAG 2.2 AA, and the contrast of every checked pair.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

const story = (key: string, name?: string): Story => ({ ...(name && { name }), render: (_args, context) => gallery(key, context) });

/** Ready colour set "Klassisch Blau". */
export const ClassicBlue = story('classic-blue', 'Klassisch Blau');

/** Ready colour set "Bordeaux & Gold". */
export const BordeauxGold = story('bordeaux-gold', 'Bordeaux & Gold');

/** Ready colour set "Petrol & Orange". */
export const PetrolOrange = story('petrol-orange', 'Petrol & Orange');

/** Ready colour set "Grün & Sand" (with a sand neutral that tints surfaces, text and borders). */
export const GreenSand = story('green-sand', 'Grün & Sand');

/** Demo theme of ImmoPro (Vienna): burgundy #8a1538 and gold #c8a45d. */
export const ImmoPro = story('immopro', 'ImmoPro (Demo)');

/** Demo theme of Krüger (Hamburg): petrol #0b5d7a and amber #e3a21a. */
export const Krueger = story('krueger', 'Krüger (Demo)');

/** No organization theme: the fallbacks every widget carries on :host. */
export const Plain = story('plain', 'Without theme');

/** The colours and contrast tables of all six themes, without widgets. */
export const ContrastOverview: Story = {
  name: 'Contrast overview',
  render: (_args, context) =>
    html`<div style="display: grid; gap: 2rem">${Object.keys(themes)
      .filter((key) => themes[key]!.input)
      .map((key) => gallery(key, context, false))}</div>`,
};
