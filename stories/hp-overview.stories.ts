import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { define } from '@hausportal/core';
import { HpOverview } from '../packages/shell/src/overview/index.js';
import { ownerElisabeth } from './mocks/index.js';
import { overviewFails, overviewHandlers, overviewNoUnits, overviewOwner, overviewPending } from './mocks/overview.js';
import { residentStories } from './mocks/resident.js';

define('hp-overview', HpOverview);

const log = (name: string) => (e: CustomEvent) => console.info(name, e.detail);
const { handlers, as, signedOut } = residentStories(overviewHandlers);

const meta: Meta = {
  title: 'Portal/hp-overview',
  component: 'hp-overview',
  render: () => html`<hp-overview @hp-navigate=${log('hp-navigate')} @hp-overview-unread=${log('hp-overview-unread')}></hp-overview>`,
  parameters: {
    ...handlers(),
    docs: {
      description: {
        component:
          'The portal’s overview (Übersicht) from one request, GET /overview: personal details with a link to the profile; my properties with photo, address, my roles and the contacts for my role (phone and mail links, office hours); the balance per current unit (a debt in red with its word and the overdue part, "Bezahlen" to the open items and payment QR code); the latest documents, current notices (danger first, type by colour and word), open requests, each with "Neu"; the next appointment. Every link fires `hp-navigate` (the chat bot’s event) for the portal to route; `hp-overview-unread` carries the unread counts of all parts for the header. A part switched off for my role is left out. One column on a narrow element, a grid of cards beyond 40rem.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** Katharina Huber: one flat with a credit, a new BK-Abrechnung, five notices (the water shut-off first), three open requests. */
export const Loaded: Story = {};

/** Dr. Elisabeth Wagner owns four units in two properties; Top 2 owes money, part of it overdue: "Bezahlen". */
export const Owner: Story = { parameters: as(ownerElisabeth) };

/** No current unit (the contract ended, or has not begun): a friendly note and the personal details. */
export const Empty: Story = { parameters: handlers(overviewNoUnits()) };

/** Loading failed; "Erneut versuchen" loads again. */
export const LoadError: Story = { parameters: handlers(overviewFails()) };

/** Still loading: placeholder cards. */
export const Loading: Story = { parameters: handlers(overviewPending()) };

/** The owner’s overview in English. */
export const English: Story = { parameters: handlers(overviewOwner()), globals: { lang: 'en' } };

/** Nobody is signed in. */
export const SignedOut: Story = { parameters: signedOut };

/** The smallest supported width: one column. */
export const Narrow: Story = { render: () => html`<div style="inline-size: 320px"><hp-overview></hp-overview></div>` };
