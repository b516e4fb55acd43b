import { str } from '@lit/localize';

/** German texts of the payment views (open items, expense accounts) that the shared table in de.ts does not hold. */
export const paymentTemplates = {
  'statement.expenses.noReceipt': 'kein Beleg',
  'statement.expenses.groupTotal': str`Summe ${0}`,
};
