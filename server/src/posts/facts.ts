import type { MailLocale } from '../notifications/texts.ts';
import { wallClock } from '../calendar.ts';

// The facts of a notice a mail or calendar entry repeats, so nobody has to sign in to learn when: the appointment
// (day, time span in the organization's time zone, place) and the last day it is shown. Days are YYYY-MM-DD of the
// organization's calendar; timed appointments are UTC instants shown in `timeZone`.

/** What {@link noticeFacts} reads of a notice (the posts columns). */
export interface NoticeFactsSource {
  appointment_start: string | null;
  appointment_end: string | null;
  appointment_all_day: unknown;
  appointment_place: string | null;
  visible_until: string | null;
}

const locales: Record<MailLocale, string> = { de: 'de-AT', en: 'en-GB' };

/** A day (YYYY-MM-DD) as "Donnerstag, 10.12.2026" / "Thursday, 10 December 2026". */
const dayText = (day: string, locale: MailLocale): string =>
  new Intl.DateTimeFormat(locales[locale], { timeZone: 'UTC', weekday: 'long', day: locale === 'de' ? '2-digit' : 'numeric', month: locale === 'de' ? '2-digit' : 'long', year: 'numeric' }).format(Date.parse(`${day}T00:00:00Z`));

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock day (YYYY-MM-DD) and time (HH:mm) of an instant in `timeZone`. */
function wall(instant: string, timeZone: string): { day: string; time: string } {
  const w = wallClock(Date.parse(instant), timeZone);
  return { day: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** "Donnerstag, 10.12.2026, 08:00–12:00 Uhr" and the like, in `timeZone`; all-day spans as days. */
function appointmentText(n: NoticeFactsSource, timeZone: string, locale: MailLocale): string {
  const clock = locale === 'de' ? ' Uhr' : '';
  if (n.appointment_all_day === true || n.appointment_all_day === 1 || n.appointment_all_day === '1') {
    const last = n.appointment_end && n.appointment_end !== n.appointment_start ? ` – ${dayText(n.appointment_end, locale)}` : '';
    return `${dayText(n.appointment_start!, locale)}${last}`;
  }
  const start = wall(n.appointment_start!, timeZone);
  if (!n.appointment_end) return `${dayText(start.day, locale)}, ${start.time}${clock}`;
  const end = wall(n.appointment_end, timeZone);
  if (end.day === start.day) return `${dayText(start.day, locale)}, ${start.time}–${end.time}${clock}`;
  return `${dayText(start.day, locale)}, ${start.time}${clock} – ${dayText(end.day, locale)}, ${end.time}${clock}`;
}

/**
 * The lines a mail adds about a notice: "Termin: Donnerstag, 10.12.2026, 08:00–12:00 Uhr, Keller" and "Angezeigt bis:
 * Donnerstag, 10.12.2026" (en: "Appointment: …", "Shown until: …"); none for a notice without either. Line breaks in
 * the place are blanks.
 */
export function noticeFacts(n: NoticeFactsSource, timeZone: string): Record<MailLocale, string[]> {
  const facts: Record<MailLocale, string[]> = { de: [], en: [] };
  for (const locale of ['de', 'en'] as const) {
    if (n.appointment_start) {
      const place = n.appointment_place ? `, ${n.appointment_place.replace(/\s+/g, ' ').trim()}` : '';
      facts[locale].push(`${locale === 'de' ? 'Termin' : 'Appointment'}: ${appointmentText(n, timeZone, locale)}${place}`);
    }
    if (n.visible_until) facts[locale].push(`${locale === 'de' ? 'Angezeigt bis' : 'Shown until'}: ${dayText(n.visible_until, locale)}`);
  }
  return facts;
}
