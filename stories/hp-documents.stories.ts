import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@hausportal/documents/define.js';
import { loggedIn, ownerElisabeth, tenantKatharina, tenantOwnerMarkus, tenantThomas } from './mocks/index.js';
import { documentsFail, documentsPending, downloadsFail, manyDocuments, noDocuments, noUnitsNoDocuments } from './mocks/documents.js';

const meta: Meta = {
  title: 'Widgets/hp-documents',
  component: 'hp-documents',
  render: () => html`<hp-documents @hp-documents-unread=${(e: CustomEvent<{ count: number }>) => console.info('hp-documents-unread', e.detail.count)}></hp-documents>`,
  parameters: {
    msw: { handlers: loggedIn(tenantKatharina) },
    docs: {
      description: {
        component:
          'The documents released to me, by property and unit, then category: "neu" badges with counts, mark all (or, with a filter, the shown ones) as read, filter by category, year (of the period when it is a year) and only new, search, sort by date (the groups too), download one or several as a ZIP. A document no longer shared is removed with a plain note.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** Katharina Huber, tenant of Top 7 at the Naschmarkt: this year's BK-Abrechnung is new; the house rules, her contract, the Vorschreibung and the energy certificate are read. */
export const TenantKatharina: Story = {};

/** Markus Lehner pays late: a payment reminder (Mahnungen) waits under "Persönlich". */
export const TenantWithReminder: Story = { parameters: { msw: { handlers: loggedIn(tenantOwnerMarkus) } } };

/** Dr. Elisabeth Wagner owns four units in two properties: minutes of the owners' meeting, a circular resolution, insurance, contracts per unit. */
export const OwnerElisabeth: Story = { parameters: { msw: { handlers: loggedIn(ownerElisabeth) } } };

/** Thomas Becker at Krüger in Hamburg; pick the Krüger theme in the toolbar. */
export const TenantHamburg: Story = { parameters: { hausportal: { org: 'krueger' }, msw: { handlers: loggedIn(tenantThomas) } } };

/** 10,000 documents: the first page of 200 shows at once, the rest load behind it; the rows are virtualized. */
export const TenThousandDocuments: Story = { parameters: { msw: { handlers: [...manyDocuments(10_000), ...loggedIn(ownerElisabeth)] } } };

/** Still loading. */
export const Loading: Story = { parameters: { msw: { handlers: [...documentsPending(), ...loggedIn(tenantKatharina)] } } };

/** Nothing has been released to this person yet. */
export const Empty: Story = { parameters: { msw: { handlers: [...noDocuments(), ...loggedIn(tenantKatharina)] } } };

/** No units, no contracts, so no documents: the widget says why. */
export const NoUnits: Story = { parameters: { msw: { handlers: [...noUnitsNoDocuments(), ...loggedIn(tenantKatharina)] } } };

/** Loading failed; try again. */
export const LoadError: Story = { parameters: { msw: { handlers: [...documentsFail(), ...loggedIn(tenantKatharina)] } } };

/** Downloads fail (the list loads): the reason is announced, the document stays new. */
export const DownloadError: Story = { parameters: { msw: { handlers: [...downloadsFail(), ...loggedIn(tenantKatharina)] } } };

/** Nobody is signed in. */
export const LoggedOut: Story = { parameters: { msw: { handlers: [] } } };

/** The smallest supported width: the download button goes under each document's text. */
export const Narrow: Story = {
  parameters: { msw: { handlers: loggedIn(ownerElisabeth) } },
  render: () => html`<div style="inline-size: 320px"><hp-documents></hp-documents></div>`,
};
