import type { AdminThreadEntry, AdminTicketDetail, CommentVisibility, TicketAuthor, TicketField, TicketFile, TicketStatus } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { json } from '../db.ts';
import { notFound } from '../http/params.ts';
import type { ContractRole } from '../access/periods.ts';
import { visibleStatus } from '../access/tickets.ts';
import { orgVisibility, statusHistories } from '../tickets/notices.ts';
import { adminSummaries, adminTicketRows, staffName, type AdminTicketRow } from './ticket-queries.ts';

// One ticket as staff see it (GET /admin/tickets/{id} and every admin ticket write's answer): the real status, every
// comment, file and reason with its visibility, the participants, and what tenants and owners see of the status now.

interface EventRow {
  id: string;
  kind: 'status' | 'document';
  from_status: TicketStatus | null;
  to_status: TicketStatus | null;
  reason: string | null;
  reason_visibility: CommentVisibility;
  reason_code: AdminThreadEntry['reasonCode'] | null;
  waiting_until: string | null;
  document_id: string | null;
  document_title: string | null;
  actor_kind: TicketAuthor['kind'];
  actor_name: string | null;
  at: string;
}

interface CommentRow {
  id: string;
  visibility: CommentVisibility;
  author_kind: 'resident' | 'staff';
  author_name: string | null;
  body: string;
  created_at: string;
}

interface FileRow {
  id: string;
  comment_id: string | null;
  visibility: CommentVisibility;
  name: string;
  mime: string;
  size: number | string;
  thumb_file_id: string | null;
  created_at: string;
}

/** The name of whoever made a row: a resident's person (`person` column), else a staff user's name. */
const authorName = (db: Db, organizationId: string, userColumn: string, personColumn: string) =>
  db.raw(`coalesce((select n.name from persons n where n.id = ${personColumn}), (select ? from users su where su.id = ${userColumn}))`, [staffName(db, 'su', organizationId)]);

const fileOf = (f: FileRow): TicketFile => ({ id: f.id, name: f.name, mime: f.mime, size: Number(f.size), thumb: f.thumb_file_id !== null, createdAt: f.created_at });

const author = (kind: TicketAuthor['kind'], name: string | null): TicketAuthor => ({ kind, name: kind === 'system' ? null : name, me: false });

/** The thread: status changes (with the real from and to, every reason), documents and comments, oldest first. */
function threadOf(events: readonly EventRow[], comments: readonly CommentRow[], files: readonly FileRow[]): AdminThreadEntry[] {
  const thread: AdminThreadEntry[] = [];
  for (const e of events) {
    const entry: AdminThreadEntry = { id: e.id, kind: e.kind, at: e.at, author: author(e.actor_kind, e.actor_name), visibility: e.kind === 'status' ? e.reason_visibility : 'public' };
    if (e.kind === 'document') {
      entry.document = { id: e.document_id!, title: e.document_title ?? '' };
    } else {
      entry.status = e.to_status!;
      if (e.from_status !== null) entry.fromStatus = e.from_status;
      if (e.reason !== null) entry.reason = e.reason;
      if (e.reason_code !== null) entry.reasonCode = e.reason_code;
      if (e.waiting_until !== null) entry.waitingUntil = e.waiting_until;
    }
    thread.push(entry);
  }
  const filesOf = new Map<string, TicketFile[]>();
  for (const f of files) if (f.comment_id !== null) filesOf.set(f.comment_id, [...(filesOf.get(f.comment_id) ?? []), fileOf(f)]);
  for (const c of comments) {
    const entry: AdminThreadEntry = { id: c.id, kind: 'comment', at: c.created_at, author: author(c.author_kind, c.author_name), visibility: c.visibility, body: c.body };
    const attached = filesOf.get(c.id);
    if (attached) entry.files = attached;
    thread.push(entry);
  }
  return thread.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * The ticket with everything staff see (AdminTicketDetail): 404 (`notFound()`) when it is not the organization's.
 * `db` defaults to `ctx.read` (pass the transaction right after a write).
 */
export async function adminTicket(ctx: Ctx, organizationId: string, ticketId: string, db: Db = ctx.read): Promise<AdminTicketDetail> {
  const ticket = (await adminTicketRows(db, organizationId).where('t.id', ticketId).first()) as AdminTicketRow | undefined;
  if (!ticket) throw notFound();
  const [[summary], events, comments, files, participants, visibility, histories] = await Promise.all([
    adminSummaries(db, [ticket]),
    db('ticket_events as e')
      .leftJoin('documents as d', 'd.id', 'e.document_id')
      .where('e.ticket_id', ticketId)
      .where((w) => w.where('e.kind', 'status').orWhereNotNull('e.document_id'))
      .orderBy([{ column: 'e.at' }, { column: 'e.id' }])
      .select(
        'e.id', 'e.kind', 'e.from_status', 'e.to_status', 'e.reason', 'e.reason_visibility', 'e.reason_code', 'e.waiting_until', 'e.document_id',
        'd.title as document_title', 'e.actor_kind', 'e.at', { actor_name: authorName(db, organizationId, 'e.actor_user_id', 'e.actor_person_id') },
      ) as Promise<EventRow[]>,
    db('ticket_comments as c')
      .where('c.ticket_id', ticketId)
      .orderBy([{ column: 'c.created_at' }, { column: 'c.id' }])
      .select('c.id', 'c.visibility', 'c.author_kind', 'c.body', 'c.created_at', { author_name: authorName(db, organizationId, 'c.author_user_id', 'c.author_person_id') }) as Promise<CommentRow[]>,
    db('ticket_files')
      .where('ticket_id', ticketId)
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .select('id', 'comment_id', 'visibility', 'name', 'mime', 'size', 'thumb_file_id', 'created_at') as Promise<FileRow[]>,
    db('ticket_participants as pt')
      .join('persons as p', 'p.id', 'pt.person_id')
      .where('pt.ticket_id', ticketId)
      .orderBy([{ column: 'pt.joined_at' }, { column: 'p.name' }])
      .select('pt.person_id', 'p.name', 'pt.kind', 'pt.role') as Promise<{ person_id: string; name: string; kind: 'reporter' | 'affected'; role: ContractRole }[]>,
    orgVisibility(db, organizationId),
    statusHistories(db, [ticketId]),
  ]);
  const steps = histories.get(ticketId) ?? [];
  return {
    ...summary!,
    fields: json<TicketField[]>(ticket.fields, []),
    files: files.filter((f) => f.comment_id === null).map((f) => ({ ...fileOf(f), visibility: f.visibility })),
    thread: threadOf(events, comments, files),
    participants: participants.map((p) => ({ personId: p.person_id, name: p.name, kind: p.kind, role: p.role })),
    visibleStatus: { tenant: visibleStatus(visibility, 'tenant', steps), owner: visibleStatus(visibility, 'owner', steps) },
    reopenCount: Number(ticket.reopen_count),
    rating: ticket.rating === null ? null : { stars: Number(ticket.rating), ...(ticket.rating_comment ? { comment: ticket.rating_comment } : {}) },
    waitingUntil: ticket.waiting_until,
    consent: ticket.consent_version !== null && ticket.consent_at !== null ? { version: ticket.consent_version, at: ticket.consent_at } : null,
  };
}
