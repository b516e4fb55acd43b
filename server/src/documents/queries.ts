import type { Knex } from 'knex';
import type { DocumentCategory, DocumentItem } from '@hausportal/api';
import type { Auth } from '../auth/middleware.ts';
import type { Ctx } from '../context.ts';
import type { TtlCache } from '../cache.ts';
import { allMyContracts, type ContractRow } from '../access/contracts.ts';
import { bool, type Db } from '../db.ts';
import { releasesReaching } from '../access/releases.ts';
import type { CursorKey } from '../http/cursor.ts';

// What the tenant side reads: the organization's category tree and "my documents", the documents of the session's
// organization that are not withdrawn and that one of their live releases reaches the session's person today
// (access/releases.ts, the one rule). Nothing is cached: a revocation or withdrawal counts from the next request.

/**
 * The person whose documents a session sees: its membership's person, unless it is a manager's (the manager side
 * is /admin; a manager reads and records nothing here) or it has none. Null sees no document.
 */
export const viewerOf = (auth: Auth): string | null => (auth.member.role === 'manager' ? null : auth.member.person_id);

interface CategoryRow {
  id: string;
  parent_id: string | null;
  name_de: string;
  name_en: string;
  sort: number;
  default_roles: DocumentCategory['defaultRoles'];
  default_notify: DocumentCategory['defaultNotify'];
  mandatory: unknown;
  sensitive: unknown;
}

/**
 * The organization's categories as a tree in depth-first order: each parent right before its children, every level
 * sorted by `sort`, then German name, then id; `depth` 1 for a top-level category. A category whose parent is
 * missing (or lies on a cycle) is left out, like everything below it.
 */
export async function categoryTree(db: Db, organizationId: string): Promise<DocumentCategory[]> {
  const rows = (await db('document_categories')
    .where('organization_id', organizationId)
    .select('id', 'parent_id', 'name_de', 'name_en', 'sort', 'default_roles', 'default_notify', 'mandatory', 'sensitive')) as CategoryRow[];
  const children = new Map<string | null, CategoryRow[]>();
  for (const row of rows) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  const order = (a: CategoryRow, b: CategoryRow) => a.sort - b.sort || a.name_de.localeCompare(b.name_de, 'de') || (a.id < b.id ? -1 : 1);
  const out: DocumentCategory[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const row of (children.get(parentId) ?? []).sort(order)) {
      out.push({
        id: row.id,
        parentId: row.parent_id,
        name: { de: row.name_de, en: row.name_en },
        sort: row.sort,
        depth,
        defaultRoles: row.default_roles,
        defaultNotify: row.default_notify,
        mandatory: bool(row.mandatory),
        sensitive: bool(row.sensitive),
      });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 1);
  return out;
}

/** The ids of category `id` and every category below it (in tree order), or null when the tree has no such id. */
export function subtreeOf(tree: DocumentCategory[], id: string): string[] | null {
  const start = tree.findIndex((c) => c.id === id);
  if (start < 0) return null;
  const depth = tree[start]!.depth;
  const end = tree.findIndex((c, i) => i > start && c.depth <= depth);
  return tree.slice(start, end < 0 ? undefined : end).map((c) => c.id);
}

/**
 * One row per document that a live release reaches me with (from access/releases.ts): `document_id`, the earliest
 * `released_at`, and one `unit_id` / `property_id` through which it does (null when none does). A subquery.
 */
function reachingGrouped(db: Db, organizationId: string, personId: string | null, today: string): Knex.QueryBuilder {
  return db
    .from(releasesReaching(db, organizationId, personId, today).as('rr'))
    .groupBy('rr.document_id')
    .select('rr.document_id', db.raw('min(rr.released_at) as released_at'), db.raw('min(rr.unit_id) as unit_id'), db.raw('min(rr.property_id) as property_id'));
}

/**
 * My documents that are not withdrawn, one row per document (joined as `d`, with `g` = how it reaches me, see
 * {@link reachingGrouped}, and `dr` = my read state), as a query to select from.
 */
