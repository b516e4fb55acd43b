import type { ReactiveControllerHost } from 'lit';
import { dataOf, type ApiClient, type Form, type TicketDetail, type TicketSummary } from '@hausportal/api';
import type { RawValues } from './model.js';

/**
 * "Bereits gemeldet": the open building-wide tickets on the property with the location (a common area) and category
 * chosen in the form's cascade (GET /tickets/duplicates), and joining one as affected (POST /tickets/{id}/affected)
 * instead of sending a new report. A failed look-up offers nothing; the form can be sent as usual.
 */
export class Duplicates {
  items: TicketSummary[] = [];
  /** The ticket I joined. */
  joined?: TicketDetail;
  joining = false;
  error: unknown;
  private query = '';
  private running?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Looks again when property, location or category changed. */
  async update(api: ApiClient | undefined, form: Form | undefined, raw: RawValues, property: string | undefined): Promise<void> {
    const cascade = form?.fields.find((f) => f.type === 'cascade');
    const chosen = (cascade && (raw[cascade.key] as Record<string, string> | undefined)) || {};
    const location = cascade?.levels?.find((l) => l.key === 'location')?.options.find((o) => o.value === chosen.location);
    const ready = api && property && location?.shared && chosen.category;
    const query = ready ? `${property}|${chosen.location}|${chosen.category}` : '';
    if (query === this.query) return;
    this.query = query;
    this.running?.abort();
    this.items = [];
    this.error = undefined;
    this.host.requestUpdate();
    if (!ready) return;
    const { signal } = (this.running = new AbortController());
    try {
      const params = { query: { property, location: chosen.location!, category: chosen.category! } };
      const found = await dataOf(api.GET('/tickets/duplicates', { params, signal }));
      if (!signal.aborted) this.items = found.items;
    } catch {
      // Nothing offered: the person sends the form as usual.
    }
    this.host.requestUpdate();
  }

  async join(api: ApiClient, ticket: TicketSummary): Promise<TicketDetail | undefined> {
    this.joining = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      this.joined = await dataOf(api.POST('/tickets/{id}/affected', { params: { path: { id: ticket.id } } }));
    } catch (error) {
      this.error = error;
    }
    this.joining = false;
    this.host.requestUpdate();
    return this.joined;
  }

  reset(): void {
    this.running?.abort();
    Object.assign(this, { items: [], joined: undefined, error: undefined, query: '', joining: false });
  }
}
