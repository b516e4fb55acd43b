import type { Knex } from 'knex';
import sharp from 'sharp';
import type { NotifyMode } from '@hausportal/api';
import type { Clock } from '../clock.ts';
import { dayIn } from '../calendar.ts';
import { newId } from '../ids.ts';
import { storeFile } from '../http/upload.ts';
import { instantAt, nextDay } from '../notifications/digest.ts';
import { channelFor } from '../notifications/notify.ts';
import { recipients } from '../notifications/notices.ts';
import { postAudiencePersons } from '../access/posts.ts';
import { postBodyText, sanitizePostBody } from '../posts/sanitize.ts';
import { processAttachment } from '../tickets/photos.ts';
import { insertAll } from './money.ts';
import { addDays } from './money-ledger.ts';
import { textPdf } from './pdf.ts';
import { demoPosts, type AttachmentSpec, type PostSpec } from './posts-data.ts';
import type { When } from './tickets-data.ts';

// The demo's bulletin board (seed/posts-data.ts), written as the manager API writes it: each body sanitized by
// posts/sanitize.ts with its plain text, the display window and appointments moved to the seed clock's today in the
// organization's time zone, the audience as properties × role, the manager as author, attachments stored in `files`
// (a PDF made like seed/pdf.ts does, a drawn JPEG processed like a ticket photo, with its preview), the demo persons'
// reads per revision, and for the notices marked `sent` a notification run of revision 1 a minute after publishing
// whose `notifications` rows are mailed already. Runs inside the demo seed's transaction after seedTickets; an
// organization that has notices gets none (a second run writes nothing).

interface OrgContext {
  id: string;
  slug: 'immopro' | 'krueger';
  timeZone: string;
  digestHour: number;
  today: string;
  managerUserId: string | null;
  categories: Map<string, string>;
  properties: Map<string, string>;
  persons: Map<string, string>;
}

/** The instant of `[days ago, 'HH:MM']` in the organization's time zone (ISO 8601 UTC). */
function instant(c: OrgContext, [daysAgo, time]: When): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return new Date(instantAt(addDays(c.today, -daysAgo), hour, c.timeZone).getTime() + minute * 60_000).toISOString();
}

/** The appointment columns: instants when timed, days when all day. */
function appointmentColumns(c: OrgContext, spec: PostSpec): Record<string, unknown> {
  const a = spec.appointment;
  if (!a) return { appointment_start: null, appointment_end: null, appointment_all_day: false, appointment_place: null };
  if ('allDay' in a) {
    return { appointment_start: addDays(c.today, a.day), appointment_end: a.endDay === undefined ? null : addDays(c.today, a.endDay), appointment_all_day: true, appointment_place: a.place };
  }
  return { appointment_start: instant(c, [-a.day, a.from]), appointment_end: instant(c, [-a.day, a.to]), appointment_all_day: false, appointment_place: a.place };
}

const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** A 640 × 480 JPEG of a heap of scrap and old furniture in a yard, with the caption. */
async function renderScrap(caption: string): Promise<Buffer> {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">'
    + '<rect x="0" y="300" width="640" height="180" fill="#9a958c"/><rect x="40" y="60" width="560" height="240" fill="#c8c1b3"/>'
    + '<rect x="120" y="220" width="150" height="90" fill="#7b5a3a"/><rect x="130" y="230" width="60" height="30" fill="#6a4b2f"/>'
    + '<circle cx="360" cy="300" r="48" fill="none" stroke="#4b4f52" stroke-width="8"/><circle cx="470" cy="300" r="48" fill="none" stroke="#4b4f52" stroke-width="8"/>'
    + '<path d="M360 300 L410 250 L470 300 M410 250 L400 230" stroke="#4b4f52" stroke-width="8" fill="none"/>'
    + '<path d="M230 330 L330 280 L350 340 Z" fill="#8d9499"/><rect x="480" y="200" width="90" height="120" fill="#b0b6b9" stroke="#6d7377" stroke-width="5"/>'
    + '<rect x="0" y="420" width="640" height="60" fill="#000" opacity="0.55"/>'
    + `<text x="20" y="460" font-family="DejaVu Sans, sans-serif" font-size="26" fill="#fff">${escapeXml(caption)}</text></svg>`;
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#d9d4c8' } }).composite([{ input: Buffer.from(svg) }]).jpeg({ quality: 85 }).toBuffer();
}

