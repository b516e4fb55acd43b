import { defaultPasswordPolicy, type OrganizationPublic, type PasswordPolicy, type Theme } from '@hausportal/api';
import { bool, json, type Db } from './db.ts';
import { dayIn } from './calendar.ts';

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
  ticketStatusVisibility: Record<string, string[]>;
}

type Row = Record<string, unknown>;

export function fromRow(row: Row): Organization {
  return {
    id: row.id as string,
    slug: row.slug as string,
    name: row.name as string,
    timeZone: row.time_zone as string,
    theme: json(row.theme, {}),
    logoUrl: (row.logo_url as string | null) ?? null,
    legalLinks: json(row.legal_links, {}),
    features: json(row.features, {}),
    allowedOrigins: json(row.allowed_origins, []),
    crossSite: bool(row.cross_site),
    passwordPolicy: { ...defaultPasswordPolicy, ...json<Partial<PasswordPolicy>>(row.password_policy, {}) },
    terms: { version: row.terms_version as string, text: json(row.terms_text, { de: '', en: '' }) },
    ticketStatusVisibility: json(row.ticket_status_visibility, {}),
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
