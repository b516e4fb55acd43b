import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { formatNumber, type Locale } from '@hausportal/core';
import type { CategoryTree, DocumentFilter, DocumentSort } from './model.js';
import { docCount, newCount } from './rows.js';
import { ZIP_LIMIT } from './store.js';
import type { DocumentView } from './view.js';

const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;

/** The names of the filters: the toolbar's labels, and the words the no-match text names them with. */
const labels = () => ({
  search: msg('Search', { id: 'docs.search' }),
  category: msg('Category', { id: 'docs.category' }),
  year: msg('Year', { id: 'docs.year' }),
  unread: msg('Only new', { id: 'docs.onlyNew' }),
});

/** Search, category, year, sort and "only new". */
export function renderToolbar(filter: DocumentFilter, view: DocumentView, locale: Locale, set: (change: Partial<DocumentFilter>) => void): TemplateResult {
  const indent = (depth: number) => '\u00a0\u00a0'.repeat(depth - 1);
  const label = labels();
  return html`<div class="toolbar" part="toolbar">
    <label class="field search">
      <span>${label.search}</span>
      <input
        type="search"
        id="search"
        .value=${live(filter.search)}
        placeholder=${msg('Title or category', { id: 'docs.search.placeholder' })}
        @input=${(e: Event) => set({ search: value(e) })}
      />
    </label>
    <label class="field">
      <span>${label.category}</span>
      <select .value=${live(filter.category)} @change=${(e: Event) => set({ category: value(e) })}>
        <option value="">${msg('All categories', { id: 'docs.category.all' })}</option>
        ${view.categories.map((c) => html`<option value=${c.id} ?selected=${c.id === filter.category}>${indent(c.depth)}${c.name[locale]}</option>`)}
      </select>
    </label>
    <label class="field">
      <span>${label.year}</span>
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
      ${label.unread}
    </label>
  </div>`;
}

/**
 * "5 von 24 Dokumenten · 3 neu" and "Mark all as read" (kept in place, inert when nothing is new, so focus stays).
 * With a filter (`filtered`), `unread` counts the documents shown and the button marks those.
 */
export function renderSummary(shown: number, total: number, unread: number, filtered: boolean, busy: boolean, locale: Locale, markAll: () => void): TemplateResult {
  const count = filtered
    ? msg(str`${formatNumber(shown, locale)} of ${formatNumber(total, locale)} documents`, { id: 'docs.summary.filtered' })
    : docCount(total, locale);
  const inert = busy || !unread;
  return html`<div class="bar">
    <p class="summary" id="summary" role="status" tabindex="-1">
      ${count} ·
      ${unread ? html`<strong class="badge">${newCount(unread, locale)}</strong>` : msg('nothing new', { id: 'docs.summary.noneNew' })}
    </p>
    <button type="button" class="secondary" id="mark-all" aria-disabled=${inert} @click=${() => inert || markAll()}>
      ${filtered ? msg('Mark shown as read', { id: 'docs.markShown' }) : msg('Mark all as read', { id: 'docs.markAll' })}
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

/**
 * The text when documents exist but none passes the filter: it names every filter that is on ("No documents match:
 * search “Keller”, year 2022, category “Verträge” and only new.").
 */
export function noMatchText(filter: DocumentFilter, tree: CategoryTree, locale: Locale): string {
  const { search, year, category, unread } = filter;
  const words = search.trim();
  if (unread && !words && !year && !category) return msg('No new documents: you have read everything.', { id: 'docs.noMatch.unread' });
  const de = locale === 'de';
  const quoted = (text: string) => (de ? `„${text}“` : `“${text}”`);
  const label = labels();
  // The labels inside the sentence: German nouns keep their capital letter.
  const low = (text: string) => (de ? text : text.toLowerCase());
  const on = [
    words && `${low(label.search)} ${quoted(words)}`,
    year && `${low(label.year)} ${year}`,
    category && `${low(label.category)} ${quoted(tree.byId.get(category)?.name[locale] ?? category)}`,
    unread && label.unread.toLowerCase(),
  ].filter((part): part is string => !!part);
  return msg(str`No documents match: ${new Intl.ListFormat(locale).format(on)}.`, { id: 'docs.noMatch' });
}
