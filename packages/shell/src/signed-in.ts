/**
 * What `<hp-portal>` shows only to a signed-in person, imported once somebody is signed in (in bundles a chunk of its
 * own, loaded beside the first view's widget): the navigation, the header's buttons (print view, notifications, user
 * menu, the menu button) and the view's widget with the unit switcher. A visitor who is not signed in does not load it.
 */
import { registerTranslations } from '@hausportal/core';
import { templates } from './locales/de-signed-in.js';

registerTranslations('de', templates);

export { renderNav } from './nav.js';
export { renderActions, renderMenuButton } from './header-actions.js';
export { renderUnitSwitch, renderView } from './views.js';
