export { HpTicketList } from './hp-ticket-list.js';
export { HpTicketsUnreadEvent } from './events.js';
export type { TicketTab } from './list-store.js';
