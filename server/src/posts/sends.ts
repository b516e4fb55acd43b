import type { PostNotify, PostSend } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { bool } from '../db.ts';
import { dayIn } from '../calendar.ts';
import { newId } from '../ids.ts';
import { storedTimeZone } from '../organizations.ts';
import { validationProblem } from '../http/problems.ts';
import { postAudience, postAudiencePersons, visiblePostIds } from '../access/posts.ts';
import { chunks, enqueue, type Job, type JobDeps } from '../notifications/jobs.ts';
import { instantAt, nextDay } from '../notifications/digest.ts';
import { mailNotifications, recipients, type NotificationRow } from '../notifications/notices.ts';
import { channelFor, storeNotifications, type NewNotification } from '../notifications/notify.ts';
import type { NoticeItem, PostTypeName } from '../notifications/texts.ts';
import type { PostRow } from './write.ts';
import { noticeFacts, type NoticeFactsSource } from './facts.ts';

// Sends of notices (migration 010 `post_sends`): one notification run each, for publishing (`publish`), a
// "wesentliche Änderung" (`update`) or a reminder (`reminder`). A send is a row and a job of kind `post_send` (key
// `post-send:<send id>`, notifications/jobs.ts) due at its `send_at`:
// - `now`: 60 s after the manager's click (an undo window, as CO's news wait 15 s, feature-anchors.md (d)), or when
//   the display window opens (00:00 of `visible_from` in the organization's time zone) if that is later;
// - `at`: at the chosen instant (in the future, before the window closes), or when the window opens if later;
// - `digest`: like `now`, and then into each person's next daily digest;
// - reminders: at once.
// When the job runs it claims the send (`sent_at` set where it is null and not cancelled: exactly once, however many
// server processes poll), freezes the audience of that moment (access/posts.ts `postAudiencePersons`, the
// organization's today) and stores one `notifications` row per person told (kind `post`, or `post_reminder`;
// entity = the send, so nobody is told of one send twice). The channel is the person's own choice (users.notify_mode,
// notify.ts `channelFor`): immediate, digest, or none; a danger notice goes out at once to everyone, digest and none
// included (issue 12: "Danger notices ignore a person's digest preference"). The immediate mails are written into
// the outbox in the job's transaction and delivered after its commit. Cancelling a send (undo, unpublish) before it
// ran sets `cancelled_at` and marks its job done.

/** Job kind that runs a send. */
export const postSendJobKind = 'post_send';

export const postSendKey = (sendId: string): string => `post-send:${sendId}`;

/** Seconds between "now" and the send: the manager's undo window. */
export const undoSeconds = 60;

/** Days between two reminders of one notice. */
export const reminderDays = 7;

export type SendReason = PostSend['reason'];
export type SendMode = PostSend['mode'];

/** A row of `post_sends`. */
export interface SendRow {
  id: string;
  organization_id: string;
  post_id: string;
  revision: number | string;
  reason: SendReason;
  mode: SendMode;
  send_at: string;
  sent_at: string | null;
  cancelled_at: string | null;
  recipients: number | string | null;
  created_by: string | null;
  created_at: string;
}

export const sendJson = (row: SendRow): PostSend => ({
  id: row.id,
  reason: row.reason,
  mode: row.mode,
  revision: Number(row.revision),
  sendAt: row.send_at,
  sentAt: row.sent_at,
  cancelledAt: row.cancelled_at,
  recipients: row.recipients === null ? null : Number(row.recipients),
});

/** The sends of `postIds`, oldest first, by post. */
export async function sendsOf(db: Db, postIds: readonly string[]): Promise<Map<string, SendRow[]>> {
  const byPost = new Map<string, SendRow[]>(postIds.map((id) => [id, []]));
  for (const part of chunks([...new Set(postIds)])) {
    const rows = (await db('post_sends').whereIn('post_id', part).orderBy('created_at').orderBy('id').select()) as SendRow[];
    for (const row of rows) byPost.get(row.post_id)!.push(row);
  }
  return byPost;
}

