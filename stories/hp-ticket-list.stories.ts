import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@hausportal/ticket-list/define.js';
import { tenantOwnerMarkus, tenantThomas } from './mocks/index.js';
import { manyTickets, noTickets, ticketHandlers, ticketsFail, ticketsPending } from './mocks/tickets.js';
import { residentStories } from './mocks/resident.js';

/** The list, or the ticket `ticket` opened directly. */
const widget = (ticket = '') =>
  html`<hp-ticket-list ticket=${ticket} @hp-tickets-unread=${(e: CustomEvent<{ count: number }>) => console.info('hp-tickets-unread', e.detail.count)}></hp-ticket-list>`;
const { handlers, as, signedOut } = residentStories(ticketHandlers);

const meta: Meta = {
  title: 'Widgets/hp-ticket-list',
  component: 'hp-ticket-list',
  render: () => widget(),
  parameters: {
    ...handlers(),
    docs: {
      description: {
        component:
          'My requests in the tabs Offen / Erledigt / Archiv with the status my role may see (icon and text), unread dots and "auch betroffen". A ticket opens in place: fields, photos, the public thread, a composer while open (text, "Fotos oder PDFs hinzufügen" with the chosen files listed and removable, the confirmation right below it), and apart under "Weitere Schritte" withdraw, confirm done or "nicht erledigt" (with a comment), or a 1–5 star rating, as the rules allow. Status texts keep the text colour (the status colour is in icon, border and tint), rows and tabs hover with a light tint; the last change is told in the organization’s calendar days (gerade eben, heute 14:05, gestern, vorgestern, then the date). Opening a ticket marks it read (`hp-tickets-unread`).',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** Katharina Huber: open tickets (two with unread answers, the lift she joined as affected); Erledigt holds done, closed and rejected ones; Archiv an old one. */
export const TenantKatharina: Story = {};

/** Markus Lehner, the same kinds of tickets at his flat W2. */
export const TenantMarkus: Story = { parameters: as(tenantOwnerMarkus) };

/** Thomas Becker at Krüger in Hamburg; pick the Krüger theme in the toolbar. */
export const TenantHamburg: Story = { parameters: as(tenantThomas, 'krueger') };

/** "Wasserhahn in der Küche tropft": fields, two photos, the thread with a status change, answers and my comment with a photo; write a reply and add photos or PDFs (listed, each removable); "Ihre Nachricht wurde gesendet." appears below the composer. */
export const DetailWithThreadAndPhotos: Story = { render: () => widget('t-wasserhahn') };

/** Just reported: a PDF attachment (file icon), no answer yet; withdraw (under "Weitere Schritte", apart from the composer) asks for confirmation first. */
export const NewWithdrawable: Story = { render: () => widget('t-heizung') };

/** Done: "Erledigt bestätigen" closes it, "Nicht erledigt" asks what is not done and says until when that is possible. */
export const DoneConfirmOrReopen: Story = { render: () => widget('t-tuer') };

/** Closed after I confirmed it: rate the handling with 1–5 stars (arrow keys) and an optional comment; sending without stars says so until stars are chosen. */
export const ClosedWithRating: Story = { render: () => widget('t-spuelung') };

/** "Lift Stiege 2 steht": a building-wide ticket I joined as affected (no fields, no withdraw), waiting with its public reason and until when. */
export const WaitingJoinedTicket: Story = { render: () => widget('t-lift') };

/** A document request fulfilled by releasing my lease: the document in the thread downloads. */
export const DocumentReleased: Story = { render: () => widget('t-mietvertrag') };

/** Rejected by the owners' meeting, with the public reason: nothing left to do. */
export const Rejected: Story = { render: () => widget('t-fahrrad') };

/** 120 open tickets: pages of 50 behind "Weitere laden". */
export const ManyTickets: Story = { parameters: handlers(manyTickets(120)) };

/** Still loading. */
export const Loading: Story = { parameters: handlers(ticketsPending()) };

/** No tickets: each tab says so. */
export const Empty: Story = { parameters: handlers(noTickets()) };

/** Loading failed; try again. */
export const LoadError: Story = { parameters: handlers(ticketsFail()) };

/** Nobody is signed in. */
export const LoggedOut: Story = { parameters: signedOut };

/** The smallest supported width, with a ticket open. */
export const Narrow: Story = { render: () => html`<div style="inline-size: 320px">${widget('t-wasserhahn')}</div>` };
