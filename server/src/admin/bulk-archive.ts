import { isUtf8 } from 'node:buffer';
import yauzl from 'yauzl';
import { HttpProblem } from '../http/problems.ts';
import { sizeText } from '../http/upload.ts';

// The ZIP of a bulk import, read from memory with yauzl. Its entry names are only compared with the names in the CSV:
// they are never a path on this machine. Guards against archives that unpack to far more than they weigh: at most
// `maxArchiveEntries` entries, and the entries that are read together at most the upload limit (their declared
// sizes, and yauzl checks that each inflates to exactly its declared size).

export const maxArchiveEntries = 2000;

type Entry = yauzl.Entry & { fileName: Buffer | string; extraFields: { id: number; data: Buffer }[] };
const fileNameOf = (yauzl as unknown as { getFileNameLowLevel(flags: number, name: Buffer, extra: Entry['extraFields'], strict: boolean): string }).getFileNameLowLevel;

export interface ArchiveEntry {
  /** The entry's name, NFC: `folder/Abrechnung Top 7.pdf`. */
  name: string;
  /** The last segment of the name: what the download is called. */
  baseName: string;
  size: number;
  entry: yauzl.Entry;
}

export interface Archive {
  zip: yauzl.ZipFile;
  entries: ArchiveEntry[];
}

const archiveProblem = (status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  new HttpProblem(status, code, message, { errors: [{ field: 'archive', code, message }], extra });

/**
 * The entry's name: UTF-8 when flagged (or given in the Info-ZIP Unicode path field), else CP437 — unless the bytes
 * are valid UTF-8, which is what macOS and most tools write without setting the flag.
 */
function nameOf(entry: Entry): string {
  const raw = Buffer.isBuffer(entry.fileName) ? entry.fileName : Buffer.from(entry.fileName, 'utf8');
  const flagged = (entry.generalPurposeBitFlag & 0x800) !== 0;
  const unicodeField = entry.extraFields.some((f) => f.id === 0x7075);
  const name = !flagged && !unicodeField && isUtf8(raw) ? raw.toString('utf8') : fileNameOf(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
  return name.replace(/\\/g, '/').normalize('NFC');
}

/** The file entries of a ZIP (directories and macOS resource forks left out): 415 if it is no ZIP, 400 if damaged, 413 if too many. */
export async function openArchive(bytes: Buffer): Promise<Archive> {
  // Local file header, or the end record of an empty archive.
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || !((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6)))
    throw archiveProblem(415, 'unsupported_file_type', 'The archive must be a ZIP file.');
  return new Promise((resolve, reject) => {
    const damaged = (err: Error) => reject(archiveProblem(400, 'invalid_archive', `The ZIP file cannot be read: ${err.message}`));
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true } as yauzl.Options, (err, zip) => {
      if (err || !zip) return damaged(err ?? new Error('no archive'));
      if (zip.entryCount > maxArchiveEntries) return reject(archiveProblem(413, 'too_many_entries', `The archive may hold at most ${maxArchiveEntries} entries.`));
      const entries: ArchiveEntry[] = [];
      zip.on('error', damaged);
      zip.on('entry', (entry: Entry) => {
        const name = nameOf(entry);
        if (!name.endsWith('/') && !name.startsWith('__MACOSX/')) entries.push({ name, baseName: name.slice(name.lastIndexOf('/') + 1), size: entry.uncompressedSize, entry });
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries }));
      zip.readEntry();
    });
  });
}

/** The bytes of one entry; rejects when it does not inflate to its declared size (or is encrypted, or damaged). */
export function readEntry(archive: Archive, entry: ArchiveEntry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    archive.zip.openReadStream(entry.entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const parts: Buffer[] = [];
      let total = 0;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > entry.size) stream.destroy(new Error('larger than declared'));
        else parts.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(parts)));
    });
  });
}

/** 413 naming `archive` when the entries to be read unpack to more than `maxBytes` together. */
export function checkUnpackedSize(entries: Iterable<ArchiveEntry>, maxBytes: number): void {
  let total = 0;
  for (const e of entries) total += e.size;
  if (total > maxBytes) throw archiveProblem(413, 'archive_too_large', `The files named in the index unpack to more than ${sizeText(maxBytes)}.`, { limitBytes: maxBytes });
}
