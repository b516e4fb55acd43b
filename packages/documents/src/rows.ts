import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { DocumentItem } from '@hausportal/api';
import { formatDate, formatNumber, type Locale } from '@hausportal/core';
import type { Counts, Row } from './model.js';

/** "1 Dokument" / "1.234 Dokumente". */
export function docCount(n: number, locale: Locale): string {
  const count = formatNumber(n, locale);
  return n === 1 ? msg('1 document', { id: 'docs.count.one' }) : msg(str`${count} documents`, { id: 'docs.count.many' });
}

/** "3 neu" / "3 new". */
export const newCount = (n: number, locale: Locale): string => msg(str`${formatNumber(n, locale)} new`, { id: 'docs.new.count' });

/** "5 Dokumente, 2 neu" after a heading: counts in words, not colour alone. */
const renderCounts = (c: Counts | null, locale: Locale) =>
  c &&
  html`<span class="count">${docCount(c.total, locale)}${c.unread ? html`, <strong>${newCount(c.unread, locale)}</strong>` : nothing}</span>`;

/** The file's type and size: "PDF, 120 kB" / "JPEG, 2,4 MB". */
export function fileText(doc: DocumentItem, locale: Locale): string {
  const type = (/\.(\w{1,5})$/.exec(doc.fileName)?.[1] ?? doc.mimeType.split('/').pop() ?? '').toUpperCase();
  const mb = doc.size >= 1e6;
  const size = formatNumber(mb ? doc.size / 1e6 : Math.max(1, Math.round(doc.size / 1e3)), locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  });
  return `${type}, ${size}`;
}

function renderDocument(doc: DocumentItem, picked: boolean, locale: Locale): TemplateResult {
  const file = fileText(doc, locale);
  const period = doc.periodLabel ? ` · ${msg(str`period ${doc.periodLabel}`, { id: 'docs.period' })}` : '';
  return html`<input type="checkbox" class="pick" id="pick-${doc.id}" data-pick=${doc.id} .checked=${live(picked)} />
    <label class="info" for="pick-${doc.id}">
      <span class="name">${doc.title}</span>
      ${doc.seenAt ? nothing : html`<span class="badge">${msg('new', { id: 'docs.new' })}</span>`}
      <span class="meta">${formatDate(doc.documentDate, locale)}${period} · ${file}</span>
    </label>
    <button type="button" class="secondary download" data-download=${doc.id} aria-label=${msg(str`Download: ${doc.title} (${file})`, { id: 'docs.download.label' })}>
      ${msg('Download', { id: 'docs.download' })}
    </button>`;
}

function renderContent(row: Row, picked: ReadonlySet<string>, locale: Locale): TemplateResult {
  switch (row.kind) {
    case 'place':
      return html`<h3 class="heading">${row.name}${row.top ? `, Top ${row.top}` : ''}</h3>
        ${renderCounts(row.counts, locale)}
        ${row.address ? html`<span class="address">${row.address}</span>` : nothing}`;
    case 'category':
      return html`<span class="heading" role="heading" aria-level=${3 + Math.min(row.level, 3)}>${row.name}</span> ${renderCounts(row.counts, locale)}`;
    case 'document':
      return renderDocument(row.doc, picked.has(row.doc.id), locale);
  }
}

/**
 * One line of the list: a list item holding a place heading (h3), a category heading (levels 4–6 and indented by
 * depth) or a document (tick box, title, "neu", date, period, type and size, download; never indented, so titles
 * line up whatever the depth of their category). Position and size are given, so a virtualized list still says
 * "3 of 240".
 */
export function renderRow(row: Row, index: number, size: number, picked: ReadonlySet<string>, locale: Locale): TemplateResult {
  const unread = row.kind === 'document' && !row.doc.seenAt;
  return html`<div
    role="listitem"
    class="row ${row.kind} ${row.kind === 'category' ? `level-${row.level}` : ''} ${unread ? 'unread' : ''}"
    part=${row.kind === 'document' ? 'item' : 'header'}
    data-document=${row.kind === 'document' ? row.doc.id : nothing}
    aria-posinset=${index + 1}
    aria-setsize=${size}
  >
    ${renderContent(row, picked, locale)}
  </div>`;
}

export const rowKey = (row: Row): string => row.key;
