/** German texts of core (source strings are English). */
export const templates = {
  'core.loading': 'Wird geladen …',
  'core.retry': 'Erneut versuchen',
  'balance.debit': 'Rückstand',
  'balance.credit': 'Guthaben',
  'balance.settled': 'ausgeglichen',
};
