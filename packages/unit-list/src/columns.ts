import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { UnitSummary } from '@hausportal/api';
import { formatArea, formatDate, formatMoney, formatShare, renderBalance, type Locale } from '@hausportal/core';
import { paymentText, roleText, usageText } from './labels.js';
import type { SortKey } from './model.js';

/** One column of the table: its sort key, header text and cell. */
export interface Column {
  key: SortKey;
  /** The column's name: the card label on narrow screens and the expansion of {@link abbr}. */
  label: () => string;
  /** A shorter header where the language has a usual abbreviation (NFL for Nutzfläche); the label otherwise. */
  abbr?: () => string;
  numeric?: boolean;
  cell: (unit: UnitSummary, locale: Locale) => TemplateResult | string;
}

const none = () => html`<span aria-hidden="true">–</span><span class="visually-hidden">${msg('none', { id: 'units.none' })}</span>`;

const money = (cents: number | undefined, locale: Locale) => (cents === undefined ? none() : formatMoney(cents, locale));

function since(unit: UnitSummary, locale: Locale): TemplateResult {
  const { validFrom, validTo } = unit.contract;
  const end = validTo ? formatDate(validTo, locale) : '';
  return html`${formatDate(validFrom, locale)}${unit.active
    ? validTo
      ? html`<span class="note">${msg(str`until ${end}`, { id: 'units.until' })}</span>`
      : nothing
    : html`<span class="ended">${validTo ? msg(str`ended ${end}`, { id: 'units.endedOn' }) : msg('ended', { id: 'units.ended' })}</span>`}`;
}

export const columns: readonly Column[] = [
  {
    key: 'top',
    label: () => msg('Top', { id: 'units.col.top' }),
    cell: (u) => html`<span class="top">${u.top}</span><span class="edv">${msg('EDV', { id: 'units.edv' })} <span class="code">${u.edvNo}</span></span>`,
  },
  { key: 'usage', label: () => msg('Usage', { id: 'units.col.usage' }), cell: (u) => usageText(u.usage) },
  { key: 'role', label: () => msg('My role', { id: 'units.col.role' }), cell: (u) => roleText(u.contract.role) },
  {
    key: 'area',
    label: () => msg('Area', { id: 'units.col.areaName' }),
    abbr: () => msg('Area', { id: 'units.col.areaAbbr' }),
    numeric: true,
    cell: (u, l) => formatArea(u.areaM2, l),
  },
  {
    key: 'share',
    label: () => msg('Share', { id: 'units.col.sharesName' }),
    abbr: () => msg('Share', { id: 'units.col.sharesAbbr' }),
    numeric: true,
    cell: (u) => (u.share ? formatShare(u.share.num, u.share.den) : none()),
  },
  { key: 'payment', label: () => msg('Payment', { id: 'units.col.payment' }), cell: (u) => paymentText(u.contract.paymentMethod) },
  { key: 'since', label: () => msg('Since', { id: 'units.col.since' }), cell: since },
  { key: 'net', label: () => msg('Monthly net', { id: 'units.col.net' }), numeric: true, cell: (u, l) => money(u.monthly?.netCents, l) },
  { key: 'vat', label: () => msg('VAT', { id: 'units.col.vat' }), numeric: true, cell: (u, l) => money(u.monthly?.vatCents, l) },
  { key: 'gross', label: () => msg('Monthly gross', { id: 'units.col.gross' }), numeric: true, cell: (u, l) => money(u.monthly?.grossCents, l) },
  { key: 'balance', label: () => msg('Balance', { id: 'units.col.balance' }), numeric: true, cell: (u, l) => renderBalance(u.balanceCents, l) },
];
