import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import { fileTypeFromBuffer } from 'file-type';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { repoRoot } from '../config.ts';
import { newId } from '../ids.ts';
import { HttpProblem, validationProblem } from './problems.ts';
import { componentValidator } from './openapi-validate.ts';

/** The contract whose schemas describe the forms. */
const specFile = resolve(repoRoot, 'packages', 'api', 'openapi.yaml');

// Uploads (DESIGN §6a): multipart bodies parsed by multer into memory with limits on the size of each file, the
// number of files and fields (413 naming the field), UTF-8 file names decoded exactly, the type sniffed from the bytes
// against an allow-list (415), the text fields checked against the contract's schema of the body (400 naming each
// field, as the JSON validator does for JSON bodies), the bytes stored in `files`. A client's file name is kept for
// the download and never used as a path or a type.

/** What may be uploaded, by the type sniffed from the bytes (file-type): PDF, JPEG, PNG, WebP, HEIC, DOCX, XLSX. */
export const allowedTypes: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/** A file part as multer keeps it in memory. */
export type UploadedFile = Express.Multer.File;

/** Longest file name kept (`files.original_name`), in characters. */
export const maxFileNameLength = 255;

export interface MultipartOptions {
  /** The names of the file parts, one file each. */
  files: string[];
  /** Largest file, in bytes. */
  maxFileBytes: number;
  /** Text fields at most, and the longest value in bytes. */
  maxFields?: number;
  maxFieldBytes?: number;
}

/**
 * A size in bytes as people read it, in the binary units the limits are set in: "20 MB", "1.5 MB", "64 KB",
 * "900 bytes" (one decimal at most).
 */
