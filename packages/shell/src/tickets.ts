import type { ReactiveControllerHost } from 'lit';
import { dataOf, type ApiClient } from '@hausportal/api';
import type { HpTicketList } from '@hausportal/ticket-list';

/** A ticket number as people see it, "2026-00042" (per organization and year). */
export const isTicketNumber = (value: string) => /^\d{4}-\d+$/.test(value);

/**
 * The id of my ticket with the number `number` (a deep link `#/tickets/2026-00042`): looks through my tickets tab by
 * tab (open, done, archive; 100 a page) — `<hp-ticket-list>` opens tickets by id. Null when none of mine has it.
 * Errors of the list requests reject.
 */
export async function ticketIdOf(api: ApiClient, number: string, signal?: AbortSignal): Promise<string | null> {
  for (const tab of ['open', 'done', 'archive'] as const) {
    let cursor: string | undefined;
    do {
      const page = await dataOf(api.GET('/tickets', { params: { query: { tab, limit: 100, ...(cursor ? { cursor } : {}) } }, signal }));
      const found = page.items.find((t) => t.number === number);
      if (found) return found.id;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return null;
}

/** The number of the ticket `id` when the list shows it (for a readable hash), else the id itself. */
export function ticketParam(list: HpTicketList, id: string): string {
  return list.list.items?.find((t) => t.id === id)?.number ?? id;
}

/**
 * The ticket a route opens: `#/tickets/<id>` at once, `#/tickets/2026-00042` once {@link ticketIdOf} has found its id
 * (the list shows meanwhile; a number none of my tickets has is handed on as it is, so the list says it was not found).
 */
export class TicketRoute {
  /** The id for `<hp-ticket-list ticket>`; '' for the list. */
  id = '';
  private param = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Follows the route's parameter ('' off the tickets view); a number is looked up once a client is signed in. */
  follow(param: string, api: ApiClient | undefined): void {
    if (param === this.param) return;
    if (!isTicketNumber(param)) {
      this.param = this.id = param;
      return;
    }
    this.id = '';
    if (!api) return;
    this.param = param;
    const found = (id: string) => {
      if (this.param !== param) return;
      this.id = id;
      this.host.requestUpdate();
    };
    ticketIdOf(api, param).then((id) => found(id ?? param), () => found(param));
  }

  /** The list opened (or, with '', closed) the ticket `id` itself; `param` is what the hash shows for it. */
  shown(id: string, param: string): void {
    this.id = id;
    this.param = param;
  }
}
