import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { ContractRole, Property } from '@hausportal/api';
import { renderBalance, type Locale } from '@hausportal/core';
import type { UnitFilter, UnitTotals } from './model.js';
import { unitCount } from './rows.js';

export interface ToolbarHandlers {
  filter: (change: Partial<UnitFilter>) => void;
  /** The export buttons (CSV, Excel). */
  exports: TemplateResult;
  print: () => void;
}

/** Search, property and role filters, export (CSV, Excel) and print. */
export function renderToolbar(filter: UnitFilter, properties: readonly Property[], on: ToolbarHandlers): TemplateResult {
  const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;
  return html`<div class="toolbar">
    <label class="field search">
      <span>${msg('Search', { id: 'units.search' })}</span>
      <input
        type="search"
        .value=${live(filter.search)}
        placeholder=${msg('Top, EDV no. or address', { id: 'units.search.placeholder' })}
        @input=${(e: Event) => on.filter({ search: value(e) })}
      />
    </label>
    <label class="field">
      <span>${msg('Property', { id: 'units.csv.property' })}</span>
      <select .value=${live(filter.property)} @change=${(e: Event) => on.filter({ property: value(e) })}>
        <option value="">${msg('All properties', { id: 'units.filter.allProperties' })}</option>
        ${properties.map((p) => html`<option value=${p.id} ?selected=${p.id === filter.property}>${p.name}</option>`)}
      </select>
    </label>
    <label class="field">
      <span>${msg('My role', { id: 'units.col.role' })}</span>
      <select .value=${live(filter.role)} @change=${(e: Event) => on.filter({ role: value(e) as ContractRole | '' })}>
        <option value="">${msg('All roles', { id: 'units.filter.allRoles' })}</option>
        <option value="tenant" ?selected=${filter.role === 'tenant'}>${msg('Tenant', { id: 'units.role.tenant' })}</option>
        <option value="owner" ?selected=${filter.role === 'owner'}>${msg('Owner', { id: 'units.role.owner' })}</option>
      </select>
    </label>
    <div class="actions">
      ${on.exports}
      <button type="button" class="secondary print" @click=${on.print}>${msg('Print', { id: 'units.print' })}</button>
    </div>
  </div>`;
}

/** "3 Einheiten in 2 Liegenschaften · Saldo gesamt: 890,00 € Rückstand" (or "5 von 12 Einheiten …" when filtered). */
export function renderSummary(shown: UnitTotals, total: number, locale: Locale): TemplateResult {
  const units = shown.units === total ? unitCount(total, locale) : msg(str`${shown.units} of ${unitCount(total, locale)}`, { id: 'units.summary.filtered' });
  const properties =
    shown.properties === 1 ? msg('1 property', { id: 'units.properties.one' }) : msg(str`${shown.properties} properties`, { id: 'units.properties.many' });
  return html`<p class="summary" role="status">
    <span>${msg(str`${units} in ${properties}`, { id: 'units.summary' })}</span>
    <span class="total">${msg('Total balance:', { id: 'units.summary.balance' })} ${renderBalance(shown.balanceCents, locale)}</span>
  </p>`;
}
