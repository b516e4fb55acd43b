import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ApiClient, Me, OrganizationPublic, UnreadCounts } from '@hausportal/api';
import { importOnce, type Locale } from '@hausportal/core';
import type { Disclosure } from './disclosure.js';
import { icons } from './icons.js';
import type { ViewName } from './routes.js';

/** What the header shows and what its buttons do. */
export interface HeaderModel {
  organization: OrganizationPublic | null;
  /** The organization's slug, named while its public information is not there. */
  org: string;
  /** The logo's absolute URL, or null. */
  logo: string | null;
  /** The signed-in person with nothing left to do first; null signed out. */
  user: Me | null;
  counts: UnreadCounts;
  /** The views the person may open (the notifications link only to these). */
  offered: ReadonlySet<ViewName>;
  locale: Locale;
  narrow: boolean;
  menu: Disclosure;
  notifications: Disclosure;
  userMenu: Disclosure;
  print(): void;
  language(locale: Locale): void;
  switchOrganization(slug: string): void;
  logout(): void;
  /** The menus' content arrived (first opening): render again. */
  loaded(): void;
}

/** The organization's logo URL (`OrganizationPublic.logoUrl`, which may be a path below the API), absolute; null without one. */
export function logoOf(organization: OrganizationPublic | null | undefined, api: ApiClient | undefined): string | null {
  const url = organization?.logoUrl;
  return url ? new URL(url, `${api?.baseUrl ?? location.href}/`).href : null;
}

/** The header: menu button (narrow), logo and name, print, notifications and the user menu (signed in) or the language (signed out). */
export function renderHeader(m: HeaderModel): TemplateResult {
  const name = m.organization?.name ?? m.org;
  return html`<header part="header" class="header">
    ${m.user && m.narrow
      ? html`<button type="button" id="menu-button" part="menu-button" class="icon-button secondary" aria-expanded=${m.menu.open ? 'true' : 'false'} aria-controls="menu-panel" @click=${m.menu.toggle} @keydown=${m.menu.keydown}>
          ${icons.menu}<span>${msg('Menu', { id: 'portal.menu' })}</span>
        </button>`
      : nothing}
    <div part="brand" class="brand">
      ${m.logo ? html`<img part="logo" class="logo" src=${m.logo} alt=${name} />` : nothing}
      <span class=${m.logo ? 'name with-logo' : 'name'}>${name}</span>
    </div>
    <div class="actions">
      ${m.user
        ? html`<button type="button" part="print" class="icon-button secondary print" @click=${m.print}>
              ${icons.print}<span class=${m.narrow ? 'visually-hidden' : 'label'}>${msg('Print view', { id: 'portal.print' })}</span>
            </button>
            ${renderNotifications(m)} ${renderUserMenu(m, m.user)}`
        : renderLanguages(m, true)}
    </div>
  </header>`;
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

/** Deutsch / English as two toggle buttons, under the caption "Sprache" (for screen readers only in the header). */
function renderLanguages(m: HeaderModel, quiet = false): TemplateResult {
  const choices: Array<[Locale, string]> = [
    ['de', 'Deutsch'],
    ['en', 'English'],
  ];
  return html`<div class="choice languages" role="group" aria-labelledby="language-label">
    <p id="language-label" class=${quiet ? 'visually-hidden' : 'caption'}>${msg('Language', { id: 'portal.language' })}</p>
    ${choices.map(
      ([locale, label]) =>
        html`<button type="button" class="link-button" lang=${locale} aria-pressed=${m.locale === locale ? 'true' : 'false'} @click=${() => m.language(locale)}>${label}</button>`,
    )}
  </div>`;
}
