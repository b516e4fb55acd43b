import type { PostAppointment, PostCategory, PostDetail, PostFile, PostLink, PostPlace, PostReadState, PostSummary, PostType } from '@hausportal/api';
import { bool } from '../db.ts';

// How a notice of the bulletin board looks in the resident API (openapi.yaml PostSummary, PostDetail): the stored
// columns (migration 010) turned into the contract's shapes, and the board's order. Shared by the list, the detail and
// the read answers (posts/routes.ts); the manager side may use the same pieces (appointment, link, files, category).

/** The columns of a notice that a summary needs (`p` posts, `c` post_categories, `r` my post_reads row). */
export interface PostRow {
  id: string;
  title: string;
  type: PostType;
  category_id: string;
  category_key: string;
  category_de: string;
  category_en: string;
  pinned: unknown;
  requires_ack: unknown;
  visible_from: string;
  visible_until: string | null;
  published_at: string | null;
  revised_at: string | null;
  revision: number | string;
  /** The first 201 characters of `body_text` (one more than an excerpt takes, to know whether it was cut). */
  body_start: string;
  appointment_start: string | null;
  appointment_end: string | null;
  appointment_all_day: unknown;
  appointment_place: string | null;
  attachment_count: number | string;
  first_seen_at: string | null;
  opened_at: string | null;
  acknowledged_at: string | null;
}

/** The longest excerpt, in characters (code points) of the body's plain text. */
export const excerptLength = 200;

/**
 * The list's excerpt of a body's plain text: lines joined by spaces (with a full stop after a line that ends without
 * punctuation, such as a heading or a list item); a text longer than {@link excerptLength}
 * characters is cut at the last space before that length (or hard, without one) and ends in "…", so the result has
 * at most {@link excerptLength} characters (code points).
 */
export function excerptOf(text: string): string {
  // A heading or list item has no full stop of its own; one is added where lines meet, so they do not run together.
  const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const flat = lines.map((l, i) => (i < lines.length - 1 && !/[.!?:;…,–-]$/.test(l) ? `${l}.` : l)).join(' ');
  const chars = Array.from(flat);
  if (chars.length <= excerptLength) return flat;
  const head = chars.slice(0, excerptLength - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > excerptLength / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** A category row as the contract's PostCategory (German and English name). */
export const categoryOf = (row: { category_id: string; category_key: string; category_de: string; category_en: string }): PostCategory => ({
  id: row.category_id,
  key: row.category_key,
  name: { de: row.category_de, en: row.category_en },
});

/**
 * The appointment of a notice, or null without a start. Timed: instants as stored (ISO 8601 UTC); all day: days
 * (YYYY-MM-DD, both inclusive, the organization's calendar). `end` null: open end, or a single day.
 */
export function appointmentOf(row: Pick<PostRow, 'appointment_start' | 'appointment_end' | 'appointment_all_day' | 'appointment_place'>): PostAppointment | null {
  if (!row.appointment_start) return null;
  return { start: row.appointment_start, end: row.appointment_end, allDay: bool(row.appointment_all_day), place: row.appointment_place };
}

/** The notice's link, or null when it has none. */
export const linkOf = (row: { link_url: string | null; link_text: string | null }): PostLink | null =>
  row.link_url ? { url: row.link_url, text: row.link_text || row.link_url } : null;

/** My read state of the notice's current revision (null times: not yet; `openedAt` null = "neu"). */
export const readOf = (row: Pick<PostRow, 'first_seen_at' | 'opened_at' | 'acknowledged_at'>): PostReadState => ({
  seenAt: row.first_seen_at ?? null,
  openedAt: row.opened_at ?? null,
  acknowledgedAt: row.acknowledged_at ?? null,
});

/** A notice counts as pinned while shown when the manager pinned it or it is a danger notice (issue 12). */
export const isPinned = (row: Pick<PostRow, 'pinned' | 'type'>): boolean => bool(row.pinned) || row.type === 'danger';

/** The summary of one of my notices; `properties` are its properties in which I hold a contract today. */
export function summaryOf(row: PostRow, properties: PostPlace[]): PostSummary {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    category: categoryOf(row),
    pinned: isPinned(row),
    requiresAck: bool(row.requires_ack),
    visibleFrom: row.visible_from,
    visibleUntil: row.visible_until,
    publishedAt: row.published_at ?? '',
    revisedAt: row.revised_at,
    revision: Number(row.revision),
    excerpt: excerptOf(row.body_start ?? ''),
    appointment: appointmentOf(row),
    attachmentCount: Number(row.attachment_count),
    properties,
    read: readOf(row),
  };
}

/** The whole notice: its summary, the sanitized body, the link and the attachments (in upload order). */
export const detailOf = (summary: PostSummary, body: { body_html: string; link_url: string | null; link_text: string | null }, files: PostFile[]): PostDetail => ({
  ...summary,
  bodyHtml: body.body_html,
  link: linkOf(body),
  attachments: files,
});

/** The board's order as a key: [group, newest change, id]; see {@link compareBoard}. */
export type BoardKey = [number, string, string];

const typeRank: Record<PostType, number> = { danger: 0, warning: 1, info: 2, neutral: 2 };

/**
 * Where a notice stands on the board: pinned ones (pinned or danger) first, then danger, then warning, then the rest
 * (group = 3 × not pinned + type rank: danger 0, warning 1, others 2); in each group the newest publication or
 * substantial change (`coalesce(revised_at, published_at)`) first, then the id, descending.
 */
export const boardKey = (row: Pick<PostRow, 'id' | 'type' | 'pinned' | 'revised_at' | 'published_at'>): BoardKey => [
  (isPinned(row) ? 0 : 3) + typeRank[row.type],
  row.revised_at ?? row.published_at ?? '',
  row.id,
];

/** Negative when `a` comes before `b` on the board ({@link boardKey}). */
export function compareBoard(a: BoardKey, b: BoardKey): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] > b[1] ? -1 : 1;
  if (a[2] !== b[2]) return a[2] > b[2] ? -1 : 1;
  return 0;
}
