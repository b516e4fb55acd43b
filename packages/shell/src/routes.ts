import { msg } from '@lit/localize';
import type { TemplateResult } from 'lit';
import { icons } from './icons.js';

/** The portal's views, in the order of the navigation. */
export const viewNames = ['overview', 'units', 'statement', 'documents', 'board', 'tickets', 'report', 'profile'] as const;
export type ViewName = (typeof viewNames)[number];

/** A place in the portal: a view and its parameter (statement view, notice id, ticket id or number, form key; '' for none). */
export interface Route {
  view: ViewName;
  param: string;
}

/** What the portal knows of a view: its hash slug, its widget, the feature that switches it, its label and icon. */
export interface ViewDef {
  name: ViewName;
  /** The German slug of the hash (`#/dokumente`); the portal writes these. */
  slug: string;
  /** The English slug it also reads (`#/documents`). */
  alias: string;
  /** The element that shows the view. */
  tag: string;
  /** The feature toggle of `OrganizationPublic.features` that switches the view off (none: always on). */
  feature?: string;
  /** The widget property the route's parameter sets (`view` of the statement, `post`, `ticket`, `form`). */
  param?: string;
  label(): string;
  icon: TemplateResult;
}

/** The views (labels per the ImmoPro and Portal24 menus, English equivalents in the source language). */
export const views: readonly ViewDef[] = [
  { name: 'overview', slug: 'uebersicht', alias: 'overview', tag: 'hp-overview', label: () => msg('Overview', { id: 'portal.view.overview' }), icon: icons.home },
  { name: 'units', slug: 'einheiten', alias: 'units', tag: 'hp-unit-list', feature: 'units', label: () => msg('Units', { id: 'portal.view.units' }), icon: icons.building },
  {
    name: 'statement',
    slug: 'konto',
    alias: 'account',
    tag: 'hp-statement',
    feature: 'statement',
    param: 'view',
    label: () => msg('Charges & account', { id: 'portal.view.statement' }),
    icon: icons.euro,
  },
  { name: 'documents', slug: 'dokumente', alias: 'documents', tag: 'hp-documents', feature: 'documents', label: () => msg('Documents', { id: 'portal.view.documents' }), icon: icons.document },
  {
    name: 'board',
    slug: 'brett',
    alias: 'board',
    tag: 'hp-bulletin-board',
    feature: 'bulletinBoard',
    param: 'post',
    label: () => msg('Notice board', { id: 'portal.view.board' }),
    icon: icons.megaphone,
  },
  {
    name: 'tickets',
    slug: 'tickets',
    alias: 'requests',
    tag: 'hp-ticket-list',
    feature: 'tickets',
    param: 'ticket',
    label: () => msg('Requests & tickets', { id: 'portal.view.tickets' }),
    icon: icons.chat,
  },
  { name: 'report', slug: 'meldung', alias: 'report', tag: 'hp-message-form', feature: 'tickets', param: 'form', label: () => msg('New request', { id: 'portal.view.report' }), icon: icons.plus },
  { name: 'profile', slug: 'profil', alias: 'profile', tag: 'hp-profile', label: () => msg('Profile', { id: 'portal.view.profile' }), icon: icons.user },
];

/** The definition of a view. */
export const viewDef = (name: ViewName): ViewDef => views.find((v) => v.name === name)!;

/** The statement's views (`<hp-statement view>`), the parameter of `#/konto/<view>`. */
export const statementViews = ['charges', 'ledger', 'open-items', 'expenses'] as const;

export const defaultRoute: Route = { view: 'overview', param: '' };

/**
 * The route of a location hash: `#/dokumente`, `#/brett/<postId>`, `#/tickets/2026-00042`, `#/konto/ledger`,
 * `#/meldung/<form>` (German slugs, English aliases read too). Null for a hash that is not the portal's (a host page's
 * own anchor such as `#kontakt`) or names no view, so the portal keeps its view then.
 */
export function parseHash(hash: string): Route | null {
  const match = /^#\/([^/?#]*)(?:\/([^?#]*))?/.exec(hash);
  if (!match) return null;
  const slug = decodeURIComponent(match[1]!).toLowerCase();
  const def = views.find((v) => v.slug === slug || v.alias === slug);
  if (!def) return null;
  const raw = match[2] ? safeDecode(match[2].replace(/\/+$/, '')) : '';
  return { view: def.name, param: def.param ? raw : '' };
}

/** The hash of a route, e.g. `#/tickets/2026-00042`. */
export function routeHash(route: Route): string {
  const { slug } = viewDef(route.view);
  return route.param ? `#/${slug}/${encodeURIComponent(route.param)}` : `#/${slug}`;
}

export const sameRoute = (a: Route, b: Route) => a.view === b.view && a.param === b.param;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
