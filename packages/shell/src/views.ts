import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { statementViews, type Route } from './routes.js';
import type { UnitStore } from './stores.js';

/** What the current view's widget is given. */
export interface ViewModel {
  route: Route;
  /** The unit of the statement. */
  unit: string;
  /** The ticket to open in the list ('' for the list). */
  ticket: string;
}

/**
 * The widget of the route's view, the only one rendered (`data-view` names it), with the route's parameter set as
 * `navigate.ts` of the chat bot would: the statement's `view` and `unit`, the board's `post`, the list's `ticket`, the
 * form's `form`.
 */
export function renderView({ route, unit, ticket }: ViewModel): TemplateResult {
  switch (route.view) {
    case 'overview':
      return html`<hp-overview data-view="overview"></hp-overview>`;
    case 'units':
      return html`<hp-unit-list data-view="units"></hp-unit-list>`;
    case 'statement': {
      const view = (statementViews as readonly string[]).includes(route.param) ? route.param : 'charges';
      return html`<hp-statement data-view="statement" .unit=${unit} .view=${view}></hp-statement>`;
    }
    case 'documents':
      return html`<hp-documents data-view="documents"></hp-documents>`;
    case 'board':
      return html`<hp-bulletin-board data-view="board" .post=${route.param}></hp-bulletin-board>`;
    case 'tickets':
      return html`<hp-ticket-list data-view="tickets" .ticket=${ticket}></hp-ticket-list>`;
    case 'report':
      return html`<hp-message-form data-view="report" .form=${route.param}></hp-message-form>`;
    case 'profile':
      return html`<hp-profile data-view="profile"></hp-profile>`;
  }
}

/** The unit switcher above the statement, with two units or more. */
export function renderUnitSwitch(units: UnitStore, unit: string, choose: (unitId: string) => void): TemplateResult | typeof nothing {
  if (units.units.length < 2) return nothing;
  return html`<div part="toolbar" class="toolbar">
    <label for="unit">${msg('Unit', { id: 'portal.unit' })}</label>
    <select id="unit" part="unit-select" @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
      ${units.units.map((u) => html`<option value=${u.id} ?selected=${u.id === unit}>${units.label(u)}</option>`)}
    </select>
  </div>`;
}
