import { msg, str } from '@lit/localize';
import type { ChargeLine, ContractRole, DistributionKey, ExpenseGroup, LedgerKind } from '@hausportal/api';
import { formatNumber, formatShare, getLocale, type Locale } from '@hausportal/core';
import type { StatementViewName } from './view-names.js';

/** Tab and heading of each view. */
export function viewText(view: StatementViewName): string {
  switch (view) {
    case 'charges':
      return msg('Charges', { id: 'statement.view.charges' });
    case 'ledger':
      return msg('Account', { id: 'statement.view.ledger' });
    case 'open-items':
      return msg('Open items', { id: 'statement.view.openItems' });
    case 'expenses':
      return msg('Expense accounts', { id: 'statement.view.expenses' });
  }
}

export function roleText(role: ContractRole): string {
  return role === 'owner' ? msg('Owner', { id: 'statement.role.owner' }) : msg('Tenant', { id: 'statement.role.tenant' });
}

/** The distribution key in words: Nutzfläche, Anteile, Verbrauch, Personen, fix. */
export function keyText(key: DistributionKey): string {
  switch (key) {
    case 'area':
      return msg('Floor area', { id: 'statement.key.area' });
    case 'shares':
      return msg('Shares', { id: 'statement.key.shares' });
    case 'consumption':
      return msg('Consumption', { id: 'statement.key.consumption' });
    case 'persons':
      return msg('Persons', { id: 'statement.key.persons' });
    case 'fixed':
      return msg('Fixed', { id: 'statement.key.fixed' });
  }
}

/** The key as the statement's column shows it: NFL and Ant. in German (as ImmoPro writes them), else {@link keyText}. */
export function keyAbbr(key: DistributionKey): string {
  switch (key) {
    case 'area':
      return msg('Floor area', { id: 'statement.key.area.abbr' });
    case 'shares':
      return msg('Shares', { id: 'statement.key.shares.abbr' });
    default:
      return keyText(key);
  }
}

/** The unit's part of the key: "78 / 1.240 m²", "50/300", "2 / 14" or, for consumption, the metered value. */
export function keyValueText(line: Pick<ChargeLine, 'key' | 'keyValue' | 'keyTotal'>, locale: Locale): string {
  const value = formatNumber(line.keyValue, locale, { maximumFractionDigits: 2 });
  if (line.key === 'fixed') return '';
  if (line.key === 'shares' && line.keyTotal !== null) return formatShare(line.keyValue, line.keyTotal);
  if (line.keyTotal === null) return value;
  const total = formatNumber(line.keyTotal, locale, { maximumFractionDigits: 2 });
  return line.key === 'area' ? `${value} / ${total}\u00a0m²` : `${value} / ${total}`;
}

/** German lines keep the manager's wording; English ones use the item's English name. */
export function lineText(line: Pick<ChargeLine, 'item' | 'label'>): string {
  if (getLocale() === 'de') return line.label;
  switch (line.item) {
    case 'main_rent':
      return 'Main rent';
    case 'operating_costs':
      return 'Operating costs';
    case 'heating':
      return 'Heating';
    case 'hot_water':
      return 'Hot water';
    case 'reserve':
      return 'Repair reserve';
    case 'elevator':
      return 'Lift';
    case 'parking':
      return 'Parking';
    default:
      return line.label;
  }
}

export function kindText(kind: LedgerKind): string {
  switch (kind) {
    case 'carry_forward':
      return msg('Carried forward', { id: 'statement.kind.carryForward' });
    case 'charge':
      return msg('Charge', { id: 'statement.kind.charge' });
    case 'payment':
      return msg('Payment', { id: 'statement.kind.payment' });
    case 'dunning_fee':
      return msg('Dunning fee', { id: 'statement.kind.dunningFee' });
    case 'credit_note':
      return msg('Credit note', { id: 'statement.kind.creditNote' });
    case 'settlement':
      return msg('Settlement', { id: 'statement.kind.settlement' });
  }
}

/** "1. Mahnstufe" / "Reminder 1"; level 0 is "keine". */
export function dunningText(level: number): string {
  return level > 0 ? msg(str`Reminder ${level}`, { id: 'statement.dunning.level' }) : msg('none', { id: 'statement.dunning.none' });
}

export function groupText(group: ExpenseGroup): string {
  switch (group) {
    case 'operating_costs':
      return msg('Operating costs (5xxxxx)', { id: 'statement.group.operatingCosts' });
    case 'reserve':
      return msg('Repair reserve (7xxxxx)', { id: 'statement.group.reserve' });
    case 'other':
      return msg('Other accounts', { id: 'statement.group.other' });
  }
}
