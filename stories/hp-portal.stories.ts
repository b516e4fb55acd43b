import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { Me } from '@hausportal/api';
import '@hausportal/shell/define.js';
import { loggedIn, ownerElisabeth, tenantKatharina } from './mocks/index.js';

const log = (event: CustomEvent) => console.info(event.type, event.detail);

/**
 * The portal opened at `hash` (the story sets the iframe's location hash before the portal reads it), in a box of
 * `width` when given.
 */
const portalAt =
  (hash = '#/uebersicht', width?: string) =>
  (): TemplateResult => {
    history.replaceState(history.state, '', hash);
    const portal = html`<hp-portal @hp-portal-view=${log}></hp-portal>`;
    return width ? html`<div style="inline-size: ${width}">${portal}</div>` : portal;
  };

/** The msw parameters with `me` signed in by the refresh cookie (Katharina Huber unless given). */
const as = (me: Me = tenantKatharina) => ({ msw: { handlers: loggedIn(me) } });

const meta: Meta = {
  title: 'Portal/hp-portal',
  component: 'hp-portal',
  render: portalAt(),
  parameters: {
    layout: 'fullscreen',
    ...as(),
    docs: {
      description: {
        component:
          'The whole portal in one element: the organization’s logo and name, "Druckansicht", the notification button (unread documents, notices and ticket updates; the list links to each view), the user menu (Profil, Deutsch/English, the organization when the person has several, Abmelden), a navigation that follows the role and the feature toggles (collapsible to icons; a menu button below 768 px), one view at a time and the legal links. Each view has a hash (`#/dokumente`, `#/konto/ledger`, `#/brett/<id>`, `#/tickets/2026-00042`): back, forward and reload keep the place, and the chat bot’s links open views. Signed out, `<hp-login>` fills the main area from the page’s light DOM. Inside `<hp-session>` here; alone on a page it takes `api`, `org` and `lang`.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** Nobody signed in: the login in the main area (its form in the light DOM), the language in the header. */
export const SignedOut: Story = { parameters: { msw: { handlers: [] } } };

/** Katharina Huber signed in: the overview, the counts in the header. */
export const Overview: Story = {};

/** My units (Einheiten). */
export const Units: Story = { render: portalAt('#/einheiten') };

/** Vorschreibung & Konto of Dr. Elisabeth Wagner: the unit switcher above the statement, "Belegeinsicht" in the menu. */
export const Statement: Story = { render: portalAt('#/konto'), parameters: as(ownerElisabeth) };

/** The account (Kontoblatt) straight from its hash `#/konto/ledger`. */
export const Ledger: Story = { render: portalAt('#/konto/ledger'), parameters: as(ownerElisabeth) };

/** The owner’s expense accounts (Belegeinsicht), `#/konto/expenses`. */
export const ExpenseAccounts: Story = { render: portalAt('#/konto/expenses'), parameters: as(ownerElisabeth) };

/** Dokumente. */
export const Documents: Story = { render: portalAt('#/dokumente') };

/** Schwarzes Brett. */
export const Board: Story = { render: portalAt('#/brett') };

/** A notice opened by its deep link `#/brett/post-wasser`. */
export const Notice: Story = { render: portalAt('#/brett/post-wasser') };

/** Meldungen & Tickets. */
export const Tickets: Story = { render: portalAt('#/tickets') };

/** A ticket opened by its number, `#/tickets/2026-00042`. */
export const Ticket: Story = { render: portalAt('#/tickets/2026-00042') };

/** Neue Meldung: the forms. */
export const Report: Story = { render: portalAt('#/meldung') };

/** Profil. */
export const Profile: Story = { render: portalAt('#/profil') };

/** 320 px: the menu button instead of the navigation; the name above the buttons. */
export const Narrow: Story = { render: portalAt('#/uebersicht', '320px') };

/** 320 px with the menu open (the focus on the current view; Esc closes it). */
export const NarrowMenu: Story = {
  render: portalAt('#/dokumente', '320px'),
  play: async ({ canvasElement }) => {
    const portal = canvasElement.querySelector('hp-portal')!;
    for (;;) {
      const button = portal.shadowRoot?.querySelector<HTMLButtonElement>('[part=menu-button]');
      if (button) return button.click();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  },
};

/** English. */
export const English: Story = { globals: { lang: 'en' } };

/** Krüger’s portal, in its own theme (its chat bot is switched off). */
export const Krueger: Story = { parameters: { hausportal: { org: 'krueger' }, msw: { handlers: loggedIn() } } };

/**
 * A manager’s preview as Katharina Huber (`Me.preview`): `<hp-session>` shows the banner "Vorschau als …"; the portal
 * shows what she sees, "Neue Meldung" too — the server refuses every write with 403.
 */
export const Preview: Story = {
  parameters: as({
    ...tenantKatharina,
    preview: { sessionId: '0190a6b2-0000-7000-8000-0000000000a1', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), person: { id: 'person-katharina', name: tenantKatharina.name } },
  }),
};
