import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Me, NotifyMode, OrganizationPublic } from '@hausportal/api';
import { formatDate, type Locale } from '@hausportal/core';

function row(label: string, value: TemplateResult | string, note?: string): TemplateResult {
  return html`<div class="row">
    <dt>${label}</dt>
    <dd>${value}${note ? html`<span class="note">${note}</span>` : nothing}</dd>
  </div>`;
}

/** The languages the server writes a user's emails in (`users.locale`), in the order they are offered. */
export const mailLocales: readonly Locale[] = ['de', 'en'];

/**
 * Each language by its own name, the same in every display language; wherever one is shown it carries its `lang`
 * so screen readers speak it right.
 */
export const localeNames: Readonly<Record<Locale, string>> = { de: 'Deutsch', en: 'English' };

/** The choices of the notification preference, in the order they are offered. */
export const notifyModes: readonly NotifyMode[] = ['immediate', 'digest', 'none'];

/** "Sofort", "Täglich gesammelt um 07:00 Uhr" (the organization's hour, its time zone) or "Keine". */
export function notifyModeLabel(mode: NotifyMode, digestHour: number): string {
  if (mode === 'immediate') return msg('Immediately', { id: 'profile.notify.immediate' });
  if (mode === 'none') return msg('None', { id: 'profile.notify.none' });
  const hour = `${String(digestHour).padStart(2, '0')}:00`;
  return msg(str`Collected once a day at ${hour}`, { id: 'profile.notify.digest' });
}

const notGiven = () => html`<span class="muted">${msg('not given', { id: 'profile.notGiven' })}</span>`;

/** The user's data, read-only. */
export function renderDetails(me: Me, locale: Locale): TemplateResult {
  const address = me.address
    ? html`${me.address.street}<br />${me.address.postalCode} ${me.address.city}`
    : notGiven();
  return html`<dl part="list" class="details">
    ${row(msg('Name', { id: 'profile.name' }), me.name)}
    ${row(msg('Address', { id: 'profile.address' }), address, msg('As recorded by your property manager.', { id: 'profile.addressNote' }))}
    ${row(msg('Email', { id: 'profile.email' }), me.email)}
    ${row(msg('Phone', { id: 'profile.phone' }), me.phone || notGiven())}
    ${row(msg('Date of birth', { id: 'profile.birthDate' }), me.birthDate ? formatDate(me.birthDate, locale) : notGiven())}
    ${row(msg('Email notifications', { id: 'profile.notify' }), notifyModeLabel(me.notifications, me.digestHour))}
    ${row(msg('Language for emails', { id: 'profile.mailLocale' }), html`<span lang=${me.locale}>${localeNames[me.locale]}</span>`)}
  </dl>`;
}

/** The organization's terms of use in a disclosure, with when the user accepted them. */
export function renderTermsDisclosure(organization: OrganizationPublic | null | undefined, me: Me, locale: Locale): TemplateResult {
  const accepted = me.termsAcceptedAt
    ? msg(str`You accepted these terms on ${formatDate(me.termsAcceptedAt, locale)}.`, { id: 'profile.termsAccepted' })
    : msg('You have not accepted these terms yet.', { id: 'profile.termsOpen' });
  return html`<details part="terms" class="terms">
    <summary>${msg('Terms of use', { id: 'login.title.terms' })}</summary>
    <div class="terms-body">
      ${organization
        ? html`<div class="terms-text" tabindex="0" role="region" aria-label=${msg('Text of the terms of use', { id: 'login.terms.text' })}>${organization.terms.text[locale]}</div>`
        : html`<p>${msg('The terms of use could not be loaded.', { id: 'login.terms.missing' })}</p>`}
      <p class="note">${accepted}</p>
    </div>
  </details>`;
}
