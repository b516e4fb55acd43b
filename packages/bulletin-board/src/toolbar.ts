import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { PostCategory, PostType } from '@hausportal/api';
import type { Locale } from '@hausportal/core';
import type { PostFilter } from './list-store.js';
import { typeText } from './row.js';

const types: PostType[] = ['neutral', 'info', 'warning', 'danger'];
const value = (event: Event) => (event.target as HTMLSelectElement).value;

/** What the toolbar offers to filter by. */
export interface Choices {
  categories: readonly PostCategory[];
  /** The properties, by id; the property filter shows when there are two or more. */
  places: ReadonlyMap<string, string>;
  locale: Locale;
  /** The filters show on a narrow board (on a wide one they always do). */
  open: boolean;
  toggle(): void;
}

const select = (label: string, all: string, current: string, options: [value: string, text: string][], change: (value: string) => void) =>
  html`<label class="field"><span>${label}</span><select .value=${live(current)} @change=${(e: Event) => change(value(e))}>
    <option value="">${all}</option>
    ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === current}>${text}</option>`)}
  </select></label>`;

/**
 * Category, type, property (with notices of two or more), "only unread", and "Drucken". On a narrow board the filters
 * hide behind a "Filter" disclosure button that counts the active ones ("Filter (2 aktiv)").
 */
export function renderToolbar(filter: PostFilter, choices: Choices, set: (change: Partial<PostFilter>) => void, print: () => void): TemplateResult {
  const active = [filter.category, filter.type, filter.unread, filter.property].filter(Boolean).length;
  return html`<div class="toolbar" part="toolbar">
    <button type="button" class="secondary filters" aria-expanded=${choices.open} aria-controls="filters" @click=${choices.toggle}>
      ${active ? msg(str`Filters (${active} active)`, { id: 'bb.filters.active' }) : msg('Filters', { id: 'bb.filters' })}</button>
    <div id="filters" class=${choices.open ? 'open' : ''}>
    ${select(msg('Category', { id: 'bb.category' }), msg('All categories', { id: 'bb.category.all' }), filter.category, choices.categories.map((c) => [c.id, c.name[choices.locale]]), (category) => set({ category }))}
    ${select(msg('Type', { id: 'bb.type' }), msg('All types', { id: 'bb.type.all' }), filter.type, types.map((t) => [t, typeText(t)]), (type) => set({ type: type as PostType | '' }))}
    ${choices.places.size > 1
      ? select(msg('Property', { id: 'bb.property' }), msg('All properties', { id: 'bb.property.all' }), filter.property, [...choices.places], (property) => set({ property }))
      : nothing}
    <label class="check"><input type="checkbox" .checked=${live(filter.unread)} @change=${(e: Event) => set({ unread: (e.target as HTMLInputElement).checked })} />${msg('Only unread', { id: 'bb.onlyUnread' })}</label>
    </div>
    <button type="button" class="secondary print" @click=${print}>${msg('Print', { id: 'bb.print' })}</button>
  </div>`;
}
