import type { NotifyMode } from '@hausportal/api';
import type { Db } from '../db.ts';
import { bool } from '../db.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../ids.ts';
import { releasesReaching } from '../access/releases.ts';
import { chunks, enqueue } from './jobs.ts';
import type { NoticeItem } from './texts.ts';
import { recipients, type NotificationRow } from './notices.ts';

/** What a document release asks to be told: the persons it reached when it was made (frozen), and how. */
export interface DocumentNoticeRequest {
  organizationId: string;
  documentId: string;
  personIds: string[];
  /** The release's choice; `default` takes the category's `default_notify`. */
  notify: 'default' | 'immediate' | 'digest' | 'none';
}

type Channel = 'immediate' | 'digest';

/**
 * How a person hears of a release: their preference `mode`, the release's channel and the category's `mandatory`
 * flag. Immediate persons get the release's channel, digest persons the digest, "none" nothing, except for a
 * mandatory category: then the release's channel reaches everyone, and where that is "none", immediately (a digest
 * person still gets the digest). Null: no notice.
 */
export function channelFor(mode: NotifyMode, release: NotifyMode, mandatory: boolean): Channel | null {
  if (release === 'none' && !mandatory) return null;
  if (mode === 'digest') return 'digest';
  if (mode === 'none' && !mandatory) return null;
  return release === 'none' ? 'immediate' : release;
}

/** Job kind that mails one thing's immediate notifications (notices.ts `noticesJob`). */
export const noticesJobKind = 'notices';

/**
 * Queues the notices of a document release inside the caller's transaction `trx`: one `notifications` row per
 * person with a login whose preference and the category allow a mail, and a job for the immediate ones.
 * Returns how many persons will be mailed.
 *
 * A person already notified of the document (an earlier release) is not notified again (unique person, kind,
 * entity). Persons without an active login in the organization are skipped. The immediate mails go out when the
 * job runs (the next poll, jobs.ts), after this transaction has committed.
 */
export async function queueDocumentNotices(trx: Db, ctx: Pick<Ctx, 'clock'>, request: DocumentNoticeRequest): Promise<number> {
  const { organizationId, documentId } = request;
  const category = await trx('documents as d')
    .join('document_categories as c', 'c.id', 'd.category_id')
    .where({ 'd.id': documentId, 'd.organization_id': organizationId })
    .first('c.default_notify', 'c.mandatory');
  if (!category) return 0;
  const release: NotifyMode = request.notify === 'default' ? (category.default_notify as NotifyMode) : request.notify;
  const mandatory = bool(category.mandatory);
  if (release === 'none' && !mandatory) return 0;

  const now = ctx.clock();
  const rows: NewNotification[] = [];
  for (const [person_id, { mode }] of await recipients(trx, organizationId, [...new Set(request.personIds)])) {
    const channel = channelFor(mode, release, mandatory);
    if (channel) rows.push({ id: newId(now.getTime()), organization_id: organizationId, person_id, kind: 'document', entity_id: documentId, channel, created_at: now.toISOString() });
  }
  if (rows.length === 0) return 0;

  const queued = await storeNotifications(trx, ctx, organizationId, 'document', documentId, rows);
  return new Set(queued.map((r) => r.person_id)).size;
}

/** A notification row to store. */
export type NewNotification = Omit<NotificationRow, 'channel'> & { channel: Channel };

/**
 * Stores notification `rows` of one thing (`kind`, `entityId`) inside `trx`, skipping persons already notified of
 * it (unique person, kind, entity), and queues the job that mails the immediate ones once `trx` has committed.
 * Returns the rows stored.
 */
export async function storeNotifications(trx: Db, ctx: Pick<Ctx, 'clock'>, organizationId: string, kind: string, entityId: string, rows: NewNotification[]): Promise<NewNotification[]> {
  if (rows.length === 0) return [];
  const added = new Set<string>();
  for (const part of chunks(rows)) {
    await trx('notifications').insert(part).onConflict(['person_id', 'kind', 'entity_id']).ignore();
    const stored: { id: string }[] = await trx('notifications').whereIn('id', part.map((r) => r.id)).select('id');
    for (const { id } of stored) added.add(id);
  }
  const queued = rows.filter((r) => added.has(r.id));
  if (queued.some((r) => r.channel === 'immediate')) {
    await enqueue(trx, ctx.clock, {
      kind: noticesJobKind,
      key: `notices:${kind}:${entityId}:${ctx.clock().toISOString()}`,
      organizationId,
      payload: { kind, entityId },
    });
  }
  return queued;
}

/**
 * notices.ts `itemLoaders.document`: the mail items of document notifications: title and category, no title for a
 * sensitive category. Left out: documents withdrawn, and documents a person no longer reaches today (their release
 * revoked or their contract ended since; access/releases.ts decides).
 */
export async function documentNoticeItems(trx: Db, organizationId: string, rows: NotificationRow[], today: string): Promise<Map<string, NoticeItem>> {
  const docs = new Map<string, NoticeItem>();
  for (const part of chunks([...new Set(rows.map((r) => r.entity_id))])) {
    const found: { id: string; title: string; name_de: string; name_en: string; sensitive: unknown }[] = await trx('documents as d')
      .join('document_categories as c', 'c.id', 'd.category_id')
      .where('d.organization_id', organizationId)
      .whereIn('d.id', part)
      .whereNull('d.withdrawn_at')
      .select('d.id', 'd.title', 'c.name_de', 'c.name_en', 'c.sensitive');
    for (const d of found) docs.set(d.id, { kind: 'document', category: { de: d.name_de, en: d.name_en }, title: bool(d.sensitive) ? null : d.title });
  }
  const byPerson = new Map<string, NotificationRow[]>();
  for (const row of rows) if (docs.has(row.entity_id)) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row]);
  const items = new Map<string, NoticeItem>();
  for (const [personId, personRows] of byPerson) {
    const reachable = new Set<string>();
    for (const part of chunks(personRows.map((r) => r.entity_id))) {
      const rows: { document_id: string }[] = await trx.from(releasesReaching(trx, organizationId, personId, today).as('x')).whereIn('x.document_id', part).distinct('x.document_id');
      for (const r of rows) reachable.add(r.document_id);
    }
    for (const row of personRows) if (reachable.has(row.entity_id)) items.set(row.id, docs.get(row.entity_id)!);
  }
  return items;
}
