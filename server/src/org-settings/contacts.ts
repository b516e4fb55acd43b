import type { AdminPropertyContact, AdminPropertyContacts, AdminPropertyList } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import { json, type Db } from '../db.ts';
import { newId } from '../ids.ts';
import { recordAudit, type Actor } from '../admin/audit.ts';
import { notFoundProblem, validationProblem, type ContractViolation } from '../http/problems.ts';
import { featureRoles } from '../access/features.ts';
import { oneLineProblem } from './rules.ts';

// The contact persons of a property (property_contacts: Sachbearbeiter, Buchhaltung, Hausmeister) as the manager
// keeps them: in order, with office hours, each visible to tenants, owners or both. The residents see those for their
// role (units/properties.ts loadProperties through the organization cache, which a write here clears).

interface ContactRow {
  category: AdminPropertyContact['category'];
  name: string;
  phone: string | null;
  email: string | null;
  office_hours: string | null;
  visible_to: string;
}

/** The roles in a fixed order (tenant, owner), each once. */
const orderedRoles = (roles: readonly string[]): AdminPropertyContact['visibleTo'] => featureRoles.filter((r) => roles.includes(r));

const toContact = (row: ContactRow): AdminPropertyContact => ({
  category: row.category,
  name: row.name,
  phone: row.phone ?? null,
  email: row.email ?? null,
  officeHours: row.office_hours ?? null,
  visibleTo: orderedRoles(json<string[]>(row.visible_to, [])),
});

/** A text as stored: trimmed, and null when blank. */
const optional = (text: string | null): string | null => (text === null || text.trim() === '' ? null : text.trim());

/** A contact as stored: trimmed texts, blank ones null, the roles in order. */
const normalized = (c: AdminPropertyContact): AdminPropertyContact => ({
  category: c.category,
  name: c.name.trim(),
  phone: optional(c.phone),
  email: optional(c.email),
  officeHours: optional(c.officeHours),
  visibleTo: orderedRoles(c.visibleTo),
});

/** The organization's properties (openapi.yaml AdminPropertyList: id, name, address), by name. */
export async function listProperties(db: Db, organizationId: string): Promise<AdminPropertyList> {
  const rows = await db('properties').where({ organization_id: organizationId }).orderBy('name').orderBy('id').select('id', 'name', 'street', 'postal_code', 'city', 'country');
  return { items: rows.map((r: Record<string, string>) => ({ id: r.id!, name: r.name!, address: { street: r.street!, postalCode: r.postal_code!, city: r.city!, country: r.country! } })) };
}

/** 404 `not_found` unless `propertyId` is a property of the organization (another organization's is like none). */
async function checkProperty(db: Db, organizationId: string, propertyId: string, lock = false): Promise<void> {
  const q = db('properties').where({ id: propertyId, organization_id: organizationId });
  if (lock) q.forUpdate();
  if (!(await q.first('id'))) throw notFoundProblem();
}

async function contactRows(db: Db, propertyId: string): Promise<AdminPropertyContact[]> {
  const rows = (await db('property_contacts').where({ property_id: propertyId }).orderBy('position').orderBy('id').select('category', 'name', 'phone', 'email', 'office_hours', 'visible_to')) as ContactRow[];
  return rows.map(toContact);
}

/** The contacts of the organization's property `propertyId` in their order (AdminPropertyContacts); 404 otherwise. */
export async function readContacts(db: Db, organizationId: string, propertyId: string): Promise<AdminPropertyContacts> {
  await checkProperty(db, organizationId, propertyId);
  return { items: await contactRows(db, propertyId) };
}

/** What is wrong with contacts of the schema's shape beyond it: name and office hours one line each (JSON pointers). */
export function contactsProblems(body: AdminPropertyContacts): ContractViolation[] {
  return body.items.flatMap((c, i) => {
    const problems: ContractViolation[] = [];
    const name = oneLineProblem(c.name, 'The name');
    if (name) problems.push({ field: `/items/${i}/name`, keyword: 'line', message: name });
    const hours = c.officeHours === null || c.officeHours.trim() === '' ? null : oneLineProblem(c.officeHours, 'The office hours');
    if (hours) problems.push({ field: `/items/${i}/officeHours`, keyword: 'line', message: hours });
    return problems;
  });
}

/**
 * Replaces the contacts of the organization's property `propertyId` by `body.items` (their order is kept as
 * `position`) in one transaction that locks the property row, and returns them as stored. 404 for another
 * organization's property, 400 for {@link contactsProblems}. Audited as `property.contacts_updated` by `actor` with
 * `{before, after}`; nothing is written or audited when the contacts stay the same.
 */
export async function replaceContacts(db: Db, ctx: Pick<Ctx, 'clock'>, organizationId: string, propertyId: string, body: AdminPropertyContacts, actor: Actor): Promise<AdminPropertyContacts> {
  const problems = contactsProblems(body);
  if (problems.length > 0) throw validationProblem(`The contacts cannot be saved: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  const after = body.items.map(normalized);
  return db.transaction(async (trx) => {
    await checkProperty(trx, organizationId, propertyId, true);
    const before = await contactRows(trx, propertyId);
    if (JSON.stringify(before) === JSON.stringify(after)) return { items: before };
    await trx('property_contacts').where({ property_id: propertyId }).delete();
    const rows = after.map((c, position) => ({
      id: newId(), property_id: propertyId, position, category: c.category, name: c.name, phone: c.phone, email: c.email, office_hours: c.officeHours, visible_to: JSON.stringify(c.visibleTo),
    }));
    if (rows.length > 0) await trx('property_contacts').insert(rows);
    await recordAudit(trx, ctx, { organizationId, actor, action: 'property.contacts_updated', entityType: 'property', entityId: propertyId, detail: { before, after } });
    return { items: after };
  });
}
