import type { TicketActions, TicketAuthor, TicketDetail, TicketField, TicketFile, TicketStatus, TicketThreadEntry } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { json } from '../db.ts';
import type { Auth } from '../auth/middleware.ts';
import type { Organization } from '../organizations.ts';
import { dayIn, today } from '../calendar.ts';
import { notFound } from '../http/params.ts';
import { activeOn, allMyContracts } from '../access/contracts.ts';
import { openStatuses, type VisibleStep } from '../access/tickets.ts';
import { viewerOf } from '../documents/queries.ts';
import { formVersionsById, ticketLabels, type FormVersion } from '../forms/versions.ts';
import { affectedCounts, myTickets, publicComments, summaryOf, ticketEvents, type CommentRow, type EventRow, type ViewerTicket } from './queries.ts';

// One ticket as the session's person reads it (GET /tickets/{id} and every resident write's answer), and the rule of
// which actions the person may take on it. What a resident may do is decided from the real status, but only where the
// status his role sees agrees, so that an action never tells him more than the status shown.

/** Days after `done` during which the reporter may say "nicht erledigt" (reopen). */
export const reopenDays = 14;

const closedStatuses: ReadonlySet<TicketStatus> = new Set(['closed', 'rejected']);

/** Everything the actions and the answer depend on, for one participant and one ticket. */
export interface TicketAccess {
  personId: string;
  viewer: ViewerTicket & { participant: NonNullable<ViewerTicket['participant']> };
  /** Status changes (public reasons only) and live document releases, oldest first. */
  events: EventRow[];
  /** The history as the participant's role sees it; its last step is the visible status. */
  history: VisibleStep[];
  visible: TicketStatus;
  /** A contract of the person valid today on a unit of the ticket's property. */
  contractValid: boolean;
}

/**
 * The ticket `ticketId` as its participant (the session's person) may know it; 404 for a ticket of another
 * organization, one he does not follow, and for sessions without a person (managers).
 */
export async function ticketAccess(ctx: Ctx, auth: Auth, ticketId: string, db: Db = ctx.read): Promise<TicketAccess> {
  const personId = viewerOf(auth);
  if (!personId) throw notFound();
  const [viewer] = await myTickets(db, auth.org.id, personId, [ticketId]);
  if (!viewer?.participant) throw notFound();
  const day = today(ctx.clock, auth.org.timeZone);
  const [events, contracts] = await Promise.all([ticketEvents(db, [ticketId]), allMyContracts(ctx, auth, day)]);
  const propertyId = viewer.ticket.property_id;
  const contractValid = propertyId !== null && contracts.some((c) => c.property_id === propertyId && activeOn(c, day));
  const { history } = summaryOf(auth.org, personId, viewer, events, [], 0, undefined);
  return {
    personId, viewer: viewer as TicketAccess['viewer'], events, history, visible: history.at(-1)?.shown ?? 'new', contractValid,
  };
}

/** What the ticket's status allows, before who asks and his contract are looked at. */
function statusAllows(a: TicketAccess, now: Date): TicketActions & { reopenUntil: string | null } {
  const real = a.viewer.ticket.status;
  const shown = a.visible;
  const done = real === 'done' && shown === 'done';
  const doneAt = a.events.findLast((e) => e.kind === 'status' && e.to_status === 'done')?.at;
  const until = done && doneAt ? new Date(Date.parse(doneAt) + reopenDays * 86_400_000) : null;
  const reopenable = until !== null && now < until;
  return {
    comment: !closedStatuses.has(real) && !closedStatuses.has(shown),
    withdraw: openStatuses.has(real) && openStatuses.has(shown),
    confirm: done,
    reopen: reopenable,
    rate: real === 'closed' && shown === 'closed',
    reopenUntil: reopenable ? until.toISOString() : null,
  };
}

