import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Me, UnreadCounts } from '@hausportal/api';
import { importOnce } from '@hausportal/core';
import type { Disclosure } from './disclosure.js';
import { renderLanguages, type HeaderModel } from './header.js';
import { icons } from './icons.js';
import type { ViewName } from './routes.js';

/** The menu button (narrow screens), which opens the navigation as its panel. */
export function renderMenuButton(m: HeaderModel): TemplateResult {
  return html`<button type="button" id="menu-button" part="menu-button" class="icon-button secondary" aria-expanded=${m.menu.open ? 'true' : 'false'} aria-controls="menu-panel" @click=${m.menu.toggle} @keydown=${m.menu.keydown}>
    ${icons.menu}<span>${msg('Menu', { id: 'portal.menu' })}</span>
  </button>`;
}

/** The header's buttons for a signed-in person: print view, notifications and the user menu. */
export function renderActions(m: HeaderModel, user: Me): TemplateResult {
  return html`<button type="button" part="print" class="icon-button secondary print" @click=${m.print}>
      ${icons.print}<span class=${m.narrow ? 'visually-hidden' : 'label'}>${msg('Print view', { id: 'portal.print' })}</span>
    </button>
    ${renderNotifications(m)} ${renderUserMenu(m, user)}`;
}

/** The count of everything new: documents, notices (new appointments are notices too) and ticket updates. */
export const unreadTotal = (c: UnreadCounts, offered: ReadonlySet<ViewName>) =>
  (offered.has('documents') ? c.documents : 0) + (offered.has('board') ? c.notices : 0) + (offered.has('tickets') ? c.tickets : 0);

type Panels = typeof import('./panels.js');
let panels: Panels | undefined;
const loadPanels = importOnce(() => import('./panels.js'));

/**
 * Opens or closes a header menu; its content (panels.ts) is imported when a menu is first opened, and `m.loaded()`
 * renders it then. A failed import is logged and tried again on the next opening.
 */
function toggle(m: HeaderModel, d: Disclosure): void {
  d.toggle();
  if (panels || !d.open) return;
  loadPanels().then(
    (loaded) => {
      panels = loaded;
      m.loaded();
    },
    (error: unknown) => console.error('Hausportal: the header menus could not be loaded.', error),
  );
}

function renderNotifications(m: HeaderModel): TemplateResult {
  const d = m.notifications;
  const total = unreadTotal(m.counts, m.offered);
  return html`<div id="notifications-wrap" class="disclosure" @keydown=${d.keydown} @focusout=${d.focusout}>
    <button type="button" id="notifications-button" part="notifications" class="icon-button secondary" aria-expanded=${d.open ? 'true' : 'false'} aria-controls="notifications-panel" @click=${() => toggle(m, d)}>
      ${icons.bell}<span class="visually-hidden">${msg(str`Notifications, ${total} new`, { id: 'portal.notifications.count' })}</span>
      ${total ? html`<span class="badge" aria-hidden="true">${total > 99 ? '99+' : total}</span>` : nothing}
    </button>
    <div id="notifications-panel" part="notifications-panel" class="panel" ?hidden=${!d.open}>${panels ? panels.notificationsList(m, total) : nothing}</div>
  </div>`;
}

function renderUserMenu(m: HeaderModel, user: Me): TemplateResult {
  const d = m.userMenu;
  return html`<div id="user-wrap" class="disclosure" @keydown=${d.keydown} @focusout=${d.focusout}>
    <button type="button" id="user-button" part="user-menu" class="user-button secondary" aria-expanded=${d.open ? 'true' : 'false'} aria-controls="user-panel" @click=${() => toggle(m, d)}>
      ${icons.user}<span class="visually-hidden">${msg('User menu', { id: 'portal.user' })}:</span>
      <span class=${m.narrow ? 'visually-hidden' : 'user-name'}>${user.name}</span>${icons.down}
    </button>
    <div id="user-panel" part="user-panel" class="panel" ?hidden=${!d.open}>${panels ? panels.userPanel(m, user, renderLanguages(m)) : nothing}</div>
  </div>`;
}

