import type { FormDefinition, NotifyMode, TicketField, TicketStatus, TicketStatusVisibility } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { newId } from '../ids.ts';
import { statusVisibility, visibleStatus, type StatusStep } from '../access/tickets.ts';
import type { ContractRole } from '../access/periods.ts';
import { chunks } from '../notifications/jobs.ts';
import { recipients, type NotificationRow } from '../notifications/notices.ts';
import { storeNotifications, type NewNotification } from '../notifications/notify.ts';
import { newTicketMail, type MailLocale, type NewTicketMailInput, type NoticeItem } from '../notifications/texts.ts';

// Notifications about tickets: kind `ticket_status` (entity: the status event) when the status a participant sees
// changes, kind `ticket_comment` (entity: the comment) when a public comment is written. A participant's channel is
// his own choice (users.notify_mode): immediate, digest or none. The mail names the ticket and the status the
// recipient's role sees (access/tickets.ts), never the real one, and never a reason.

/** The statuses as residents read them, per language. */
export const statusLabels: Readonly<Record<TicketStatus, { de: string; en: string }>> = {
  new: { de: 'Neu', en: 'New' },
  in_progress: { de: 'In Bearbeitung', en: 'In progress' },
  waiting: { de: 'Wartend', en: 'Waiting' },
  done: { de: 'Erledigt', en: 'Done' },
  closed: { de: 'Abgeschlossen', en: 'Closed' },
  rejected: { de: 'Abgelehnt', en: 'Rejected' },
};

const channelOf = (mode: NotifyMode): 'immediate' | 'digest' | null => (mode === 'none' ? null : mode);

/** The organization's status visibility, as stored now. */
export async function orgVisibility(db: Db, organizationId: string): Promise<TicketStatusVisibility> {
  const org: { ticket_status_visibility: string | null } | undefined = await db('organizations').where({ id: organizationId }).first('ticket_status_visibility');
  return statusVisibility(org?.ticket_status_visibility ?? null);
}

/** Status histories (ticket_events kind status, oldest first) of tickets, by ticket id. */
export async function statusHistories(db: Db, ticketIds: readonly string[]): Promise<Map<string, StatusStep[]>> {
  const steps = new Map<string, StatusStep[]>(ticketIds.map((id) => [id, []]));
  for (const part of chunks([...new Set(ticketIds)])) {
    const rows: { id: string; ticket_id: string; to_status: TicketStatus; at: string }[] = await db('ticket_events')
      .whereIn('ticket_id', part)
      .where('kind', 'status')
      .orderBy('at')
      .orderBy('id')
      .select('id', 'ticket_id', 'to_status', 'at');
    for (const r of rows) steps.get(r.ticket_id)!.push({ id: r.id, to: r.to_status, at: r.at });
  }
  return steps;
}

interface Participant {
  person_id: string;
  role: ContractRole;
}

const participantsOf = (db: Db, ticketId: string): Promise<Participant[]> => db('ticket_participants').where({ ticket_id: ticketId }).select('person_id', 'role');

/** One notification row per person of `personIds` whose login wants mails; stored with the notices job. */
async function notify(trx: Db, ctx: Pick<Ctx, 'clock'>, organizationId: string, kind: string, entityId: string, personIds: string[]): Promise<number> {
  const now = ctx.clock();
  const rows: NewNotification[] = [];
  for (const [person_id, { mode }] of await recipients(trx, organizationId, personIds)) {
    const channel = channelOf(mode);
    if (channel) rows.push({ id: newId(now.getTime()), organization_id: organizationId, person_id, kind, entity_id: entityId, channel, created_at: now.toISOString() });
  }
  return (await storeNotifications(trx, ctx, organizationId, kind, entityId, rows)).length;
}

/**
 * Inside `trx`, right after the status event `eventId` was written: notifies (kind `ticket_status`) each participant
 * whose visible status (their role's view of the history) differs with the event from without it, except the
 * resident who made the change (`actorPersonId`: he withdrew, confirmed or reopened it himself). Returns how many
 * notifications were stored.
 */
