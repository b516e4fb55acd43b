import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@hausportal/statement/define.js';
import '@hausportal/unit-list/define.js';
import { loggedIn, ownerElisabeth, tenantOwnerMarkus } from './mocks/index.js';

/** A portal page: my units, and beside them the statement of the unit chosen there (Enter, Space or a click). */
const page = () => html`<style>
    .hp-page { display: grid; gap: 2rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 28rem), 1fr)); align-items: start; }
  </style>
  <div class="hp-page">
    <hp-unit-list></hp-unit-list>
    <hp-statement @hp-statement-view=${(e: CustomEvent<{ view: string }>) => console.info('hp-statement-view', e.detail.view)}></hp-statement>
  </div>`;

const meta: Meta = {
  title: 'Pages/Portal page',
  render: page,
  parameters: {
    layout: 'fullscreen',
    msw: { handlers: loggedIn(ownerElisabeth) },
    docs: { description: { component: '`<hp-unit-list>` beside `<hp-statement>` in one session: choosing a unit in the list shows its statement.' } },
  },
};
export default meta;
type Story = StoryObj;

/** Dr. Elisabeth Wagner with four owned units in two buildings: pick one to see its charges, account and expense accounts. */
export const Owner: Story = {};

/** Markus Lehner at ImmoPro: one flat, the amount due shows in the list and in the statement. */
export const Tenant: Story = { parameters: { msw: { handlers: loggedIn(tenantOwnerMarkus) } } };

/** At 320 px the statement goes below the list. */
export const Narrow: Story = { render: () => html`<div style="inline-size: 320px">${page()}</div>` };