const atProblem = (field: string, message: string) => validationProblem(message, [{ field, keyword: '', message }]);

/**
 * When a send chosen as `notify` (not `none`) is due (ISO 8601 UTC): see the rules above. `at` is the requested
 * instant for `at` (400 naming `atField` when missing, not in the future, or after the display window), `now` the
 * clock's instant, `timeZone` the organization's.
 */
export function sendTime(notify: Exclude<PostNotify, 'none'>, at: string | undefined, window: Pick<PostRow, 'visible_from' | 'visible_until'>, now: Date, timeZone: string, atField: string): string {
  const opens = instantAt(window.visible_from, 0, timeZone).getTime();
  if (notify !== 'at') {
    if (at !== undefined) throw atProblem(atField, `${atField.slice(1)} goes with notify "at" only.`);
    return new Date(Math.max(now.getTime() + undoSeconds * 1000, opens)).toISOString();
  }
  if (at === undefined) throw atProblem(atField, `notify "at" needs the time (${atField.slice(1)}).`);
  const when = Date.parse(at);
  if (Number.isNaN(when) || when <= now.getTime()) throw atProblem(atField, 'The time to notify must be in the future.');
  // An offset can push 9999-12-31 into the year 10000 ("+010000-…"), which sorts before every instant: due at once.
  const iso = new Date(when).toISOString();
  if (!/^\d{4}-/.test(iso) || iso >= '9999-12-31') throw atProblem(atField, 'The time to notify must be before 9999-12-31.');
  if (window.visible_until !== null && when >= instantAt(nextDay(window.visible_until), 0, timeZone).getTime())
    throw atProblem(atField, 'The time to notify must be before the notice stops being shown (visibleUntil).');
  return new Date(Math.max(when, opens)).toISOString();
}

/** A send to create. */
export interface NewSend {
  organizationId: string;
  postId: string;
  revision: number;
  reason: SendReason;
  mode: SendMode;
  /** ISO 8601 UTC. */
  sendAt: string;
  createdBy: string | null;
}

/** Stores a send and queues its job inside `trx` (both visible with the commit); returns the send. */
export async function createSend(trx: Db, ctx: Pick<Ctx, 'clock'>, send: NewSend): Promise<SendRow> {
  const row: SendRow = {
    id: newId(),
    organization_id: send.organizationId,
    post_id: send.postId,
    revision: send.revision,
    reason: send.reason,
    mode: send.mode,
    send_at: send.sendAt,
    sent_at: null,
    cancelled_at: null,
    recipients: null,
    created_by: send.createdBy,
    created_at: ctx.clock().toISOString(),
  };
  await trx('post_sends').insert(row);
  await enqueue(trx, ctx.clock, { kind: postSendJobKind, key: postSendKey(row.id), organizationId: send.organizationId, payload: { sendId: row.id }, runAt: send.sendAt });
  return row;
}

/**
 * Cancels the sends `sendIds` that have not run, inside `trx`; returns the ids cancelled. The jobs are marked done
 * first, then the sends: the same order as a running job (jobs.ts claims its job row, then the handler its send), so
 * the two never wait for each other's locks the other way round on PostgreSQL.
 */
async function cancelSends(trx: Db, ctx: Pick<Ctx, 'clock'>, sendIds: string[]): Promise<string[]> {
  if (sendIds.length === 0) return [];
  const now = ctx.clock().toISOString();
  await trx('jobs').whereIn('key', sendIds.map(postSendKey)).whereNull('done_at').update({ done_at: now });
  const open = (await trx('post_sends').whereIn('id', sendIds).whereNull('sent_at').whereNull('cancelled_at').pluck('id')) as string[];
  if (open.length > 0) await trx('post_sends').whereIn('id', open).whereNull('sent_at').whereNull('cancelled_at').update({ cancelled_at: now });
  return open;
}