export function myDocuments(db: Db, organizationId: string, personId: string | null, today: string): Knex.QueryBuilder {
  return db
    .from(reachingGrouped(db, organizationId, personId, today).as('g'))
    .join('documents as d', 'd.id', 'g.document_id')
    .where('d.organization_id', organizationId)
    .whereNull('d.withdrawn_at')
    .leftJoin('document_reads as dr', (j) => j.on('dr.document_id', '=', 'd.id').andOnVal('dr.person_id', '=', personId ?? ''));
}

/** Narrows {@link myDocuments} to the unread ones (neither seen nor opened). */
export const unread = (q: Knex.QueryBuilder): Knex.QueryBuilder => q.whereNull('dr.first_seen_at').whereNull('dr.first_opened_at');

/** One of my documents: when a release first reached me with it, and through which unit or property (null: personally). */
export interface Reaching {
  document_id: string;
  released_at: string;
  unit_id: string | null;
  property_id: string | null;
}

/** Each person's {@link Reaching} documents by organization, person and day (cache.ts `documents`). */
export type ReachingCache = TtlCache<Reaching[]>;

/**
 * My documents, as {@link myDocuments} finds them, kept like the session's contracts
 * (cache.ts `documents`, 5 s, cleared at once by a write through this server to documents, releases, their targets,
 * contracts, units, properties or memberships). For the list and its counts only: a download, an archive and a read
 * mark check the release in their own query, so a revocation counts there at once. The key holds the day.
 */
export function reachingOf(ctx: Ctx, organizationId: string, personId: string, today: string): Promise<Reaching[]> {
  const db = ctx.read;
  return ctx.documents.getOrLoad(`${organizationId}\u0000${personId}\u0000${today}`, async () =>
    (await myDocuments(db, organizationId, personId, today).orderBy('g.document_id').select('g.document_id', 'g.released_at', 'g.unit_id', 'g.property_id')) as Reaching[],
  );
}

/** The documents `ids` with their files and my read state (`d`, `f`, `dr`), not withdrawn: the list's base query. */
function listed(db: Db, organizationId: string, personId: string, ids: string[]): Knex.QueryBuilder {
  return db('documents as d')
    .join('files as f', 'f.id', 'd.file_id')
    .leftJoin('document_reads as dr', (j) => j.on('dr.document_id', '=', 'd.id').andOnVal('dr.person_id', '=', personId))
    .where('d.organization_id', organizationId)
    .whereNull('d.withdrawn_at')
    .whereIn('d.id', ids);
}

/** How many of my documents are unread. */
export async function unreadCount(ctx: Ctx, organizationId: string, personId: string | null, today: string): Promise<number> {
  if (personId === null) return 0;
  const ids = (await reachingOf(ctx, organizationId, personId, today)).map((r) => r.document_id);
  if (ids.length === 0) return 0;
  const row = (await unread(listed(ctx.read, organizationId, personId, ids)).count({ n: '*' }).first()) as { n: number | string };
  return Number(row.n);
}

/** The columns of a list row on `d`, `f` (files) and `dr` (my read state). */
export interface DocumentRow {
  id: string;
  title: string;
  category_id: string;
  document_date: string;
  period_label: string | null;
  original_name: string;
  mime: string;
  size: number | string;
  seen_at: string | null;
  opened_at: string | null;
}

/** Selects the {@link DocumentRow} columns (the query must join `files as f` and `document_reads as dr`). */
export const selectItemColumns = (db: Db, q: Knex.QueryBuilder): Knex.QueryBuilder =>
  q.select(
    'd.id', 'd.title', 'd.category_id', 'd.document_date', 'd.period_label', 'f.original_name', 'f.mime', 'f.size',
    db.raw('coalesce(dr.first_seen_at, dr.first_opened_at) as seen_at'), 'dr.first_opened_at as opened_at',
  );

export const itemOf = (r: DocumentRow, releasedAt: string, place: DocumentItem['place']): DocumentItem => ({
  id: r.id,
  title: r.title,
  categoryId: r.category_id,
  documentDate: r.document_date,
  periodLabel: r.period_label,
  fileName: r.original_name,
  mimeType: r.mime,
  size: Number(r.size),
  releasedAt,
  place,
  seenAt: r.seen_at,
  openedAt: r.opened_at,
});

