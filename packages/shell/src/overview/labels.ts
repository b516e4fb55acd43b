import { msg, str } from '@lit/localize';
import type { ContactCategory, OverviewNotice } from '@hausportal/api';
import type { Locale } from '@hausportal/core';

// The overview's words that depend on a value (English source texts; German in locales/de.ts, ids `ov.*`), and its
// dates in the organization's time zone.

export const roleText = (role: 'tenant' | 'owner'): string =>
  role === 'tenant' ? msg('Tenant', { id: 'ov.role.tenant' }) : msg('Owner', { id: 'ov.role.owner' });

const contactNames: Record<ContactCategory, string> = { case_manager: 'Case manager', accounting: 'Accounting', caretaker: 'Caretaker' };

/** "Sachbearbeitung", "Buchhaltung", "Hausbetreuung" (id `ov.contact.<category>`). */
export const contactText = (category: ContactCategory): string => msg(contactNames[category], { id: `ov.contact.${category}` });

const typeNames: Record<OverviewNotice['type'], string> = { neutral: 'Notice', info: 'Info', warning: 'Warning', danger: 'Danger' };

/** "Mitteilung", "Info", "Warnung", "Gefahrenhinweis": the type in words, so that colour never carries it alone. */
export const typeText = (type: OverviewNotice['type']): string => msg(typeNames[type], { id: `ov.type.${type}` });

const statusNames: Record<string, string> = { new: 'New', in_progress: 'In progress', waiting: 'Waiting' };

/** An open ticket's status as the person's role sees it (the server sends only those); an unknown one as it comes. */
export const statusText = (status: string): string => (statusNames[status] ? msg(statusNames[status], { id: `ov.status.${status}` }) : status);

/** "3 neu" / "3 new": the unread count beside a card's title. */
export const unreadText = (count: number): string => msg(str`${count} new`, { id: 'ov.unreadCount' });

const regions: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };
const dayOptions = (locale: Locale): Intl.DateTimeFormatOptions =>
  locale === 'en' ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: '2-digit', month: '2-digit', year: 'numeric' };

/** The organization's calendar day of an instant: "12.03.2026" / "12 Mar 2026" (`timeZone`: IANA; undefined: the device's). */
export const dayText = (instant: string, locale: Locale, timeZone?: string): string =>
  new Intl.DateTimeFormat(regions[locale], { ...dayOptions(locale), timeZone }).format(new Date(instant));

/** True when the instant is midnight in the zone (an all-day appointment starts and ends there). */
function atMidnight(instant: string, timeZone?: string): boolean {
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));
  return time === '00:00';
}

/**
 * An appointment from `from` to `to` (instants; `to` null: open end) in the organization's zone: "Mi., 17.06.2026,
 * 08:00–14:00" for a timed one, "17.06.2026 – 18.06.2026 (ganztägig)" for whole days (from midnight to the midnight
 * after the last day, as GET /overview gives them).
 */
export function appointmentText(from: string, to: string | null, locale: Locale, timeZone?: string): string {
  if (to !== null && atMidnight(from, timeZone) && atMidnight(to, timeZone)) {
    const last = new Date(Date.parse(to) - 1).toISOString();
    const first = dayText(from, locale, timeZone);
    const end = dayText(last, locale, timeZone);
    const days = first === end ? first : `${first} – ${end}`;
    return msg(str`${days} (all day)`, { id: 'ov.allDay' });
  }
  const format = new Intl.DateTimeFormat(regions[locale], { weekday: 'short', ...dayOptions(locale), hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return to ? format.formatRange(new Date(from), new Date(to)) : format.format(new Date(from));
}

/** A phone number as a `tel:` URI (RFC 3966 global number): digits and a leading plus only. */
export const telHref = (phone: string): string => `tel:${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`;
