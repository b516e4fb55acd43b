import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Me } from '@hausportal/api';
import { registerTranslations } from '@hausportal/core';
import type { HeaderModel } from './header.js';
import { icons } from './icons.js';
import { routeHash, type ViewName } from './routes.js';
import { templates } from './locales/de-panels.js';

registerTranslations('de', templates);

/**
 * What the notification list and the user menu show inside their panels, imported when one of them is first opened
 * (header.ts): a portal that nobody opens a menu of does not load them.
 */

/** The notification list: one link per kind of news of the views offered, with its count; "Nichts Neues" at zero. */
export function notificationsList(m: HeaderModel, total: number): TemplateResult {
  const d = m.notifications;
  const rows: Array<[ViewName, number, string]> = [
    ['documents', m.counts.documents, msg('New documents', { id: 'portal.unread.documents' })],
    ['board', m.counts.notices, msg('Unread notices', { id: 'portal.unread.notices' })],
    ['board', m.counts.appointments, msg('New appointments', { id: 'portal.unread.appointments' })],
    ['tickets', m.counts.tickets, msg('Updates on my requests', { id: 'portal.unread.tickets' })],
  ];
  const shown = rows.filter(([view]) => m.offered.has(view));
  return html`<p class="panel-title">${msg('Notifications', { id: 'portal.notifications' })}</p>
    ${total === 0 ? html`<p class="quiet">${msg('Nothing new', { id: 'portal.unread.none' })}</p>` : nothing}
    <ul role="list">
      ${shown.map(([view, count, label]) => html`<li><a href=${routeHash({ view, param: '' })} @click=${() => d.close()}><span>${label}</span><span class="count">${count}</span></a></li>`)}
    </ul>`;
}

/** The user menu: name, Profil, the `languages` choice, the person's organizations (two or more) and Abmelden. */
export function userPanel(m: HeaderModel, user: Me, languages: TemplateResult): TemplateResult {
  const d = m.userMenu;
  const orgs = user.memberships.length > 1 ? user.memberships : [];
  return html`<p class="who">${user.name}</p>
    <ul role="list">
      <li><a href=${routeHash({ view: 'profile', param: '' })} @click=${() => d.close()}>${icons.user}<span>${msg('Profile', { id: 'portal.view.profile' })}</span></a></li>
    </ul>
    ${languages}
    ${orgs.length
      ? html`<div class="choice" role="group" aria-labelledby="org-label">
          <p id="org-label" class="caption">${msg('Organization', { id: 'portal.organization' })}</p>
          ${orgs.map(
            (o) =>
              html`<button type="button" class="link-button" aria-pressed=${o.organization === user.organization ? 'true' : 'false'} @click=${() => m.switchOrganization(o.organization)}>
                ${o.organizationName}
              </button>`,
          )}
        </div>`
      : nothing}
    <button type="button" part="logout" class="logout" @click=${m.logout}>${msg('Sign out', { id: 'portal.logout' })}</button>`;
}
