import { str } from '@lit/localize';

/** German texts of the portal's signed-in part (signed-in.ts): navigation, header buttons and the unit switcher. */
export const templates = {
  'portal.nav': 'Portal',
  'portal.nav.new': str`${0} neu`,
  'portal.menu': 'Menü',
  'portal.collapse': 'Menü einklappen',
  'portal.expand': 'Menü ausklappen',
  'portal.view.expenses': 'Belegeinsicht',
  'portal.print': 'Druckansicht',
  'portal.notifications.count': str`Benachrichtigungen, ${0} neu`,
  'portal.user': 'Benutzermenü',
  'portal.unit': 'Einheit',
};
