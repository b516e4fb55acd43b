import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { UnreadCounts } from '@hausportal/api';
import type { Disclosure } from './disclosure.js';
import { icons } from './icons.js';
import { routeHash, type Route, type ViewDef, type ViewName } from './routes.js';

/** What the navigation shows. */
export interface NavModel {
  views: readonly ViewDef[];
  route: Route;
  /** The statement's expense accounts (Belegeinsicht) are offered: an entry below the statement. */
  expenses: boolean;
  counts: UnreadCounts;
  /** Icons only (wide screens; the choice lasts as long as the page). */
  collapsed: boolean;
  /** Below 768 px: the navigation is the panel of the menu button. */
  narrow: boolean;
  menu: Disclosure;
  toggleCollapsed(): void;
}

const unreadOf = (view: ViewName, c: UnreadCounts) => ({ documents: c.documents, board: c.notices, tickets: c.tickets })[view as string] ?? 0;

/**
 * The navigation: one link per view offered (`aria-current="page"` on the current one), the expense accounts below the
 * statement for owners, the number of new items after documents, notices and requests. Wide, a button collapses it to
 * icons (their names stay for screen readers and as tooltips); narrow, it is the menu button's panel (Esc closes it).
 */
export function renderNav(m: NavModel): TemplateResult {
  const collapsed = m.collapsed && !m.narrow;
  const link = (label: string, icon: TemplateResult, route: Route, current: boolean, count = 0, sub = false) =>
    html`<a href=${routeHash(route)} class=${sub ? 'sub' : ''} aria-current=${current ? 'page' : nothing} title=${collapsed ? label : nothing}>
      ${icon}<span class=${collapsed ? 'label visually-hidden' : 'label'}>${label}</span>
      ${count ? html`<span class="count"><span aria-hidden="true">${count}</span><span class="visually-hidden">, ${msg(str`${count} new`, { id: 'portal.nav.new' })}</span></span>` : nothing}
    </a>`;
  const expensesCurrent = m.route.view === 'statement' && m.route.param === 'expenses';
  return html`<nav
    id="menu-panel"
    part="nav"
    class=${collapsed ? 'nav collapsed' : 'nav'}
    aria-label=${msg('Portal', { id: 'portal.nav' })}
    ?hidden=${m.narrow && !m.menu.open}
    @keydown=${m.narrow ? m.menu.keydown : nothing}
  >
    ${m.narrow
      ? nothing
      : html`<button type="button" part="collapse" class="collapse icon-button secondary" aria-expanded=${collapsed ? 'false' : 'true'} aria-controls="nav-list" @click=${m.toggleCollapsed}>
          ${collapsed ? icons.expand : icons.collapse}<span class=${collapsed ? 'visually-hidden' : 'label'}>${collapsed ? msg('Expand the menu', { id: 'portal.expand' }) : msg('Collapse the menu', { id: 'portal.collapse' })}</span>
        </button>`}
    <ul id="nav-list" role="list">
      ${m.views.map(
        (v) => html`<li>
          ${link(v.label(), v.icon, { view: v.name, param: '' }, m.route.view === v.name && !(v.name === 'statement' && expensesCurrent), unreadOf(v.name, m.counts))}
          ${v.name === 'statement' && m.expenses
            ? link(msg('Expense accounts', { id: 'portal.view.expenses' }), icons.receipt, { view: 'statement', param: 'expenses' }, expensesCurrent, 0, true)
            : nothing}
        </li>`,
      )}
    </ul>
  </nav>`;
}
