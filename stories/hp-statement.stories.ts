import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import '@hausportal/statement/define.js';
import '@hausportal/unit-list/define.js';
import { generateLedger } from '@hausportal/statement/testing.js';
import { API, loggedIn, ownerElisabeth, tenantKatharina, tenantOwnerMarkus, tenantThomas } from './mocks/index.js';
import { statementEmpty, statementFails, statementPending } from './mocks/statement.js';

const log = (e: CustomEvent<{ view: string }>) => console.info('hp-statement-view', e.detail.view);

const meta: Meta = {
  title: 'Widgets/hp-statement',
  component: 'hp-statement',
  render: () => html`<hp-statement @hp-statement-view=${log}></hp-statement>`,
  parameters: {
    msw: { handlers: loggedIn(tenantOwnerMarkus) },
    docs: {
      description: {
        component:
          'One unit\'s money: charges (Vorschreibung), account (Kontoblatt), open items (Rückstände) with an EPC payment QR code, and for owners the expense accounts with receipts. CSV export and print for every view.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

const at = (view: string, unit = '') => () => html`<hp-statement view=${view} unit=${unit} @hp-statement-view=${log}></hp-statement>`;

/** Markus Lehner's Top W2: the ImmoPro example lines (8.088,00 net, 817,80 VAT, 8.905,80 gross a month). */
export const Charges: Story = {};

/** The account of this year with running balance and the closing balance in words. */
export const Ledger: Story = { render: at('ledger') };

/** An amount due: open items with dunning level and the GiroCode to pay it. */
export const OpenItems: Story = { render: at('open-items') };

/** Katharina Huber has a credit after the operating-cost settlement: nothing to pay. */
export const OpenItemsWithCredit: Story = { render: at('open-items'), parameters: { msw: { handlers: loggedIn(tenantKatharina) } } };

/** Dr. Elisabeth Wagner owns Top 3: the building's expense accounts with receipts to download. */
export const ExpenseAccountsForOwners: Story = {
  render: at('expenses', 'u-0048-0003-t3'),
  parameters: { msw: { handlers: loggedIn(ownerElisabeth) } },
};

/** Thomas Becker at Krüger in Hamburg, residential rent without VAT; pick the Krüger theme in the toolbar. */
export const TenantHamburg: Story = { parameters: { hausportal: { org: 'krueger' }, msw: { handlers: loggedIn(tenantThomas) } } };

/** A year with 5,000 postings: rows are rendered as they scroll into view and printed in full. */
export const LongLedger: Story = {
  render: at('ledger'),
  parameters: {
    msw: { handlers: [http.get(`${API}/ledger`, () => HttpResponse.json(generateLedger(5000, { year: new Date().getFullYear(), accountNo: '2100417' }))), ...loggedIn(tenantOwnerMarkus)] },
  },
};

/** Still loading (every view). */
export const Loading: Story = { render: at('ledger'), parameters: { msw: { handlers: [...statementPending(), ...loggedIn(tenantOwnerMarkus)] } } };

/** Nothing in the period, nothing open, no accounts. */
export const Empty: Story = { render: at('charges'), parameters: { msw: { handlers: [...statementEmpty(), ...loggedIn(tenantKatharina)] } } };

/** Empty account of a year. */
export const EmptyLedger: Story = { render: at('ledger'), parameters: { msw: { handlers: [...statementEmpty(), ...loggedIn(tenantKatharina)] } } };

/** Loading failed; try again. */
export const LoadError: Story = { render: at('open-items'), parameters: { msw: { handlers: [...statementFails(), ...loggedIn(tenantOwnerMarkus)] } } };

/** A unit id that is not mine answers like one that does not exist. */
export const UnitNotFound: Story = { render: at('charges', 'u-not-mine-0000') };

/** Nobody is signed in. */
export const LoggedOut: Story = { parameters: { msw: { handlers: [] } } };

/** The smallest supported width. */
export const Narrow: Story = { render: () => html`<div style="inline-size: 320px"><hp-statement view="open-items"></hp-statement></div>` };

/** Beside the unit list: choosing a unit there shows its statement. */
export const BesideUnitList: Story = {
  parameters: { msw: { handlers: loggedIn(ownerElisabeth) } },
  render: () => html`<div style="display: grid; gap: 2rem">
    <hp-unit-list></hp-unit-list>
    <hp-statement @hp-statement-view=${log}></hp-statement>
  </div>`,
};

/** Both demo themes side by side, each with its own session. */
export const BothThemes: Story = {
  parameters: { hausportal: { session: false }, msw: { handlers: loggedIn(tenantOwnerMarkus) } },
  render: () => html`<div style="display: grid; gap: 2rem">
    <hp-session api="/api" org="immopro"><hp-statement view="open-items"></hp-statement></hp-session>
    <hp-session api="/api" org="krueger"><hp-statement view="expenses"></hp-statement></hp-session>
  </div>`,
};