/** Cancels one send of `postId` inside `trx`: false when it ran or was cancelled already (nothing changed). */
export async function cancelSend(trx: Db, ctx: Pick<Ctx, 'clock'>, postId: string, sendId: string): Promise<boolean> {
  const now = ctx.clock().toISOString();
  await trx('jobs').where({ key: postSendKey(sendId) }).whereNull('done_at').update({ done_at: now });
  const changed = await trx('post_sends').where({ id: sendId, post_id: postId }).whereNull('sent_at').whereNull('cancelled_at').update({ cancelled_at: now });
  return changed === 1;
}

/** Cancels every send of the notice that has not run yet (unpublishing, a new send replacing them); returns their ids. */
export async function cancelPendingSends(trx: Db, ctx: Pick<Ctx, 'clock'>, postId: string): Promise<string[]> {
  const pending = (await trx('post_sends').where({ post_id: postId }).whereNull('sent_at').whereNull('cancelled_at').pluck('id')) as string[];
  return cancelSends(trx, ctx, pending);
}

/**
 * The persons (of `personId` only, when given) who are done with the notice's `revision`: opened it, and
 * acknowledged it where `requiresAck`.
 */
export async function doneWith(db: Db, postId: string, revision: number, requiresAck: boolean, personId?: string): Promise<Set<string>> {
  const q = db('post_reads').where({ post_id: postId, revision }).whereNotNull('opened_at');
  if (requiresAck) q.whereNotNull('acknowledged_at');
  if (personId !== undefined) q.where({ person_id: personId });
  return new Set((await q.pluck('person_id')) as string[]);
}

/** Whether the notice is on the board on `today`: published and inside its display window. */
export const shownOn = (post: Pick<PostRow, 'status' | 'visible_from' | 'visible_until'>, today: string): boolean =>
  post.status === 'published' && post.visible_from <= today && (post.visible_until === null || post.visible_until >= today);

/** The organization's day now. */
async function orgToday(trx: Db, organizationId: string, now: Date): Promise<string | null> {
  const org = (await trx('organizations').where({ id: organizationId }).first('slug', 'time_zone')) as { slug: string; time_zone: string } | undefined;
  return org ? dayIn(now, storedTimeZone(org.slug, org.time_zone)) : null;
}

/**
 * Job kind `post_send` (payload `{ sendId }`): runs the send once (see above). Returns the outbox ids of the
 * immediate mails, delivered after the commit. A send cancelled or run already, or of a notice no longer shown,
 * tells nobody.
 */
export async function postSendJob(trx: Db, job: Job, deps: JobDeps): Promise<string[]> {
  const sendId = String(job.payload.sendId);
  const now = deps.clock();
  const claimed = await trx('post_sends').where({ id: sendId }).whereNull('sent_at').whereNull('cancelled_at').update({ sent_at: now.toISOString() });
  if (claimed !== 1) return [];
  const send = (await trx('post_sends').where({ id: sendId }).first()) as SendRow;
  const post = (await trx('posts').where({ id: send.post_id }).first()) as PostRow;
  const today = await orgToday(trx, send.organization_id, now);
  const revision = Number(post.revision);
  let rows: NewNotification[] = [];
  if (today !== null && shownOn(post, today)) {
    let persons = (await postAudiencePersons(trx, send.organization_id, await postAudience(trx, post.id), today)).map((p) => p.id);
    if (send.reason === 'reminder') {
      const done = await doneWith(trx, post.id, revision, bool(post.requires_ack));
      persons = persons.filter((id) => !done.has(id));
    } else {
      // Each notice once per person and revision: published again after being taken off, it tells only the new ones.
      const told = new Set((await trx('notifications as n').join('post_sends as s', 's.id', 'n.entity_id').where({ 's.post_id': post.id, 's.revision': revision, 'n.kind': 'post' }).whereNot('s.id', send.id).pluck('n.person_id')) as string[]);
      persons = persons.filter((id) => !told.has(id));
    }
    const kind = send.reason === 'reminder' ? 'post_reminder' : 'post';
    const danger = post.type === 'danger';
    for (const [personId, { mode }] of await recipients(trx, send.organization_id, persons)) {
      const channel = danger ? 'immediate' : channelFor(mode, send.mode === 'digest' ? 'digest' : 'immediate', false);
      if (channel) rows.push({ id: newId(now.getTime()), organization_id: send.organization_id, person_id: personId, kind, entity_id: send.id, channel, created_at: now.toISOString() });
    }
    rows = await storeNotifications(trx, { clock: deps.clock }, send.organization_id, kind, send.id, rows);
  }
  // The send tells of the notice as it is now: its current revision.
  await trx('post_sends').where({ id: send.id }).update({ recipients: rows.length, revision });
  const immediate = rows.filter((r) => r.channel === 'immediate') as NotificationRow[];
  return mailNotifications(trx, deps, send.organization_id, immediate, 'immediate');
}

