import { str } from '@lit/localize';

/** German texts of core (source strings are English). */
export const templates = {
  'core.loading': 'Wird geladen …',
  'core.retry': 'Erneut versuchen',
  'core.export': 'Exportieren',
  'core.export.failed': 'Die Excel-Datei konnte nicht erstellt werden. Bitte versuchen Sie es erneut oder exportieren Sie CSV.',
  'balance.debit': 'Rückstand',
  'balance.credit': 'Guthaben',
  'balance.settled': 'ausgeglichen',
  'core.preview.label': 'Vorschau',
  'core.preview.as': str`Vorschau als ${0}`,
  'core.preview.readOnly': 'nur lesen',
  'core.preview.until': str`bis ${0}`,
  'core.preview.opening': 'Die Vorschau wird geöffnet …',
  'core.preview.end': 'Vorschau beenden',
  'core.preview.ended': 'Vorschau beendet.',
  'core.preview.expired': 'Die Vorschau ist abgelaufen.',
  'core.preview.close': 'Sie können dieses Fenster schließen.',
  'core.preview.invalid': 'Dieser Vorschau-Link gilt nicht mehr: Er ist abgelaufen oder wurde schon verwendet. Bitte starten Sie die Vorschau neu.',
  'core.preview.unreachable': 'Die Vorschau konnte nicht geöffnet werden: Der Server antwortet nicht. Bitte starten Sie die Vorschau neu.',
};
