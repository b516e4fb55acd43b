import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@hausportal/unit-list/define.js';
import { loggedIn, ownerElisabeth, tenantKatharina, tenantOwnerMarkus, tenantThomas } from './mocks/index.js';
import { sameWidgetTwice } from './a11y.js';
import { manyUnits, noUnits, unitsFail, unitsPending } from './mocks/units.js';

const meta: Meta = {
  title: 'Widgets/hp-unit-list',
  component: 'hp-unit-list',
  render: () => html`<hp-unit-list @hp-unit-select=${(e: CustomEvent<{ unitId: string }>) => console.info('hp-unit-select', e.detail.unitId)}></hp-unit-list>`,
  parameters: {
    msw: { handlers: loggedIn(tenantKatharina) },
    docs: { description: { component: 'My units grouped by property, with charges, balance and contacts; sort, filter, search, CSV and Excel export, print.' } },
  },
};
export default meta;
type Story = StoryObj;

/** Katharina Huber rents Top 7 at the Naschmarkt and has a credit (Guthaben) after the operating-cost settlement. */
export const TenantKatharina: Story = {};

/** Markus Lehner, tenant of Top W2, pays late: the balance shows an amount due (Rückstand). */
export const TenantWithAmountDue: Story = { parameters: { msw: { handlers: loggedIn(tenantOwnerMarkus) } } };

/** Dr. Elisabeth Wagner owns three units at the Naschmarkt and one in Kahlenberger Straße. */
export const OwnerElisabeth: Story = { parameters: { msw: { handlers: loggedIn(ownerElisabeth) } } };

/** Thomas Becker at Krüger in Hamburg (no VAT on residential rent); pick the Krüger theme in the toolbar. */
export const TenantHamburg: Story = {
  parameters: { hausportal: { org: 'krueger' }, msw: { handlers: loggedIn(tenantThomas) } },
};

/** An owner with 2,000 units on 50 properties: loaded in pages of 200, rows virtualized as they scroll into view. */
export const OwnerWithThousandsOfUnits: Story = {
  parameters: { msw: { handlers: [...manyUnits(2000), ...loggedIn(ownerElisabeth)] } },
};

/** Still loading. */
export const Loading: Story = { parameters: { msw: { handlers: [...unitsPending(), ...loggedIn(tenantKatharina)] } } };

/** The person has no units. */
export const Empty: Story = { parameters: { msw: { handlers: [...noUnits(), ...loggedIn(tenantKatharina)] } } };

/** Loading failed; try again. */
export const LoadError: Story = { parameters: { msw: { handlers: [...unitsFail(), ...loggedIn(tenantKatharina)] } } };

/** Nobody is signed in. */
export const LoggedOut: Story = { parameters: { msw: { handlers: [] } } };

/** The smallest supported width: every unit is a card. */
export const Narrow: Story = {
  parameters: { msw: { handlers: loggedIn(ownerElisabeth) } },
  render: () => html`<div style="inline-size: 320px"><hp-unit-list></hp-unit-list></div>`,
};

/**
 * Both demo themes side by side, each with its own session: Markus Lehner rents Top W2 at ImmoPro (burgundy) and
 * owns a flat managed by Krüger (petrol).
 */
export const BothThemes: Story = {
  parameters: { hausportal: { session: false }, msw: { handlers: loggedIn(tenantOwnerMarkus) }, a11y: sameWidgetTwice },
  render: () => html`<div style="display: grid; gap: 2rem">
    <hp-session api="/api" org="immopro"><hp-unit-list></hp-unit-list></hp-session>
    <hp-session api="/api" org="krueger"><hp-unit-list></hp-unit-list></hp-session>
  </div>`,
};
