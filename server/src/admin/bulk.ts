import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import type { DocumentBulkReport, DocumentBulkRow } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { authOf, type Auth } from '../auth/middleware.ts';
import { today } from '../calendar.ts';
import { sendPrivateJson } from '../http/params.ts';
import { newId } from '../ids.ts';
import { allowedTypeOf, fileNameProblem, lineProblem, multipart, multipartFields, requiredFiles, storeFile, type UploadedFile } from '../http/upload.ts';
import { requireManager } from './guard.ts';
import { audit } from './audit.ts';
import { categoriesOf } from './scope.ts';
import type { NotifyChoice } from './document-view.ts';
import { releaseDocument } from './release-write.ts';
import { checkUnpackedSize, openArchive, readEntry, type Archive, type ArchiveEntry } from './bulk-archive.ts';
import { categoryFinder, parseDate, parseIndex, type IndexRow } from './bulk-index.ts';
import { referenceFinder, type Named } from './bulk-match.ts';
import { duplicatesOf } from './bulk-duplicates.ts';

// POST /admin/documents/bulk: many personal documents at once, from a ZIP of files and a CSV index
// (file;reference;category;title;date, see bulk-index.ts and bulk-match.ts). Every line is judged on its own: its
// file must be in the ZIP (by its name there, or by the file name alone when that is unique) and of an allowed type,
// its category, title and date valid, its reference one person. `dryRun=true` stores nothing; otherwise every matched
// line becomes a document released to that person (rule `persons`), all in one transaction with the notices and the
// audit rows, and the other lines are only reported. A line that would give its person a document they have already,
// or that repeats an earlier line, is a `duplicate` (bulk-duplicates.ts), in a dry run too: an import sent twice
// stores and mails nothing the second time.

interface BulkFields extends Record<string, unknown> {
  dryRun: 'true' | 'false';
  notify: NotifyChoice;
}

/** A line on its way through the checks. */
interface Line {
  row: IndexRow;
  problems: string[];
  status: DocumentBulkRow['status'];
  person: Named | null;
  entry: ArchiveEntry | null;
  categoryId: string | null;
  date: string | null;
  mime: string | null;
  /** The file's SHA-256 (hex), once read. */
  sha256: string | null;
  documentId: string | null;
}

/** The ZIP entry a line names: its full name, else a unique file name. */
function entryFinder(archive: Archive): (file: string) => { entry: ArchiveEntry } | { problem: string } {
  return (file) => {
    if (file === '') return { problem: 'No file name.' };
    const exact = archive.entries.filter((e) => e.name === file);
    const found = exact.length > 0 ? exact : archive.entries.filter((e) => e.baseName === file);
    if (found.length === 1) return { entry: found[0]! };
    return { problem: found.length === 0 ? `The archive has no file "${file}".` : `The archive has several files named "${file}"; give the folder too.` };
  };
}

/** Judges each line against the archive, the categories and the persons (nothing read from the archive yet). */
async function judge(ctx: Ctx, auth: Auth, rows: IndexRow[], archive: Archive): Promise<Line[]> {
  const findEntry = entryFinder(archive);
  const findCategory = categoryFinder(await categoriesOf(ctx.read, auth.org.id));
  const findPerson = await referenceFinder(ctx.read, auth.org.id, rows.map((r) => r.reference));
  return rows.map((row) => {
    const line: Line = { row, problems: [], status: 'invalid', person: null, entry: null, categoryId: null, date: null, mime: null, sha256: null, documentId: null };
    if (row.problem) {
      line.problems.push(row.problem);
      return line;
    }
    const entry = findEntry(row.file);
    if ('problem' in entry) line.problems.push(entry.problem);
    else {
      line.entry = entry.entry;
      const nameProblem = fileNameProblem(entry.entry.baseName);
      if (nameProblem) line.problems.push(nameProblem);
    }
    const category = findCategory(row.category);
    if ('problem' in category) line.problems.push(category.problem);
    else line.categoryId = category.id;
    if (row.title === '') line.problems.push('No title.');
    else if (row.title.length > 200) line.problems.push('The title is longer than 200 characters.');
    else {
      const titleProblem = lineProblem(row.title, 'The title');
      if (titleProblem) line.problems.push(titleProblem);
    }
    line.date = parseDate(row.date);
    if (line.date === null) line.problems.push(`The date "${row.date}" is not a day (YYYY-MM-DD or DD.MM.YYYY).`);
    else {
      const reference = findPerson(row.reference, line.date);
      if (reference.status === 'matched') line.person = reference.person;
      else if (line.problems.length > 0) line.problems.push(reference.message);
      else {
        line.status = reference.status;
        line.problems.push(reference.message);
        return line;
      }
    }
    if (line.problems.length === 0) line.status = 'matched';
    return line;
  });
}

