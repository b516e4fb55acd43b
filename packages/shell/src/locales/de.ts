import { str } from '@lit/localize';

/** German texts of `<hp-portal>` (English is the source language); the views' names follow the ImmoPro portal. */
export const templates = {
  'portal.skip': 'Zum Inhalt springen',
  'portal.signIn': 'Anmeldung',
  'portal.content': str`Inhalt: ${0}`,
  'portal.view.overview': 'Übersicht',
  'portal.view.units': 'Einheiten',
  'portal.view.statement': 'Vorschreibung & Konto',
  'portal.view.documents': 'Dokumente',
  'portal.view.board': 'Schwarzes Brett',
  'portal.view.tickets': 'Meldungen & Tickets',
  'portal.view.report': 'Neue Meldung',
  'portal.view.profile': 'Profil',
  'portal.language': 'Sprache',
  'portal.imprint': 'Impressum',
  'portal.privacy': 'Datenschutz',
  'portal.terms': 'Nutzungsbedingungen',
  'portal.legal': 'Rechtliches',
};