export async function queueStatusNotices(trx: Db, ctx: Pick<Ctx, 'clock'>, change: { organizationId: string; ticketId: string; eventId: string; actorPersonId?: string | null }): Promise<number> {
  const participants = (await participantsOf(trx, change.ticketId)).filter((p) => !change.actorPersonId || p.person_id !== change.actorPersonId);
  if (participants.length === 0) return 0;
  const visibility = await orgVisibility(trx, change.organizationId);
  const after = (await statusHistories(trx, [change.ticketId])).get(change.ticketId)!;
  const before = after.filter((s) => s.id !== change.eventId);
  const changed = participants.filter((p) => visibleStatus(visibility, p.role, before) !== visibleStatus(visibility, p.role, after));
  return notify(trx, ctx, change.organizationId, 'ticket_status', change.eventId, changed.map((p) => p.person_id));
}

/** A public comment written. */
export interface CommentNotice {
  organizationId: string;
  ticketId: string;
  commentId: string;
  /** The resident who wrote it (not notified of his own comment); null for staff. */
  authorPersonId: string | null;
}

/**
 * Inside `trx`, after a public comment was written: notifies (kind `ticket_comment`) every participant except its
 * author. An internal comment notifies nobody (checked here too). Returns how many notifications were stored.
 */
export async function queueCommentNotices(trx: Db, ctx: Pick<Ctx, 'clock'>, notice: CommentNotice): Promise<number> {
  const comment: { visibility: string } | undefined = await trx('ticket_comments').where({ id: notice.commentId, ticket_id: notice.ticketId }).first('visibility');
  if (comment?.visibility !== 'public') return 0;
  const persons = (await participantsOf(trx, notice.ticketId)).map((p) => p.person_id).filter((id) => id !== notice.authorPersonId);
  return notify(trx, ctx, notice.organizationId, 'ticket_comment', notice.commentId, persons);
}

interface TicketOfRow {
  entity_id: string;
  ticket_id: string;
  number: string;
  subject: string;
  /** A comment's author kind. */
  author_kind?: 'staff' | 'resident';
}

/**
 * Mail items of ticket notifications whose entities were found (`found`: entity id → its ticket): the ticket's
 * number and subject and the status the recipient's role sees up to the status event `upTo` names (the whole
 * history when it gives null). Rows of persons no longer participants are left out.
 */
async function ticketItems(trx: Db, organizationId: string, rows: NotificationRow[], found: TicketOfRow[], kind: string, upTo: (entityId: string) => string | null): Promise<Map<string, NoticeItem>> {
  const byEntity = new Map(found.map((f) => [f.entity_id, f]));
  const ticketIds = [...new Set(found.map((f) => f.ticket_id))];
  const roles = new Map<string, ContractRole>();
  for (const part of chunks(ticketIds)) {
    const ps: { ticket_id: string; person_id: string; role: ContractRole }[] = await trx('ticket_participants').whereIn('ticket_id', part).select('ticket_id', 'person_id', 'role');
    for (const p of ps) roles.set(`${p.ticket_id} ${p.person_id}`, p.role);
  }
  const visibility = await orgVisibility(trx, organizationId);
  const steps = await statusHistories(trx, ticketIds);
  const items = new Map<string, NoticeItem>();
  for (const row of rows) {
    const ticket = byEntity.get(row.entity_id);
    const role = ticket && roles.get(`${ticket.ticket_id} ${row.person_id}`);
    if (!ticket || !role) continue;
    const all = steps.get(ticket.ticket_id) ?? [];
    const last = upTo(row.entity_id);
    const end = last === null ? all.length : all.findIndex((s) => s.id === last) + 1;
    const shown = visibleStatus(visibility, role, all.slice(0, end));
    items.set(row.id, {
      kind, category: statusLabels[shown], title: `${ticket.number}: ${ticket.subject}`,
      ticket: { number: ticket.number, subject: ticket.subject, ...(ticket.author_kind ? { author: ticket.author_kind } : {}) },
    });
  }
  return items;
}

