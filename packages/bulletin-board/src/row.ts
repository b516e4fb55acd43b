import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PostAppointment, PostSummary, PostType } from '@hausportal/api';
import { formatDate, type Locale } from '@hausportal/core';

const typeNames: Record<PostType, string> = { neutral: 'Notice', info: 'Info', warning: 'Warning', danger: 'Danger' };

/** "Mitteilung", "Info", "Warnung", "Gefahrenhinweis" (id `bb.type.<type>`). */
export const typeText = (type: PostType): string => msg(typeNames[type], { id: `bb.type.${type}` });

const paths: Record<PostType | 'pin' | 'calendar' | 'file', SVGTemplateResult> = {
  neutral: svg`<path d="M3 1.5h10v13H3zM5.5 5h5M5.5 8h5M5.5 11h3" />`,
  info: svg`<circle cx="8" cy="8" r="6.5" /><path d="M8 7v4.5M8 4.5v.5" />`,
  warning: svg`<path d="M8 1.5 15 14H1zM8 6v4M8 11.5v.5" />`,
  danger: svg`<path d="M5.3 1.5h5.4l3.8 3.8v5.4l-3.8 3.8H5.3l-3.8-3.8V5.3zM8 4.5v4.5M8 11v.5" />`,
  pin: svg`<path d="M5.5 1.5h5l-1 4 2.5 3h-8l2.5-3zM8 8.5v6" />`,
  calendar: svg`<path d="M2 3h12v11H2zM2 6.5h12M5 1v3.5M11 1v3.5" />`,
  file: svg`<path d="M4 1.5h5l3.5 3.5v9.5h-8.5zM9 1.5V5h3.5" />`,
};

/** An icon (hidden from screen readers: a text always goes with it). */
export const icon = (name: keyof typeof paths): TemplateResult => html`<svg viewBox="0 0 16 16" aria-hidden="true">${paths[name]}</svg>`;

/** The type as icon and text (its colour comes from the notice's class). */
export const renderType = (type: PostType): TemplateResult => html`<span class="type">${icon(type)}${typeText(type)}</span>`;

/** The organization's zone and the reader's language, for dates. */
export interface Clock {
  locale: Locale;
  timeZone?: string;
}

const regions: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };
const day = (locale: Locale): Intl.DateTimeFormatOptions =>
  locale === 'en' ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: '2-digit', month: '2-digit', year: 'numeric' };

/** The organization's day of an instant: "12.03.2026" / "12 Mar 2026". */
export const dayOf = (instant: string, { locale, timeZone }: Clock, time = false): string =>
  new Intl.DateTimeFormat(regions[locale], { ...day(locale), timeZone, ...(time ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}) }).format(new Date(instant));

/**
 * The appointment in the organization's calendar: "Do., 12.03.2026, 08:00–12:00 Uhr, Keller" for a timed one,
 * "12.03.2026 – 13.03.2026 (ganztägig)" for whole days.
 */
export function appointmentText(a: PostAppointment, clock: Clock): string {
  const { locale, timeZone } = clock;
  let when: string;
  if (a.allDay) {
    const span = a.end && a.end !== a.start ? `${formatDate(a.start, locale)} – ${formatDate(a.end, locale)}` : formatDate(a.start, locale);
    when = msg(str`${span} (all day)`, { id: 'bb.allDay' });
  } else {
    const format = new Intl.DateTimeFormat(regions[locale], { weekday: 'short', ...day(locale), hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    when = a.end ? format.formatRange(new Date(a.start), new Date(a.end)) : format.format(new Date(a.start));
  }
  return a.place ? `${when}, ${a.place}` : when;
}

/** "Termin: …" with a calendar icon. */
export const renderAppointment = (a: PostAppointment, clock: Clock): TemplateResult =>
  html`<p class="appt">${icon('calendar')}<span>${msg('Appointment', { id: 'bb.appointment' })}: ${appointmentText(a, clock)}</span></p>`;

const time = (instant: string, clock: Clock) => html`<time datetime=${instant}>${dayOf(instant, clock)}</time>`;

/** Published, revised ("aktualisiert am …") and shown until. */
function renderDates(p: PostSummary, clock: Clock): TemplateResult {
  return html`<p class="meta">${msg('Published', { id: 'bb.published' })} ${time(p.publishedAt, clock)}${p.revisedAt
      ? html` · <strong>${msg('updated', { id: 'bb.revised' })} ${time(p.revisedAt, clock)}</strong>`
      : nothing}${p.visibleUntil ? html` · ${msg(str`until ${formatDate(p.visibleUntil, clock.locale)}`, { id: 'bb.until' })}` : nothing}</p>`;
}

/** How a notice is drawn: open in place or not, compact, and what goes into its open panel. */
export interface RowOptions {
  open: boolean;
  compact: boolean;
  /** The whole text has loaded (the excerpt then gives way to it). */
  whole: boolean;
  /** My notices are for more than one property: each names its own. */
  places: boolean;
  panel: () => unknown;
}

/**
 * One notice: its type (icon, text and colour), pinned, "Neu" until opened, category, the title as the button that
 * opens it in place (a disclosure: `aria-expanded`), its properties (when mine are several: "Liegenschaft: …"), dates,
 * excerpt and appointment; compact: type, title, properties and date.
 */
export function renderPost(p: PostSummary, clock: Clock, options: RowOptions): TemplateResult {
  const { open, compact } = options;
  const tags = html`<p class="tags">${renderType(p.type)} ${p.pinned ? html`<span class="pin">${icon('pin')}${msg('Pinned', { id: 'bb.pinned' })}</span>` : nothing} ${p.read.openedAt
      ? nothing
      : html`<span class="new">${msg('New', { id: 'bb.new' })}</span>`} <span class="category">${compact ? time(p.revisedAt ?? p.publishedAt, clock) : p.category.name[clock.locale]}</span></p>`;
  return html`<li part="item" class="post ${p.type}" data-post=${p.id}>
    ${tags}
    <h3 class="head"><button type="button" class="toggle" id="t-${p.id}" data-open=${p.id} aria-expanded=${open} aria-controls=${open ? `p-${p.id}` : nothing}>${p.title}</button></h3>
    ${options.places ? html`<p class="places">${msg('Property', { id: 'bb.property' })}: ${p.properties.map((x) => x.name).join(', ')}</p>` : nothing}
    ${compact ? nothing : html`${renderDates(p, clock)}${open && options.whole ? nothing : html`<p class="excerpt">${p.excerpt}</p>`}${p.appointment && !(open && options.whole) ? renderAppointment(p.appointment, clock) : nothing}`}
    ${open ? html`<div class="panel" id="p-${p.id}" role="region" aria-labelledby="t-${p.id}">${options.panel()}</div>` : nothing}
  </li>`;
}