/** The attachment's bytes: a one-page PDF, or a drawn photo processed as an upload is. */
async function attachmentFile(c: OrgContext, spec: AttachmentSpec, orgName: string, at: Date): Promise<{ name: string; mime: string; bytes: Buffer; thumb: Buffer | null }> {
  if (spec.kind === 'pdf') {
    const bytes = textPdf([{ text: orgName, bold: true, size: 13 }, { text: spec.title, bold: true, size: 16, gap: 24 }, ...spec.lines.map((text, i) => ({ text, gap: i === 0 ? 18 : 4 }))], { title: spec.title, author: orgName, created: at });
    return { name: spec.name, mime: 'application/pdf', bytes, thumb: null };
  }
  return processAttachment(spec.name, await renderScrap(spec.caption));
}

/** The notification run of revision 1: sent a minute after publishing to everyone it reached, mails already out. */
async function addSend(trx: Knex, c: OrgContext, postId: string, publishedAt: string, propertyIds: string[], role: PostSpec['role']): Promise<void> {
  const sendAt = new Date(Date.parse(publishedAt) + 60_000);
  const sentAt = sendAt.toISOString();
  const sendId = newId(sendAt.getTime());
  const reached = await postAudiencePersons(trx, c.id, { role, propertyIds, personIds: [] }, dayIn(sendAt, c.timeZone));
  const told = await recipients(trx, c.id, reached.map((p) => p.id));
  const rows: Record<string, unknown>[] = [];
  for (const [personId, { mode }] of told) {
    const channel = channelFor(mode as NotifyMode, 'immediate', false);
    if (!channel) continue;
    const mailedAt = channel === 'immediate' ? new Date(sendAt.getTime() + 30_000) : instantAt(nextDay(dayIn(sendAt, c.timeZone)), c.digestHour, c.timeZone);
    rows.push({ id: newId(sendAt.getTime()), organization_id: c.id, person_id: personId, kind: 'post', entity_id: sendId, channel, created_at: sentAt, mailed_at: mailedAt.toISOString() });
  }
  await trx('post_sends').insert({
    id: sendId, organization_id: c.id, post_id: postId, revision: 1, reason: 'publish', mode: 'now', send_at: sentAt, sent_at: sentAt, cancelled_at: null,
    recipients: rows.length, created_by: c.managerUserId, created_at: publishedAt,
  });
  await insertAll(trx, 'notifications', rows);
}

