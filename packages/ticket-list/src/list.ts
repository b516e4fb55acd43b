import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { TicketSummary } from '@hausportal/api';
import type { Locale } from '@hausportal/core';
import { TABS, type TicketTab } from './list-store.js';
import { changedText, renderStatus, type OrgClock } from './status.js';

export function tabText(tab: TicketTab): string {
  switch (tab) {
    case 'open':
      return msg('Open', { id: 'tickets.tab.open' });
    case 'done':
      return msg('Done', { id: 'tickets.tab.done' });
    case 'archive':
      return msg('Archive', { id: 'tickets.tab.archive' });
  }
}

/** "Keine offenen Anliegen" … per tab. */
export function emptyText(tab: TicketTab): string {
  switch (tab) {
    case 'open':
      return msg('No open requests.', { id: 'tickets.empty.open' });
    case 'done':
      return msg('No completed requests in the last 30 days.', { id: 'tickets.empty.done' });
    case 'archive':
      return msg('No archived requests.', { id: 'tickets.empty.archive' });
  }
}

const keys: Record<string, (i: number) => number> = { ArrowRight: (i) => i + 1, ArrowLeft: (i) => i + 2, Home: () => 0, End: () => 2 };

/**
 * The tabs Offen / Erledigt / Archiv (ARIA tabs with automatic activation): arrow keys, Home and End move and
 * choose, only the chosen tab is in the tab order.
 */
export function renderTabs(active: TicketTab, choose: (tab: TicketTab) => void): TemplateResult {
  const onKey = (event: KeyboardEvent) => {
    const move = keys[event.key];
    if (!move) return;
    event.preventDefault();
    choose(TABS[move(TABS.indexOf(active)) % TABS.length]!);
  };
  return html`<div role="tablist" class="tabs" part="tabs" aria-label=${msg('Requests', { id: 'tickets.tabs' })} @keydown=${onKey}>
    ${TABS.map(
      (tab) => html`<button
        type="button"
        role="tab"
        id="tab-${tab}"
        aria-selected=${tab === active ? 'true' : 'false'}
        aria-controls="panel"
        tabindex=${tab === active ? 0 : -1}
        @click=${() => choose(tab)}
      >
        ${tabText(tab)}
      </button>`,
    )}
  </div>`;
}

/** The category (else the form) of a ticket in the reader's language. */
export const categoryText = (t: TicketSummary, locale: Locale): string => (t.category ?? t.form).label[locale];

/** The marker of a ticket I joined as affected. */
export const renderAffected = (t: TicketSummary): TemplateResult | typeof nothing =>
  t.affected ? html`<span class="tag">${msg('also affected', { id: 'tickets.affected' })}</span>` : nothing;

/**
 * One ticket of the list: one button (opens the detail) holding number, subject, status as icon and text, unread dot
 * (with words for screen readers), category, place and last change (told by `clock`).
 */
export function renderRow(t: TicketSummary, locale: Locale, clock: OrgClock): TemplateResult {
  return html`<li part="item" class="row ${t.unread ? 'unread' : ''}" data-ticket=${t.id}>
    <button type="button" class="open" data-open=${t.id}>
      <span class="line">
        ${t.unread ? html`<span class="dot"></span><span class="visually-hidden">${msg('Unread:', { id: 'tickets.unread' })}</span>` : nothing}
        <span class="subject">${t.subject}</span>
        ${renderStatus(t.status)}
      </span>
      <span class="meta">
        <span class="number">${t.number}</span> · ${categoryText(t, locale)} · ${t.place} ${renderAffected(t)}
      </span>
      <span class="meta">${msg('Last change', { id: 'tickets.changed' })}: <time datetime=${t.changedAt}>${changedText(t.changedAt, locale, clock)}</time></span>
    </button>
  </li>`;
}
