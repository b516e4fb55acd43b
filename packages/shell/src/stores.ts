import { dataOf, type Property, type UnitSummary, type UnreadCounts } from '@hausportal/api';
import { SessionStore, type SessionStoreHost } from '@hausportal/core';

/** Nothing unread: signed out, or before the counts are known. */
export const noUnread: UnreadCounts = { documents: 0, notices: 0, tickets: 0, appointments: 0 };

/**
 * The unread counts behind the notification button: those of `GET /overview` (`unread`: documents, notices, tickets
 * with a public update, notices with an appointment not over yet) — taken from `<hp-overview>`'s `hp-overview-unread`
 * while the overview shows (no second request), fetched otherwise — then each widget's own unread event as it fires
 * (`hp-documents-unread`, `hp-posts-unread`, `hp-tickets-unread`, detail `{count}`). Starts anew for each client,
 * signed-in user and organization ({@link SessionStore}); a failed request leaves the counts at 0 (the badge is a
 * hint; the views show their own errors).
 */
export class UnreadStore extends SessionStore {
  counts: UnreadCounts = noUnread;
  /** The counts of the overview have arrived (or are on their way) for the current user. */
  private known = false;

  /** `overviewShows`: the overview is the current view, so its event brings the counts. */
  constructor(
    host: SessionStoreHost & EventTarget,
    private readonly overviewShows: () => boolean,
  ) {
    super(host);
    const events = { 'hp-documents-unread': 'documents', 'hp-posts-unread': 'notices', 'hp-tickets-unread': 'tickets' } as const;
    for (const [type, kind] of Object.entries(events)) {
      host.addEventListener(type, (event) => this.set(kind, (event as CustomEvent<{ count?: unknown }>).detail?.count as number));
    }
    host.addEventListener('hp-overview-unread', (event) => this.take((event as CustomEvent<UnreadCounts>).detail));
  }

  async load(): Promise<void> {
    this.counts = noUnread;
    this.known = false;
    this.host.requestUpdate();
    if (!this.overviewShows()) await this.ensure();
  }

  /** Fetches the counts unless they are known already (another view than the overview shows now). */
  async ensure(): Promise<void> {
    const key = this.key;
    const [api, user] = key;
    if (this.known || !api || !user) return;
    this.known = true;
    try {
      const overview = await dataOf(api.GET('/overview'));
      if (key === this.key) this.take(overview.unread);
    } catch {
      // The counts stay at 0; the views report their own errors.
    }
  }

  /**
   * Takes one widget's count. New appointments are notices too: they cannot exceed the unread notices, so they are
   * capped when those go down (opened on the board).
   */
  set(kind: 'documents' | 'notices' | 'tickets', count: number): void {
    if (!this.key[1] || !Number.isInteger(count) || count < 0) return;
    const counts = { ...this.counts, [kind]: count };
    counts.appointments = Math.min(counts.appointments, counts.notices);
    this.counts = counts;
    this.host.requestUpdate();
  }

  private take(counts: UnreadCounts | undefined): void {
    if (!this.key[1] || !counts) return;
    this.known = true;
    this.counts = { documents: counts.documents, notices: counts.notices, tickets: counts.tickets, appointments: counts.appointments };
    this.host.requestUpdate();
  }
}

/** My units (`GET /units`, up to 200) and their properties, for the unit switcher and the owner's entries. */
export class UnitStore extends SessionStore {
  units: UnitSummary[] = [];
  properties: Property[] = [];

  async load(): Promise<void> {
    const [api, user] = this.key;
    this.units = [];
    this.properties = [];
    this.host.requestUpdate();
    if (!api || !user) return;
    const key = this.key;
    try {
      const page = await dataOf(api.GET('/units', { params: { query: { limit: 200 } } }));
      if (key !== this.key) return;
      this.units = page.items;
      this.properties = page.properties;
    } catch {
      // Without the list there is no switcher; the statement shows my first unit and its own errors.
    }
    this.host.requestUpdate();
  }

  /**
   * The unit for the statement: `current` while it is one of mine (of those I own, with `owned`: the expense accounts
   * are an owner's), else the first of them with a contract valid today, else their first; `current` while the list is
   * not there.
   */
  pick(current: string, owned = false): string {
    const units = owned ? this.units.filter((u) => u.contract.role === 'owner') : this.units;
    if (!units.length || units.some((u) => u.id === current)) return current;
    return (units.find((u) => u.active) ?? units[0]!).id;
  }

  /** The switcher's name of a unit: "Top 7", with the property's name where my units lie in several ("Top 7 · Wohnhausanlage Naschmarkt"). */
  label(unit: UnitSummary): string {
    const several = new Set(this.units.map((u) => u.propertyId)).size > 1;
    const property = several ? this.properties.find((p) => p.id === unit.propertyId) : undefined;
    return property ? `Top ${unit.top} · ${property.name}` : `Top ${unit.top}`;
  }
}
