import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Property, PropertyContact, UnitSummary } from '@hausportal/api';
import { formatNumber, renderAbbr, type Locale } from '@hausportal/core';
import { columns, type Column } from './columns.js';
import { contactText } from './labels.js';
import type { ListEntry, SortKey, SortState } from './model.js';

/** "1 Einheit" / "12 Einheiten". */
export function unitCount(n: number, locale: Locale): string {
  const count = formatNumber(n, locale);
  return n === 1 ? msg('1 unit', { id: 'units.count.one' }) : msg(str`${count} units`, { id: 'units.count.many' });
}

/** A column's header: its abbreviation where the language has one (NFL for Nutzfläche), else its name. */
const columnName = (column: Column) => renderAbbr(column.abbr?.() ?? column.label(), column.label(), { control: true });

/** The header row with one sort button per column; `aria-sort` on the sorted one. */
export function renderColumnHeaders(sort: SortState | null, onSort: (key: SortKey) => void): TemplateResult {
  return html`<div role="row" class="row columns" aria-rowindex="1">
    ${columns.map((column) => {
      const direction = sort?.key === column.key ? sort.direction : undefined;
      return html`<div role="columnheader" class="cell c-${column.key}" aria-sort=${direction ?? nothing}>
        <button type="button" class="sort" @click=${() => onSort(column.key)}>
          <span class="label">${columnName(column)}<wbr /><span class="arrow ${direction ?? ''}" aria-hidden="true"></span></span>
        </button>
      </div>`;
    })}
  </div>`;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;

/** An e-mail address with break opportunities after the @ and before each dot, so a narrow line breaks there. */
export function breakableEmail(email: string): TemplateResult[] {
  return email.split(/(?=\.)|(?<=@)/).map((part, i) => (i === 0 ? html`${part}` : html`<wbr />${part}`));
}

function renderContact(contact: PropertyContact): TemplateResult {
  return html`<li class="contact">
    <span class="category">${contactText(contact.category)}</span>
    <span class="name">${contact.name}</span>
    ${contact.phone ? html`<a class="phone" href=${telHref(contact.phone)}>${contact.phone}</a>` : nothing}
    ${contact.email ? html`<a class="email" href="mailto:${contact.email}">${breakableEmail(contact.email)}</a>` : nothing}
  </li>`;
}

/** A neutral house shown when a property has no photo, while it loads, or when it fails to load. */
const house = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.5">
  <path d="M3 10.5 12 3l9 7.5M5.5 9v11h13V9M10 20v-6h4v6" stroke-linejoin="round" />
</svg>`;

const photoFailed = (event: Event) => (event.target as HTMLElement).toggleAttribute('data-failed', true);
const photoLoaded = (event: Event) => (event.target as HTMLElement).removeAttribute('data-failed');

/** The property's photo over the house; a photo that fails to load is hidden, so its alt text never covers the row. */
function renderPhoto(property: Property): TemplateResult {
  return html`<div class="photo">
    ${house}
    ${property.imageUrl
      ? html`<img src=${property.imageUrl} alt=${msg(str`Photo of ${property.name}`, { id: 'units.photo' })} loading="lazy" @error=${photoFailed} @load=${photoLoaded} />`
      : nothing}
  </div>`;
}

/** A property's header: photo, name, address, number of units and the contacts visible to me. */
export function renderPropertyRow(property: Property, count: number, rowIndex: number, locale: Locale): TemplateResult {
  const { street, postalCode, city } = property.address;
  return html`<div role="row" class="group" part="header" aria-rowindex=${rowIndex}>
    <div role="cell" class="group-cell" aria-colspan=${columns.length}>
      ${renderPhoto(property)}
      <div class="place">
        <h3 class="name">${property.name}</h3>
        <p class="address">${street}, ${postalCode} ${city}</p>
        <p class="note">${unitCount(count, locale)}</p>
      </div>
      ${property.contacts.length
        ? html`<ul class="contacts" aria-label=${msg(str`Contacts for ${property.name}`, { id: 'units.contacts' })}>
            ${property.contacts.map(renderContact)}
          </ul>`
        : nothing}
    </div>
  </div>`;
}

/** One unit: focusable, activated by click, Enter or Space (handled on the list). */
export function renderUnitRow(unit: UnitSummary, rowIndex: number, locale: Locale): TemplateResult {
  return html`<div
    role="row"
    class="row unit ${unit.active ? '' : 'inactive'}"
    part="item"
    tabindex="0"
    aria-rowindex=${rowIndex}
    data-unit=${unit.id}
  >
    ${columns.map(
      (column) => html`<div role="cell" class="cell c-${column.key}" data-label=${column.label()}>${column.cell(unit, locale)}</div>`,
    )}
  </div>`;
}

/** A line of the flattened list; row 1 is the column header, so entries start at 2. */
export function renderEntry(entry: ListEntry, index: number, locale: Locale): TemplateResult {
  return entry.kind === 'property'
    ? renderPropertyRow(entry.property, entry.count, index + 2, locale)
    : renderUnitRow(entry.unit, index + 2, locale);
}

export const entryKey = (entry: ListEntry): string => (entry.kind === 'property' ? `p:${entry.property.id}` : `u:${entry.unit.id}`);
