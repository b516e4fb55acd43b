import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Me } from '@hausportal/api';
import type { StatementViewName } from '@hausportal/statement';
import '@hausportal/statement/define.js';
import { generateLedger } from '@hausportal/statement/testing.js';
import { API, loggedIn, ownerElisabeth, tenantKatharina, tenantOwnerMarkus, tenantThomas } from './mocks/index.js';
import { sameWidgetTwice } from './a11y.js';
import { receiptsFail, statementEmpty, statementFails, statementPending, type StatementEndpoint } from './mocks/statement.js';
import { noUnits, unitsPending } from './mocks/units.js';

const log = (e: CustomEvent<{ view: string }>) => console.info('hp-statement-view', e.detail.view);

/** Unit ids of stories/mocks/unit-data.ts. */
const topW2 = 'u-0048-0002-w2';
const top7 = 'u-0048-0007-t7';
const top3 = 'u-0048-0003-t3';
const top9 = 'u-0048-0009-t9';
const hamburgW5 = 'u-fm-0145-w5';

const meta: Meta = {
  title: 'Widgets/hp-statement',
  component: 'hp-statement',
  render: () => html`<hp-statement @hp-statement-view=${log}></hp-statement>`,
  parameters: {
    msw: { handlers: loggedIn(tenantOwnerMarkus) },
    docs: {
      description: {
        component:
          "One unit's money: charges (Vorschreibung), account (Kontoblatt), open items (Rückstände) with an EPC payment QR code, and for owners the expense accounts with receipts. CSV and Excel export and print for every view; follows `hp-unit-select` from a unit list on the page.",
      },
    },
  },
};
export default meta;
type Story = StoryObj;

const at = (view: StatementViewName, unit = '') => () => html`<hp-statement view=${view} unit=${unit} @hp-statement-view=${log}></hp-statement>`;

/** `view` of `unit` for `me`, with `extra` handlers in front of the default mock API. */
const show = (view: StatementViewName, me: Me, unit: string, extra: HttpHandler[] = []): Story => ({
  render: at(view, unit),
  parameters: { msw: { handlers: [...extra, ...loggedIn(me)] } },
});

/** The request behind each view. */
const endpointOf: Record<StatementViewName, StatementEndpoint> = { charges: 'charges', ledger: 'ledger', 'open-items': 'open-items', expenses: 'expense-accounts' };

/** A state of `view`: Markus Lehner's Top W2, or Dr. Elisabeth Wagner's Top 3 for the owners' expense accounts. */
const state = (view: StatementViewName, handlers: (only: StatementEndpoint[]) => HttpHandler[]): Story =>
  view === 'expenses' ? show(view, ownerElisabeth, top3, handlers([endpointOf[view]])) : show(view, tenantOwnerMarkus, topW2, handlers([endpointOf[view]]));

// Tenants

/** Markus Lehner's Top W2: the ImmoPro example lines (8.088,00 net, 817,80 VAT, 8.905,80 gross a month). */
export const TenantCharges: Story = {};

/** His account this year: carry-forward, late payments, part payments, reminder fee, running balance, amount due. */
export const TenantLedger: Story = show('ledger', tenantOwnerMarkus, topW2);

/** What he owes: two charges at dunning levels 2 and 1, the reminder fee, and the GiroCode to pay it all. */
export const TenantOpenItems: Story = show('open-items', tenantOwnerMarkus, topW2);

/** Katharina Huber's Top 7: paid on time, last year's operating-cost settlement leaves a credit (Guthaben). */
export const TenantCreditLedger: Story = show('ledger', tenantKatharina, top7);

/** Her open items: only the unused credit, nothing to pay. */
export const TenantCreditOpenItems: Story = show('open-items', tenantKatharina, top7);

/** Thomas Becker at Krüger in Hamburg, residential rent without VAT. */
export const TenantHamburg: Story = {
  globals: { theme: 'krueger' },
  parameters: { hausportal: { org: 'krueger' }, msw: { handlers: loggedIn(tenantThomas) } },
};

// Owners

/** Dr. Elisabeth Wagner's Top 3: owner lines (operating costs, heating, reserve) by shares. */
export const OwnerCharges: Story = show('charges', ownerElisabeth, top3);

