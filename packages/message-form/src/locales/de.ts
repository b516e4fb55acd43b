/**
 * German texts of `<hp-message-form>` for the list of forms and its states (English is the source language); the texts
 * of the form being filled are in `fill-de.ts`, registered by the lazily loaded part.
 */
export const templates = {
  'mf.title': 'Nachricht senden',
  'mf.loggedOut': 'Bitte melden Sie sich an, um eine Nachricht zu senden.',
  'mf.empty': 'Derzeit steht Ihnen kein Formular zur Verfügung.',
  'mf.notOffered': 'Dieses Formular steht Ihnen nicht zur Verfügung.',
  'mf.pickForm': 'Worum geht es?',
  'mf.forms': 'Formulare',
};
