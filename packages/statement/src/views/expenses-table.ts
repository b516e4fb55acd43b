import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ExpenseAccount, ExpenseEntry, ExpenseGroup } from '@hausportal/api';
import { formatDate, formatMoney, formatNumber, type Locale } from '@hausportal/core';
import { groupText } from '../labels.js';
import { scrollBox } from '../scroll.js';

const groups: ExpenseGroup[] = ['operating_costs', 'reserve', 'other'];

/** The accounts of each group that has any, in the order operating costs, reserve, other, with the group's total. */
export function accountGroups(accounts: ExpenseAccount[]): { group: ExpenseGroup; accounts: ExpenseAccount[]; totalCents: number }[] {
  return groups
    .map((group) => {
      const mine = accounts.filter((a) => a.group === group);
      return { group, accounts: mine, totalCents: mine.reduce((sum, a) => sum + a.totalCents, 0) };
    })
    .filter((g) => g.accounts.length);
}

/** The accounts by group with the year's totals; a button per account shows its postings. */
export function renderAccounts(accounts: ExpenseAccount[], chosen: string, locale: Locale, choose: (id: string) => void): TemplateResult {
  return html`${accountGroups(accounts).map(({ group, accounts: mine, totalCents: total }) => {
    return scrollBox(groupText(group), html`
      <table class="accounts" data-group=${group}>
        <caption>${groupText(group)}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Account', { id: 'statement.col.account' })}</th>
            <th scope="col">${msg('Name', { id: 'statement.col.name' })}</th>
            <th scope="col" class="num">${msg('Postings', { id: 'statement.col.postings' })}</th>
            <th scope="col" class="num">${msg('Total', { id: 'statement.total' })}</th>
          </tr>
        </thead>
        <tbody>
          ${mine.map(
            (a) => html`<tr data-account=${a.id}>
              <td class="code">${a.accountNo}</td>
              <th scope="row">
                <button type="button" class="link" aria-expanded=${a.id === chosen ? 'true' : 'false'} @click=${() => choose(a.id)}>${a.name}</button>
              </th>
              <td class="num">${formatNumber(a.entryCount, locale)}</td>
              <td class="num">${formatMoney(a.totalCents, locale)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr><th scope="row" colspan="3">${msg('Total', { id: 'statement.total' })}</th><td class="num">${formatMoney(total, locale)}</td></tr>
        </tfoot>
      </table>`);
  })}`;
}

export interface EntryActions {
  download: (entry: ExpenseEntry) => void;
  more?: () => void;
  loadingMore: boolean;
}

const kb = (bytes: number, locale: Locale) => formatNumber(Math.max(1, Math.round(bytes / 1024)), locale);

/** The chosen account's postings with receipt buttons and "load more". */
export function renderEntries(account: ExpenseAccount, entries: ExpenseEntry[], locale: Locale, actions: EntryActions): TemplateResult {
  return html`${scrollBox(`${account.accountNo} ${account.name}`, html`
      <table class="entries" data-entries=${account.id}>
        <caption>${account.accountNo} ${account.name} · ${account.year}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Date', { id: 'statement.col.date' })}</th>
            <th scope="col">${msg('Document', { id: 'statement.col.docNo' })}</th>
            <th scope="col">${msg('Text', { id: 'statement.col.text' })}</th>
            <th scope="col">${msg('Vendor', { id: 'statement.col.vendor' })}</th>
            <th scope="col" class="num">${msg('Amount', { id: 'statement.col.amount' })}</th>
            <th scope="col">${msg('Receipt', { id: 'statement.col.receipt' })}</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            (e) => html`<tr data-entry=${e.id}>
              <td>${formatDate(e.bookedOn, locale)}</td>
              <td class="code">${e.docNo}</td>
              <th scope="row">${e.text}</th>
              <td>${e.vendor ?? ''}</td>
              <td class="num">${formatMoney(e.amountCents, locale)}</td>
              <td>
                ${e.receipt
                  ? html`<button type="button" class="receipt" @click=${() => actions.download(e)}
                      aria-label=${msg(str`Download receipt ${e.docNo} (${kb(e.receipt.size, locale)} kB)`, { id: 'statement.expenses.download' })}>
                      ${msg('Download', { id: 'statement.expenses.downloadShort' })}
                    </button>`
                  : msg('no receipt', { id: 'statement.expenses.noReceipt' })}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>`)}
    ${actions.more
      ? html`<button type="button" class="more" ?disabled=${actions.loadingMore} @click=${actions.more}>
          ${actions.loadingMore ? msg('Loading …', { id: 'statement.loadingMore' }) : msg('Load more postings', { id: 'statement.expenses.more' })}
        </button>`
      : nothing}`;
}
