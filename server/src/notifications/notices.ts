import type { Db } from '../db.ts';
import { json } from '../db.ts';
import { dayIn } from '../calendar.ts';
import { storedTimeZone } from '../organizations.ts';
import type { NotifyMode } from '@hausportal/api';
import { chunks, type Job, type JobDeps } from './jobs.ts';
import { noticeMail, type MailLocale, type NoticeItem } from './texts.ts';
import { documentNoticeItems } from './notify.ts';
import { ticketCommentItems, ticketStatusItems } from '../tickets/notices.ts';
import { postNoticeItems } from '../posts/sends.ts';

// Mailing `notifications` rows (migration 008): one mail per person, in their language, with every item of the
// rows given. Generic by `kind`: each kind says in {@link itemLoaders} how its rows read in a mail (category, title,
// whether the person may still see it). The rows are marked mailed in the same transaction that writes the outbox
// rows, so a notification is mailed exactly once. A row that can no longer go out (the document withdrawn, its release
// revoked, the person without an active login) is marked too, without a mail, so it is not read again every day.

/** A stored notification. */
export interface NotificationRow {
  id: string;
  organization_id: string;
  person_id: string;
  kind: string;
  entity_id: string;
  channel: 'immediate' | 'digest';
  created_at: string;
}

/**
 * The mail items of rows of one kind, by notification id; rows left out are not mailed. `today` is the
 * organization's day, for access rules.
 */
export type ItemLoader = (trx: Db, organizationId: string, rows: NotificationRow[], today: string) => Promise<Map<string, NoticeItem>>;

/** How each kind of notification reads in a mail. */
export const itemLoaders: Readonly<Record<string, ItemLoader>> = {
  document: documentNoticeItems,
  ticket_status: ticketStatusItems,
  ticket_comment: ticketCommentItems,
  post: postNoticeItems,
  post_reminder: postNoticeItems,
};

interface Recipient {
  email: string;
  name: string;
  locale: MailLocale;
  mode: NotifyMode;
}

/** Each person's active login in the organization (the first by email when there are several): address, name, language, choice. */
export async function recipients(trx: Db, organizationId: string, personIds: string[]): Promise<Map<string, Recipient>> {
  const found = new Map<string, Recipient>();
  for (const part of chunks(personIds)) {
    const rows: { person_id: string; email: string; name: string; locale: string; notify_mode: NotifyMode }[] = await trx('memberships as m')
      .join('users as u', 'u.id', 'm.user_id')
      .join('persons as p', 'p.id', 'm.person_id')
      .where('m.organization_id', organizationId)
      .whereIn('m.person_id', part)
      .where('u.status', 'active')
      .orderBy('u.email')
      .select('m.person_id', 'u.email', 'p.name', 'u.locale', 'u.notify_mode');
    for (const r of rows) if (!found.has(r.person_id)) found.set(r.person_id, { email: r.email, name: r.name, locale: r.locale === 'en' ? 'en' : 'de', mode: r.notify_mode });
  }
  return found;
}

/**
 * Writes the mails for `rows` (all of `organizationId`, all of one channel) into the outbox through `trx` and
 * marks the rows mailed. Returns the outbox ids, for delivery after the commit. No person gets an empty mail.
 */
export async function mailNotifications(trx: Db, deps: Pick<JobDeps, 'clock' | 'mailer'>, organizationId: string, rows: NotificationRow[], channel: 'immediate' | 'digest'): Promise<string[]> {
  if (rows.length === 0) return [];
  const org = await trx('organizations').where({ id: organizationId }).first('id', 'slug', 'name', 'time_zone', 'allowed_origins');
  if (!org) return [];
  const now = deps.clock();
  const today = dayIn(now, storedTimeZone(org.slug, org.time_zone));
  const organization = { id: org.id as string, name: org.name as string, portalUrl: json<string[]>(org.allowed_origins, [])[0] ?? null };

  const items = new Map<string, NoticeItem>();
  const kinds = new Map<string, NotificationRow[]>();
  for (const row of rows) kinds.set(row.kind, [...(kinds.get(row.kind) ?? []), row]);
  for (const [kind, ofKind] of kinds) {
    const load = itemLoaders[kind];
    if (!load) continue;
    for (const [id, item] of await load(trx, organizationId, ofKind, today)) items.set(id, item);
  }

  const byPerson = new Map<string, NoticeItem[]>();
  for (const row of rows) {
    const item = items.get(row.id);
    if (item) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), item]);
  }
  const to = await recipients(trx, organizationId, [...byPerson.keys()]);
  const outbox: string[] = [];
  for (const [personId, personItems] of byPerson) {
    const recipient = to.get(personId);
    if (!recipient) continue;
    const mail = noticeMail({ to: recipient.email, name: recipient.name, organization, locale: recipient.locale, channel, items: personItems, mandatoryOnly: recipient.mode === 'none' });
    outbox.push(await deps.mailer.queue(mail, trx));
  }
  for (const part of chunks(rows.map((r) => r.id))) await trx('notifications').whereIn('id', part).whereNull('mailed_at').update({ mailed_at: now.toISOString() });
  return outbox;
}

const notificationColumns = ['id', 'organization_id', 'person_id', 'kind', 'entity_id', 'channel', 'created_at'];

/**
 * Job kind `notices`: mails the unmailed immediate notifications of one thing (payload `{ kind, entityId }`) at once.
 * Rows a job queued later for the same thing may already have gone with an earlier one; none goes twice.
 */
export async function noticesJob(trx: Db, job: Job, deps: JobDeps): Promise<string[]> {
  const { kind, entityId } = job.payload as { kind: string; entityId: string };
  const rows: NotificationRow[] = await trx('notifications')
    .where({ organization_id: job.organizationId, channel: 'immediate', kind, entity_id: entityId })
    .whereNull('mailed_at')
    .orderBy('created_at')
    .select(notificationColumns);
  return mailNotifications(trx, deps, job.organizationId!, rows, 'immediate');
}

/** The unmailed digest notifications of an organization, oldest first. */
export function pendingDigestRows(trx: Db, organizationId: string): Promise<NotificationRow[]> {
  return trx('notifications').where({ organization_id: organizationId, channel: 'digest' }).whereNull('mailed_at').orderBy('created_at').orderBy('id').select(notificationColumns);
}
