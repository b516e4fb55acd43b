import type { Db } from '../db.ts';
import { notFound } from '../http/params.ts';
import { myDocuments } from './queries.ts';

// Downloads of my documents. The release is checked in the same query that reads the file, on every request, so a
// revocation or a withdrawal takes effect with the next download; anything not mine is a 404 like an unknown id.

export interface DocumentFile {
  id: string;
  /** The original file name, as uploaded (UTF-8); only ever used as the offered name. */
  name: string;
  /** The type sniffed from the bytes at upload. */
  mime: string;
  bytes: Buffer;
}

const mediaType = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** The Content-Type a stored type is sent with: itself when it is a plain media type, else application/octet-stream. */
export const servedType = (mime: string): string => (mediaType.test(mime.toLowerCase()) ? mime.toLowerCase() : 'application/octet-stream');

/** My document `id` with its file, or a 404 problem (not mine, withdrawn, revoked, unknown, or no person). */
export async function myFile(db: Db, organizationId: string, personId: string | null, today: string, id: string): Promise<DocumentFile> {
  if (personId === null) throw notFound();
  const row = (await myDocuments(db, organizationId, personId, today)
    .join('files as f', 'f.id', 'd.file_id')
    .where('d.id', id)
    .first('d.id', 'f.original_name as name', 'f.mime', 'f.bytes')) as (Omit<DocumentFile, 'bytes'> & { bytes: Buffer | Uint8Array }) | undefined;
  if (!row) throw notFound();
  return { ...row, bytes: Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes) };
}