/**
 * notices.ts `itemLoaders.post` and `.post_reminder`: the mail items of notifications of sends: the notice's title,
 * category and type, and why it was sent. Left out: notices the person no longer sees today (unpublished, outside
 * their window, or the person no longer in the audience: access/posts.ts `visiblePostIds`), and for reminders those
 * the person has opened (and acknowledged where required) since.
 */
export async function postNoticeItems(trx: Db, organizationId: string, rows: NotificationRow[], today: string): Promise<Map<string, NoticeItem>> {
  type Found = NoticeFactsSource & { send_id: string; reason: SendReason; post_id: string; title: string; type: PostTypeName; requires_ack: unknown; revision: number | string; name_de: string; name_en: string };
  const org = (await trx('organizations').where({ id: organizationId }).first('slug', 'time_zone')) as { slug: string; time_zone: string } | undefined;
  const timeZone = storedTimeZone(org?.slug ?? '', org?.time_zone);
  const sends = new Map<string, Found>();
  for (const part of chunks([...new Set(rows.map((r) => r.entity_id))])) {
    const found = (await trx('post_sends as s')
      .join('posts as p', 'p.id', 's.post_id')
      .join('post_categories as c', 'c.id', 'p.category_id')
      .where('p.organization_id', organizationId)
      .whereIn('s.id', part)
      .select('s.id as send_id', 's.reason', 'p.id as post_id', 'p.title', 'p.type', 'p.requires_ack', 'p.revision', 'c.name_de', 'c.name_en', 'p.appointment_start', 'p.appointment_end', 'p.appointment_all_day', 'p.appointment_place', 'p.visible_until')) as Found[];
    for (const f of found) sends.set(f.send_id, f);
  }
  const byPerson = new Map<string, NotificationRow[]>();
  for (const row of rows) if (sends.has(row.entity_id)) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row]);
  const items = new Map<string, NoticeItem>();
  for (const [personId, personRows] of byPerson) {
    const postIds = [...new Set(personRows.map((r) => sends.get(r.entity_id)!.post_id))];
    const shown = new Set<string>();
    for (const part of chunks(postIds)) {
      const found = (await trx.from(visiblePostIds(trx, organizationId, personId, today).as('x')).whereIn('x.post_id', part).distinct('x.post_id')) as { post_id: string }[];
      for (const r of found) shown.add(r.post_id);
    }
    for (const row of personRows) {
      const s = sends.get(row.entity_id)!;
      if (!shown.has(s.post_id)) continue;
      const requiresAck = bool(s.requires_ack);
      if (s.reason === 'reminder' && (await doneWith(trx, s.post_id, Number(s.revision), requiresAck, personId)).size > 0) continue;
      items.set(row.id, { kind: row.kind, category: { de: s.name_de, en: s.name_en }, title: s.title, post: { type: s.type, reason: s.reason, requiresAck, facts: noticeFacts(s, timeZone) } });
    }
  }
  return items;
}
