/** German texts of the units' export (sheet.ts: file name, sheet name, the columns only the export has). */
export const templates = {
  'units.col.share': 'Anteil',
  'units.file': 'einheiten',
  'units.sheet': 'Einheiten',
  'units.csv.address': 'Adresse',
  'units.csv.edv': 'EDV-Nr.',
  'units.csv.area': 'Fläche (m²)',
  'units.csv.from': 'Gültig ab',
  'units.csv.to': 'Gültig bis',
  'units.csv.month': 'Monat',
  'units.csv.balance': 'Saldo (+ Rückstand, − Guthaben)',
  'units.csv.balanceText': 'Saldo in Worten',
};
