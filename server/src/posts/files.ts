import type { PostFile } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { newId } from '../ids.ts';
import { HttpProblem } from '../http/problems.ts';
import { storeFile, type UploadedFile } from '../http/upload.ts';
import { chunks } from '../notifications/jobs.ts';
import { processAttachment, type ProcessedFile } from '../tickets/photos.ts';

// Attachments of notices (migration 010 `post_files` → `files`): at most five per notice. The type is sniffed from
// the bytes (http/upload.ts `acceptedFile`: PDF, JPEG, PNG, WebP, HEIC, DOCX, XLSX; 415 otherwise). Images and PDFs
// go through the ticket attachments' processing (tickets/photos.ts `processAttachment`): photos re-encoded without
// any metadata (EXIF positions included), upright and at most 2560 px, HEIC as JPEG, a JPEG preview of at most 320 px
// for each image. DOCX and XLSX are documents kept as they came.

/** Attachments a notice may have. */
export const maxPostFiles = 5;

/** Images a browser shows in the notice (`PostFile.image`); a HEIC that could not be converted is a download only. */
export const shownImageTypes: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** 413 `too_many_files`: the notice has {@link maxPostFiles} attachments already. */
export const tooManyPostFiles = (): HttpProblem =>
  new HttpProblem(413, 'too_many_files', `A notice has at most ${maxPostFiles} attachments.`, {
    errors: [{ field: 'file', code: 'too_many', message: `At most ${maxPostFiles} attachments per notice.` }],
  });

/**
 * The uploaded `file` (its type `mime` already sniffed and allowed) made ready to store, outside any transaction
 * (image work takes time): images and PDFs by `processAttachment` (415 for an image that cannot be decoded), DOCX and
 * XLSX unchanged.
 */
export async function preparePostFile(file: UploadedFile, mime: string): Promise<ProcessedFile> {
  if (mime.startsWith('image/') || mime === 'application/pdf') return processAttachment(file.originalname, file.buffer, 'file');
  return { name: file.originalname, mime, bytes: file.buffer, thumb: null };
}

/** A stored attachment row (post_files). */
export interface PostFileRow {
  id: string;
  post_id: string;
  file_id: string;
  thumb_file_id: string | null;
  name: string;
  mime: string;
  size: number | string;
  created_at: string;
}

/** Stores a prepared attachment of `postId` (and its preview) inside `trx`; returns the post_files id. */
export async function storePostFile(trx: Db, ctx: Pick<Ctx, 'clock'>, organizationId: string, postId: string, file: ProcessedFile): Promise<string> {
  const fileId = await storeFile(trx, ctx, { organizationId, name: file.name, mime: file.mime, bytes: file.bytes });
  const thumbId = file.thumb ? await storeFile(trx, ctx, { organizationId, name: 'preview.jpg', mime: 'image/jpeg', bytes: file.thumb }) : null;
  const id = newId();
  await trx('post_files').insert({ id, post_id: postId, file_id: fileId, thumb_file_id: thumbId, name: file.name, mime: file.mime, size: file.bytes.length, created_at: ctx.clock().toISOString() });
  return id;
}

/** Deletes attachment rows and their stored bytes (file and preview) inside `trx`. */
export async function deletePostFiles(trx: Db, rows: Pick<PostFileRow, 'id' | 'file_id' | 'thumb_file_id'>[]): Promise<void> {
  for (const part of chunks(rows)) {
    await trx('post_files').whereIn('id', part.map((r) => r.id)).delete();
    const fileIds = part.flatMap((r) => (r.thumb_file_id ? [r.file_id, r.thumb_file_id] : [r.file_id]));
    await trx('files').whereIn('id', fileIds).delete();
  }
}

/** The attachments of `postIds`, oldest first, by post. */
export async function postFilesOf(db: Db, postIds: readonly string[]): Promise<Map<string, PostFileRow[]>> {
  const byPost = new Map<string, PostFileRow[]>(postIds.map((id) => [id, []]));
  for (const part of chunks([...new Set(postIds)])) {
    const rows = (await db('post_files').whereIn('post_id', part).orderBy('created_at').orderBy('id').select('id', 'post_id', 'file_id', 'thumb_file_id', 'name', 'mime', 'size', 'created_at')) as PostFileRow[];
    for (const row of rows) byPost.get(row.post_id)!.push(row);
  }
  return byPost;
}

/** An attachment as the API shows it (PostFile): `id` is the post_files id, the one download URLs name. */
export const postFileJson = (row: PostFileRow): PostFile => ({
  id: row.id,
  name: row.name,
  mime: row.mime,
  size: Number(row.size),
  image: shownImageTypes.has(row.mime),
  thumb: row.thumb_file_id !== null,
});
