export { HpTicketList } from './hp-ticket-list.js';
export { HpTicketsUnreadEvent } from './events.js';
export { TicketListStore, TABS, PAGE_SIZE, type TicketTab } from './list-store.js';
export { TicketDetailStore, type TicketAction } from './detail-store.js';
export { statusText, changedText } from './status.js';
