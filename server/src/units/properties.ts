import type { Request } from 'express';
import type { Property, PropertyContact } from '@hausportal/api';
import type { Auth } from '../auth/middleware.ts';
import type { Ctx } from '../context.ts';
import { json } from '../db.ts';
import type { ContractRow } from '../access/contracts.ts';

type Role = 'tenant' | 'owner';

interface PropertyRow {
  id: string;
  name: string;
  street: string;
  postal_code: string;
  city: string;
  country: string;
  image_url: string | null;
}

/** Where public paths like `/media/…` are served from: HP_PUBLIC_URL, else the address the request came to. */
export function publicBase(ctx: Ctx, req: Request): string {
  return ctx.config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

const absolute = (image: string | null, base: string): string | null => {
  if (!image) return null;
  try {
    return new URL(image, `${base}/`).toString();
  } catch {
    return null;
  }
};

/** The property columns of my contract rows (contracts.ts `contractsOf` selects them), by property id. */
export function propertiesOfContracts(contracts: ContractRow[]): Map<string, PropertyRow> {
  return new Map(
    contracts.map((c) => [c.property_id, { id: c.property_id, name: c.property_name, street: c.street, postal_code: c.postal_code, city: c.city, country: c.country, image_url: c.image_url }]),
  );
}

/**
 * The properties with the given ids, each with the contacts visible to my roles there (`roles` per property id),
 * in the order of the map. One query for the properties unless `known` (rows already read with my contracts, of this
 * organization) has them all; the contacts come from the organization cache (OrgDirectory.contactsOf).
 */
export async function loadProperties(ctx: Ctx, req: Request, auth: Auth, roles: Map<string, Set<Role>>, known?: Map<string, PropertyRow>): Promise<Property[]> {
  const ids = [...roles.keys()];
  if (ids.length === 0) return [];
  const haveAll = known !== undefined && ids.every((id) => known.has(id));
  const [rows, contacts] = await Promise.all([
    haveAll ? ids.map((id) => known.get(id)!) : (ctx.read('properties').whereIn('id', ids).andWhere('organization_id', auth.org.id) as Promise<PropertyRow[]>),
    ctx.orgs.contactsOf(ids),
  ]);
  const base = publicBase(ctx, req);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const mine = roles.get(id)!;
    const visible = (contacts.get(id) ?? [])
      .filter((c) => json<string[]>(c.visible_to, []).some((role) => mine.has(role as Role)))
      .map((c): PropertyContact => ({ category: c.category, name: c.name, phone: c.phone ?? null, email: c.email ?? null, officeHours: c.office_hours ?? null }));
    return [{
      id: row.id,
      organization: auth.org.slug,
      name: row.name,
      address: { street: row.street, postalCode: row.postal_code, city: row.city, country: row.country },
      imageUrl: absolute(row.image_url, base),
      contacts: visible,
    }];
  });
}

/** Property id → my contract roles there, in first-seen order. */
export function rolesByProperty(contracts: { property_id: string; role: Role }[]): Map<string, Set<Role>> {
  const map = new Map<string, Set<Role>>();
  for (const c of contracts) {
    const set = map.get(c.property_id) ?? new Set<Role>();
    set.add(c.role);
    map.set(c.property_id, set);
  }
  return map;
}
