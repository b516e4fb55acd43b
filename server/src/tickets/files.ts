import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { CommentVisibility } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { newId } from '../ids.ts';
import { HttpProblem } from '../http/problems.ts';
import { fileNameProblem, multipartFields, sizeText, storeFile, type UploadedFile } from '../http/upload.ts';
import { processAttachment } from './photos.ts';

// Files of tickets and their comments: several parts named `files` in one multipart body (http/upload.ts takes one
// file per part name, so the parts are read here with the same settings: memory, UTF-8 names, limits answered as
// 413 problems), checked and processed by photos.ts before any transaction, stored in `files` and `ticket_files`.

/** A file checked and processed, ready to store (outside any transaction: image work takes time). */
export interface PreparedFile {
  name: string;
  mime: string;
  bytes: Buffer;
  thumb: Buffer | null;
}

/** The part name of ticket attachments. */
export const filesPart = 'files';

/** Text fields of a ticket request at most, and the longest in bytes (`values` holds up to 100,000 characters). */
const maxFields = 12;
const maxFieldBytes = 400 * 1024;

/** 413 for `count` files over `limit`. */
export const tooManyFiles = (limit: number): HttpProblem =>
  new HttpProblem(413, 'too_many_files', `At most ${limit} file(s).`, { errors: [{ field: filesPart, code: 'too_many', message: `At most ${limit} file(s).` }] });

/** 413 naming the file larger than `limitBytes`. */
export const fileTooLarge = (name: string, limitBytes: number): HttpProblem => {
  const message = `"${name}" is larger than ${sizeText(limitBytes)}.`;
  return new HttpProblem(413, 'file_too_large', message, { errors: [{ field: filesPart, code: 'too_large', message }], extra: { limitBytes } });
};

/** multer's errors for a ticket body as problems. */
function partsProblem(err: unknown, maxFiles: number, maxFileBytes: number, req: Request): HttpProblem {
  if (err instanceof HttpProblem) return err;
  if (!(err instanceof MulterError)) return new HttpProblem(400, 'malformed_multipart', 'The body is not a valid multipart/form-data body.');
  const tooLarge = (code: string, message: string, fieldCode: string, extra = {}) =>
    new HttpProblem(413, code, message, { errors: [{ field: err.field ?? '/', code: fieldCode, message }], extra });
  switch (err.code) {
    case 'LIMIT_FILE_COUNT':
      return tooManyFiles(maxFiles);
    case 'LIMIT_FILE_SIZE':
      // multer names the part, not the file; the file being read is the last one it saw.
      return fileTooLarge((req as Request & { lastFileName?: string }).lastFileName ?? filesPart, maxFileBytes);
    case 'LIMIT_FIELD_VALUE':
      return tooLarge('field_too_large', `The field is longer than ${sizeText(maxFieldBytes)}.`, 'too_large', { limitBytes: maxFieldBytes });
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_PART_COUNT':
      return tooLarge('too_many_fields', `At most ${maxFields} fields.`, 'too_many');
    default:
      return new HttpProblem(400, 'validation_failed', `The multipart body is not valid: ${err.message}.`, { errors: [{ field: err.field ?? '/', code: 'invalid', message: err.message }] });
  }
}

/** Ticket fields that are no text: multipart sends them as text ("3", "true"), the schemas take their JSON types. */
const fieldTypes: Record<string, 'integer' | 'boolean'> = { version: 'integer', consent: 'boolean' };

/** The text fields with {@link fieldTypes} turned into numbers and booleans where they are written as such. */
function typedFields(body: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const [name, type] of Object.entries(fieldTypes)) {
    const value = out[name];
    if (typeof value !== 'string') continue;
    if (type === 'integer' && /^-?\d{1,15}$/.test(value)) out[name] = Number(value);
    if (type === 'boolean' && (value === 'true' || value === 'false')) out[name] = value === 'true';
  }
  return out;
}

/**
 * Multipart parsing for ticket requests (http/upload.ts `multipart`): fields checked against the named OpenAPI
 * schema (`TicketSubmission`, `TicketCommentUpload`, …), files in parts named `files`, at most `maxFiles` of at most
 * the server's upload limit each (413 problem otherwise). A form's own smaller limits are checked by the caller.
 * Afterwards `req.body` holds the checked fields (defaults filled in) and `req.files` the files in the order sent.
 */
