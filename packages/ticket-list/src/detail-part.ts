/**
 * What `<hp-ticket-list>` needs only once a ticket is open: the detail's header and thread, the composer and the
 * further steps. A chunk of its own in bundles, loaded with the first ticket opened (see {@link loadDetailPart}).
 */
export { ActionsController, renderNotice } from './actions.js';
export { renderHeader, renderThread, type FileHost } from './detail.js';
