import { msg } from '@lit/localize';
import type { ContactCategory, ContractRole, PaymentMethod, UnitSummary, UnitUsage } from '@hausportal/api';
import type { CodeText } from './model.js';

/** Words for the codes of the contract (read at render time, so they follow the language). */
export function usageText(usage: UnitUsage): string {
  switch (usage) {
    case 'apartment':
      return msg('Apartment', { id: 'units.usage.apartment' });
    case 'commercial':
      return msg('Commercial unit', { id: 'units.usage.commercial' });
    case 'garage':
      return msg('Garage', { id: 'units.usage.garage' });
    case 'parking':
      return msg('Parking space', { id: 'units.usage.parking' });
    case 'storage':
      return msg('Storage room', { id: 'units.usage.storage' });
  }
}

export function roleText(role: ContractRole): string {
  return role === 'owner' ? msg('Owner', { id: 'units.role.owner' }) : msg('Tenant', { id: 'units.role.tenant' });
}

export function paymentText(method: PaymentMethod): string {
  switch (method) {
    case 'sepa_debit':
      return msg('SEPA direct debit', { id: 'units.payment.sepa' });
    case 'standing_order':
      return msg('Standing order', { id: 'units.payment.standingOrder' });
    case 'transfer':
      return msg('Bank transfer', { id: 'units.payment.transfer' });
  }
}

export function contactText(category: ContactCategory): string {
  switch (category) {
    case 'case_manager':
      return msg('Case manager', { id: 'units.contact.caseManager' });
    case 'accounting':
      return msg('Accounting', { id: 'units.contact.accounting' });
    case 'caretaker':
      return msg('Caretaker', { id: 'units.contact.caretaker' });
  }
}

/** The words the user reads for the code columns, used to sort them. */
export const codeText: CodeText = (key, unit: UnitSummary) =>
  key === 'usage' ? usageText(unit.usage) : key === 'role' ? roleText(unit.contract.role) : paymentText(unit.contract.paymentMethod);
