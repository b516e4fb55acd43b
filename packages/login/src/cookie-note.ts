import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { ownTabPortalUrl, type ApiClient } from '@hausportal/api';
import type { Session } from '@hausportal/core';
import type { LoginStep } from './login-flow.js';

/**
 * What `<hp-login>` says when the browser refuses the session's refresh cookie on this page (`session.cookie` is
 * `refused`; DESIGN §6, cross-site sessions). Such a browser — Safari with cross-site tracking prevention, a browser
 * that blocks the portal's cookies on this site — signs in for the page only: the access token and the session's
 * refresh token are in the client's memory (packages/api page-token.ts), so the session lasts while the page stays
 * open, and after a reload nothing can restore it.
 *
 * - Signed in (`done`): a quiet note that the sign-in ends when the page is reloaded, left or closed.
 * - Signed out (`login`, e.g. after a reload that found no session): plainly, that the browser blocks the session
 *   here; the login form stays below.
 *
 * Both offer the organization's portal on the portal server (`/embed/portal?org=<slug>`, first-party there) in a new
 * tab (`target="_blank"`, `rel="noopener"`: the portal's page gets no handle on this one). Nothing for other steps, or
 * while the cookie is kept or not known.
 */
export function renderCookieNote(step: LoginStep, session: Session | undefined, api: ApiClient | undefined): TemplateResult | typeof nothing {
  if (session?.cookie !== 'refused' || !api || (step !== 'login' && step !== 'done')) return nothing;
  const text =
    step === 'done'
      ? msg('Your browser does not keep this sign-in: it ends when you reload, leave or close this page.', {
          id: 'login.cookie.visit',
        })
      : msg('Your browser blocks the portal session on this page: reloading the page signs you out. In a tab of its own, the portal keeps you signed in.', {
          id: 'login.cookie.blocked',
        });
  const ownTab = ownTabPortalUrl(api.baseUrl, session.org || api.organization);
  return html`<p part="cookie-note" class="cookie-note ${step === 'done' ? 'quiet' : ''}">
    ${text}
    ${ownTab
      ? html`<a part="own-tab" href=${ownTab} target="_blank" rel="noopener"
          >${msg('Open the portal in its own tab', { id: 'login.cookie.ownTab' })}</a
        >`
      : nothing}
  </p>`;
}