/** The tickets of the rows' entities, found by `query` for each part of the entity ids. */
async function ticketsOf(rows: NotificationRow[], query: (ids: string[]) => Promise<TicketOfRow[]>): Promise<TicketOfRow[]> {
  const found: TicketOfRow[] = [];
  for (const part of chunks([...new Set(rows.map((r) => r.entity_id))])) found.push(...(await query(part)));
  return found;
}

const ticketColumns = ['t.id as ticket_id', 't.number', 't.subject'];

/** notifications/notices.ts `itemLoaders.ticket_status`: the ticket and the status the recipient sees after the event. */
export async function ticketStatusItems(trx: Db, organizationId: string, rows: NotificationRow[]): Promise<Map<string, NoticeItem>> {
  const found = await ticketsOf(rows, (ids) =>
    trx('ticket_events as e').join('tickets as t', 't.id', 'e.ticket_id').where({ 't.organization_id': organizationId, 'e.kind': 'status' }).whereIn('e.id', ids).select('e.id as entity_id', ...ticketColumns),
  );
  return ticketItems(trx, organizationId, rows, found, 'ticket_status', (eventId) => eventId);
}

/** notifications/notices.ts `itemLoaders.ticket_comment`: the ticket of a public comment and the status the recipient sees now. */
export async function ticketCommentItems(trx: Db, organizationId: string, rows: NotificationRow[]): Promise<Map<string, NoticeItem>> {
  const found = await ticketsOf(rows, (ids) =>
    trx('ticket_comments as c').join('tickets as t', 't.id', 'c.ticket_id').where({ 't.organization_id': organizationId, 'c.visibility': 'public' }).whereIn('c.id', ids).select('c.id as entity_id', 'c.author_kind', ...ticketColumns),
  );
  return ticketItems(trx, organizationId, rows, found, 'ticket_comment', () => null);
}

/** A ticket just written, as the managers are told of it. */
export interface NewTicketNotice {
  organizationId: string;
  number: string;
  subject: string;
  /** The form version it was sent with. */
  definition: FormDefinition;
  fields: TicketField[];
  urgency: string | null;
  unitLabel: string | null;
  propertyId: string;
  reporterPersonId: string;
  source: NewTicketMailInput['source'];
  files: number;
}

/**
 * Inside the ticket's transaction `trx`: queues one mail (notifications/mail.ts `queue`) to each active manager
 * login of the organization (memberships role manager, users.status active), in his language, telling of the new
 * ticket ("NOTFALL – " first for an urgency marked `emergency`). Returns the outbox ids, to deliver after the commit.
 */
export async function announceNewTicket(trx: Db, ctx: Pick<Ctx, 'mailer'>, ticket: NewTicketNotice): Promise<string[]> {
  const managers: { email: string; locale: string }[] = await trx('memberships as m')
    .join('users as u', 'u.id', 'm.user_id')
    .where({ 'm.organization_id': ticket.organizationId, 'm.role': 'manager', 'u.status': 'active' })
    .distinct('u.email', 'u.locale')
    .orderBy('u.email');
  if (managers.length === 0) return [];
  const property: { street: string } | undefined = await trx('properties').where({ id: ticket.propertyId }).first('street');
  const reporter: { name: string } | undefined = await trx('persons').where({ id: ticket.reporterPersonId }).first('name');
  const urgencyField = ticket.definition.fields.find((f) => f.mapsTo === 'urgency');
  const urgency = urgencyField?.options?.find((o) => o.value === ticket.urgency);
  const ids: string[] = [];
  for (const manager of managers) {
    const locale: MailLocale = manager.locale === 'en' ? 'en' : 'de';
    const mail = newTicketMail({
      to: manager.email, organizationId: ticket.organizationId, locale, number: ticket.number, subject: ticket.subject, form: ticket.definition.title,
      place: ticket.unitLabel ?? property?.street ?? '', urgency: urgency ? { label: urgency.label, emergency: urgency.emergency === true } : null,
      reporter: reporter?.name ?? '', source: ticket.source, fields: ticket.fields, files: ticket.files,
    });
    ids.push(await ctx.mailer.queue(mail, trx));
  }
  return ids;
}
