import { HpSession, setLocale, type Locale } from '@hausportal/core';

/** The `<hp-session>` around a node, across shadow roots (the portal's own one when it renders it). */
export function sessionAbove(node: Node): HpSession | null {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n instanceof HpSession) return n;
  return null;
}

/**
 * Shows the portal in `locale`: the language of the session above it (or of its own one inside) changes, so every
 * widget of that session follows and formats for it; without any session the page's language of Hausportal changes.
 * Only the display language: the person's stored language for mails stays as set in the profile.
 */
export function chooseLanguage(portal: HTMLElement, locale: Locale): void {
  const session = sessionAbove(portal) ?? portal.shadowRoot?.querySelector('hp-session');
  if (session instanceof HpSession) session.lang = locale;
  else void setLocale(locale);
}

/**
 * Switches the portal to another organization of the person's (`Me.memberships`). Inside `<hp-session>` that
 * session's `org` changes: it takes the page's client of the new organization, whose restore asks `POST /auth/refresh`
 * for it — the server moves the sign-in there when the person is a member (else they sign in anew) — and every widget
 * of the session follows, theme included. With its own session (`api`/`org` on the portal) the portal is replaced by
 * a new one with that `org` (and the language chosen), which starts the same way. A client handed to the session
 * (`.client`, tests and Storybook) is kept: its organization cannot change.
 */
export function chooseOrganization(portal: HTMLElement, slug: string, own: boolean, locale?: Locale): void {
  if (!own) {
    const session = sessionAbove(portal);
    if (session) session.org = slug;
    return;
  }
  const next = portal.cloneNode(false) as HTMLElement;
  next.setAttribute('org', slug);
  if (locale) next.setAttribute('lang', locale);
  portal.replaceWith(next);
}
