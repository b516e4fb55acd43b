import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Overview, OverviewAppointment, OverviewDocument, OverviewNotice, OverviewTicket } from '@hausportal/api';
import { card, type View } from './cards.js';
import { appointmentText, dayText, statusText, typeText } from './labels.js';

// The overview's short lists (the latest documents, current notices, open tickets) and the next appointment. Each
// entry links to itself in its widget; the list's unread count over all of them stands beside the card's title.

const fresh = () => html`<span class="new" part="new">${msg('New', { id: 'ov.new' })}</span>`;

const none = (text: string) => html`<p class="none">${text}</p>`;

/** A card holding a short list: its entries, or `empty` when there are none, then `footer`. */
const listCard = <T>(name: string, title: string, items: T[], entry: (item: T) => TemplateResult, empty: string, footer: unknown, unread: number) =>
  card(name, title, items.length ? html`<ul class="entries">${items.map(entry)}</ul>` : none(empty), footer, unread);

const document = (d: OverviewDocument, v: View) => html`<li data-document=${d.id}>
  ${v.link(d.title, 'documents', { document: d.id })} ${d.unread ? fresh() : nothing}
  <span class="meta">${d.category} · ${dayText(d.publishedAt, v.locale, v.timeZone)}</span>
</li>`;

/** Neueste Dokumente: the latest five, "Neu" on unread ones, the unread count of all in the title. */
export const documentsCard = (o: Overview, list: OverviewDocument[], v: View): TemplateResult =>
  listCard(
    'documents',
    msg('Latest documents', { id: 'ov.documents' }),
    list,
    (d) => document(d, v),
    msg('No documents yet.', { id: 'ov.documents.none' }),
    v.link(msg('All documents', { id: 'ov.documents.link' }), 'documents'),
    o.unread.documents,
  );

const notice = (n: OverviewNotice, v: View) => html`<li class="notice ${n.type}" data-post=${n.id} data-type=${n.type}>
  <span class="type">${typeText(n.type)}</span>
  ${v.link(n.title, 'bulletin-board', { post: n.id })} ${n.unread ? fresh() : nothing}
  <span class="meta">${dayText(n.publishedAt, v.locale, v.timeZone)}</span>
</li>`;

/** Schwarzes Brett, compact: type (colour and word), title, date; danger first as the server orders them. */
export const noticesCard = (o: Overview, list: OverviewNotice[], v: View): TemplateResult =>
  listCard(
    'notices',
    msg('Notice board', { id: 'ov.notices' }),
    list,
    (n) => notice(n, v),
    msg('No current notices.', { id: 'ov.notices.none' }),
    v.link(msg('All notices', { id: 'ov.notices.link' }), 'bulletin-board'),
    o.unread.notices,
  );

const ticket = (t: OverviewTicket, v: View) => html`<li data-ticket=${t.id}>
  ${v.link(`${t.number} ${t.subject}`, 'ticket-list', { ticket: t.id })} ${t.unread ? html`<span class="new" part="new">${msg('New reply', { id: 'ov.newReply' })}</span>` : nothing}
  <span class="meta"><span class="status" data-status=${t.status}>${statusText(t.status)}</span> · ${dayText(t.updatedAt, v.locale, v.timeZone)}</span>
</li>`;

/** Offene Meldungen: my open tickets, the latest change first; links to the list and to a new message. */
export const ticketsCard = (o: Overview, list: OverviewTicket[], v: View): TemplateResult =>
  listCard(
    'tickets',
    msg('Open requests', { id: 'ov.tickets' }),
    list,
    (t) => ticket(t, v),
    msg('No open requests.', { id: 'ov.tickets.none' }),
    html`${v.link(msg('All requests', { id: 'ov.tickets.link' }), 'ticket-list')} ${v.link(msg('New request', { id: 'ov.tickets.new' }), 'message-form')}`,
    o.unread.tickets,
  );

/** Nächster Termin: the next appointment of my notices that has not ended, or that there is none. */
export const appointmentCard = (next: OverviewAppointment | null, v: View): TemplateResult =>
  card(
    'appointment',
    msg('Next appointment', { id: 'ov.appointment' }),
    next
      ? html`<p class="when"><strong>${appointmentText(next.from, next.to, v.locale, v.timeZone)}</strong></p>
          <p>${v.link(next.title, 'bulletin-board', { post: next.postId })}</p>`
      : none(msg('No appointment ahead.', { id: 'ov.appointment.none' })),
  );
