import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Locale } from './context.js';
import { formatMoney } from './format.js';

export type BalanceKind = 'debit' | 'credit' | 'settled';

/** Positive amounts are owed by the person (debit), negative ones are a credit. */
export function balanceKind(cents: number): BalanceKind {
  return cents > 0 ? 'debit' : cents < 0 ? 'credit' : 'settled';
}

/** "Rückstand" / "Guthaben" / "ausgeglichen": the balance in words, so colour never carries it alone. */
export function balanceText(cents: number): string {
  switch (balanceKind(cents)) {
    case 'debit':
      return msg('Amount due', { id: 'balance.debit' });
    case 'credit':
      return msg('Credit', { id: 'balance.credit' });
    case 'settled':
      return msg('Settled', { id: 'balance.settled' });
  }
}

/**
 * The balance as amount and word ("890,00 € Rückstand"); the `debit`/`credit`/`settled` class on the outer span
 * lets the widget colour it.
 */
export function renderBalance(cents: number, locale: Locale): TemplateResult {
  const kind = balanceKind(cents);
  return html`<span class="balance ${kind}"
    >${kind === 'settled' ? nothing : html`<span class="amount">${formatMoney(Math.abs(cents), locale)}</span> `}<span class="word"
      >${balanceText(cents)}</span
    ></span
  >`;
}