export function ticketMultipart(ctx: Pick<Ctx, 'config'>, schemaName: string, maxFiles = 10): RequestHandler[] {
  const maxFileBytes = ctx.config.uploadMaxBytes;
  const parser = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: maxFileBytes, files: maxFiles, fields: maxFields, fieldSize: maxFieldBytes, parts: maxFields + maxFiles, fieldNameSize: 100, fieldNestingDepth: 0 },
    fileFilter(req, file, cb) {
      if (file.fieldname !== filesPart) {
        const message = `Unexpected file part '${file.fieldname}'; send files as '${filesPart}'.`;
        return cb(new HttpProblem(400, 'validation_failed', message, { errors: [{ field: file.fieldname, code: 'unknown_field', message }] }));
      }
      (req as Request & { lastFileName?: string }).lastFileName = file.originalname;
      cb(null, true);
    },
  }).any();
  const fields = multipartFields(schemaName);
  return [
    (req: Request, res: Response, next: NextFunction) => parser(req, res, (err?: unknown) => next(err === undefined ? undefined : partsProblem(err, maxFiles, maxFileBytes, req))),
    (req: Request, _res: Response, next: NextFunction) => {
      // The files are checked by the caller (count, size, type); the schema's `files` describes them for clients.
      req.body = fields({ body: typedFields(req.body as Record<string, unknown> | undefined) } as Request);
      next();
    },
  ];
}

/** The files of a request parsed by {@link ticketMultipart}, in the order sent. */
export const ticketFilesOf = (req: Request): UploadedFile[] => (Array.isArray(req.files) ? req.files : []);

/**
 * Check and process uploaded files: the type sniffed from the bytes (JPEG, PNG, WebP, HEIC, PDF; throws a 415
 * problem otherwise), JPEG/PNG/WebP re-encoded without metadata (EXIF location), HEIC converted to JPEG (the name
 * gets ".jpg"; a HEIC that cannot be read is kept as a download without preview), a JPEG preview for each image,
 * the UTF-8 name kept. An empty file or a name beyond 255 characters or with control characters is a 400.
 */
export async function prepareTicketFiles(files: readonly Express.Multer.File[]): Promise<PreparedFile[]> {
  const prepared: PreparedFile[] = [];
  // One after the other: a phone photo decoded takes tens of megabytes.
  for (const file of files) {
    const problem = file.size === 0 ? `"${file.originalname}" is empty.` : fileNameProblem(file.originalname);
    if (problem) throw new HttpProblem(400, 'validation_failed', problem, { errors: [{ field: filesPart, code: file.size === 0 ? 'empty' : 'invalid', message: problem }] });
    prepared.push(await processAttachment(file.originalname, file.buffer, filesPart));
  }
  return prepared;
}

/** Where prepared files belong. */
export interface TicketFilesTarget {
  organizationId: string;
  ticketId: string;
  commentId: string | null;
  visibility: CommentVisibility;
  uploadedBy: string | null;
}

/** Store prepared files in `files` and `ticket_files` inside `trx`; returns the new ticket_files ids. */
export async function storeTicketFiles(trx: Db, ctx: Pick<Ctx, 'clock'>, target: TicketFilesTarget, files: readonly PreparedFile[]): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    const fileId = await storeFile(trx, ctx, { organizationId: target.organizationId, name: file.name, mime: file.mime, bytes: file.bytes });
    const thumbId = file.thumb
      ? await storeFile(trx, ctx, { organizationId: target.organizationId, name: 'preview.jpg', mime: 'image/jpeg', bytes: file.thumb })
      : null;
    const id = newId();
    await trx('ticket_files').insert({
      id, ticket_id: target.ticketId, comment_id: target.commentId, file_id: fileId, thumb_file_id: thumbId, visibility: target.visibility,
      name: file.name, mime: file.mime, size: file.bytes.length, uploaded_by: target.uploadedBy, created_at: ctx.clock().toISOString(),
    });
    ids.push(id);
  }
  return ids;
}
