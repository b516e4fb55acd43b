import { defaultPasswordPolicy, type EmergencyNumber, type TicketStatusVisibility, type OrganizationPublic, type PasswordPolicy, type PropertyContact, type Theme } from '@hausportal/api';
import { bool, json, type Db } from './db.ts';
import type { Caches, TtlCache } from './cache.ts';
import { dayIn, timeZoneName } from './calendar.ts';
import { statusVisibility } from './access/tickets.ts';

export interface Organization {
  id: string;
  slug: string;
  name: string;
  /** IANA time zone name, e.g. Europe/Vienna: the organization's days, months and years are counted in it (§6a). */
  timeZone: string;
  theme: Theme;
  logoUrl: string | null;
  legalLinks: OrganizationPublic['legalLinks'];
  features: Record<string, boolean>;
  allowedOrigins: string[];
  crossSite: boolean;
  passwordPolicy: PasswordPolicy;
  terms: OrganizationPublic['terms'];
  /** Per role and status: show, hide or the status shown instead (access/tickets.ts). */
  ticketStatusVisibility: TicketStatusVisibility;
  /** Shown by forms when "Notfall" is chosen. */
  emergencyNumbers: EmergencyNumber[];
}

type Row = Record<string, unknown>;

/** The zone an organization gets when its stored one is not a valid IANA name (the column's default). */
export const fallbackTimeZone = 'Europe/Vienna';
const checkedZones = new Map<string, string>();

/**
 * The stored time zone in its canonical spelling. A value Intl does not know (written to the database by hand or by
 * an import) must not take every endpoint of the organization down: it is reported once and replaced by
 * {@link fallbackTimeZone}.
 */
export function storedTimeZone(slug: string, value: unknown): string {
  const key = `${slug}\u0000${String(value)}`;
  let zone = checkedZones.get(key);
  if (zone === undefined) {
    try {
      zone = timeZoneName(String(value ?? ''));
    } catch {
      zone = fallbackTimeZone;
      console.warn(`Organization "${slug}": time_zone ${JSON.stringify(value)} is not an IANA time zone name; using ${fallbackTimeZone}.`);
    }
    checkedZones.set(key, zone);
  }
  return zone;
}

export function fromRow(row: Row): Organization {
  return {
    id: row.id as string,
    slug: row.slug as string,
    name: row.name as string,
    timeZone: storedTimeZone(row.slug as string, row.time_zone),
    theme: json(row.theme, {}),
    logoUrl: (row.logo_url as string | null) ?? null,
    legalLinks: json(row.legal_links, {}),
    features: json(row.features, {}),
    allowedOrigins: stringList(json(row.allowed_origins, [])),
    crossSite: bool(row.cross_site),
    passwordPolicy: { ...defaultPasswordPolicy, ...json<Partial<PasswordPolicy>>(row.password_policy, {}) },
    terms: { version: row.terms_version as string, text: json(row.terms_text, { de: '', en: '' }) },
    ticketStatusVisibility: statusVisibility(json(row.ticket_status_visibility, {})),
    emergencyNumbers: json(row.emergency_numbers, []),
  };
}

export async function orgBySlug(db: Db, slug: string): Promise<Organization | null> {
  const row = await db('organizations').where({ slug }).first();
  return row ? fromRow(row) : null;
}

export async function orgById(db: Db, id: string): Promise<Organization | null> {
  const row = await db('organizations').where({ id }).first();
  return row ? fromRow(row) : null;
}

/** Every origin some organization allows (for CORS). */
export async function allAllowedOrigins(db: Db): Promise<Set<string>> {
  const rows = await db('organizations').select('allowed_origins');
  return new Set(rows.flatMap((r: Row) => json<string[]>(r.allowed_origins, [])));
}

/** A row of property_contacts: who a tenant or owner of the property can reach, and for which roles. */
export interface PropertyContactRow {
  property_id: string;
  category: PropertyContact['category'];
  name: string;
  phone: string | null;
  email: string | null;
  /** When the contact can be reached, as the manager wrote it (e.g. "Mo–Do 8–12 Uhr"); null: not given. */
  office_hours: string | null;
  /** JSON list of roles (tenant, owner). */
  visible_to: string;
}

/**
 * Organizations as the requests need them, from memory: read once per {@link cacheSeconds}.organizations (30 s) and
 * re-read at once after a write to the organizations table through this server (cache.ts `watchWrites`).
 */
export class OrgDirectory {
  readonly #orgs: TtlCache<Organization | null>;
  readonly #origins: TtlCache<Set<string>>;
  readonly #contacts: TtlCache<PropertyContactRow[]>;

  constructor(
    private readonly db: Db,
    caches: Caches,
  ) {
    this.#orgs = caches.create('organizations');
    this.#origins = caches.create('organizations');
    this.#contacts = caches.create('organizations');
  }

  /**
   * The contact rows (property_contacts: category, name, phone, email, visible_to) of each property, in the manager's
   * order; one query for those not cached.
   */
  async contactsOf(propertyIds: string[]): Promise<Map<string, PropertyContactRow[]>> {
    const result = new Map<string, PropertyContactRow[]>();
    const missing: string[] = [];
    for (const id of propertyIds) {
      const cached = this.#contacts.get(id);
      if (cached) result.set(id, cached);
      else missing.push(id);
    }
    if (missing.length === 0) return result;
    const generation = this.#contacts.generation;
    const rows: PropertyContactRow[] = await this.db('property_contacts').whereIn('property_id', missing).orderBy('property_id').orderBy('position').orderBy('id');
    for (const id of missing) result.set(id, this.#contacts.set(id, rows.filter((r) => r.property_id === id), generation));
    return result;
  }

  bySlug(slug: string): Promise<Organization | null> {
    return this.#orgs.getOrLoad(`slug:${slug}`, () => orgBySlug(this.db, slug));
  }

  byId(id: string): Promise<Organization | null> {
    return this.#orgs.getOrLoad(`id:${id}`, () => orgById(this.db, id));
  }

  /** Every origin some organization allows (for CORS). */
  allowedOrigins(): Promise<Set<string>> {
    return this.#origins.getOrLoad('all', () => allAllowedOrigins(this.db));
  }
}

/** What anyone may read about the organization, with the server's clock `now` and the organization's day then. */
export function toPublic(org: Organization, now: Date): OrganizationPublic {
  return {
    slug: org.slug,
    name: org.name,
    timeZone: org.timeZone,
    now: now.toISOString(),
    today: dayIn(now, org.timeZone),
    logoUrl: org.logoUrl,
    theme: org.theme,
    legalLinks: org.legalLinks,
    features: org.features,
    passwordPolicy: org.passwordPolicy,
    terms: org.terms,
  };
}

/** The strings of a stored list; anything else (a row written by hand with a string, an object, a number) counts as none. */
function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
