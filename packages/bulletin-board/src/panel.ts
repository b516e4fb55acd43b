import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { msg, str } from '@lit/localize';
import type { PostDetail, PostFile } from '@hausportal/api';
import { formatNumber, renderError, renderLoading } from '@hausportal/core';
import type { Loaded } from './detail-store.js';
import { dayOf, icon, renderAppointment, type Clock } from './row.js';

/** What the open panel asks its element for. */
export interface PanelHost {
  clock: Clock;
  /** The id of the notice whose action runs ('' when none). */
  busy: string;
  /** The failed action's sentence for this notice, if any. */
  notice?: string;
  /** A picture's object URL: undefined while it loads, null when there is none. */
  image(id: string, file: PostFile): string | null | undefined;
  retry(id: string): void;
  download(id: string, file: PostFile): void;
  /** Opens a picture full size in a new tab. */
  show(id: string, file: PostFile): void;
  calendar(detail: PostDetail): void;
  acknowledge(detail: PostDetail): void;
}

/** " (öffnet in neuem Tab)" for screen readers. */
const newTab = () => html`<span class="visually-hidden"> ${msg('(opens in a new tab)', { id: 'bb.newTab' })}</span>`;

/**
 * Pictures as previews, each with the notice's title and its place ("…, Bild 2 von 3"), opening full size in a new
 * tab; then the other attachments as downloads with their size.
 */
function renderFiles(d: PostDetail, host: PanelHost): TemplateResult {
  const images = d.attachments.filter((f) => f.image);
  const others = d.attachments.filter((f) => !f.image);
  const size = (f: PostFile) => `${formatNumber(Math.max(1, Math.round(f.size / 1000)), host.clock.locale)} kB`;
  return html`${images.length
      ? html`<ul class="images" aria-label=${msg('Pictures', { id: 'bb.images' })}>${images.map((f, i) => {
          const url = host.image(d.id, f);
          const alt = msg(str`${d.title}, picture ${i + 1} of ${images.length}`, { id: 'bb.picture' });
          return html`<li><button type="button" class="image" data-file=${f.id} aria-disabled=${busy(host)} @click=${() => host.show(d.id, f)}>
            ${url ? html`<img src=${url} alt=${alt} />` : url === undefined ? html`<span class="blank"></span>` : alt}${newTab()}</button></li>`;
        })}</ul>`
      : nothing}${others.length
      ? html`<ul class="files" aria-label=${msg('Attachments', { id: 'bb.files' })}>${others.map(
          (f) => html`<li><button type="button" class="secondary file" data-file=${f.id} aria-disabled=${busy(host)} @click=${() => host.download(d.id, f)}>${icon('file')}<span>${f.name} (${size(f)})</span></button></li>`,
        )}</ul>`
      : nothing}`;
}

/**
 * While an action runs its buttons say so with `aria-disabled` (a click is ignored) instead of `disabled`, which would
 * take the focus from the button pressed.
 */
const busy = (host: PanelHost) => (host.busy ? 'true' : nothing);

/** "Zur Kenntnis genommen" (a button), or when and that I did. */
function renderAck(d: PostDetail, host: PanelHost): TemplateResult {
  const at = d.read.acknowledgedAt;
  if (at) return html`<p class="acked" id="ack-${d.id}" tabindex="-1">✓ ${msg(str`Acknowledged on ${dayOf(at, host.clock, true)}`, { id: 'bb.acked' })}</p>`;
  return html`<div class="ack"><p>${msg('Please confirm that you have taken note of this notice.', { id: 'bb.ackHint' })}</p>
    <button type="button" class="acknowledge" aria-disabled=${busy(host)} @click=${() => host.acknowledge(d)}>${msg('Confirm I have read this', { id: 'bb.ack' })}</button></div>`;
}

/**
 * The whole notice, open in place: the body (HTML the server sanitized: only its allow-listed tags, `https:` and
 * `mailto:` links), the appointment with "In Kalender", pictures, attachments, the link (a new tab, no opener, no
 * referrer) and the acknowledgement where one is asked for.
 */
export function renderPanel(id: string, loaded: Loaded | undefined, host: PanelHost): unknown {
  if (loaded?.error) return renderError(loaded.error, () => host.retry(id));
  const d = loaded?.detail;
  if (!d) return renderLoading();
  const link = d.link?.url.startsWith('https://') ? d.link : null;
  return html`<div class="body">${unsafeHTML(d.bodyHtml)}</div>
    ${d.appointment
      ? html`<div class="when">${renderAppointment(d.appointment, host.clock)}
          <button type="button" class="secondary calendar" aria-disabled=${busy(host)} @click=${() => host.calendar(d)}>${icon('calendar')}${msg('Add to calendar', { id: 'bb.calendar' })}</button></div>`
      : nothing}
    ${renderFiles(d, host)}
    ${link ? html`<p class="link"><a href=${link.url} target="_blank" rel="noopener noreferrer">${link.text}${newTab()}</a></p>` : nothing}
    ${d.requiresAck ? renderAck(d, host) : nothing}
    ${host.notice ? html`<p class="failed" role="alert">${host.notice}</p>` : nothing}`;
}
