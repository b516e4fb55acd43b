import type { AdminPostInput, AdminPostPatch, PostType } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { bool } from '../db.ts';
import { newId } from '../ids.ts';
import { notFound } from '../http/params.ts';
import { validationProblem, type ContractViolation } from '../http/problems.ts';
import { lineProblem } from '../http/upload.ts';
import type { PostAudience } from '../access/posts.ts';
import { chunks } from '../notifications/jobs.ts';
import { requireOwned, unknownIds } from '../admin/scope.ts';
import { postBodyText, sanitizePostBody } from './sanitize.ts';

// Writing notices of the bulletin board (migration 010 `posts`, `post_properties`, `post_persons`) from the manager
// API's AdminPostInput and AdminPostPatch. The contract (openapi.yaml) checks shapes and lengths; the rules between
// fields are checked here, all at once, each broken rule a 400 naming its field as a JSON pointer:
// - title, link text and appointment place are one line (no line breaks or other control characters);
// - the body is sanitized (sanitize.ts `sanitizePostBody`) and its plain text kept as `body_text`;
// - warning and danger notices need `visibleUntil` (as CO's emergency news need `validBefore`,
//   /work/shared/research/feature-anchors.md (d)); `visibleUntil` ≥ `visibleFrom`;
// - an all-day appointment gives days (YYYY-MM-DD), a timed one instants with a UTC offset (RFC 3339), stored as UTC
//   ISO 8601; the end is not before the start;
// - the link is an https: URL.
// The category, properties and persons must be the organization's: 404 naming the field (admin/scope.ts).

/** A notice as stored in `posts` (booleans as the driver gives them). */
export interface PostRow {
  id: string;
  organization_id: string;
  category_id: string;
  status: 'draft' | 'published' | 'unpublished';
  type: PostType;
  title: string;
  body_html: string;
  body_text: string;
  audience_role: PostAudience['role'];
  visible_from: string;
  visible_until: string | null;
  appointment_start: string | null;
  appointment_end: string | null;
  appointment_all_day: unknown;
  appointment_place: string | null;
  link_url: string | null;
  link_text: string | null;
  pinned: unknown;
  requires_ack: unknown;
  revision: number;
  revised_at: string | null;
  author_user_id: string | null;
  published_at: string | null;
  unpublished_at: string | null;
  reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The editable content of a notice, checked: what {@link checkPostFields} gives and {@link insertPost} stores. */
export interface PostFields {
  title: string;
  /** Sanitized HTML, and its plain text. */
  bodyHtml: string;
  bodyText: string;
  type: PostType;
  categoryId: string;
  /** Ids without duplicates. */
  audience: PostAudience;
  /** Days YYYY-MM-DD of the organization's calendar, both inclusive; `visibleUntil` null: no end. */
  visibleFrom: string;
  visibleUntil: string | null;
  /** Instants as UTC ISO 8601, or days when `allDay`. */
  appointment: { start: string; end: string | null; allDay: boolean; place: string | null } | null;
  link: { url: string; text: string } | null;
  pinned: boolean;
  requiresAck: boolean;
}

/** The organization's notice `id`, or 404 (another organization's id too). `lock`: FOR UPDATE inside a transaction. */
export async function postOf(db: Db, organizationId: string, id: string, lock = false): Promise<PostRow> {
  const q = db('posts').where({ id, organization_id: organizationId });
  if (lock) q.forUpdate();
  const row = (await q.first()) as PostRow | undefined;
  if (!row) throw notFound();
  return { ...row, revision: Number(row.revision) };
}

/** The stored content of a notice, as {@link PostFields} (the base a PATCH changes). */
export function fieldsOfRow(row: PostRow, audience: PostAudience): PostFields {
  return {
    title: row.title,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    type: row.type,
    categoryId: row.category_id,
    audience,
    visibleFrom: row.visible_from,
    visibleUntil: row.visible_until,
    appointment: row.appointment_start === null ? null : { start: row.appointment_start, end: row.appointment_end, allDay: bool(row.appointment_all_day), place: row.appointment_place },
    link: row.link_url === null ? null : { url: row.link_url, text: row.link_text ?? '' },
    pinned: bool(row.pinned),
    requiresAck: bool(row.requires_ack),
  };
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * An RFC 3339 date-time with its offset ("2026-05-04T08:00:00+02:00", "…Z") as UTC ISO 8601, or null when it is none
 * (no offset, no such day or hour) or lies outside 0001-01-02 … 9999-12-30 UTC (so that its day is a four-digit year
 * in every time zone: "9999-12-31T23:59:59-23:59" would be "+010000-01-01…", which no calendar reads).
 */
export function instantOf(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|z|[+-](\d{2}):(\d{2}))$/.exec(text);
  if (!m || !isDay(m[1]!)) return null;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59 || Number(m[6] ?? 0) > 23 || Number(m[7] ?? 0) > 59) return null;
  const ms = Date.parse(text.toUpperCase());
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  return iso < '0001-01-02' || iso >= '9999-12-31' ? null : iso;
}

