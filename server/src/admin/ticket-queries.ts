import type { Knex } from 'knex';
import type { AdminTicketPage, AdminTicketSummary, TicketStatus } from '@hausportal/api';
import type { Db } from '../db.ts';
import { bool } from '../db.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { formVersionsById, labelsOrKeys } from '../forms/versions.ts';
import { affectedCounts } from '../tickets/queries.ts';

// What staff read of tickets (migration 009): every ticket of the organization with its real status, place, reporter
// and assignee. Staff see everything; the resident side reads through tickets/queries.ts instead.

/** A ticket row as staff read it, with its property, unit, reporter and assignee. */
export interface AdminTicketRow {
  id: string;
  number: string;
  form_id: string;
  form_key: string;
  subject: string;
  status: TicketStatus;
  location: string | null;
  category: string | null;
  problem: string | null;
  urgency: string | null;
  source: AdminTicketSummary['source'];
  shared: unknown;
  fields: string;
  waiting_until: string | null;
  reopen_count: number | string;
  rating: number | string | null;
  rating_comment: string | null;
  consent_version: string | null;
  consent_at: string | null;
  created_at: string;
  updated_at: string;
  resident_activity_at: string | null;
  staff_read_at: string | null;
  property_id: string | null;
  property_name: string | null;
  unit_id: string | null;
  unit_top: string | null;
  reporter_person_id: string | null;
  reporter_name: string | null;
  assignee_user_id: string | null;
  assignee_name: string | null;
}

/** Name of a staff user (`users as <user>`) in the organization: his membership's person, else his user name. */
export function staffName(db: Db, user: string, organizationId: string): Knex.Raw {
  return db.raw(`coalesce((select sp.name from memberships sm join persons sp on sp.id = sm.person_id where sm.user_id = ${user}.id and sm.organization_id = ?), ${user}.username)`, [organizationId]);
}

/** The organization's tickets (`t`) as {@link AdminTicketRow}s. */
export function adminTicketRows(db: Db, organizationId: string): Knex.QueryBuilder {
  return db('tickets as t')
    .leftJoin('properties as p', 'p.id', 't.property_id')
    .leftJoin('units as u', 'u.id', 't.unit_id')
    .leftJoin('persons as rp', 'rp.id', 't.reporter_person_id')
    .leftJoin('users as au', 'au.id', 't.assignee_user_id')
    .where('t.organization_id', organizationId)
    .select(
      't.id', 't.number', 't.form_id', 't.form_key', 't.subject', 't.status', 't.location', 't.category', 't.problem', 't.urgency', 't.source', 't.shared',
      't.fields', 't.waiting_until', 't.reopen_count', 't.rating', 't.rating_comment', 't.consent_version', 't.consent_at', 't.created_at', 't.updated_at',
      't.resident_activity_at', 't.staff_read_at', 't.property_id', 'p.name as property_name', 't.unit_id', 'u.top as unit_top', 't.reporter_person_id',
      'rp.name as reporter_name', 't.assignee_user_id', { assignee_name: staffName(db, 'au', organizationId) },
    );
}

/** Resident comments or files after staff last opened the ticket. */
const isUnread = (t: Pick<AdminTicketRow, 'resident_activity_at' | 'staff_read_at'>): boolean =>
  t.resident_activity_at !== null && (t.staff_read_at === null || t.resident_activity_at > t.staff_read_at);

/** AdminTicketSummary of each row, in order: labels from the rows' form versions, affected counts in one query. */
export async function adminSummaries(db: Db, rows: readonly AdminTicketRow[]): Promise<AdminTicketSummary[]> {
  const [forms, counts] = await Promise.all([formVersionsById(db, rows.map((r) => r.form_id)), affectedCounts(db, rows.map((r) => r.id))]);
  return rows.map((t) => {
    const form = forms.get(t.form_id);
    const labels = labelsOrKeys(form, t);
    return {
      id: t.id,
      number: t.number,
      subject: t.subject,
      status: t.status,
      form: labels.form,
      category: labels.category,
      location: labels.location,
      problem: labels.problem,
      urgency: labels.urgency,
      property: t.property_id && t.property_name !== null ? { id: t.property_id, name: t.property_name } : null,
      unit: t.unit_id && t.unit_top !== null ? { id: t.unit_id, top: t.unit_top } : null,
      reporter: t.reporter_person_id && t.reporter_name !== null ? { personId: t.reporter_person_id, name: t.reporter_name } : null,
      assignee: t.assignee_user_id && t.assignee_name !== null ? { id: t.assignee_user_id, name: t.assignee_name } : null,
      source: t.source,
      shared: bool(t.shared),
      affectedCount: counts.get(t.id) ?? 0,
      createdAt: t.created_at,
      updatedAt: t.updated_at,
      unread: isUnread(t),
    };
  });
}

/** Filters of GET /admin/tickets. */
export interface AdminTicketFilter {
  status?: TicketStatus;
  category?: string;
  propertyId?: string;
  unread?: boolean;
}

/**
 * One page of the organization's tickets, the latest updated first (then by id, descending), after `cursor` (the
 * previous page's `nextCursor`; 400 when it is not one).
 */
export async function adminTicketPage(db: Db, organizationId: string, filter: AdminTicketFilter, limit: number, cursor: unknown): Promise<AdminTicketPage> {
  const key = decodeCursor(cursor, ['string', 'string']);
  const q = adminTicketRows(db, organizationId);
  if (filter.status) q.where('t.status', filter.status);
  if (filter.category) q.where('t.category', filter.category);
  if (filter.propertyId) q.where('t.property_id', filter.propertyId);
  if (filter.unread === true) q.whereNotNull('t.resident_activity_at').where((w) => w.whereNull('t.staff_read_at').orWhereRaw('t.resident_activity_at > t.staff_read_at'));
  if (filter.unread === false) q.where((w) => w.whereNull('t.resident_activity_at').orWhereRaw('t.resident_activity_at <= t.staff_read_at'));
  if (key) q.where((w) => w.where('t.updated_at', '<', key[0]!).orWhere((same) => same.where('t.updated_at', key[0]!).where('t.id', '<', key[1]!)));
  const rows = (await q.orderBy([{ column: 't.updated_at', order: 'desc' }, { column: 't.id', order: 'desc' }]).limit(limit + 1)) as AdminTicketRow[];
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: await adminSummaries(db, page), nextCursor: more && last ? encodeCursor([last.updated_at, last.id]) : null };
}
