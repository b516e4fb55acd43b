/** What both events carry: the ticket's id and number ("2026-00042"). */
export interface TicketRef {
  id: string;
  number: string;
}

/** Fired by `<hp-message-form>` when a form was sent and became a ticket; `detail` is its id and number. */
export class HpTicketCreatedEvent extends CustomEvent<TicketRef> {
  static readonly eventName = 'hp-ticket-created' as const;
  constructor(ticket: TicketRef) {
    super(HpTicketCreatedEvent.eventName, { detail: { id: ticket.id, number: ticket.number }, bubbles: true, composed: true });
  }
}

/**
 * Fired by `<hp-message-form>` when, instead of sending a new report, I joined a building-wide ticket already reported
 * ("Ich bin auch betroffen"); `detail` is that ticket's id and number. No `hp-ticket-created` follows.
 */
export class HpTicketJoinedEvent extends CustomEvent<TicketRef> {
  static readonly eventName = 'hp-ticket-joined' as const;
  constructor(ticket: TicketRef) {
    super(HpTicketJoinedEvent.eventName, { detail: { id: ticket.id, number: ticket.number }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [HpTicketCreatedEvent.eventName]: HpTicketCreatedEvent;
    [HpTicketJoinedEvent.eventName]: HpTicketJoinedEvent;
  }
}
