/** German texts of the portal's notification list and user menu (panels.ts, loaded when a menu is first opened). */
export const templates = {
  'portal.notifications': 'Benachrichtigungen',
  'portal.unread.documents': 'Neue Dokumente',
  'portal.unread.notices': 'Ungelesene Mitteilungen',
  'portal.unread.appointments': 'Neue Termine',
  'portal.unread.tickets': 'Neuigkeiten zu meinen Meldungen',
  'portal.unread.none': 'Keine Neuigkeiten',
  'portal.organization': 'Hausverwaltung',
  'portal.logout': 'Abmelden',
};