export function sizeText(bytes: number): string {
  const [value, unit] = bytes >= 1024 ** 2 ? [bytes / 1024 ** 2, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, bytes === 1 ? 'byte' : 'bytes'];
  return `${Number.isInteger(value) ? value : value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

/** 413 naming the field; a size limit's exact byte count goes along as the problem's `limitBytes`. */
const tooLarge = (code: string, field: string, message: string, fieldCode = 'too_large', limitBytes?: number) =>
  new HttpProblem(413, code, message, { errors: [{ field, code: fieldCode, message }], extra: limitBytes === undefined ? {} : { limitBytes } });
const badPart = (field: string, message: string, code = 'invalid') =>
  new HttpProblem(400, 'validation_failed', message, { errors: [{ field, code, message }] });

/** multer's and busboy's errors as problems: limits are 413 naming the field, a malformed body is 400. */
function uploadProblem(err: unknown, options: Required<MultipartOptions>): HttpProblem {
  if (err instanceof HttpProblem) return err;
  if (err instanceof MulterError) {
    const field = err.field ?? '/';
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return tooLarge('file_too_large', field, `The file is larger than ${sizeText(options.maxFileBytes)}.`, 'too_large', options.maxFileBytes);
      case 'LIMIT_FILE_COUNT':
        return tooLarge('too_many_files', options.files.join(', '), `At most ${options.files.length} file(s): ${options.files.join(', ')}.`, 'too_many');
      case 'LIMIT_FIELD_VALUE':
        return tooLarge('field_too_large', field, `The field is longer than ${sizeText(options.maxFieldBytes)}.`, 'too_large', options.maxFieldBytes);
      case 'LIMIT_FIELD_COUNT':
      case 'LIMIT_PART_COUNT':
        return tooLarge('too_many_fields', '/', `At most ${options.maxFields} fields.`, 'too_many');
      default:
        return badPart(field, `The multipart body is not valid: ${err.message}.`);
    }
  }
  return new HttpProblem(400, 'malformed_multipart', 'The body is not a valid multipart/form-data body.');
}

/**
 * Parses a multipart/form-data body into `req.body` (text fields) and `req.files` (in memory): one file per name of
 * `options.files`. A second file of a name, or a file part with another name, is refused before it is read; a file over
 * `maxFileBytes` or too many fields stops the upload with 413 naming the field. File names are decoded as UTF-8
 * (busboy's `defParamCharset`; RFC 5987 `filename*` works too), so "Jahresabrechnung 2025 – Müller & Söhne.pdf" is
 * kept exactly.
 */
export function multipart(options: MultipartOptions): RequestHandler {
  const settings: Required<MultipartOptions> = { maxFields: 10, maxFieldBytes: 8 * 1024, ...options };
  const parser = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: {
      fileSize: settings.maxFileBytes,
      // One more than expected: the extra one is refused by the filter below, which can name its field.
      files: settings.files.length + 1,
      fields: settings.maxFields,
      fieldSize: settings.maxFieldBytes,
      parts: settings.maxFields + settings.files.length + 1,
      fieldNameSize: 100,
      // `a[b]` names are no fields of ours; refused instead of turned into objects.
      fieldNestingDepth: 0,
    },
    fileFilter(req, file, cb) {
      const seen = ((req as Request & { seenFileParts?: Set<string> }).seenFileParts ??= new Set());
      if (!settings.files.includes(file.fieldname)) return cb(badPart(file.fieldname, `Unexpected file part '${file.fieldname}'.`, 'unknown_field'));
      if (seen.has(file.fieldname)) return cb(tooLarge('too_many_files', file.fieldname, `Send one file as '${file.fieldname}'.`, 'too_many'));
      seen.add(file.fieldname);
      cb(null, true);
    },
  }).any();
  return (req: Request, res: Response, next: NextFunction) => {
    parser(req, res, (err?: unknown) => next(err === undefined ? undefined : uploadProblem(err, settings)));
  };
}

/** The uploaded file of the part `name`, if one came. */
export const fileOf = (req: Request, name: string): UploadedFile | undefined =>
  (Array.isArray(req.files) ? req.files : []).find((f) => f.fieldname === name);

/** The type sniffed from the bytes when it is on {@link allowedTypes}, else null (the name and the declared type never count). */
export async function allowedTypeOf(bytes: Uint8Array): Promise<string | null> {
  const type = await fileTypeFromBuffer(bytes);
  return type && allowedTypes.has(type.mime) ? type.mime : null;
}

export const refusedType = (field: string): HttpProblem =>
  new HttpProblem(415, 'unsupported_file_type', 'The file must be a PDF, JPEG, PNG, WebP, HEIC, DOCX or XLSX (judged by its content).', {
    errors: [{ field, code: 'type', message: 'Not an allowed file type.' }],
  });

/**
 * Why a client's file name cannot be kept, or null: it must be 1–255 characters without control characters (the
 * name is only ever a download name, but it must fit the column and a header).
 */
export function fileNameProblem(name: string): string | null {
  if (name.length === 0) return 'The file has no name.';
  if (name.length > maxFileNameLength) return `The file name is longer than ${maxFileNameLength} characters.`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'The file name contains control characters.';
  return null;
}

/**
 * Why a text meant as one line (a title, a label) cannot be kept, or null: it is blank, or it holds line breaks or
 * other control characters (a title ends up in lists, mail subjects and mail lines). `what` names it: "The title".
 */
export function lineProblem(text: string, what: string): string | null {
  if (text.trim() === '') return `${what} is blank.`;
  if (/[\u0000-\u001f\u007f]/.test(text)) return `${what} contains line breaks or other control characters.`;
  return null;
}

/**
 * The uploaded files of the parts `names`, in that order, or 400 naming each part that came as no file: missing, or
 * sent as a text field (`curl -F index=<file.csv` sends the file's text, not a file), which the contract's check of
 * the fields counts as present.
 */
export function requiredFiles(req: Request, names: string[]): UploadedFile[] {
  const files = names.map((name) => fileOf(req, name));
  const missing = names.filter((_, i) => !files[i]);
  if (missing.length > 0) {
    const errors = missing.map((field) => ({ field, code: 'required', message: `Send the file as the part '${field}'.` }));
    throw new HttpProblem(400, 'validation_failed', errors.map((e) => e.message).join(' '), { errors });
  }
  return files as UploadedFile[];
}

/** The uploaded file of the part `name`, its name checked and its type sniffed: 400 if missing, empty or badly named, 415 if refused. */
export async function acceptedFile(req: Request, name: string): Promise<{ file: UploadedFile; mime: string }> {
  const [file] = requiredFiles(req, [name]) as [UploadedFile];
  const problem = fileNameProblem(file.originalname);
  if (problem) throw badPart(name, problem);
  if (file.size === 0) throw badPart(name, 'The file is empty.', 'empty');
  const mime = await allowedTypeOf(file.buffer);
  if (!mime) throw refusedType(name);
  return { file, mime };
}

export interface StoredFileInput {
  organizationId: string;
  name: string;
  mime: string;
  bytes: Buffer;
}

/** Stores the bytes in `files` (with their SHA-256, size, sniffed type and the client's name) and returns the row's id. */
export async function storeFile(trx: Db, ctx: Pick<Ctx, 'clock'>, input: StoredFileInput): Promise<string> {
  const id = newId();
  await trx('files').insert({
    id,
    organization_id: input.organizationId,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    size: input.bytes.length,
    mime: input.mime,
    original_name: input.name,
    bytes: input.bytes,
    created_at: ctx.clock().toISOString(),
  });
  return id;
}

/**
 * Checks the text fields and file parts of a multipart body against `components/schemas/<schemaName>` of the contract
 * (file parts count as present strings; defaults are filled in) and returns the fields; 400 `validation_failed` with
 * one error per broken rule, each naming its form field (`title`, `file`), otherwise. A field the schema does not
 * name is refused (`unknown_field`) like an unknown property of a JSON body, not dropped: a misspelt optional field
 * would otherwise be lost without a word. Compile it once at start-up.
 */
export function multipartFields<T extends Record<string, unknown>>(schemaName: string): (req: Request) => T {
  const { check, names } = componentValidator(specFile, schemaName);
  return (req) => {
    const fields: Record<string, unknown> = { ...(req.body as Record<string, unknown> | undefined) };
    for (const file of Array.isArray(req.files) ? req.files : []) fields[file.fieldname] = '';
    const unknown = Object.keys(fields).filter((k) => !names.has(k));
    if (unknown.length > 0)
      throw validationProblem(`Unknown field(s): ${unknown.join(', ')}.`, unknown.map((k) => ({ field: k, keyword: 'additionalProperties', message: `Unknown field '${k}'.` })));
    const nul = Object.keys(fields).find((k) => typeof fields[k] === 'string' && (fields[k] as string).includes('\u0000'));
    if (nul) throw badPart(nul, 'The field contains a NUL character.');
    const violations = check(fields);
    if (violations.length > 0) throw validationProblem(violations.map((v) => `${v.field} ${v.message}`).join(', '), violations);
    return fields as T;
  };
}
