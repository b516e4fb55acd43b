import type { Knex } from 'knex';
import type { PostCategory, PostFile, PostPlace, PostSummary, PostType } from '@hausportal/api';
import type { Auth } from '../auth/middleware.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { visiblePostIds } from '../access/posts.ts';
import { activeOn, allMyContracts } from '../access/contracts.ts';
import { notFound } from '../http/params.ts';
import { postFileJson, postFilesOf } from './files.ts';
import { boardKey, compareBoard, summaryOf, type BoardKey, type PostRow } from './view.ts';

// What a resident reads of the bulletin board: "my notices", those that access/posts.ts `visiblePostIds` lets the
// session's person see today (audience, published, display window, in the organization's calendar), each with my
// read state of its current revision. Everything else — another person's notice, another organization's, a draft,
// an unpublished, expired or future one — is simply not there, so an id of it answers 404 like an unknown one.
// A person sees few notices at a time (dozens), so the list is read whole and sorted and filtered in memory.

/** Whose board is read: the session's organization, person (null: a manager or a login without person: nothing) and day. */
export interface Viewer {
  orgId: string;
  personId: string | null;
  /** Today (YYYY-MM-DD) in the organization's time zone (calendar.ts `today`). */
  day: string;
}

/**
 * My notices (`p`) with their category (`c`) and my post_reads row of their current revision (`r`, left joined), as a
 * query to select from. Null person: no rows.
 */
export function myPosts(db: Db, viewer: Viewer): Knex.QueryBuilder {
  return db('posts as p')
    .whereIn('p.id', visiblePostIds(db, viewer.orgId, viewer.personId, viewer.day))
    .join('post_categories as c', 'c.id', 'p.category_id')
    .leftJoin('post_reads as r', (j) => j.on('r.post_id', '=', 'p.id').andOnVal('r.person_id', '=', viewer.personId ?? '').andOn('r.revision', '=', 'p.revision'));
}

/** Selects the {@link PostRow} columns from {@link myPosts}. */
const selectRow = (db: Db, q: Knex.QueryBuilder): Knex.QueryBuilder =>
  q.select(
    'p.id', 'p.title', 'p.type', 'p.category_id', 'c.key as category_key', 'c.name_de as category_de', 'c.name_en as category_en', 'c.sort as category_sort',
    'p.pinned', 'p.requires_ack', 'p.visible_from', 'p.visible_until', 'p.published_at', 'p.revised_at', 'p.revision',
    db.raw('substr(p.body_text, 1, 201) as body_start'),
    'p.appointment_start', 'p.appointment_end', 'p.appointment_all_day', 'p.appointment_place',
    db.raw('(select count(*) from post_files pf where pf.post_id = p.id) as attachment_count'),
    'r.first_seen_at', 'r.opened_at', 'r.acknowledged_at',
  );

type ListedRow = PostRow & { category_sort: number | string };

/**
 * For each of `postIds`, its properties in which I hold a contract today (begun, not ended; any role), by name. A
 * notice that reaches me by name only, or through nothing I rent or own, has none.
 */
async function myPlaces(ctx: Ctx, auth: Auth, day: string, postIds: string[]): Promise<Map<string, PostPlace[]>> {
  const out = new Map<string, PostPlace[]>();
  const mine = new Map<string, string>();
  for (const c of await allMyContracts(ctx, auth, day)) if (activeOn(c, day)) mine.set(c.property_id, c.property_name);
  if (mine.size === 0 || postIds.length === 0) return out;
  const rows = (await ctx.read('post_properties').whereIn('post_id', postIds).whereIn('property_id', [...mine.keys()]).select('post_id', 'property_id')) as { post_id: string; property_id: string }[];
  for (const row of rows) out.set(row.post_id, [...(out.get(row.post_id) ?? []), { id: row.property_id, name: mine.get(row.property_id)! }]);
  for (const places of out.values()) places.sort((a, b) => a.name.localeCompare(b.name, 'de') || (a.id < b.id ? -1 : 1));
  return out;
}

/** One of my notices on the board, with what the list sorts and filters by. */
export interface BoardItem {
  summary: PostSummary;
  key: BoardKey;
  categorySort: number;
}

/** All my notices today, in the board's order (posts/view.ts `compareBoard`). */
export async function myBoard(ctx: Ctx, auth: Auth, viewer: Viewer): Promise<BoardItem[]> {
  if (viewer.personId === null) return [];
  const rows = (await selectRow(ctx.read, myPosts(ctx.read, viewer))) as ListedRow[];
  const places = await myPlaces(ctx, auth, viewer.day, rows.map((r) => r.id));
  return rows
    .map((row) => ({ summary: summaryOf(row, places.get(row.id) ?? []), key: boardKey(row), categorySort: Number(row.category_sort) }))
    .sort((a, b) => compareBoard(a.key, b.key));
}

/** The list's filters (GET /posts): all given must hold. */
export interface BoardFilter {
  /** A property of mine: notices for it in which I hold a contract today. */
  property?: string;
  category?: string;
  type?: PostType;
  /** Only notices not opened in their current revision. */
  unread?: boolean;
}

export const matches = (item: PostSummary, filter: BoardFilter): boolean =>
  (filter.property === undefined || item.properties.some((p) => p.id === filter.property)) &&
  (filter.category === undefined || item.category.id === filter.category) &&
  (filter.type === undefined || item.type === filter.type) &&
  (!filter.unread || item.read.openedAt === null);

/** The categories of `items`, once each, in the organization's order (sort, then German name, then id). */
export function categoriesOf(items: BoardItem[]): PostCategory[] {
  const byId = new Map<string, BoardItem>();
  for (const item of items) if (!byId.has(item.summary.category.id)) byId.set(item.summary.category.id, item);
  return [...byId.values()]
    .sort((a, b) => a.categorySort - b.categorySort || a.summary.category.name.de.localeCompare(b.summary.category.name.de, 'de') || (a.summary.category.id < b.summary.category.id ? -1 : 1))
    .map((item) => item.summary.category);
}

/** How many of my notices today I have not opened in their current revision. */
export async function unreadCount(db: Db, viewer: Viewer): Promise<number> {
  if (viewer.personId === null) return 0;
  const row = (await myPosts(db, viewer).whereNull('r.opened_at').count({ n: '*' }).first()) as { n: number | string };
  return Number(row.n);
}

/** The body and link columns of a notice, next to its {@link PostRow}. */
export interface PostBodyRow extends PostRow {
  body_html: string;
  body_text: string;
  link_url: string | null;
  link_text: string | null;
}

/** My notice `id` as a summary, with its body and link columns, or a 404 problem (not mine today, or unknown). */
export async function myPost(ctx: Ctx, auth: Auth, viewer: Viewer, id: string): Promise<{ summary: PostSummary; row: PostBodyRow }> {
  if (viewer.personId === null) throw notFound();
  const row = (await selectRow(ctx.read, myPosts(ctx.read, viewer).where('p.id', id)).select('p.body_html', 'p.body_text', 'p.link_url', 'p.link_text').first()) as PostBodyRow | undefined;
  if (!row) throw notFound();
  const places = await myPlaces(ctx, auth, viewer.day, [row.id]);
  return { summary: summaryOf(row, places.get(row.id) ?? []), row };
}

/** The attachments of a notice as PostFile, in upload order (then id). */
export async function postFiles(db: Db, postId: string): Promise<PostFile[]> {
  return ((await postFilesOf(db, [postId])).get(postId) ?? []).map(postFileJson);
}
