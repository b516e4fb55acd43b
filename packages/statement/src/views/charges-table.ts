import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ChargeLine, ChargePeriod, ChargeStatement, MoneyTotals } from '@hausportal/api';
import { formatMoney, formatMonth, formatPercentBp, renderAbbr, type Locale } from '@hausportal/core';
import { keyAbbr, keyText, keyValueText, lineText } from '../labels.js';
import { scrollBox } from '../scroll.js';

const columns = () => [
  msg('Item', { id: 'statement.col.item' }),
  renderAbbr(msg('Key', { id: 'statement.col.key.abbr' }), msg('Distribution key', { id: 'statement.col.key.full' })),
  msg('Key value', { id: 'statement.col.keyValue' }),
  msg('Net', { id: 'statement.col.net' }),
  msg('VAT rate', { id: 'statement.col.vatRate' }),
  msg('VAT', { id: 'statement.col.vat' }),
  msg('Gross', { id: 'statement.col.gross' }),
];

const money = (totals: MoneyTotals, locale: Locale) => html`<td class="num">${formatMoney(totals.netCents, locale)}</td>
  <td></td>
  <td class="num">${formatMoney(totals.vatCents, locale)}</td>
  <td class="num">${formatMoney(totals.grossCents, locale)}</td>`;

function line(l: ChargeLine, locale: Locale): TemplateResult {
  return html`<tr>
    <th scope="row">${lineText(l)}</th>
    <td>${renderAbbr(keyAbbr(l.key), keyText(l.key))}</td>
    <td class="num wraps">${keyValueText(l, locale)}</td>
    <td class="num">${formatMoney(l.netCents, locale)}</td>
    <td class="num">${formatPercentBp(l.vatRateBp, locale)}</td>
    <td class="num">${formatMoney(l.vatCents, locale)}</td>
    <td class="num">${formatMoney(l.grossCents, locale)}</td>
  </tr>`;
}

function month(p: ChargePeriod, locale: Locale): TemplateResult {
  const name = formatMonth(p.period, locale);
  return html`<tbody data-period=${p.period}>
    <tr class="group"><th colspan="7" scope="rowgroup">${name}</th></tr>
    ${p.lines.map((l) => line(l, locale))}
    <tr class="subtotal">
      <th scope="row" colspan="3">${msg('Total', { id: 'statement.total' })} ${name}</th>
      ${money(p.totals, locale)}
    </tr>
  </tbody>`;
}

/** One table per unit with a block per month, then the range's totals and VAT by rate. */
export function renderChargeTables(data: ChargeStatement, locale: Locale): TemplateResult {
  return html`${data.units.map(
      (u) => scrollBox(`Top ${u.top}`, html`
        <table class="charges" data-unit=${u.unitId}>
          <caption>Top ${u.top}</caption>
          <thead><tr>${columns().map((c, i) => html`<th scope="col" class=${i > 2 ? 'num' : ''}>${c}</th>`)}</tr></thead>
          ${u.periods.map((p) => month(p, locale))}
        </table>`),
    )}
    ${scrollBox(msg('Totals for the period', { id: 'statement.charges.totals' }), html`
      <table class="summary">
        <caption>${msg('Totals for the period', { id: 'statement.charges.totals' })}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('VAT rate', { id: 'statement.col.vatRate' })}</th>
            <th scope="col" class="num">${msg('Net', { id: 'statement.col.net' })}</th>
            <th scope="col" class="num">${msg('VAT', { id: 'statement.col.vat' })}</th>
            <th scope="col" class="num">${msg('Gross', { id: 'statement.col.gross' })}</th>
          </tr>
        </thead>
        <tbody>
          ${data.vatByRate.map(
            (v) => html`<tr>
              <th scope="row">${formatPercentBp(v.vatRateBp, locale)}</th>
              <td class="num">${formatMoney(v.netCents, locale)}</td>
              <td class="num">${formatMoney(v.vatCents, locale)}</td>
              <td class="num">${formatMoney(v.grossCents, locale)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr class="total" data-total>
            <th scope="row">${msg('Total', { id: 'statement.total' })}</th>
            <td class="num" data-net>${formatMoney(data.totals.netCents, locale)}</td>
            <td class="num" data-vat>${formatMoney(data.totals.vatCents, locale)}</td>
            <td class="num" data-gross>${formatMoney(data.totals.grossCents, locale)}</td>
          </tr>
        </tfoot>
      </table>`)}`;
}
