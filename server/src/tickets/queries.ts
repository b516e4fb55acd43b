import type { Knex } from 'knex';
import type { TicketStatus, TicketSummary } from '@hausportal/api';
import type { Db } from '../db.ts';
import { bool } from '../db.ts';
import type { Organization } from '../organizations.ts';
import type { ContractRole } from '../access/periods.ts';
import { openStatuses, visibleHistory, type StatusStep, type VisibleStep } from '../access/tickets.ts';
import { formVersionsById, labelsOrKeys, type FormVersion } from '../forms/versions.ts';

// What the resident side reads of tickets (migration 009), as plain rows: the ticket with its place, the reader's
// participant row, the history events and the public comments. Nothing here selects an internal comment, an internal
// file or an internal reason: resident queries filter `visibility = 'public'` in SQL, and reasons come through
// `publicReason`. The status a resident gets is always the visible one (access/tickets.ts), never `tickets.status`.

/** A ticket row with its place (property street, unit Top). `status` is the real one: never send it to a resident. */
export interface TicketRow {
  id: string;
  organization_id: string;
  number: string;
  form_id: string;
  form_key: string;
  unit_id: string | null;
  property_id: string | null;
  reporter_person_id: string | null;
  subject: string;
  location: string | null;
  category: string | null;
  problem: string | null;
  urgency: string | null;
  shared: unknown;
  fields: string;
  status: TicketStatus;
  rating: number | null;
  rating_comment: string | null;
  created_at: string;
  street: string | null;
  top: string | null;
}

/** A participant of a ticket (`ticket_participants`). */
export interface ParticipantRow {
  ticket_id: string;
  person_id: string;
  kind: 'reporter' | 'affected';
  role: ContractRole;
  joined_at: string;
  last_read_at: string | null;
}

const ticketColumns = [
  't.id', 't.organization_id', 't.number', 't.form_id', 't.form_key', 't.unit_id', 't.property_id', 't.reporter_person_id', 't.subject', 't.location', 't.category',
  't.problem', 't.urgency', 't.shared', 't.fields', 't.status', 't.rating', 't.rating_comment', 't.created_at', 'p.street', 'u.top',
];

/** Tickets (`t`) of the organization joined with their property (`p`) and unit (`u`), selecting {@link TicketRow}. */
export function ticketsWithPlace(db: Db, organizationId: string): Knex.QueryBuilder {
  return db('tickets as t')
    .leftJoin('properties as p', 'p.id', 't.property_id')
    .leftJoin('units as u', 'u.id', 't.unit_id')
    .where('t.organization_id', organizationId)
    .select(ticketColumns);
}

/** The tickets `personId` follows in the organization, with his participant row (`pt_*` columns). */
export function myTicketRows(db: Db, organizationId: string, personId: string): Knex.QueryBuilder {
  return ticketsWithPlace(db, organizationId)
    .join('ticket_participants as pt', 'pt.ticket_id', 't.id')
    .where('pt.person_id', personId)
    .select('pt.kind as pt_kind', 'pt.role as pt_role', 'pt.joined_at as pt_joined_at', 'pt.last_read_at as pt_last_read_at');
}

type JoinedRow = TicketRow & { pt_kind: ParticipantRow['kind']; pt_role: ContractRole; pt_joined_at: string; pt_last_read_at: string | null };

/** A ticket as one person reads it: with his participant row, or none (a candidate he may join) and the role he would see it with. */
export interface ViewerTicket {
  ticket: TicketRow;
  participant: ParticipantRow | null;
  role: ContractRole;
}

/** Splits rows of {@link myTicketRows} into {@link ViewerTicket}s. */
export function viewerTickets(rows: readonly JoinedRow[], personId: string): ViewerTicket[] {
  return rows.map(({ pt_kind, pt_role, pt_joined_at, pt_last_read_at, ...ticket }) => ({
    ticket,
    participant: { ticket_id: ticket.id, person_id: personId, kind: pt_kind, role: pt_role, joined_at: pt_joined_at, last_read_at: pt_last_read_at },
    role: pt_role,
  }));
}

/** My tickets in the organization as {@link ViewerTicket}s; `ids` narrows them. */
export async function myTickets(db: Db, organizationId: string, personId: string, ids?: readonly string[]): Promise<ViewerTicket[]> {
  const q = myTicketRows(db, organizationId, personId);
  if (ids) q.whereIn('t.id', ids);
  return viewerTickets((await q) as JoinedRow[], personId);
}

/**
 * A history event a resident may know of: every status change (its reason only when public, `reason` null
 * otherwise) and every release of a document that is not withdrawn.
 */
export interface EventRow {
  id: string;
  ticket_id: string;
  kind: 'status' | 'document';
  to_status: TicketStatus | null;
  reason: string | null;
  reason_code: 'withdrawn' | 'confirmed' | 'reopened' | 'auto_closed' | null;
  waiting_until: string | null;
  actor_kind: 'resident' | 'staff' | 'system';
  actor_user_id: string | null;
  actor_person_id: string | null;
  document_id: string | null;
  document_title: string | null;
  at: string;
}