/** Reads the files of the matched lines (each once) and refuses the lines whose file is not of an allowed type. */
async function readFiles(archive: Archive, lines: Line[], maxBytes: number): Promise<Map<ArchiveEntry, Buffer>> {
  const wanted = new Set(lines.filter((l) => l.status === 'matched').map((l) => l.entry!));
  checkUnpackedSize(wanted, maxBytes);
  const files = new Map<ArchiveEntry, { bytes: Buffer; mime: string | null } | { problem: string }>();
  for (const entry of wanted) {
    try {
      const bytes = await readEntry(archive, entry);
      files.set(entry, { bytes, mime: await allowedTypeOf(bytes) });
    } catch (err) {
      files.set(entry, { problem: `The file cannot be unpacked: ${(err as Error).message}.` });
    }
  }
  const accepted = new Map<ArchiveEntry, Buffer>();
  for (const line of lines) {
    if (line.status !== 'matched') continue;
    const file = files.get(line.entry!)!;
    if ('problem' in file) line.problems.push(file.problem);
    else if (file.mime === null) line.problems.push('Not an allowed file type (PDF, JPEG, PNG, WebP, HEIC, DOCX or XLSX, judged by its content).');
    else {
      line.mime = file.mime;
      line.sha256 = createHash('sha256').update(file.bytes).digest('hex');
      accepted.set(line.entry!, file.bytes);
      continue;
    }
    line.status = 'invalid';
  }
  return accepted;
}

/** Turns the matched lines that are duplicates (bulk-duplicates.ts) into `duplicate` ones, with the reason. */
async function markDuplicates(db: Db, organizationId: string, day: string, lines: Line[]): Promise<void> {
  const matched = lines.filter((l) => l.status === 'matched');
  const reasons = await duplicatesOf(db, organizationId, day, matched.map((l) => ({ sha256: l.sha256!, person: l.person!, title: l.row.title, line: l.row.line })));
  matched.forEach((line, i) => {
    const reason = reasons[i];
    if (!reason) return;
    line.status = 'duplicate';
    line.problems.push(reason);
  });
}

/**
 * Stores every matched line that is no duplicate: each file once, a document per line released to its person,
 * notices, audit rows. The organization's row stays locked until the commit, so a second import at once finds the
 * first one's documents when it looks for duplicates (SQLite's write transactions take turns anyway).
 */
async function store(ctx: Ctx, req: Request, auth: Auth, lines: Line[], files: Map<ArchiveEntry, Buffer>, notify: NotifyChoice): Promise<void> {
  if (!lines.some((l) => l.status === 'matched')) return;
  const day = today(ctx.clock, auth.org.timeZone);
  await ctx.db.transaction(async (trx) => {
    await trx('organizations').where({ id: auth.org.id }).forUpdate().first('id');
    await markDuplicates(trx, auth.org.id, day, lines);
    const fileIds = new Map<ArchiveEntry, string>();
    for (const line of lines.filter((l) => l.status === 'matched')) {
      const entry = line.entry!;
      let fileId = fileIds.get(entry);
      if (!fileId) {
        fileId = await storeFile(trx, ctx, { organizationId: auth.org.id, name: entry.baseName, mime: line.mime!, bytes: files.get(entry)! });
        fileIds.set(entry, fileId);
      }
      const documentId = newId();
      await trx('documents').insert({
        id: documentId, organization_id: auth.org.id, category_id: line.categoryId, file_id: fileId, title: line.row.title, document_date: line.date,
        period_label: null, source: 'bulk', created_by: auth.user.id, created_at: ctx.clock().toISOString(),
      });
      await audit(trx, ctx, {
        req, auth, action: 'document.imported', entityType: 'document', entityId: documentId,
        detail: { line: line.row.line, file: entry.name, reference: line.row.reference, personId: line.person!.id, categoryId: line.categoryId, fileId },
      });
      const spec = { rule: 'persons' as const, role: null, periodFrom: null, periodTo: null, personIds: [line.person!.id], unitIds: [], propertyIds: [] };
      await releaseDocument(trx, ctx, { req, auth, documentId, spec, notify, today: day, detail: { line: line.row.line } });
      line.documentId = documentId;
    }
  });
}

export function bulkAdminRoutes(ctx: Ctx): Router {
  const router = Router();
  const fields = multipartFields<BulkFields>('DocumentBulkUpload');
  const maxBytes = ctx.config.uploadMaxBytes;

  router.post('/documents/bulk', requireManager(ctx), multipart({ files: ['archive', 'index'], maxFileBytes: maxBytes }), async (req, res) => {
    const auth = authOf(res);
    const { dryRun, notify } = fields(req);
    const [indexFile, archiveFile] = requiredFiles(req, ['index', 'archive']) as [UploadedFile, UploadedFile];
    const rows = parseIndex(indexFile.buffer);
    const archive = await openArchive(archiveFile.buffer);
    const lines = await judge(ctx, auth, rows, archive);
    const files = await readFiles(archive, lines, maxBytes);
    if (dryRun === 'false') await store(ctx, req, auth, lines, files, notify);
    else await markDuplicates(ctx.read, auth.org.id, today(ctx.clock, auth.org.timeZone), lines);
    const count = (status: DocumentBulkRow['status']) => lines.filter((l) => l.status === status).length;
    const body: DocumentBulkReport = {
      dryRun: dryRun === 'true',
      matched: count('matched'),
      unmatched: count('unmatched'),
      ambiguous: count('ambiguous'),
      invalid: count('invalid'),
      duplicate: count('duplicate'),
      rows: lines.map((l) => ({
        line: l.row.line,
        file: l.row.file,
        reference: l.row.reference,
        status: l.status,
        personName: l.person?.name ?? null,
        documentId: l.documentId,
        message: l.problems.length > 0 ? l.problems.join(' ') : null,
      })),
    };
    sendPrivateJson(res, body);
  });

  return router;
}