/** Why `text` cannot be a one-line text (a title, a label), or null: upload.ts `lineProblem` plus C1 controls and line separators. */
function oneLineProblem(text: string, what: string): string | null {
  return lineProblem(text, what) ?? (/[\u0080-\u009f\u2028\u2029]/.test(text) ? `${what} contains line breaks or other control characters.` : null);
}

/**
 * Why `url` is no link a notice may carry, or null: an absolute https: URL with a host, no spaces, control characters
 * or direction controls (which would show "https://bank.example/\u202Emoc.live" as another address).
 */
function linkProblem(url: string): string | null {
  if (/[\s\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(url)) return 'The link must not contain spaces, control or direction characters.';
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.hostname === '') return 'The link must be an https: address.';
  } catch {
    return 'The link is not a valid address.';
  }
  return null;
}

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/**
 * `input` (a whole AdminPostInput, or a patch over `base`) checked and merged: the stored content it asks for. `today`
 * (the organization's day) is the default `visibleFrom` of a new notice. Throws 400 `validation_failed` naming every
 * broken rule's field.
 */
export function checkPostFields(input: AdminPostInput | AdminPostPatch, base: PostFields | null, today: string): PostFields {
  const violations: ContractViolation[] = [];
  const fail = (field: string, message: string) => violations.push({ field, keyword: '', message });

  const title = input.title ?? base?.title ?? '';
  const titleProblem = input.title === undefined ? null : oneLineProblem(input.title, 'The title');
  if (titleProblem) fail('/title', titleProblem);

  let bodyHtml = base?.bodyHtml ?? '';
  let bodyText = base?.bodyText ?? '';
  if (input.bodyHtml !== undefined) {
    bodyHtml = sanitizePostBody(input.bodyHtml);
    bodyText = postBodyText(bodyHtml);
  }

  const type = input.type ?? base?.type ?? 'neutral';
  const visibleFrom = input.visibleFrom ?? base?.visibleFrom ?? today;
  const visibleUntil = input.visibleUntil !== undefined ? input.visibleUntil : (base?.visibleUntil ?? null);
  if ((type === 'warning' || type === 'danger') && visibleUntil === null) fail('/visibleUntil', `A ${type} notice needs a last day (visibleUntil).`);
  if (visibleUntil !== null && visibleUntil < visibleFrom) fail('/visibleUntil', 'The last day shown must not be before the first (visibleFrom).');

  let appointment = base?.appointment ?? null;
  if (input.appointment !== undefined) {
    appointment = null;
    const a = input.appointment;
    if (a !== null) {
      const read = (text: string, field: string): string | null => {
        if (a.allDay) {
          if (isDay(text)) return text;
          fail(field, 'An all-day appointment gives days (YYYY-MM-DD).');
          return null;
        }
        const instant = instantOf(text);
        if (instant === null) fail(field, 'A timed appointment gives date-times with their offset (2026-05-04T08:00:00+02:00 or …Z).');
        return instant;
      };
      const start = read(a.start, '/appointment/start');
      const end = a.end == null ? null : read(a.end, '/appointment/end');
      if (start !== null && end !== null && end < start) fail('/appointment/end', 'The appointment must not end before it starts.');
      const place = a.place == null || a.place.trim() === '' ? null : a.place.trim();
      const placeProblem = place === null ? null : oneLineProblem(place, 'The place');
      if (placeProblem) fail('/appointment/place', placeProblem);
      if (start !== null) appointment = { start, end, allDay: a.allDay, place };
    }
  }

  let link = base?.link ?? null;
  if (input.link !== undefined) {
    link = input.link;
    if (link !== null) {
      const urlProblem = linkProblem(link.url);
      if (urlProblem) fail('/link/url', urlProblem);
      const textProblem = oneLineProblem(link.text, 'The link text');
      if (textProblem) fail('/link/text', textProblem);
      link = { url: link.url, text: link.text.trim() };
    }
  }

  if (violations.length > 0) throw validationProblem(violations.map((v) => v.message).join(' '), violations);
  const audience = input.audience ?? base?.audience ?? { role: 'both', propertyIds: [], personIds: [] };
  return {
    title: title.trim(),
    bodyHtml,
    bodyText,
    type,
    categoryId: input.categoryId ?? base?.categoryId ?? '',
    audience: { role: audience.role, propertyIds: unique(audience.propertyIds), personIds: unique(audience.personIds) },
    visibleFrom,
    visibleUntil,
    appointment,
    link,
    pinned: input.pinned ?? base?.pinned ?? false,
    requiresAck: input.requiresAck ?? base?.requiresAck ?? false,
  };
}