/** The actions the participant may take now (TicketActions), and until when he may reopen (null: he may not). */
export function ticketActions(a: TicketAccess, now: Date): { actions: TicketActions; reopenUntil: string | null } {
  const allowed = statusAllows(a, now);
  const reporter = a.viewer.participant.kind === 'reporter';
  const may = (ok: boolean, reporterOnly: boolean) => ok && a.contractValid && (reporter || !reporterOnly);
  const actions: TicketActions = {
    comment: may(allowed.comment, false),
    withdraw: may(allowed.withdraw, true),
    confirm: may(allowed.confirm, true),
    reopen: may(allowed.reopen, true),
    rate: may(allowed.rate, true),
  };
  return { actions, reopenUntil: actions.reopen ? allowed.reopenUntil : null };
}

/** Why `action` is refused (a problem to throw), or null when the participant may take it now. */
export function actionRefusal(a: TicketAccess, action: keyof TicketActions, now: Date): { status: number; code: string; detail: string } | null {
  if (action !== 'comment' && a.viewer.participant.kind !== 'reporter') return { status: 403, code: 'reporter_only', detail: 'Only the person who reported the ticket may do this.' };
  if (!statusAllows(a, now)[action]) {
    return action === 'comment'
      ? { status: 409, code: 'ticket_closed', detail: 'The ticket is closed; it takes no more comments.' }
      : { status: 409, code: 'transition_not_allowed', detail: 'This is not possible in the ticket’s current status.' };
  }
  if (!a.contractValid) return { status: 409, code: 'contract_ended', detail: 'You have no contract valid today in this property.' };
  return null;
}