/** Her Top 9 account with a small amount due. */
export const OwnerLedger: Story = show('ledger', ownerElisabeth, top9);

/** Top 9's open items and payment code. */
export const OwnerOpenItems: Story = show('open-items', ownerElisabeth, top9);

/** The building's expense accounts (5xxxxx operating costs, 7xxxxx reserve); pick one to see postings and receipts. */
export const OwnerExpenses: Story = show('expenses', ownerElisabeth, top3);

/** Markus Lehner owns a flat at Krüger in Hamburg: the expense accounts there. */
export const OwnerExpensesHamburg: Story = {
  render: at('expenses', hamburgW5),
  globals: { theme: 'krueger' },
  parameters: { hausportal: { org: 'krueger' }, msw: { handlers: loggedIn(tenantOwnerMarkus) } },
};

/** A receipt cannot be downloaded: the view says so and stays usable. */
export const ReceiptDownloadFails: Story = show('expenses', ownerElisabeth, top3, receiptsFail());

// States of each view

export const LoadingCharges: Story = state('charges', statementPending);
export const LoadingLedger: Story = state('ledger', statementPending);
export const LoadingOpenItems: Story = state('open-items', statementPending);
export const LoadingExpenses: Story = state('expenses', statementPending);

export const EmptyCharges: Story = state('charges', statementEmpty);
export const EmptyLedger: Story = state('ledger', statementEmpty);
export const EmptyOpenItems: Story = state('open-items', statementEmpty);
export const EmptyExpenses: Story = state('expenses', statementEmpty);

export const ErrorCharges: Story = state('charges', statementFails);
export const ErrorLedger: Story = state('ledger', statementFails);
export const ErrorOpenItems: Story = state('open-items', statementFails);
export const ErrorExpenses: Story = state('expenses', statementFails);

// States of the whole widget

/** The unit is still loading. */
export const LoadingUnit: Story = { parameters: { msw: { handlers: [...unitsPending(), ...loggedIn(tenantOwnerMarkus)] } } };

/** The person has no units. */
export const NoUnits: Story = { parameters: { msw: { handlers: [...noUnits(), ...loggedIn(tenantKatharina)] } } };

/** A unit id that is not mine answers like one that does not exist. */
export const UnitNotFound: Story = show('charges', tenantKatharina, topW2);

/** Nobody is signed in. */
export const LoggedOut: Story = { parameters: { msw: { handlers: [] } } };

/** A year with 5,000 postings: rows are rendered as they scroll into view and printed in full. */
export const LongLedger: Story = show('ledger', tenantOwnerMarkus, topW2, [
  http.get(`${API}/ledger`, () => HttpResponse.json(generateLedger(5000, { year: new Date().getFullYear(), accountNo: '2100417' }))),
]);

// Width and themes

/** `story` at 320 px. */
const narrow = (story: Story, view: StatementViewName): Story => ({
  ...story,
  render: () => html`<div style="inline-size: 320px"><hp-statement view=${view} unit=${topW2}></hp-statement></div>`,
});

/** The smallest supported width: open items with the payment code. */
export const Narrow: Story = narrow(TenantOpenItems, 'open-items');

/** The account at 320 px: the table scrolls inside its own region. */
export const NarrowLedger: Story = narrow(TenantLedger, 'ledger');

/** Dark colour scheme (switch back with the toolbar's Scheme). */
export const Dark: Story = { ...TenantOpenItems, globals: { scheme: 'dark' } };

const bothThemes = () => html`<div style="display: grid; gap: 2rem">
  <hp-session api="/api" org="immopro"><hp-statement view="open-items"></hp-statement></hp-session>
  <hp-session api="/api" org="krueger"><hp-statement view="expenses"></hp-statement></hp-session>
</div>`;

/**
 * Both demo themes side by side, each with its own session: Markus Lehner's amount due at ImmoPro (burgundy) and
 * the expense accounts of his flat at Krüger (petrol).
 */
export const BothThemes: Story = {
  parameters: { hausportal: { session: false }, msw: { handlers: loggedIn(tenantOwnerMarkus) }, a11y: sameWidgetTwice },
  render: bothThemes,
};

/** Both themes in the dark scheme. */
export const BothThemesDark: Story = { ...BothThemes, globals: { scheme: 'dark' } };