/** 404 naming the field unless the category (`/categoryId`), properties and persons (`/audience/…`) are the organization's. */
export async function requirePostRefs(db: Db, organizationId: string, fields: PostFields): Promise<void> {
  const category = await db('post_categories').where({ id: fields.categoryId, organization_id: organizationId }).first('id');
  if (!category) throw unknownIds('/categoryId', 'category');
  for (const part of chunks(fields.audience.propertyIds)) await requireOwned(db, organizationId, 'property', part, '/audience/propertyIds');
  for (const part of chunks(fields.audience.personIds)) await requireOwned(db, organizationId, 'person', part, '/audience/personIds');
}

/** The columns of `posts` that hold {@link PostFields}. */
function columnsOf(fields: PostFields): Record<string, unknown> {
  return {
    category_id: fields.categoryId,
    type: fields.type,
    title: fields.title,
    body_html: fields.bodyHtml,
    body_text: fields.bodyText,
    audience_role: fields.audience.role,
    visible_from: fields.visibleFrom,
    visible_until: fields.visibleUntil,
    appointment_start: fields.appointment?.start ?? null,
    appointment_end: fields.appointment?.end ?? null,
    appointment_all_day: fields.appointment?.allDay ?? false,
    appointment_place: fields.appointment?.place ?? null,
    link_url: fields.link?.url ?? null,
    link_text: fields.link?.text ?? null,
    pinned: fields.pinned,
    requires_ack: fields.requiresAck,
  };
}

/** Replaces the stored audience of `postId` (properties and persons) inside `trx`. */
async function storeAudience(trx: Db, postId: string, audience: PostAudience): Promise<void> {
  await trx('post_properties').where({ post_id: postId }).delete();
  await trx('post_persons').where({ post_id: postId }).delete();
  for (const part of chunks(audience.propertyIds)) await trx('post_properties').insert(part.map((property_id) => ({ post_id: postId, property_id })));
  for (const part of chunks(audience.personIds)) await trx('post_persons').insert(part.map((person_id) => ({ post_id: postId, person_id })));
}

/** Stores a new draft (revision 1) with its audience inside `trx`; returns its id. */
export async function insertPost(trx: Db, ctx: Pick<Ctx, 'clock'>, organizationId: string, authorUserId: string, fields: PostFields): Promise<string> {
  const id = newId();
  const now = ctx.clock().toISOString();
  await trx('posts').insert({ id, organization_id: organizationId, status: 'draft', author_kind: 'staff', author_user_id: authorUserId, revision: 1, created_at: now, updated_at: now, ...columnsOf(fields) });
  await storeAudience(trx, id, fields.audience);
  return id;
}

/**
 * Stores changed `fields` of the notice `row` inside `trx`. `substantial` (a "wesentliche Änderung" of a notice that
 * has been published) adds one to the revision and sets `revised_at`: reads are kept per revision (post_reads), so
 * everybody's "neu" and acknowledgement start again. Returns the revision now.
 */
export async function updatePost(trx: Db, ctx: Pick<Ctx, 'clock'>, row: PostRow, fields: PostFields, substantial: boolean): Promise<number> {
  const now = ctx.clock().toISOString();
  const revise = substantial && row.published_at !== null;
  const revision = revise ? row.revision + 1 : row.revision;
  await trx('posts').where({ id: row.id }).update({ ...columnsOf(fields), updated_at: now, ...(revise ? { revision, revised_at: now } : {}) });
  await storeAudience(trx, row.id, fields.audience);
  return revision;
}
