import { PassThrough, pipeline } from 'node:stream';
import type { Response } from 'express';
import { ZipFile } from 'yazl';
import type { Db } from '../db.ts';
import { notFound } from '../http/params.ts';
import { downloadHeaders, downloadName } from '../http/download.ts';
import { myDocuments } from './queries.ts';
import { servedType } from './download.ts';

// GET /documents/archive: several of my documents in one ZIP, streamed. Every id is checked first, in one query;
// one that is not mine answers 404 for the whole request before a byte is sent. The files are then read from the
// database one at a time, when the ZIP writer reaches them, so an archive never holds more than one file in memory.
// Entries are stored as they are (every allowed type is compressed already), which also lets the ZIP's length be
// known in advance (Content-Length).

export interface ArchiveEntry {
  id: string;
  fileId: string;
  /** The name inside the ZIP: the download name (http/download.ts `downloadName`), made safe and unique ({@link entryNames}). */
  name: string;
  size: number;
  documentDate: string;
}

/**
 * A file name as the name of a ZIP entry: no folders (`/`, `\`), no characters Windows refuses in names, no control
 * characters, no leading or trailing blanks or dots; "Dokument" when nothing is left.
 */
export function entryName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return safe === '' ? 'Dokument' : safe;
}

/**
 * Safe, unique entry names for `names`, in order: a name used before (ignoring case, as Windows and macOS do) gets
 * " (2)", " (3)" … before its extension.
 */
export function entryNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const name = entryName(raw);
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The entries for `ids` (duplicates once, in the order asked), or a 404 problem when any id is not one of mine. */
export async function archiveEntries(db: Db, organizationId: string, personId: string | null, today: string, ids: string[]): Promise<ArchiveEntry[]> {
  if (personId === null) throw notFound();
  const unique = [...new Set(ids)];
  const rows = (await myDocuments(db, organizationId, personId, today)
    .join('files as f', 'f.id', 'd.file_id')
    .whereIn('d.id', unique)
    .select('d.id', 'd.file_id', 'd.document_date', 'f.original_name', 'f.mime', 'f.size')) as { id: string; file_id: string; document_date: string; original_name: string; mime: string; size: number | string }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (unique.some((id) => !byId.has(id))) throw notFound();
  const ordered = unique.map((id) => byId.get(id)!);
  const names = entryNames(ordered.map((r) => downloadName(r.original_name, servedType(r.mime))));
  return ordered.map((r, i) => ({ id: r.id, fileId: r.file_id, name: names[i]!, size: Number(r.size), documentDate: r.document_date }));
}

/** Reads one file's bytes (from the database, when the ZIP writer gets to it). */
async function fileBytes(db: Db, fileId: string): Promise<Buffer> {
  const row = (await db('files').where('id', fileId).first('bytes')) as { bytes: Buffer | Uint8Array } | undefined;
  if (!row) throw new Error(`file ${fileId} went away while its archive was written`);
  return Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes);
}

/**
 * Streams the ZIP of `entries` as the answer `Dokumente.zip`. A failure midway (a file that went away, a size that
 * does not match) cuts the connection, so the client sees an incomplete download, never a damaged file as complete.
 */
export function sendArchive(res: Response, db: Db, entries: ArchiveEntry[]): void {
  const zip = new ZipFile();
  for (const entry of entries) {
    const options = { size: entry.size, compress: false, mtime: new Date(`${entry.documentDate}T12:00:00Z`) };
    zip.addReadStreamLazy(entry.name, options, (done) => {
      fileBytes(db, entry.fileId).then(
        (bytes) => done(null, new PassThrough().end(bytes)),
        (err: unknown) => done(err, new PassThrough()),
      );
    });
  }
  downloadHeaders(res, { type: 'application/zip', name: 'Dokumente.zip' });
  (zip.end as (options: undefined, total: (size: number) => void) => void).call(zip, undefined, (size) => {
    if (size >= 0 && !res.headersSent) res.setHeader('Content-Length', String(size));
  });
  zip.on('error', (err: Error) => res.destroy(err));
  pipeline(zip.outputStream, res, () => {});
}
