import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ApiClient, Me, OrganizationPublic, UnreadCounts } from '@hausportal/api';
import type { Locale } from '@hausportal/core';
import type { Disclosure } from './disclosure.js';
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
  /** The signed-in part, once loaded (signed-in.ts). */
  signedInPart?: SignedInPart;
}

/** The signed-in part of the portal (signed-in.ts), imported once somebody is signed in. */
export type SignedInPart = typeof import('./signed-in.js');

/** The organization's logo URL (`OrganizationPublic.logoUrl`, which may be a path below the API), absolute; null without one. */
export function logoOf(organization: OrganizationPublic | null | undefined, api: ApiClient | undefined): string | null {
  const url = organization?.logoUrl;
  return url ? new URL(url, `${api?.baseUrl ?? location.href}/`).href : null;
}

/**
 * The header: logo and name, and the language (signed out). Signed in, the signed-in part (`m.signedInPart`, signed-in.ts)
 * adds the menu button (narrow), print, notifications and the user menu; until it has arrived, only logo and name.
 */
export function renderHeader(m: HeaderModel): TemplateResult {
  const name = m.organization?.name ?? m.org;
  const part = m.user ? m.signedInPart : undefined;
  return html`<header part="header" class="header">
    ${part && m.user && m.narrow ? part.renderMenuButton(m) : nothing}
    <div part="brand" class="brand">
      ${m.logo ? html`<img part="logo" class="logo" src=${m.logo} alt=${name} />` : nothing}
      <span class=${m.logo ? 'name with-logo' : 'name'}>${name}</span>
    </div>
    <div class="actions">${m.user ? (part ? part.renderActions(m, m.user) : nothing) : renderLanguages(m, true)}</div>
  </header>`;
}

/** Deutsch / English as two toggle buttons, under the caption "Sprache" (for screen readers only in the header). */
export function renderLanguages(m: HeaderModel, quiet = false): TemplateResult {
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
