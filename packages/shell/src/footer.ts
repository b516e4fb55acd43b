import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { OrganizationPublic } from '@hausportal/api';

/** A legal link the footer may offer: http(s) only, so a stored `javascript:` or `data:` address never becomes a link. */
const webLink = (href: string | undefined): href is string => !!href && /^https?:\/\//i.test(href.trim());

/**
 * The footer: the organization's name and its legal links (Impressum, Datenschutz, Nutzungsbedingungen) where set and
 * http(s) ({@link webLink}; the server refuses other schemes since issue 14, older rows may hold them).
 */
export function renderFooter(organization: OrganizationPublic | null, org: string): TemplateResult {
  const links = organization?.legalLinks ?? {};
  const entries: Array<[string | undefined, string]> = [
    [links.imprint, msg('Imprint', { id: 'portal.imprint' })],
    [links.privacy, msg('Privacy', { id: 'portal.privacy' })],
    [links.terms, msg('Terms of use', { id: 'portal.terms' })],
  ];
  const shown = entries.filter((e): e is [string, string] => webLink(e[0]));
  return html`<footer part="footer" class="footer">
    <span class="org-name">${organization?.name ?? org}</span>
    ${shown.length
      ? html`<nav aria-label=${msg('Legal', { id: 'portal.legal' })}>
          <ul role="list">${shown.map(([href, label]) => html`<li><a href=${href}>${label}</a></li>`)}</ul>
        </nav>`
      : nothing}
  </footer>`;
}