export interface ListFilter {
  /** Category ids (a category and its subcategories). */
  categories?: string[];
  year?: number;
  unread?: boolean;
}

/** True (in SQL) when the document's period label is a year of four digits, e.g. "2025" (portable: no regex). */
const periodIsYear = `length(coalesce(d.period_label, '')) = 4 and ${[1, 2, 3, 4].map((i) => `substr(d.period_label, ${i}, 1) between '0' and '9'`).join(' and ')}`;

/**
 * The documents of a year: those whose period label is that year ("Betriebskostenabrechnung 2025", dated June 2026,
 * belongs to 2025), and those without a year as period label dated in it. The widget's year filter uses the same rule.
 */
export function whereInYear(q: Knex.QueryBuilder, year: number): Knex.QueryBuilder {
  return q.where((w) =>
    w
      .where((byLabel) => byLabel.whereRaw(periodIsYear).where('d.period_label', String(year)))
      .orWhere((byDate) => byDate.whereRaw(`not (${periodIsYear})`).whereBetween('d.document_date', [`${year}-01-01`, `${year}-12-31`])),
  );
}

/**
 * The place of a document reached through `unit_id` or `property_id` (as {@link reachingGrouped} gives them), from my
 * contracts (access/contracts.ts `allMyContracts`, which hold both): the unit, else the property, else none.
 */
export function placeOf(reaching: Pick<Reaching, 'unit_id' | 'property_id'> | undefined, contracts: ContractRow[]): DocumentItem['place'] {
  const contract = reaching?.unit_id
    ? contracts.find((c) => c.unit_id === reaching.unit_id)
    : reaching?.property_id
      ? contracts.find((c) => c.property_id === reaching.property_id)
      : undefined;
  if (!contract) return { propertyId: null, propertyName: null, address: null, unitId: null, top: null };
  const viaUnit = Boolean(reaching?.unit_id);
  return {
    propertyId: contract.property_id,
    propertyName: contract.property_name,
    address: `${contract.street}, ${contract.postal_code} ${contract.city}`,
    unitId: viaUnit ? contract.unit_id : null,
    top: viaUnit ? contract.top : null,
  };
}

/**
 * One page of my documents, newest document date first (then id, descending), after `cursor` = [date, id]: the
 * cached {@link reachingOf} set, then one plain query by ids (no release rule to plan per request).
 */
export async function documentPage(
  ctx: Ctx,
  auth: Auth,
  personId: string,
  today: string,
  filter: ListFilter,
  limit: number,
  cursor: CursorKey | null,
): Promise<{ items: DocumentItem[]; next: CursorKey | null }> {
  const organizationId = auth.org.id;
  const reaching = await reachingOf(ctx, organizationId, personId, today);
  if (reaching.length === 0) return { items: [], next: null };
  const byId = new Map(reaching.map((r) => [r.document_id, r]));
  const db = ctx.read;
  const q = selectItemColumns(db, listed(db, organizationId, personId, [...byId.keys()]));
  if (filter.categories) q.whereIn('d.category_id', filter.categories);
  if (filter.year !== undefined) whereInYear(q, filter.year);
  if (filter.unread) unread(q);
  if (cursor) q.whereRaw('(d.document_date < ? or (d.document_date = ? and d.id < ?))', [cursor[0]!, cursor[0]!, cursor[1]!]);
  const rows = (await q.orderBy([{ column: 'd.document_date', order: 'desc' }, { column: 'd.id', order: 'desc' }]).limit(limit + 1)) as DocumentRow[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const contracts = await allMyContracts(ctx, auth, today);
  const items = page.map((row) => {
    const reached = byId.get(row.id);
    return itemOf(row, reached?.released_at ?? '', placeOf(reached, contracts));
  });
  return { items, next: rows.length > limit && last ? [last.document_date, last.id] : null };
}
