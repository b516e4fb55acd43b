import type { AdminPost, PostCategory } from '@hausportal/api';
import type { Db } from '../db.ts';
import { bool } from '../db.ts';
import { chunks } from '../notifications/jobs.ts';
import type { PostAudience } from '../access/posts.ts';
import { fieldsOfRow, postOf, type PostRow } from '../posts/write.ts';
import { postFileJson, postFilesOf } from '../posts/files.ts';
import { sendJson, sendsOf } from '../posts/sends.ts';

// Notices as the manager API shows them (AdminPost): the content as stored (body sanitized), the audience as named
// (properties, persons, role), attachments and sends (oldest first). Read in a few queries per page, not per notice.

/** A category row as the API shows it (PostCategory). */
export const categoryJson = (row: { id: string; key: string; name_de: string; name_en: string }): PostCategory => ({ id: row.id, key: row.key, name: { de: row.name_de, en: row.name_en } });

/** The stored audiences of `posts`, by post id (ids sorted, for stable answers). */
export async function audiencesOf(db: Db, posts: readonly Pick<PostRow, 'id' | 'audience_role'>[]): Promise<Map<string, PostAudience>> {
  const byPost = new Map<string, PostAudience>(posts.map((p) => [p.id, { role: p.audience_role, propertyIds: [], personIds: [] }]));
  for (const part of chunks(posts.map((p) => p.id))) {
    const [properties, persons] = await Promise.all([
      db('post_properties').whereIn('post_id', part).orderBy('property_id').select('post_id', 'property_id') as Promise<{ post_id: string; property_id: string }[]>,
      db('post_persons').whereIn('post_id', part).orderBy('person_id').select('post_id', 'person_id') as Promise<{ post_id: string; person_id: string }[]>,
    ]);
    for (const r of properties) byPost.get(r.post_id)!.propertyIds.push(r.property_id);
    for (const r of persons) byPost.get(r.post_id)!.personIds.push(r.person_id);
  }
  return byPost;
}

/** The notices `rows` as AdminPost, in the same order. */
export async function adminPosts(db: Db, rows: readonly PostRow[]): Promise<AdminPost[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [audiences, files, sends, categories] = await Promise.all([
    audiencesOf(db, rows),
    postFilesOf(db, ids),
    sendsOf(db, ids),
    db('post_categories').whereIn('id', [...new Set(rows.map((r) => r.category_id))]).select('id', 'key', 'name_de', 'name_en') as Promise<{ id: string; key: string; name_de: string; name_en: string }[]>,
  ]);
  const category = new Map(categories.map((c) => [c.id, categoryJson(c)]));
  return rows.map((row) => {
    const fields = fieldsOfRow(row, audiences.get(row.id)!);
    return {
      id: row.id,
      status: row.status,
      title: row.title,
      bodyHtml: row.body_html,
      type: row.type,
      category: category.get(row.category_id)!,
      audience: fields.audience,
      visibleFrom: row.visible_from,
      visibleUntil: row.visible_until,
      appointment: fields.appointment,
      link: fields.link,
      pinned: bool(row.pinned),
      requiresAck: bool(row.requires_ack),
      revision: Number(row.revision),
      revisedAt: row.revised_at,
      publishedAt: row.published_at,
      unpublishedAt: row.unpublished_at,
      remindedAt: row.reminded_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      attachments: files.get(row.id)!.map(postFileJson),
      sends: sends.get(row.id)!.map(sendJson),
    };
  });
}

/** The organization's notice `id` as AdminPost, or 404. */
export async function adminPost(db: Db, organizationId: string, id: string): Promise<AdminPost> {
  const [post] = await adminPosts(db, [await postOf(db, organizationId, id)]);
  return post!;
}