/** The events of `ticketIds` as {@link EventRow}s, oldest first. */
export async function ticketEvents(db: Db, ticketIds: readonly string[]): Promise<EventRow[]> {
  if (ticketIds.length === 0) return [];
  return (await db('ticket_events as e')
    .leftJoin('documents as d', 'd.id', 'e.document_id')
    .whereIn('e.ticket_id', ticketIds)
    .where((w) => w.where('e.kind', 'status').orWhere((d) => d.where('e.kind', 'document').whereNotNull('d.id').whereNull('d.withdrawn_at')))
    .orderBy([{ column: 'e.at' }, { column: 'e.id' }])
    .select(
      'e.id', 'e.ticket_id', 'e.kind', 'e.to_status', 'e.reason_code', 'e.waiting_until', 'e.actor_kind', 'e.actor_user_id', 'e.actor_person_id', 'e.at',
      'e.document_id', 'd.title as document_title',
      db.raw("case when e.reason_visibility = 'public' then e.reason end as reason"),
    )) as EventRow[];
}

/** A public comment (`ticket_comments` with visibility public). */
export interface CommentRow {
  id: string;
  ticket_id: string;
  author_kind: 'resident' | 'staff';
  author_user_id: string | null;
  author_person_id: string | null;
  body: string;
  created_at: string;
}

/** The public comments of one ticket, oldest first. Internal comments are never selected. */
export async function publicComments(db: Db, ticketId: string): Promise<CommentRow[]> {
  return (await db('ticket_comments')
    .where({ ticket_id: ticketId, visibility: 'public' })
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .select('id', 'ticket_id', 'author_kind', 'author_user_id', 'author_person_id', 'body', 'created_at')) as CommentRow[];
}

/** Something in a ticket's thread other than a status change: when, and whether the reader wrote it. */
export interface Activity {
  at: string;
  mine: boolean;
}

/**
 * Per ticket, the latest public comment by the person and the latest by anyone else (enough for "changed" and
 * "unread"), as {@link Activity} lists. One grouped query; internal comments are never selected.
 */
async function commentActivity(db: Db, ticketIds: readonly string[], personId: string): Promise<Map<string, Activity[]>> {
  const out = new Map<string, Activity[]>();
  if (ticketIds.length === 0) return out;
  const rows = (await db('ticket_comments')
    .whereIn('ticket_id', ticketIds)
    .where('visibility', 'public')
    .groupBy('ticket_id')
    .select(
      'ticket_id',
      db.raw('max(case when author_person_id = ? then created_at end) as mine', [personId]),
      db.raw('max(case when author_person_id is null or author_person_id <> ? then created_at end) as other', [personId]),
    )) as { ticket_id: string; mine: string | null; other: string | null }[];
  for (const row of rows) {
    const list: Activity[] = [];
    if (row.mine) list.push({ at: row.mine, mine: true });
    if (row.other) list.push({ at: row.other, mine: false });
    out.set(row.ticket_id, list);
  }
  return out;
}

/** Persons who joined each ticket as affected. */
export async function affectedCounts(db: Db, ticketIds: readonly string[]): Promise<Map<string, number>> {
  if (ticketIds.length === 0) return new Map();
  const rows = (await db('ticket_participants')
    .whereIn('ticket_id', ticketIds)
    .where('kind', 'affected')
    .groupBy('ticket_id')
    .select('ticket_id', db.raw('count(*) as n'))) as { ticket_id: string; n: number | string }[];
  return new Map(rows.map((r) => [r.ticket_id, Number(r.n)]));
}

/** '"<street>, Top <top>"', or the street for a ticket on a common area. */
export const placeOf = (t: Pick<TicketRow, 'street' | 'top'>): string => (t.top ? `${t.street ?? ''}, Top ${t.top}` : (t.street ?? ''));

/**
 * The place as `personId` may read it: a building-wide ticket shows neighbours (and persons who joined it) only the
 * street, never the reporter's flat; its reporter sees his Top.
 */
export const placeFor = (t: Pick<TicketRow, 'street' | 'top' | 'shared' | 'reporter_person_id'>, personId: string): string =>
  bool(t.shared) && t.reporter_person_id !== personId ? (t.street ?? '') : placeOf(t);

/** Whether an event was made by `personId` himself. */
export const eventIsMine = (e: Pick<EventRow, 'actor_kind' | 'actor_person_id'>, personId: string): boolean => e.actor_kind === 'resident' && e.actor_person_id === personId;

/** The status steps of a ticket's events as access/tickets.ts takes them (with the event row at hand). */
export const statusSteps = (events: readonly EventRow[]): StatusStep[] =>
  events.filter((e) => e.kind === 'status' && e.to_status !== null).map((e) => ({ id: e.id, to: e.to_status!, at: e.at }));

/** A summary with what the list needs beside it: the visible history (its last step decides the tab). */
export interface SummaryState {
  summary: TicketSummary;
  history: VisibleStep[];
}

