export { HpMessageForm } from './hp-message-form.js';
export { HpTicketCreatedEvent, HpTicketJoinedEvent, type TicketRef } from './events.js';
export { CatalogStore } from './catalog.js';
export { FillState } from './fill.js';
export { Sender, type SendState } from './send.js';
export { Duplicates } from './duplicates.js';
export type { Raw, RawValues, Slot } from './model.js';
