import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { TicketSummary } from '@hausportal/api';
import type { Locale } from '@hausportal/core';
import { TABS, type TicketTab } from './list-store.js';
import { changedText, renderStatus, type OrgClock } from './status.js';

const tabNames: Record<TicketTab, string> = { open: 'Open', done: 'Done', archive: 'Archive' };
const emptyNames: Record<TicketTab, string> = { open: 'No open requests.', done: 'No completed requests in the last 30 days.', archive: 'No archived requests.' };

/** The name of a tab: "Offen" / "Open" (id `tl.tab.<tab>`). */
export const tabText = (tab: TicketTab): string => msg(tabNames[tab], { id: `tl.tab.${tab}` });

/** "Keine offenen Anliegen" … per tab (id `tl.empty.<tab>`). */
export const emptyText = (tab: TicketTab): string => msg(emptyNames[tab], { id: `tl.empty.${tab}` });

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
  return html`<div role="tablist" class="tabs" part="tabs" aria-label=${msg('Requests', { id: 'tl.tabs' })} @keydown=${onKey}>
    ${TABS.map(
      (tab) =>
        html`<button type="button" role="tab" id="tab-${tab}" aria-selected=${tab === active} aria-controls="panel" tabindex=${tab === active ? 0 : -1} @click=${() => choose(tab)}>${tabText(tab)}</button>`,
    )}
  </div>`;
}

/** The category (else the form) of a ticket in the reader's language. */
export const categoryText = (t: TicketSummary, locale: Locale): string => (t.category ?? t.form).label[locale];

/** The marker of a ticket I joined as affected. */
export const renderAffected = (t: TicketSummary): TemplateResult | typeof nothing =>
  t.affected ? html`<span class="tag">${msg('also affected', { id: 'tl.affected' })}</span>` : nothing;

/**
 * One ticket of the list: one button (opens the detail) holding number, subject, status as icon and text, unread dot
 * (with words for screen readers), category, place and last change (told by `clock`).
 */
export function renderRow(t: TicketSummary, locale: Locale, clock: OrgClock): TemplateResult {
  return html`<li part="item" class="row ${t.unread ? 'unread' : ''}" data-ticket=${t.id}><button type="button" class="open" data-open=${t.id}>
    <span class="line">${t.unread ? html`<span class="dot"></span><span class="visually-hidden">${msg('Unread:', { id: 'tl.unread' })}</span>` : nothing}
      <span class="subject">${t.subject}</span> ${renderStatus(t.status)}</span>
    <span class="meta"><span class="number">${t.number}</span> · ${categoryText(t, locale)} · ${t.place} ${renderAffected(t)}</span>
    <span class="meta">${msg('Last change', { id: 'tl.changed' })}: <time datetime=${t.changedAt}>${changedText(t.changedAt, locale, clock)}</time></span>
  </button></li>`;
}
