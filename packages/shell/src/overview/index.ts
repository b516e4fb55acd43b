export { HpOverview, defaultHref } from './hp-overview.js';
export { HpOverviewUnreadEvent } from './events.js';
export { OverviewStore } from './store.js';