/** One notice with its audience, attachment, reads and send. */
async function addPost(trx: Knex, c: OrgContext, spec: PostSpec, orgName: string): Promise<void> {
  const categoryId = c.categories.get(spec.category);
  if (!categoryId) throw new Error(`demo seed: no post category ${spec.category}`);
  const propertyIds = spec.properties.map((name) => {
    const id = c.properties.get(name);
    if (!id) throw new Error(`demo seed: notice ${spec.ref} names an unknown property ${name}`);
    return id;
  });
  const publishedAt = spec.published ? instant(c, spec.published) : null;
  const revisedAt = spec.revised ? instant(c, spec.revised) : null;
  // Written a quarter of an hour before it went out; a draft yesterday.
  const createdAt = new Date(Date.parse(publishedAt ?? instant(c, [1, '15:00'])) - 15 * 60_000).toISOString();
  const bodyHtml = sanitizePostBody(spec.body);
  const postId = newId(Date.parse(createdAt));
  await trx('posts').insert({
    id: postId, organization_id: c.id, category_id: categoryId, status: spec.status, type: spec.type, title: spec.title,
    body_html: bodyHtml, body_text: postBodyText(bodyHtml), audience_role: spec.role,
    visible_from: addDays(c.today, spec.visible.from), visible_until: spec.visible.until === null ? null : addDays(c.today, spec.visible.until),
    ...appointmentColumns(c, spec),
    link_url: spec.link?.url ?? null, link_text: spec.link?.text ?? null, pinned: spec.pinned ?? false, requires_ack: spec.requiresAck ?? false,
    revision: revisedAt ? 2 : 1, revised_at: revisedAt, author_kind: 'staff', author_user_id: c.managerUserId,
    published_at: publishedAt, unpublished_at: null, reminded_at: null, created_at: createdAt, updated_at: revisedAt ?? publishedAt ?? createdAt,
  });
  await insertAll(trx, 'post_properties', propertyIds.map((property_id) => ({ post_id: postId, property_id })));
  if (spec.attachment) {
    const file = await attachmentFile(c, spec.attachment, orgName, new Date(createdAt));
    const fileCtx = { clock: () => new Date(createdAt) };
    const fileId = await storeFile(trx, fileCtx, { organizationId: c.id, name: file.name, mime: file.mime, bytes: file.bytes });
    const thumbId = file.thumb ? await storeFile(trx, fileCtx, { organizationId: c.id, name: 'preview.jpg', mime: 'image/jpeg', bytes: file.thumb }) : null;
    await trx('post_files').insert({ id: newId(Date.parse(createdAt)), post_id: postId, file_id: fileId, thumb_file_id: thumbId, name: file.name, mime: file.mime, size: file.bytes.length, created_at: createdAt });
  }
  const reads = (spec.reads ?? []).map((r) => {
    const personId = c.persons.get(r.person);
    if (!personId) throw new Error(`demo seed: notice ${spec.ref} names an unknown person ${r.person}`);
    return { post_id: postId, person_id: personId, revision: r.revision, first_seen_at: instant(c, r.seen), opened_at: r.opened ? instant(c, r.opened) : null, acknowledged_at: r.acknowledged ? instant(c, r.acknowledged) : null };
  });
  await insertAll(trx, 'post_reads', reads);
  if (spec.sent && publishedAt) await addSend(trx, c, postId, publishedAt, propertyIds, spec.role);
}

/** Looks up what the specs name: categories, properties and persons by name, the first manager. */
async function orgContext(trx: Knex, org: { id: string; slug: 'immopro' | 'krueger'; time_zone: string; digest_hour: number | string }, clock: Clock): Promise<OrgContext> {
  const manager = (await trx('memberships').where({ organization_id: org.id, role: 'manager' }).orderBy('created_at').first('user_id')) as { user_id: string } | undefined;
  const byName = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.name, r.id]));
  return {
    id: org.id, slug: org.slug, timeZone: org.time_zone, digestHour: Number(org.digest_hour), today: dayIn(clock(), org.time_zone), managerUserId: manager?.user_id ?? null,
    categories: new Map(((await trx('post_categories').where({ organization_id: org.id }).select('id', 'key')) as { id: string; key: string }[]).map((r) => [r.key, r.id])),
    properties: byName(await trx('properties').where({ organization_id: org.id }).select('id', 'name')),
    persons: byName(await trx('persons').where({ organization_id: org.id }).select('id', 'name')),
  };
}

/** The demo notices of both organizations (demo seed, after seedTickets). */
export async function seedPosts(trx: Knex, clock: Clock): Promise<void> {
  const orgs = (await trx('organizations').whereIn('slug', ['immopro', 'krueger']).orderBy('slug').select('id', 'slug', 'name', 'time_zone', 'digest_hour')) as
    { id: string; slug: 'immopro' | 'krueger'; name: string; time_zone: string; digest_hour: number | string }[];
  for (const org of orgs) {
    if (await trx('posts').where({ organization_id: org.id }).first('id')) continue;
    const c = await orgContext(trx, org, clock);
    for (const spec of demoPosts(org.slug)) await addPost(trx, c, spec, org.name);
  }
}