/**
 * The summary of one ticket for one reader: the status his role sees (never the real one), the last change he may
 * see, unread when something he may see and did not write came after he last read it (or, before that, after he
 * joined: a ticket I sent is read), labels from its form version.
 */
export function summaryOf(org: Organization, personId: string, v: ViewerTicket, events: readonly EventRow[], activity: readonly Activity[], affected: number, form: FormVersion | undefined): SummaryState {
  const { ticket, participant } = v;
  const history = visibleHistory(org.ticketStatusVisibility, v.role, statusSteps(events));
  const byId = new Map(events.map((e) => [e.id, e]));
  const seen: Activity[] = [
    ...history.map((s) => ({ at: s.at, mine: eventIsMine(byId.get(s.id)!, personId) })),
    ...events.filter((e) => e.kind === 'document').map((e) => ({ at: e.at, mine: false })),
    ...activity,
  ];
  const changedAt = seen.reduce((last, a) => (a.at > last ? a.at : last), ticket.created_at);
  const readUpTo = participant ? (participant.last_read_at ?? participant.joined_at) : null;
  const labels = labelsOrKeys(form, ticket);
  const summary: TicketSummary = {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    form: labels.form,
    category: labels.category,
    location: labels.location,
    status: history.at(-1)?.shown ?? 'new',
    place: placeFor(ticket, personId),
    shared: bool(ticket.shared),
    affected: participant?.kind === 'affected',
    affectedCount: affected,
    createdAt: ticket.created_at,
    changedAt,
    unread: readUpTo !== null && seen.some((a) => !a.mine && a.at > readUpTo),
  };
  return { summary, history };
}

/**
 * Summaries with their visible history for tickets read by `personId` (participant or not, see {@link ViewerTicket}),
 * in the order given: four queries for any number of tickets (events, comment activity, affected counts, form
 * versions — the last usually from memory).
 */
export async function summaryStates(db: Db, org: Organization, personId: string, tickets: readonly ViewerTicket[]): Promise<SummaryState[]> {
  const ids = tickets.map((v) => v.ticket.id);
  const [events, activity, counts, forms] = await Promise.all([
    ticketEvents(db, ids),
    commentActivity(db, ids, personId),
    affectedCounts(db, ids),
    formVersionsById(db, tickets.map((v) => v.ticket.form_id)),
  ]);
  const eventsOf = new Map<string, EventRow[]>();
  for (const e of events) {
    const list = eventsOf.get(e.ticket_id);
    if (list) list.push(e);
    else eventsOf.set(e.ticket_id, [e]);
  }
  return tickets.map((v) =>
    summaryOf(org, personId, v, eventsOf.get(v.ticket.id) ?? [], activity.get(v.ticket.id) ?? [], counts.get(v.ticket.id) ?? 0, forms.get(v.ticket.form_id)),
  );
}

/** TicketSummary for each ticket as `personId` reads it (e.g. the duplicates offered before sending a form). */
export async function ticketSummaries(db: Db, org: Organization, personId: string, tickets: readonly ViewerTicket[]): Promise<TicketSummary[]> {
  return (await summaryStates(db, org, personId, tickets)).map((s) => s.summary);
}

/** Every ticket `personId` follows in the organization, summarized for him (five queries, whatever their number). */
export async function myTicketStates(db: Db, org: Organization, personId: string): Promise<SummaryState[]> {
  return summaryStates(db, org, personId, await myTickets(db, org.id, personId));
}

/** The tab of the resident's list: `open`, `done`, `archive`. */
export type TicketTab = 'open' | 'done' | 'archive';

/** Days a closed or rejected ticket stays in `done` after its last visible status change before it goes to `archive`. */
export const archiveAfterDays = 30;

/**
 * The tab a ticket belongs in, by the status the reader sees: new, in_progress, waiting → open; done → done;
 * closed, rejected → done for {@link archiveAfterDays} days after that visible step, archive after.
 */
export function tabOf(state: SummaryState, now: Date): TicketTab {
  const status = state.summary.status;
  if (openStatuses.has(status)) return 'open';
  if (status === 'done') return 'done';
  const since = state.history.at(-1)?.at ?? state.summary.createdAt;
  return Date.parse(since) >= now.getTime() - archiveAfterDays * 86_400_000 ? 'done' : 'archive';
}

/** Newest change first, then id descending: the order of the resident's list. */
const newestChangeFirst = (a: TicketSummary, b: TicketSummary): number =>
  a.changedAt !== b.changedAt ? (a.changedAt < b.changedAt ? 1 : -1) : a.id < b.id ? 1 : -1;

/**
 * One tab of the resident's list (GET /tickets `tab`): the summaries of `states` in `tab` at `now`
 * ({@link tabOf}), newest change first, then id descending.
 */
export function ticketsInTab(states: readonly SummaryState[], tab: TicketTab, now: Date): TicketSummary[] {
  return states.filter((s) => tabOf(s, now) === tab).map((s) => s.summary).sort(newestChangeFirst);
}
