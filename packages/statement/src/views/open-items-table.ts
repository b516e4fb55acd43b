import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { daysBetween, type OpenItem, type PaymentInstruction } from '@hausportal/api';
import { formatDate, formatMoney, renderBalance, type Locale } from '@hausportal/core';
import { dunningText } from '../labels.js';
import { epcFields, epcPayload } from '../epc.js';
import { scrollBox } from '../scroll.js';

/**
 * Whole days from the due date to `today`, the organization's day (YYYY-MM-DD; see OrgDayController): 0 when not
 * yet due, and for credits.
 */
export function daysOverdue({ dueOn, openCents }: Pick<OpenItem, 'dueOn' | 'openCents'>, today: string): number {
  if (!dueOn || openCents <= 0) return 0;
  return Math.max(0, daysBetween(dueOn, today));
}

export const openItemColumns = () => [
  msg('Date', { id: 'statement.col.date' }),
  msg('Document', { id: 'statement.col.docNo' }),
  msg('Text', { id: 'statement.col.text' }),
  msg('Due', { id: 'statement.col.due' }),
  msg('Days overdue', { id: 'statement.col.overdue' }),
  msg('Dunning level', { id: 'statement.col.dunning' }),
  msg('Amount', { id: 'statement.col.amount' }),
  msg('Open', { id: 'statement.col.open' }),
];

export function renderOpenItemsTable(items: OpenItem[], locale: Locale, today: string): TemplateResult {
  return scrollBox(msg('Open items', { id: 'statement.view.openItems' }), html`
    <table class="open-items">
      <caption>${msg('Open items', { id: 'statement.view.openItems' })}</caption>
      <thead><tr>${openItemColumns().map((c, i) => html`<th scope="col" class=${i > 3 ? 'num' : ''}>${c}</th>`)}</tr></thead>
      <tbody>
        ${items.map(
          (item) => html`<tr data-item=${item.id} class=${item.dunningLevel > 0 ? 'dunned' : ''}>
            <td>${formatDate(item.bookedOn, locale)}</td>
            <td class="code">${item.docNo}</td>
            <th scope="row">${item.text}</th>
            <td>${item.dueOn ? formatDate(item.dueOn, locale) : '–'}</td>
            <td class="num">${daysOverdue(item, today)}</td>
            <td class="num wraps">${dunningText(item.dunningLevel)}</td>
            <td class="num">${formatMoney(item.amountCents, locale)}</td>
            <td class="num">${item.openCents < 0 ? renderBalance(item.openCents, locale) : formatMoney(item.openCents, locale)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`);
}

const groupIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The transfer as QR code and as text to type in, side by side. The text shows the fields as the code carries them
 * (see `epcFields`), so what people read is what their banking app fills in.
 */
export function renderPayment(p: PaymentInstruction, locale: Locale): TemplateResult {
  const fields = epcFields(p);
  let payload = '';
  try {
    payload = epcPayload(p);
  } catch {
    // Without a valid payload the text alone still lets people pay.
  }
  const title = msg(str`Pay account ${p.accountNo} by transfer`, { id: 'statement.pay.title' });
  return html`<section class="payment" aria-label=${title} data-account=${p.accountNo}>
    <h3>${title}</h3>
    <div class="payment-body">
      ${payload
        ? html`<figure>
            <hp-statement-qr .payload=${payload} label=${msg('Payment QR code (GiroCode) for your banking app', { id: 'statement.pay.qr' })}></hp-statement-qr>
            <figcaption>${msg('Scan with your banking app.', { id: 'statement.pay.scan' })}</figcaption>
          </figure>`
        : ''}
      <dl>
        <dt>${msg('Recipient', { id: 'statement.pay.recipient' })}</dt><dd class="recipient">${fields.recipient}</dd>
        <dt>IBAN</dt><dd class="iban">${groupIban(fields.iban)}</dd>
        ${fields.bic ? html`<dt>BIC</dt><dd class="bic">${fields.bic}</dd>` : ''}
        <dt>${msg('Amount', { id: 'statement.col.amount' })}</dt><dd class="amount">${formatMoney(fields.amountCents, locale)}</dd>
        <dt>${msg('Reference', { id: 'statement.pay.reference' })}</dt><dd class="reference">${fields.remittance}</dd>
      </dl>
    </div>
  </section>`;
}