/** The day `days` working days (Monday to Friday) after `day` (YYYY-MM-DD). */
export function addWorkingDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  for (let left = days; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Names of staff users as residents read them: the person of their membership, else the organization's name. */
async function staffNames(db: Db, org: Organization, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = (await db('memberships as m')
    .join('persons as p', 'p.id', 'm.person_id')
    .where('m.organization_id', org.id)
    .whereIn('m.user_id', ids)
    .select('m.user_id', 'p.name')) as { user_id: string; name: string }[];
  return new Map(rows.map((r) => [r.user_id, r.name]));
}

interface FileRow {
  id: string;
  comment_id: string | null;
  name: string;
  mime: string;
  size: number | string;
  thumb_file_id: string | null;
  created_at: string;
}

/** The public files of the ticket: of the submission and of public comments only. */
async function publicFiles(db: Db, ticketId: string): Promise<FileRow[]> {
  return (await db('ticket_files as f')
    .leftJoin('ticket_comments as c', 'c.id', 'f.comment_id')
    .where('f.ticket_id', ticketId)
    .where('f.visibility', 'public')
    .where((w) => w.whereNull('f.comment_id').orWhere('c.visibility', 'public'))
    .orderBy([{ column: 'f.created_at' }, { column: 'f.id' }])
    .select('f.id', 'f.comment_id', 'f.name', 'f.mime', 'f.size', 'f.thumb_file_id', 'f.created_at')) as FileRow[];
}

const fileOf = (f: FileRow): TicketFile => ({ id: f.id, name: f.name, mime: f.mime, size: Number(f.size), thumb: f.thumb_file_id !== null, createdAt: f.created_at });

/** The submitted fields without those the form version marks staff-only. */
function residentFields(ticketFields: string, form: FormVersion | undefined): TicketField[] {
  const staffOnly = new Set((form?.definition.fields ?? []).filter((f) => f.staffOnly).map((f) => f.key));
  return json<TicketField[]>(ticketFields, []).filter((f) => !staffOnly.has(f.key));
}

/**
 * The ticket as the session's person sees it (TicketDetail): 404 (`notFound()`) unless the person is a participant
 * in the session's organization. Status and thread mapped through access/tickets.ts; no internal comment, file or
 * reason is ever selected. `db` defaults to `ctx.read` (pass the transaction right after a write).
 */
export async function residentTicket(ctx: Ctx, auth: Auth, ticketId: string, db: Db = ctx.read): Promise<TicketDetail> {
  const access = await ticketAccess(ctx, auth, ticketId, db);
  const { personId, viewer, events, history } = access;
  const { ticket, participant } = viewer;
  const org = auth.org;
  const [comments, files, counts, forms, me] = await Promise.all([
    publicComments(db, ticketId),
    publicFiles(db, ticketId),
    affectedCounts(db, [ticketId]),
    formVersionsById(db, [ticket.form_id]),
    db('persons').where({ id: personId }).first('name') as Promise<{ name: string } | undefined>,
  ]);
  const form = forms.get(ticket.form_id);
  const names = await staffNames(db, org, [...comments.map((c) => c.author_user_id), ...events.map((e) => e.actor_user_id)]);
  const author = (kind: 'resident' | 'staff' | 'system', userId: string | null, authorPerson: string | null): TicketAuthor => {
    if (kind === 'system') return { kind, name: null, me: false };
    if (kind === 'staff') return { kind, name: (userId && names.get(userId)) || org.name, me: false };
    const mine = authorPerson === personId;
    return { kind, name: mine ? (me?.name ?? null) : null, me: mine };
  };

  const byEvent = new Map(events.map((e) => [e.id, e]));
  const thread: TicketThreadEntry[] = [];
  for (const step of history) {
    const e = byEvent.get(step.id)!;
    const entry: TicketThreadEntry = { id: e.id, kind: 'status', at: e.at, author: author(e.actor_kind, e.actor_user_id, e.actor_person_id), status: step.shown };
    // A reason speaks of the real status: only where the role sees that very status.
    if (e.reason !== null && step.shown === e.to_status) entry.reason = e.reason;
    if (e.reason_code !== null) entry.reasonCode = e.reason_code;
    if (step.shown === 'waiting' && e.to_status === 'waiting' && e.waiting_until !== null) entry.waitingUntil = e.waiting_until;
    thread.push(entry);
  }
  for (const e of events) {
    if (e.kind !== 'document' || e.document_id === null) continue;
    thread.push({ id: e.id, kind: 'document', at: e.at, author: author(e.actor_kind, e.actor_user_id, e.actor_person_id), document: { id: e.document_id, title: e.document_title ?? '' } });
  }
  const filesOf = new Map<string, TicketFile[]>();
  for (const f of files) if (f.comment_id !== null) filesOf.set(f.comment_id, [...(filesOf.get(f.comment_id) ?? []), fileOf(f)]);
  for (const c of comments as CommentRow[]) {
    const entry: TicketThreadEntry = { id: c.id, kind: 'comment', at: c.created_at, author: author(c.author_kind, c.author_user_id, c.author_person_id), body: c.body };
    const attached = filesOf.get(c.id);
    if (attached) entry.files = attached;
    thread.push(entry);
  }
  thread.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const activity = comments.map((c) => ({ at: c.created_at, mine: c.author_person_id === personId }));
  const { summary } = summaryOf(org, personId, viewer, events, activity, counts.get(ticketId) ?? 0, form);
  const { actions, reopenUntil } = ticketActions(access, ctx.clock());
  const reporter = participant.kind === 'reporter';
  const days = form?.definition.firstAnswerDays;
  return {
    ...summary,
    fields: reporter ? residentFields(ticket.fields, form) : [],
    files: files.filter((f) => f.comment_id === null).map(fileOf),
    thread,
    actions,
    reopenUntil,
    rating: reporter && ticket.rating !== null ? { stars: Number(ticket.rating), ...(ticket.rating_comment ? { comment: ticket.rating_comment } : {}) } : null,
    firstAnswerBy: days === undefined ? null : addWorkingDays(dayIn(Date.parse(ticket.created_at), org.timeZone), days),
    urgency: form ? ticketLabels(form.definition, ticket).urgency : null,
  };
}
