import { html, svg, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { dayIn, daysBetween, type TicketStatus, type TicketThreadEntry } from '@hausportal/api';
import { formatDate, type Locale } from '@hausportal/core';

/** English names (the source texts) of the statuses; the id of each is `tl.status.<status>`. */
const statusNames: Record<TicketStatus, string> = { new: 'New', in_progress: 'In progress', waiting: 'Waiting', done: 'Done', closed: 'Closed', rejected: 'Rejected' };

/** The name of a status as residents see it: "In Bearbeitung" / "In progress". */
export const statusText = (status: TicketStatus): string => msg(statusNames[status], { id: `tl.status.${status}` });

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

const reasonNames: Record<NonNullable<TicketThreadEntry['reasonCode']>, string> = {
  withdrawn: 'Withdrawn',
  confirmed: 'Confirmed as done',
  reopened: 'Reported as not done',
  auto_closed: 'Closed automatically',
};

/** What a resident's own step in the thread was: "Zurückgezogen", "Als erledigt bestätigt" … (id `tl.reason.<code>`). */
export const reasonCodeText = (code: NonNullable<TicketThreadEntry['reasonCode']>): string => msg(reasonNames[code], { id: `tl.reason.${code}` });

/** The clock the last changes are told by: the organization's time (ms since 1970) and its time zone (IANA). */
export interface OrgClock {
  now: number;
  timeZone?: string;
}

/**
 * When something changed, in calendar days of the organization: "gerade eben" within a minute, "heute 14:05",
 * "gestern", "vorgestern", else the date ("12.03.2026"), all in the organization's time zone.
 */
export function changedText(iso: string, locale: Locale, { now, timeZone }: OrgClock): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  if (Math.abs(now - at) < 60_000) return msg('just now', { id: 'tl.justNow' });
  const day = dayIn(at, timeZone);
  const days = daysBetween(day, dayIn(now, timeZone));
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');
  if (days) return days > 0 && days < 3 ? relative : formatDate(day, locale);
  return `${relative} ${new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)}`;
}
