export { HpPortal } from './hp-portal.js';
export { HpOverview } from './overview/hp-overview.js';
export { HpPortalViewEvent, type PortalViewDetail } from './events.js';
export { offeredViews, offersExpenses, type Audience } from './features.js';
export { parseHash, routeHash, views, viewNames, type Route, type ViewDef, type ViewName } from './routes.js';
