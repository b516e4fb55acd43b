import ical from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { wallClock } from '../calendar.ts';
import { nextDay } from '../notifications/digest.ts';
import type { PostAppointment } from '@hausportal/api';

// A notice's appointment as an iCalendar object (RFC 5545) with one VEVENT, made with ical-generator:
// - UID `<post id>@hausportal` and SEQUENCE = the notice's revision, so a calendar that imported the event updates it
//   after a substantial change (RFC 5545 §3.8.4.7, §3.8.7.4);
// - a timed appointment is written in the organization's time zone: DTSTART/DTEND with TZID and a VTIMEZONE block for
//   it (timezones-ical-library), so the entry stays right across daylight-saving changes;
// - an all-day appointment is written as dates (VALUE=DATE); DTEND is the day after the last day (exclusive, §3.6.1);
// - SUMMARY = title, LOCATION = place, DESCRIPTION = the body's plain text and the link; DTSTAMP is the instant of the
//   download in UTC.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The wall-clock time of an instant in a time zone as "YYYY-MM-DDTHH:mm:ss" without offset: ical-generator writes
 * such a string unchanged as the local time of the event's TZID (a Date would be written in the server's own zone).
 */
export function wallTime(ms: number, timeZone: string): string {
  const f = wallClock(ms, timeZone);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
}

/** What the event is made of. */
export interface AppointmentEvent {
  postId: string;
  revision: number;
  title: string;
  /** The body's plain text (posts/sanitize.ts `postBodyText`). */
  bodyText: string;
  link: { url: string; text: string } | null;
  appointment: PostAppointment;
  /** The organization's IANA time zone, e.g. Europe/Vienna. */
  timeZone: string;
  /** DTSTAMP: the instant the event is made. */
  now: Date;
}

/** The DESCRIPTION: the body's plain text, then the link as "text: url" on a line of its own. */
export function descriptionOf(bodyText: string, link: AppointmentEvent['link']): string {
  const linkLine = link ? (link.text && link.text !== link.url ? `${link.text}: ${link.url}` : link.url) : '';
  return [bodyText.trim(), linkLine].filter((part) => part !== '').join('\n\n');
}

/** The iCalendar text (CRLF lines, folded at 75 octets) of the notice's appointment; see the top of this file. */
export function appointmentIcs(e: AppointmentEvent): string {
  const cal = ical({
    prodId: { company: 'Hausportal', product: 'Schwarzes Brett', language: 'DE' },
    // Only a generator, no calendar zone: VTIMEZONE blocks for the events' zones, DTSTAMP in UTC.
    timezone: { name: null, generator: (zone) => (tzlib_get_ical_block(zone) as string[])[0] ?? null },
  });
  const { start, end, allDay, place } = e.appointment;
  const common = {
    id: `${e.postId}@hausportal`,
    sequence: e.revision,
    stamp: e.now,
    summary: e.title,
    location: place ?? null,
    description: descriptionOf(e.bodyText, e.link) || null,
    url: e.link?.url ?? null,
  };
  if (allDay) {
    const first = start.slice(0, 10);
    const last = end ? end.slice(0, 10) : first;
    // Dates without a zone: written as the days themselves.
    cal.createEvent({ ...common, allDay: true, start: new Date(`${first}T00:00:00Z`), end: new Date(`${nextDay(last < first ? first : last)}T00:00:00Z`) });
  } else {
    cal.createEvent({
      ...common,
      timezone: e.timeZone,
      start: wallTime(Date.parse(start), e.timeZone),
      end: end ? wallTime(Date.parse(end), e.timeZone) : null,
    });
  }
  return cal.toString();
}
