import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { TicketDetail, TicketFile, TicketThreadEntry } from '@hausportal/api';
import { formatDate, formatDateTime, type Locale } from '@hausportal/core';
import { categoryText, renderAffected } from './list.js';
import { reasonCodeText, renderStatus } from './status.js';

/** What the detail asks its host for about files. */
export interface FileHost {
  /** The preview of a file: its object URL, undefined while it loads, null when there is none. */
  thumb(file: TicketFile): string | null | undefined;
  download(file: TicketFile): void;
  /** Downloads a document released into the thread. */
  document(id: string, title: string): void;
}

const fileIcon = html`<svg class="file-icon" viewBox="0 0 16 16" aria-hidden="true">${svg`<path d="M4 1.5h5l3.5 3.5v9.5h-8.5zM9 1.5V5h3.5" />`}</svg>`;

/**
 * Attachments: a button per file (downloads it) showing its preview, with the file name as the image's text, when
 * there is one (a blank box while it loads), else a file icon and the name.
 */
export function renderFiles(files: readonly TicketFile[], host: FileHost): TemplateResult | typeof nothing {
  if (!files.length) return nothing;
  return html`<ul class="files" aria-label=${msg('Attachments', { id: 'tl.files' })}>
    ${files.map((f) => {
      const url = f.thumb ? host.thumb(f) : null;
      return html`<li><button type="button" class="file" data-file=${f.id} @click=${() => host.download(f)} aria-label=${msg(str`Download: ${f.name}`, { id: 'tl.download' })}>
        ${url ? html`<img src=${url} alt=${f.name} width="96" height="72" />` : url === undefined ? html`<span></span>` : html`${fileIcon}<span>${f.name}</span>`}</button></li>`;
    })}</ul>`;
}

/** Who wrote or did it: "Sie", the staff member's name or "Hausverwaltung", another resident as "Mitbewohner:in". */
function authorText(entry: TicketThreadEntry): string {
  const { author } = entry;
  if (author.me) return msg('You', { id: 'tl.author.me' });
  if (author.name) return author.name;
  return author.kind === 'resident' ? msg('Another resident', { id: 'tl.author.resident' }) : msg('Property management', { id: 'tl.author.staff' });
}

function renderEntryBody(entry: TicketThreadEntry, host: FileHost, locale: Locale): TemplateResult {
  switch (entry.kind) {
    case 'status':
      return html`<p class="system">${msg('Status', { id: 'tl.statusLabel' })}: ${entry.status ? renderStatus(entry.status) : nothing}
        ${entry.reasonCode ? html`<br />${reasonCodeText(entry.reasonCode)}` : nothing}
        ${entry.reason ? html`<br />${entry.reason}` : nothing}
        ${entry.waitingUntil ? html`<br />${msg(str`Waiting until ${formatDate(entry.waitingUntil, locale)}`, { id: 'tl.waitingUntil' })}` : nothing}</p>`;
    case 'document': {
      const doc = entry.document!;
      return html`<p class="system">${msg('Document', { id: 'tl.document' })}:
        <button type="button" class="link" data-doc=${doc.id} @click=${() => host.document(doc.id, doc.title)}>${doc.title}</button></p>`;
    }
    default:
      return html`<p class="body">${entry.body}</p>
        ${renderFiles(entry.files ?? [], host)}`;
  }
}

/** The public thread, oldest first: comments, status changes (with the public reason) and documents. */
export function renderThread(thread: readonly TicketThreadEntry[], host: FileHost, locale: Locale): TemplateResult {
  return html`<h4>${msg('History', { id: 'tl.thread' })}</h4>
    <ol class="thread" part="thread">${thread.map(
      (e) => html`<li class="entry ${e.author.me ? 'mine' : ''}" data-entry=${e.id} data-kind=${e.kind}>
        <p class="meta"><strong>${authorText(e)}</strong> · <time datetime=${e.at}>${formatDateTime(e.at, locale)}</time></p> ${renderEntryBody(e, host, locale)}</li>`,
    )}</ol>`;
}

/** Number, subject, status, category, place and dates, then the submitted fields and files. */
export function renderHeader(t: TicketDetail, host: FileHost, locale: Locale): TemplateResult {
  return html`<header part="header" class="head"><h3 id="detail-title" tabindex="-1">${t.subject}</h3>
      <p class="line">${renderStatus(t.status)} <span class="number">${t.number}</span> ${renderAffected(t)}</p>
      <p class="meta">${categoryText(t, locale)} · ${t.place}</p>
      <p class="meta">${msg(str`Sent on ${formatDate(t.createdAt, locale)}`, { id: 'tl.created' })}</p></header>
    ${t.fields.length ? html`<dl class="fields" part="fields">${t.fields.map((f) => html`<div><dt>${f.label[locale]}</dt><dd>${f.display[locale]}</dd></div>`)}</dl>` : nothing}
    ${renderFiles(t.files, host)}`;
}

