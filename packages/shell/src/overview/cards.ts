import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Overview, OverviewBalance, OverviewContact, OverviewProperty } from '@hausportal/api';
import { formatMoney, renderBalance, type Locale } from '@hausportal/core';
import { contactText, roleText, telHref, unreadText } from './labels.js';

// The overview's cards about the person, the properties and the money. Each card is a section with its heading
// (part `card`), and ends with a link to the widget that shows it in full.

/** What a card needs: the language, the organization's zone, and how to link to another widget. */
export interface View {
  locale: Locale;
  /** The organization's IANA time zone (dates are shown in it); undefined until the organization is known. */
  timeZone?: string;
  /** A link to `widget` (without `hp-`) with its parameters; activating it fires `hp-navigate`. */
  link(label: string | TemplateResult, widget: string, params?: Record<string, string>, kind?: string): TemplateResult;
}

/** A card: a section named by its heading, with an unread badge when `unread` > 0 and a closing link. */
export const card = (name: string, title: string, body: unknown, footer: unknown = nothing, unread = 0): TemplateResult =>
  html`<section part="card" class="card ${name}" data-card=${name} aria-labelledby="ov-${name}">
    <h2 id="ov-${name}">${title}${unread > 0 ? html` <span class="badge" part="badge">${unreadText(unread)}</span>` : nothing}</h2>
    ${body}
    ${footer === nothing ? nothing : html`<p class="more">${footer}</p>`}
  </section>`;

const line = (value: unknown) => (value ? html`<span>${value}</span>` : nothing);

/** Persönliche Daten: name, address, email, phone; a link to the profile. */
export function personCard(o: Overview, v: View): TemplateResult {
  const { name, email, phone, address } = o.person;
  const body = html`<address class="person">
    <strong>${name}</strong>
    ${address ? html`${line(address.street)}${line(`${address.postalCode} ${address.city}`)}` : nothing}
    <span><a href="mailto:${email}" class="mail">${email}</a></span>
    ${phone ? html`<span><a href=${telHref(phone)}>${phone}</a></span>` : nothing}
  </address>`;
  return card('person', msg('Personal details', { id: 'ov.person' }), body, v.link(msg('Edit profile', { id: 'ov.person.link' }), 'profile'));
}

const contact = (c: OverviewContact) => html`<li class="contact">
  <span class="what">${contactText(c.category)}</span>
  <span class="who">${c.name}</span>
  ${c.phone ? html`<a href=${telHref(c.phone)}>${c.phone}</a>` : nothing}
  ${c.email ? html`<a href="mailto:${c.email}" class="mail">${c.email}</a>` : nothing}
  ${c.officeHours ? html`<span class="hours">${msg('Office hours:', { id: 'ov.officeHours' })} ${c.officeHours}</span>` : nothing}
</li>`;

const property = (p: OverviewProperty) => html`<li class="property" data-property=${p.id}>
  ${p.imageUrl ? html`<img src=${p.imageUrl} alt=${msg(str`Photo of ${p.name}`, { id: 'ov.photo' })} loading="lazy" width="320" height="180" />` : nothing}
  <div class="about">
    <h3>${p.name}</h3>
    <p>${p.address.street}, ${p.address.postalCode} ${p.address.city} · ${p.roles.map(roleText).join(', ')}</p>
    ${p.contacts.length
      ? html`<h4>${msg('Your contacts', { id: 'ov.contacts' })}</h4><ul class="contacts">${p.contacts.map(contact)}</ul>`
      : nothing}
  </div>
</li>`;

/** Meine Immobilien: photo, address, my roles and the contacts for my role, with phone and mail links. */
export const propertiesCard = (list: OverviewProperty[], v: View): TemplateResult =>
  card(
    'properties',
    msg('My properties', { id: 'ov.properties' }),
    list.length ? html`<ul class="properties">${list.map(property)}</ul>` : html`<p class="none">${msg('No property.', { id: 'ov.properties.none' })}</p>`,
    v.link(msg('All units', { id: 'ov.properties.link' }), 'unit-list'),
  );

/** One unit's balance: debit highlighted (with its word), the overdue part, and "Bezahlen" when it can be paid. */
function balance(b: OverviewBalance, v: View, street: string | undefined): TemplateResult {
  const unit = street ? `Top ${b.top}, ${street}` : `Top ${b.top}`;
  const overdue = b.overdueCents > 0 ? html`<span class="overdue">${msg(str`${formatMoney(b.overdueCents, v.locale)} of it overdue`, { id: 'ov.overdue' })}</span>` : nothing;
  const which = html`<span class="visually-hidden"> (${unit})</span>`;
  const action = b.payable
    ? v.link(html`${msg('Pay', { id: 'ov.pay' })}${which}`, 'statement', { unit: b.unitId, view: 'open-items' }, 'pay')
    : v.link(html`${msg('Account', { id: 'ov.ledger' })}${which}`, 'statement', { unit: b.unitId, view: 'ledger' });
  return html`<li class="unit-balance" data-unit=${b.unitId}>
    <span class="unit">${unit} <small>${roleText(b.role)}</small></span>
    ${renderBalance(b.balanceCents, v.locale)} ${overdue} ${action}
  </li>`;
}

/** Saldo je Einheit: the balance of each current unit, with a link to pay or to the account. */
export function balancesCard(o: Overview, list: OverviewBalance[], v: View): TemplateResult {
  const streets = new Map((o.properties ?? []).map((p) => [p.id, p.address.street]));
  return card(
    'balances',
    msg('Balance per unit', { id: 'ov.balances' }),
    list.length ? html`<ul class="balances">${list.map((b) => balance(b, v, streets.get(b.propertyId)))}</ul>` : html`<p class="none">${msg('No current unit.', { id: 'ov.balances.none' })}</p>`,
  );
}
