export { HpMessageForm } from './hp-message-form.js';
export { HpTicketCreatedEvent, HpTicketJoinedEvent, type TicketRef } from './events.js';
export { CatalogStore } from './catalog.js';
// The form-filling part is loaded with import('@hausportal/message-form/fill.js'); its classes are exported there.
export type { FillState, Sender, SendState, Duplicates, MessageFill, FillHost } from './fill.js';
export type { MessageDraft, Raw, RawValues, Slot } from './model.js';
