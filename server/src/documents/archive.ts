import { PassThrough, pipeline } from 'node:stream';
import type { Response } from 'express';
import { ZipFile } from 'yazl';
import type { DocumentItem } from '@hausportal/api';
import type { Db } from '../db.ts';
import { notFound } from '../http/params.ts';
import { downloadHeaders, downloadName } from '../http/download.ts';
import type { ContractRow } from '../access/contracts.ts';
import { myDocuments, placeOf, selectItemColumns, type DocumentRow, type Reaching } from './queries.ts';
import { servedType } from './download.ts';

// GET /documents/archive: several of my documents in one ZIP, streamed. Every id is checked first, in one query;
// one that is not mine answers 404 for the whole request before a byte is sent. The files are then read from the
// database one at a time, when the ZIP writer reaches them, so an archive never holds more than one file in memory.
// Entries are stored as they are (every allowed type is compressed already), which also lets the ZIP's length be
// known in advance (Content-Length). Each file lies in a folder named after its place as the list shows it, so the
// "WE-Vertrag.pdf" of two properties are told apart.

export interface ArchiveEntry {
  id: string;
  fileId: string;
  /**
   * The path inside the ZIP: the folder of the document's place ({@link folderName}) and the download name
   * (http/download.ts `downloadName`), both made safe, the name unique in its folder ({@link entryNames}).
   */
  name: string;
  size: number;
  documentDate: string;
}

/**
 * A name as one segment of a ZIP entry's path: no folders (`/`, `\`), no characters Windows refuses in names
 * (`: * ? " < > |`), no control characters or marks that turn the writing direction (all replaced by `_`), no
 * leading or trailing blanks or dots; `fallback` when nothing is left.
 */
export function entryName(name: string, fallback = 'Dokument'): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return safe === '' ? fallback : safe;
}

/** A document's place as the list shows it. */
export type Place = Pick<DocumentItem['place'], 'propertyName' | 'top' | 'unitId'>;

/**
 * The folder for `place`, made safe ({@link entryName}): "<property name>, Top <top>" for a unit, "<property name>"
 * for a property, "Persönlich" for a document that reaches me as a person.
 */
export function folderName(place: Place): string {
  if (place.propertyName === null) return 'Persönlich';
  const property = place.propertyName.trim();
  return entryName(place.unitId === null ? property : `${property}, Top ${(place.top ?? '').trim()}`, 'Objekt');
}

/**
 * Safe, unique entry paths for `files` (a folder and a name each, in order): a name used before in the same folder
 * (ignoring case, as Windows and macOS do) gets " (2)", " (3)" … before its extension.
 */
export function entryNames(files: { folder: string; name: string }[]): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const name = entryName(file.name);
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    const path = (n: string) => `${file.folder}/${n}`;
    let candidate = name;
    for (let n = 2; taken.has(path(candidate).toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    taken.add(path(candidate).toLowerCase());
    return path(candidate);
  });
}

/**
 * The entries for `ids` (duplicates once, in the order asked), or a 404 problem when any id is not one of mine;
 * `contracts` are my contracts (access/contracts.ts `allMyContracts`), for the folders.
 */
export async function archiveEntries(db: Db, organizationId: string, personId: string | null, today: string, ids: string[], contracts: ContractRow[]): Promise<ArchiveEntry[]> {
  if (personId === null) throw notFound();
  const unique = [...new Set(ids)];
  const mine = selectItemColumns(db, myDocuments(db, organizationId, personId, today).join('files as f', 'f.id', 'd.file_id'));
  const rows = (await mine.whereIn('d.id', unique).select('d.file_id', 'g.unit_id', 'g.property_id')) as (DocumentRow & Pick<Reaching, 'unit_id' | 'property_id'> & { file_id: string })[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (unique.some((id) => !byId.has(id))) throw notFound();
  const ordered = unique.map((id) => byId.get(id)!);
  const names = entryNames(ordered.map((r) => ({ folder: folderName(placeOf(r, contracts)), name: downloadName(r.original_name, servedType(r.mime)) })));
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
