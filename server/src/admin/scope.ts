import type { Db } from '../db.ts';
import { HttpProblem } from '../http/problems.ts';
import { notFound } from '../http/params.ts';

// Everything a manager names is looked up inside the session's organization: an id of another organization answers
// 404, exactly like one that does not exist (DESIGN §5).

/** 404 naming the field that holds the unknown id(s). */
export const unknownIds = (field: string, what: string): HttpProblem =>
  new HttpProblem(404, 'not_found', `There is no such ${what}.`, { errors: [{ field, code: 'not_found', message: `Not a ${what} of this organization.` }] });

export interface DocumentRow {
  id: string;
  category_id: string;
  title: string;
  document_date: string;
  period_label: string | null;
  created_at: string;
  withdrawn_at: string | null;
  /** Of its file: the client's name, the sniffed type, bytes, SHA-256 (hex). */
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
}

/** The organization's documents with their files' columns, as {@link DocumentRow}s. */
export function documentsOf(db: Db, organizationId: string) {
  return db('documents as d')
    .join('files as f', 'f.id', 'd.file_id')
    .where('d.organization_id', organizationId)
    .select('d.id', 'd.category_id', 'd.title', 'd.document_date', 'd.period_label', 'd.created_at', 'd.withdrawn_at', 'f.original_name as file_name', 'f.mime', 'f.size', 'f.sha256');
}

/** The organization's document `id`, or 404. */
export async function documentOf(db: Db, organizationId: string, id: string): Promise<DocumentRow> {
  const row = (await documentsOf(db, organizationId).where('d.id', id).first()) as DocumentRow | undefined;
  if (!row) throw notFound();
  return row;
}

export interface CategoryRow {
  id: string;
  parent_id: string | null;
  name_de: string;
  name_en: string;
  default_roles: 'tenant' | 'owner' | 'both';
  default_notify: 'immediate' | 'digest' | 'none';
}

const categoryColumns = ['id', 'parent_id', 'name_de', 'name_en', 'default_roles', 'default_notify'];

/** The organization's categories (for the bulk import's names and paths). */
export async function categoriesOf(db: Db, organizationId: string): Promise<CategoryRow[]> {
  return (await db('document_categories').where({ organization_id: organizationId }).select(categoryColumns)) as CategoryRow[];
}

/** The organization's category `id`, or 404 naming `field`. */
export async function categoryOf(db: Db, organizationId: string, id: string, field: string): Promise<CategoryRow> {
  const row = (await db('document_categories').where({ id, organization_id: organizationId }).first(categoryColumns)) as CategoryRow | undefined;
  if (!row) throw unknownIds(field, 'category');
  return row;
}

/** Persons, units and properties: the query that finds those of `ids` belonging to the organization. */
const owned = {
  person: (db: Db, organizationId: string, ids: string[]) => db('persons').where('organization_id', organizationId).whereIn('id', ids).select('id'),
  unit: (db: Db, organizationId: string, ids: string[]) =>
    db('units as u').join('properties as p', 'p.id', 'u.property_id').where('p.organization_id', organizationId).whereIn('u.id', ids).select('u.id'),
  property: (db: Db, organizationId: string, ids: string[]) => db('properties').where('organization_id', organizationId).whereIn('id', ids).select('id'),
};

/** Throws 404 naming `field` unless every one of `ids` is a `kind` of the organization. */
export async function requireOwned(db: Db, organizationId: string, kind: keyof typeof owned, ids: string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(((await owned[kind](db, organizationId, ids)) as { id: string }[]).map((r) => r.id));
  if (ids.some((id) => !found.has(id))) throw unknownIds(field, kind);
}
