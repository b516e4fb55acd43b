import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { formatNumber, type Locale } from '@hausportal/core';
import type { DocumentFilter, DocumentSort } from './model.js';
import { docCount, newCount } from './rows.js';
import { ZIP_LIMIT } from './store.js';
import type { DocumentView } from './view.js';

const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;

/** Search, category, year, sort and "only new". */
export function renderToolbar(filter: DocumentFilter, view: DocumentView, locale: Locale, set: (change: Partial<DocumentFilter>) => void): TemplateResult {
  const indent = (depth: number) => '\u00a0\u00a0'.repeat(depth - 1);
  return html`<div class="toolbar" part="toolbar">
    <label class="field search">
      <span>${msg('Search', { id: 'docs.search' })}</span>
      <input
        type="search"
        id="search"
        .value=${live(filter.search)}
        placeholder=${msg('Title or category', { id: 'docs.search.placeholder' })}
        @input=${(e: Event) => set({ search: value(e) })}
      />
    </label>
    <label class="field">
      <span>${msg('Category', { id: 'docs.category' })}</span>
      <select .value=${live(filter.category)} @change=${(e: Event) => set({ category: value(e) })}>
        <option value="">${msg('All categories', { id: 'docs.category.all' })}</option>
        ${view.categories.map((c) => html`<option value=${c.id} ?selected=${c.id === filter.category}>${indent(c.depth)}${c.name[locale]}</option>`)}
      </select>
    </label>
    <label class="field">
      <span>${msg('Year', { id: 'docs.year' })}</span>
      <select .value=${live(filter.year)} @change=${(e: Event) => set({ year: value(e) })}>
        <option value="">${msg('All years', { id: 'docs.year.all' })}</option>
        ${view.years.map((y) => html`<option value=${y} ?selected=${y === filter.year}>${y}</option>`)}
      </select>
    </label>
    <label class="field">
      <span>${msg('Sort', { id: 'docs.sort' })}</span>
      <select .value=${live(filter.sort)} @change=${(e: Event) => set({ sort: value(e) as DocumentSort })}>
        <option value="newest" ?selected=${filter.sort === 'newest'}>${msg('Newest first', { id: 'docs.sort.newest' })}</option>
        <option value="oldest" ?selected=${filter.sort === 'oldest'}>${msg('Oldest first', { id: 'docs.sort.oldest' })}</option>
      </select>
    </label>
    <label class="check only-new">
      <input type="checkbox" .checked=${live(filter.unread)} @change=${(e: Event) => set({ unread: (e.target as HTMLInputElement).checked })} />
      ${msg('Only new', { id: 'docs.onlyNew' })}
    </label>
  </div>`;
}

/** "5 von 24 Dokumenten · 3 neu" and "Mark all as read" (kept in place, inert when nothing is new, so focus stays). */
export function renderSummary(shown: number, total: number, unread: number, busy: boolean, locale: Locale, markAll: () => void): TemplateResult {
  const count =
    shown === total ? docCount(total, locale) : msg(str`${formatNumber(shown, locale)} of ${formatNumber(total, locale)} documents`, { id: 'docs.summary.filtered' });
  const inert = busy || !unread;
  return html`<div class="bar">
    <p class="summary" id="summary" role="status" tabindex="-1">
      ${count} ·
      ${unread ? html`<strong class="badge">${newCount(unread, locale)}</strong>` : msg('nothing new', { id: 'docs.summary.noneNew' })}
    </p>
    <button type="button" class="secondary" id="mark-all" aria-disabled=${inert} @click=${() => inert || markAll()}>
      ${msg('Mark all as read', { id: 'docs.markAll' })}
    </button>
  </div>`;
}

export interface SelectionActions {
  /** Ticks (or unticks) every document shown. */
  all: (on: boolean) => void;
  zip: () => void;
}

/** "Select all shown" and the ZIP download of the ticked documents (at most {@link ZIP_LIMIT}). */
export function renderSelection(picked: number, shown: number, shownPicked: number, busy: boolean, locale: Locale, on: SelectionActions): TemplateResult {
  const tooMany = picked > ZIP_LIMIT;
  const inert = busy || !picked || tooMany;
  return html`<div class="bar selection">
    <label class="check">
      <input
        type="checkbox"
        .checked=${live(shown > 0 && shownPicked === shown)}
        .indeterminate=${shownPicked > 0 && shownPicked < shown}
        @change=${(e: Event) => on.all((e.target as HTMLInputElement).checked)}
      />
      ${msg('Select all shown', { id: 'docs.selectAll' })}
    </label>
    <button type="button" id="zip" aria-disabled=${inert} aria-describedby=${tooMany ? 'zip-limit' : nothing} @click=${() => inert || on.zip()}>
      ${msg(str`Download ZIP (${formatNumber(picked, locale)} selected)`, { id: 'docs.zip' })}
    </button>
    ${tooMany
      ? html`<span class="hint" id="zip-limit">${msg(str`At most ${ZIP_LIMIT} documents per ZIP.`, { id: 'docs.zip.limit' })}</span>`
      : nothing}
  </div>`;
}

/** The text when documents exist but none passes the filter: it names what filtered them out. */
export function noMatchText(filter: DocumentFilter): string {
  const search = filter.search.trim();
  if (search) return msg(str`No documents match “${search}”.`, { id: 'docs.noMatch.search' });
  if (filter.unread && !filter.category && !filter.year) return msg('No new documents: you have read everything.', { id: 'docs.noMatch.unread' });
  return msg('There are no documents for this choice.', { id: 'docs.noMatch' });
}
