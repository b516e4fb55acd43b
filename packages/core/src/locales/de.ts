/** German texts of core (source strings are English). */
export const templates = {
  'core.loading': 'Wird geladen …',
  'core.retry': 'Erneut versuchen',
  'core.export': 'Exportieren',
  'core.export.failed': 'Die Excel-Datei konnte nicht erstellt werden. Bitte versuchen Sie es erneut oder exportieren Sie CSV.',
  'balance.debit': 'Rückstand',
  'balance.credit': 'Guthaben',
  'balance.settled': 'ausgeglichen',
};
