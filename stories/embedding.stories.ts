import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { http, HttpResponse } from 'msw';
import '@hausportal/login/define.js';
import '@hausportal/unit-list/define.js';
import '@hausportal/statement/define.js';
import { loggedIn, ownerElisabeth, tenantKatharina } from './mocks/index.js';

// What a web agency meets when it pastes the snippet into a CMS page: these stories bring their own markup instead of
// the <hp-session> that wraps every other story.
const meta: Meta = {
  title: 'Embedding/On a CMS page',
  parameters: {
    hausportal: { session: false },
    msw: { handlers: loggedIn(tenantKatharina) },
    docs: {
      description: {
        component:
          'How the widgets behave when the page around them is not as the README shows it: a widget outside any `<hp-session>`, and a property photo that does not load.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** A widget on a page without any `<hp-session>`: a short hint for the page author (German and English) instead of a spinner. */
export const NoSessionOnThePage: Story = {
  render: () => html`<hp-statement></hp-statement>`,
};

/**
 * The README snippet after WordPress's classic editor (wpautop) split it: the parser closed `<hp-session>` after the
 * login, so the unit list stands outside. It takes the page's session and the organization's theme all the same.
 */
export const SplitByTheEditor: Story = {
  render: () => html`${unsafeHTML(`<p><hp-session api="/api" org="immopro" lang="de"><br />
<hp-login></hp-login></p>
<p><hp-unit-list></hp-unit-list><br />
</hp-session></p>`)}`,
};

/** Property photos that fail to load: a neutral house stands in, never the alt text. */
export const MissingPhoto: Story = {
  parameters: {
    hausportal: { session: true },
    msw: { handlers: [http.get('*/media/properties/:name', () => new HttpResponse(null, { status: 404 })), ...loggedIn(ownerElisabeth)] },
  },
  render: () => html`<hp-unit-list></hp-unit-list>`,
};
