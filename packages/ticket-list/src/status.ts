import { html, svg, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { TicketStatus, TicketThreadEntry } from '@hausportal/api';
import { formatDate, type Locale } from '@hausportal/core';

/** The name of a status as residents see it: "In Bearbeitung" / "In progress". */
export function statusText(status: TicketStatus): string {
  switch (status) {
    case 'new':
      return msg('New', { id: 'tickets.status.new' });
    case 'in_progress':
      return msg('In progress', { id: 'tickets.status.in_progress' });
    case 'waiting':
      return msg('Waiting', { id: 'tickets.status.waiting' });
    case 'done':
      return msg('Done', { id: 'tickets.status.done' });
    case 'closed':
      return msg('Closed', { id: 'tickets.status.closed' });
    case 'rejected':
      return msg('Rejected', { id: 'tickets.status.rejected' });
  }
}

const ring = 'M14 8A6 6 0 1 1 2 8a6 6 0 1 1 12 0';
/** One drawing per status (16 × 16, stroked): plus, arrow, clock, tick, tick in a ring, cross in a ring. */
const shapes: Record<TicketStatus, string> = {
  new: `${ring}M8 5v6M5 8h6`,
  in_progress: `${ring}M5 8h6M8 5l3 3-3 3`,
  waiting: `${ring}M8 4.5V8l2.5 1.5`,
  done: 'M2.5 8.5 6 12l7.5-8',
  closed: `${ring}M5 8.2l2 2 4-4.2`,
  rejected: `${ring}M5.5 5.5l5 5m0-5-5 5`,
};

/** The status as icon and text (never colour alone); class `status <status>` for the colour. */
export const renderStatus = (status: TicketStatus): TemplateResult =>
  html`<span class="status ${status}" data-status=${status}
    ><svg class="icon" viewBox="0 0 16 16" aria-hidden="true">${svg`<path d=${shapes[status]} />`}</svg
    >${statusText(status)}</span
  >`;

/** What a resident's own step in the thread was: "Zurückgezogen", "Als erledigt bestätigt" … */
export function reasonCodeText(code: NonNullable<TicketThreadEntry['reasonCode']>): string {
  switch (code) {
    case 'withdrawn':
      return msg('Withdrawn', { id: 'tickets.reason.withdrawn' });
    case 'confirmed':
      return msg('Confirmed as done', { id: 'tickets.reason.confirmed' });
    case 'reopened':
      return msg('Reported as not done', { id: 'tickets.reason.reopened' });
    case 'auto_closed':
      return msg('Closed automatically', { id: 'tickets.reason.auto_closed' });
  }
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * When something changed, in the reader's words: "vor 5 Minuten", "vor 3 Stunden", "gestern", "vor 4 Tagen"; from a
 * week on the date ("12.03.2026").
 */
export function changedText(iso: string, locale: Locale, now = Date.now()): string {
  let value = (now - Date.parse(iso)) / 60_000;
  if (!(value >= 0)) return formatDate(iso, locale);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (value < 1) return format.format(0, 'minute');
  for (const [unit, next] of units) {
    if (value < next) return format.format(-Math.floor(value), unit);
    value /= next;
  }
  return formatDate(iso, locale);
}
